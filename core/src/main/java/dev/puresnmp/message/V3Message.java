package dev.puresnmp.message;

import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.smi.Bytes;
import java.util.Objects;

/**
 * An SNMPv3 message (RFC 3412 §6) with the User-based Security Model's parameters (RFC 3414): the header
 * (msgID, the largest message the sender takes, the flags, the security model), the {@link UsmParameters}
 * and either the {@link ScopedPdu} in plain text or, with privacy, its encryption ({@link
 * #encryptedPdu}). Which of the two is present follows the privacy flag.
 *
 * <pre>{@code
 * V3Message m = (V3Message) MessageCodec.decode(datagram);
 * if (!m.encrypted()) {
 *   Pdu pdu = m.scopedPdu().pdu();
 * }
 * }</pre>
 */
public record V3Message(int msgId, int maxSize, int flags, UsmParameters usm, ScopedPdu scopedPdu, Bytes encryptedPdu)
    implements Message {

  /** msgFlags' authFlag: the message is authenticated. */
  public static final int AUTH = 0x01;
  /** msgFlags' privFlag: the scoped PDU is encrypted. */
  public static final int PRIV = 0x02;
  /** msgFlags' reportableFlag: a Report may answer this message (set on every confirmed-class PDU). */
  public static final int REPORTABLE = 0x04;
  /** msgSecurityModel of the User-based Security Model (RFC 3411 §5). */
  public static final int USM = 3;
  /** The smallest msgMaxSize an engine may announce (RFC 3412 §6). */
  public static final int MIN_MAX_SIZE = 484;

  public V3Message {
    Objects.requireNonNull(usm, "usm");
    if (msgId < 0) {
      throw new IllegalArgumentException("msgID is 0..2147483647: " + msgId);
    }
    if (maxSize < MIN_MAX_SIZE) {
      throw new IllegalArgumentException("msgMaxSize is at least " + MIN_MAX_SIZE + ": " + maxSize);
    }
    if ((flags & ~0xFF) != 0) {
      throw new IllegalArgumentException("msgFlags is one byte: " + flags); // its reserved bits are kept as they come
    }
    if ((flags & (AUTH | PRIV)) == PRIV) {
      throw new IllegalArgumentException("msgFlags: privacy without authentication");
    }
    if ((scopedPdu == null) == (encryptedPdu == null)) {
      throw new IllegalArgumentException("a message holds either a scoped PDU or its encryption");
    }
    if (((flags & PRIV) != 0) != (encryptedPdu != null)) {
      throw new IllegalArgumentException(encryptedPdu != null ? "an encrypted scoped PDU needs the privacy flag" : "the privacy flag needs an encrypted scoped PDU");
    }
  }

  @Override
  public SnmpVersion version() {
    return SnmpVersion.V3;
  }

  /**
   * The PDU of the plain-text scoped PDU.
   *
   * @throws IllegalStateException if the scoped PDU is encrypted: decrypt it first
   */
  @Override
  public Pdu pdu() {
    if (scopedPdu == null) {
      throw new IllegalStateException("the scoped PDU is encrypted");
    }
    return scopedPdu.pdu();
  }

  public boolean authenticated() {
    return (flags & AUTH) != 0;
  }

  public boolean encrypted() {
    return (flags & PRIV) != 0;
  }

  public boolean reportable() {
    return (flags & REPORTABLE) != 0;
  }
}
