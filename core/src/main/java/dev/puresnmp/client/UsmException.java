package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;

/**
 * An SNMPv3 request the agent's User-based Security Model refused (it answered with a Report, RFC 3414
 * §3.2), or an answer that failed our own checks. {@link #reason()} says which; the message says what to
 * check.
 *
 * <pre>{@code
 * catch (UsmException e) {
 *   if (e.reason() == UsmException.Reason.WRONG_DIGESTS) { ... the authentication pass phrase or protocol }
 * }
 * }</pre>
 */
public final class UsmException extends SnmpException {
  private static final long serialVersionUID = 1L;

  /** Why: the agent's usmStats counter that its Report names, or our own check that failed. */
  public enum Reason {
    /** usmStatsUnsupportedSecLevels: the user does not exist at this security level there. */
    UNSUPPORTED_SEC_LEVEL("1.3.6.1.6.3.15.1.1.1.0", "security level %3$s is not allowed for user %1$s at %2$s (check -l)"),
    /** usmStatsNotInTimeWindows: our idea of the agent's boots and time was off, after a resync too. */
    NOT_IN_TIME_WINDOW("1.3.6.1.6.3.15.1.1.2.0", "not in time window for user %s at %s, even after a resync"),
    /** usmStatsUnknownUserNames. */
    UNKNOWN_USER_NAME("1.3.6.1.6.3.15.1.1.3.0", "unknown user name %s at %s"),
    /** usmStatsUnknownEngineIDs: the agent does not know the engine ID we used, after a new discovery too. */
    UNKNOWN_ENGINE_ID("1.3.6.1.6.3.15.1.1.4.0", "unknown engine ID for user %s at %s, even after a new discovery (check -e)"),
    /** usmStatsWrongDigests: the MAC did not match: the authentication pass phrase or protocol is wrong. */
    WRONG_DIGESTS("1.3.6.1.6.3.15.1.1.5.0", "wrong authentication pass phrase or protocol for user %s at %s"),
    /** usmStatsDecryptionErrors: the agent could not decrypt: the privacy pass phrase or protocol is wrong. */
    DECRYPTION_ERROR("1.3.6.1.6.3.15.1.1.6.0", "the agent could not decrypt the request of user %s at %s: wrong privacy pass phrase or protocol"),
    /** snmpUnknownContexts: no such context there. */
    UNKNOWN_CONTEXT("1.3.6.1.6.3.12.1.5.0", "unknown context for user %s at %s (check -n)"),
    /** Our check: the answer's MAC does not match the user's key, or it did not decrypt. */
    BAD_ANSWER(null, "the answer to user %s from %s failed authentication or decryption");

    private final Oid counter;
    private final String format;

    Reason(String counter, String format) {
      this.counter = counter == null ? null : Oid.parse(counter);
      this.format = format;
    }

    /** The counter a Report of this reason names; null for our own checks. */
    public Oid counter() {
      return counter;
    }

    /** The reason a Report's counter means, or null for one this type does not know. */
    static Reason ofCounter(Oid oid) {
      for (Reason r : values()) {
        if (oid.equals(r.counter)) {
          return r;
        }
      }
      return null;
    }
  }

  private final transient Endpoint endpoint;
  private final Reason reason;

  /** {@code user} and {@code level} as the message names them: the user's name and its security level. */
  UsmException(Endpoint endpoint, Reason reason, String user, String level) {
    super(String.format(reason.format, user, endpoint, level));
    this.endpoint = endpoint;
    this.reason = reason;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Reason reason() {
    return reason;
  }
}
