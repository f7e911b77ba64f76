package dev.puresnmp.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * One agent's measured round-trip time and the retransmission timeout it implies, as RFC 6298 computes
 * TCP's: a smoothed round-trip time (SRTT) and its variation (RTTVAR) from every attempt known to be
 * answered, a timeout of SRTT + 4·RTTVAR, doubled after an attempt goes unanswered. Each request's
 * own timeout stays the ceiling: an attempt never waits longer than it, nor shorter than {@link
 * #MIN_TIMEOUT}, so with the same number of attempts the whole wait is never longer than with the fixed
 * timeout. The {@link AgentPacer} keeps one per agent for the clients that ask for it ({@code
 * SnmpClient.Builder.adaptiveTimeout(true)}); the transport feeds it and asks it how long to wait.
 *
 * <pre>{@code
 * RttEstimator rtt = new RttEstimator();
 * rtt.sample(TimeUnit.MILLISECONDS.toNanos(20));          // a reply 20 ms after the first attempt
 * long wait = rtt.timeoutNanos(Duration.ofSeconds(1).toNanos()); // 60 ms: 20 + 4 × 10
 * }</pre>
 *
 * <p>Which attempt a reply answers: the transport numbers a v1/v2c request's attempts in its request-id's
 * low bits, so every answered attempt is a sample, and a backed-off timeout comes back down with the
 * next reply, lost packets or not. Where it cannot number them (an SNMPv3 msgID is under the digest, a
 * caller's own request-id), Karn's rule holds: a reply may answer any attempt, so only a request sent
 * once gives a sample. Thread-safe: the transport's I/O thread updates it, senders read it.
 */
public final class RttEstimator {
  /**
   * The shortest an attempt waits: two ticks of the transport's 10 ms timeout wheel, below which a deadline
   * cannot be kept; an agent on the same host answers well within it, so it only spares a resend of
   * every request that the scheduler happened to delay by a few milliseconds.
   */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(20);

  /** RFC 6298 §2's G, the clock granularity: the transport's wheel tick. */
  static final long GRANULARITY_NANOS = Duration.ofMillis(10).toNanos();

  /** RFC 6298 §2.5: an upper bound of at least 60 s on what backing off may reach. */
  static final long MAX_NANOS = Duration.ofSeconds(60).toNanos();

  private static final long MIN_NANOS = MIN_TIMEOUT.toNanos();

  private long srtt; // ns; 0 before the first sample
  private long rttvar;
  /** The timeout an attempt waits now, before any request's ceiling; 0: no sample yet (wait the ceiling). */
  private volatile long rto;

  /**
   * A round trip of an attempt known to be answered (RFC 6298 §2.2 for the first, §2.3 after):
   * RTTVAR ← ¾·RTTVAR + ¼·|SRTT − R|, then SRTT ← ⅞·SRTT + ⅛·R, and the timeout SRTT + max(G, 4·RTTVAR),
   * which ends any backing off.
   */
  public synchronized void sample(long rttNanos) {
    long r = Math.max(1, rttNanos);
    if (srtt == 0) {
      srtt = r;
      rttvar = r / 2;
    } else {
      rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4; // β = 1/4, with the SRTT before this sample
      srtt = (7 * srtt + r) / 8; // α = 1/8
    }
    rto = Math.min(MAX_NANOS, Math.max(MIN_NANOS, srtt + Math.max(GRANULARITY_NANOS, 4 * rttvar)));
  }

  /**
   * An attempt that waited {@code waitedNanos} went unanswered: the timeout doubles (RFC 6298 §5.5), once
   * per round: an attempt that waited less than the timeout now was sent before an earlier doubling, and
   * many requests lost together (an agent's full buffer) must not double it once each. Without a sample
   * there is nothing to back off from: attempts wait their ceiling.
   */
  public synchronized void timedOut(long waitedNanos) {
    long r = rto;
    if (r != 0 && waitedNanos >= r) {
      rto = Math.min(MAX_NANOS, 2 * r);
    }
  }

  /** How long a request's first attempt waits: the estimate, within [{@link #MIN_TIMEOUT}, {@code ceilingNanos}]. */
  public long timeoutNanos(long ceilingNanos) {
    long r = rto;
    return r == 0 ? ceilingNanos : bound(r, ceilingNanos);
  }

  /**
   * How long a retry waits after an attempt that waited {@code previousNanos}: at least twice that
   * (Karn's backed-off timer, kept by the request until it ends), at least the estimate, at most {@code
   * ceilingNanos}.
   */
  public long retryTimeoutNanos(long ceilingNanos, long previousNanos) {
    long r = rto;
    long doubled = previousNanos > MAX_NANOS / 2 ? MAX_NANOS : 2 * previousNanos;
    return bound(Math.max(r == 0 ? ceilingNanos : r, doubled), ceilingNanos);
  }

  private static long bound(long nanos, long ceilingNanos) {
    return Math.min(ceilingNanos, Math.max(MIN_NANOS, nanos));
  }

  /** SRTT, once there was a sample. */
  public synchronized Optional<Duration> smoothedRtt() {
    return srtt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(srtt));
  }

  /** RTTVAR, once there was a sample. */
  public synchronized Optional<Duration> rttVariation() {
    return srtt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(rttvar));
  }

  /** The timeout now, backing off included and before any request's ceiling; empty before the first sample. */
  public Optional<Duration> timeout() {
    long r = rto;
    return r == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(r));
  }

  @Override
  public String toString() {
    return "RttEstimator[srtt=" + smoothedRtt().map(Duration::toString).orElse("none") + ", rttvar=" + rttVariation().map(Duration::toString).orElse("none")
        + ", timeout=" + timeout().map(Duration::toString).orElse("none") + "]";
  }
}
