package dev.puresnmp.security;

import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import java.util.Objects;

/**
 * What an {@link AuthoritativeEngine} made of one datagram: a {@link Request} that passed every check of
 * RFC 3414 §3.2 (its scoped PDU in plain text, for the caller to answer), or a {@link Refused} one, with
 * the Report to send back or nothing.
 *
 * <pre>{@code
 * Received r = engine.receive(datagram, 0, length);
 * if (r instanceof Received.Request q) {
 *   send(engine.respond(q, answer(q.scopedPdu())));
 * } else if (r instanceof Received.Refused no && !no.dropped()) {
 *   send(no.report().toByteArray());
 * }
 * }</pre>
 */
public sealed interface Received permits Received.Request, Received.Refused {

  /**
   * An accepted request: its msgID, the largest message its sender takes, the level it came at, the user
   * who sent it and its scoped PDU, decrypted.
   */
  record Request(int msgId, int maxSize, SecurityLevel level, Credentials.V3 user, ScopedPdu scopedPdu)
      implements Received {
    public Request {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(scopedPdu, "scopedPdu");
    }
  }

  /**
   * A refused datagram: why, and the encoded Report to send back ({@link Bytes#EMPTY} when nothing is
   * sent: undecodable input, a message that is not reportable, a scoped PDU that does not decode).
   */
  record Refused(Refusal reason, Bytes report) implements Received {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(report, "report");
    }

    /** True when nothing is to be sent back. */
    public boolean dropped() {
      return report.size() == 0;
    }
  }

  /** Why a message was refused: a usmStats counter of RFC 3414 §5, or snmpInASNParseErrs (RFC 3418). */
  enum Refusal {
    UNSUPPORTED_SEC_LEVEL("1.3.6.1.6.3.15.1.1.1.0"),
    NOT_IN_TIME_WINDOW("1.3.6.1.6.3.15.1.1.2.0"),
    UNKNOWN_USER_NAME("1.3.6.1.6.3.15.1.1.3.0"),
    UNKNOWN_ENGINE_ID("1.3.6.1.6.3.15.1.1.4.0"),
    WRONG_DIGEST("1.3.6.1.6.3.15.1.1.5.0"),
    DECRYPTION_ERROR("1.3.6.1.6.3.15.1.1.6.0"),
    PARSE_ERROR("1.3.6.1.2.1.11.6.0");

    private final Oid counter;

    Refusal(String counter) {
      this.counter = Oid.parse(counter);
    }

    /** The counter this refusal increments, which a Report of it names. */
    public Oid counter() {
      return counter;
    }
  }
}
