package dev.puresnmp.transport;

import dev.puresnmp.SnmpException;
import java.time.Duration;

/**
 * No reply came: every attempt waited its timeout (the whole configured one, or with adaptive
 * retransmission what the agent's round trip said). The message says what to check.
 *
 * <pre>{@code
 * catch (SnmpTimeoutException e) {
 *   // "timeout after 3 attempts of 1 s to 127.0.0.1:11161; check address, port and community/credentials"
 *   log.warn(e.getMessage());
 * }
 * }</pre>
 */
public final class SnmpTimeoutException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final transient Endpoint endpoint;
  private final int attempts;
  private final Duration timeout;
  private final boolean adaptive;

  public SnmpTimeoutException(Endpoint endpoint, int attempts, Duration timeout) {
    this(endpoint, attempts, timeout, false);
  }

  /**
   * {@code adaptive}: each attempt waited what the agent's measured round trip said, at most {@code
   * timeout} ("timeout after 9 adaptive attempts of at most 500 ms to …").
   */
  public SnmpTimeoutException(Endpoint endpoint, int attempts, Duration timeout, boolean adaptive) {
    this(endpoint, attempts, timeout, adaptive, "check address, port and community/credentials");
  }

  private SnmpTimeoutException(Endpoint endpoint, int attempts, Duration timeout, boolean adaptive, String check) {
    super(
        "timeout after "
            + attempts
            + (adaptive ? " adaptive" : "")
            + (attempts == 1 ? " attempt" : " attempts")
            + (adaptive ? " of at most " : " of ")
            + describe(timeout)
            + " to "
            + endpoint
            + "; "
            + check);
    this.endpoint = endpoint;
    this.attempts = attempts;
    this.timeout = timeout;
    this.adaptive = adaptive;
  }

  /**
   * This timeout saying what to check instead: an SNMPv3 agent gives no answer at all to a request it
   * cannot decrypt, so an authPriv timeout most likely means a wrong privacy pass phrase or protocol.
   */
  public SnmpTimeoutException withCheck(String check) {
    SnmpTimeoutException e = new SnmpTimeoutException(endpoint, attempts, timeout, adaptive, check);
    e.setStackTrace(getStackTrace());
    return e;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** How many times the request was sent. */
  public int attempts() {
    return attempts;
  }

  /** How long each attempt waited; when {@link #adaptive()}, the most any attempt could wait. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether each attempt waited the agent's measured round trip's timeout (at most {@link #timeout()}). */
  public boolean adaptive() {
    return adaptive;
  }

  /** "1 s", "1.5 s", "250 ms". */
  static String describe(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return (ms / 1000) + " s";
    }
    if (ms >= 1000) {
      return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
    }
    return ms + " ms";
  }
}
