package dev.puresnmp.message;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.BerWriter;
import dev.puresnmp.ber.Tag;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduCodec;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.ValueCodec;
import dev.puresnmp.smi.VarBind;
import java.util.List;

/**
 * The SNMPv3 envelope (RFC 3412 §6) with USM's parameters (RFC 3414 §2.4), for {@link MessageCodec}:
 *
 * <pre>
 * SEQUENCE { msgVersion INTEGER (3),
 *            SEQUENCE { msgID, msgMaxSize INTEGER, msgFlags OCTET STRING (1 byte), msgSecurityModel INTEGER },
 *            msgSecurityParameters OCTET STRING holding
 *              SEQUENCE { engineID OCTET STRING, boots INTEGER, time INTEGER, userName OCTET STRING,
 *                         authParameters OCTET STRING, privParameters OCTET STRING },
 *            SEQUENCE { contextEngineID OCTET STRING, contextName OCTET STRING, PDU }  -- or, with privacy,
 *            OCTET STRING (the scoped PDU, encrypted) }
 * </pre>
 */
final class V3Codec {
  private V3Codec() {}

  /** Reads the rest of an SNMPv3 message, after its version, up to the end of {@code r}'s current limit. */
  static V3Message read(BerReader r, List<VarBind> request) {
    int header = r.enter(Tag.SEQUENCE);
    int msgId = readNonNegative(r, "msgID");
    int maxSizeAt = r.absolutePosition();
    int maxSize = readNonNegative(r, "msgMaxSize");
    if (maxSize < V3Message.MIN_MAX_SIZE) {
      throw r.errorAt(maxSizeAt, "msgMaxSize " + maxSize + " is below " + V3Message.MIN_MAX_SIZE);
    }
    int flagsAt = r.absolutePosition();
    Bytes flagBytes = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    if (flagBytes.size() != 1) {
      throw r.errorAt(flagsAt, "msgFlags of " + flagBytes.size() + " bytes, expected 1");
    }
    int flags = flagBytes.get(0) & 0xFF;
    if ((flags & (V3Message.AUTH | V3Message.PRIV)) == V3Message.PRIV) {
      throw r.errorAt(flagsAt, "msgFlags: privacy without authentication");
    }
    int modelAt = r.absolutePosition();
    int model = readNonNegative(r, "msgSecurityModel");
    if (model != V3Message.USM) {
      throw r.errorAt(modelAt, "security model " + model + ": only the User-based Security Model (3) is read");
    }
    r.leave(header);

    int parameters = r.enter(Tag.OCTET_STRING); // msgSecurityParameters: an OCTET STRING holding BER
    int usm = r.enter(Tag.SEQUENCE);
    int engineAt = r.absolutePosition();
    Bytes engineId = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    int boots = readNonNegative(r, "msgAuthoritativeEngineBoots");
    int time = readNonNegative(r, "msgAuthoritativeEngineTime");
    int userAt = r.absolutePosition();
    Bytes user = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    Bytes auth = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    Bytes priv = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    r.leave(usm);
    r.leave(parameters);
    if (engineId.size() > UsmParameters.MAX_ID_LENGTH) {
      throw r.errorAt(engineAt, "engine ID of " + engineId.size() + " bytes, at most " + UsmParameters.MAX_ID_LENGTH);
    }
    if (user.size() > UsmParameters.MAX_ID_LENGTH) {
      throw r.errorAt(userAt, "user name of " + user.size() + " bytes, at most " + UsmParameters.MAX_ID_LENGTH);
    }
    UsmParameters params = new UsmParameters(engineId, boots, time, user, auth, priv);

    int dataAt = r.absolutePosition();
    boolean encrypted = r.peekTag() == Tag.OCTET_STRING;
    if (encrypted != ((flags & V3Message.PRIV) != 0)) {
      throw r.errorAt(dataAt, encrypted ? "an encrypted scoped PDU without the privacy flag" : "the privacy flag, but a plain-text scoped PDU");
    }
    if (encrypted) {
      return new V3Message(msgId, maxSize, flags, params, null, ValueCodec.readBytes(r, Tag.OCTET_STRING));
    }
    return new V3Message(msgId, maxSize, flags, params, readScopedPdu(r, request), null);
  }

  /** Reads a ScopedPDU SEQUENCE. */
  static ScopedPdu readScopedPdu(BerReader r, List<VarBind> request) {
    int scoped = r.enter(Tag.SEQUENCE);
    Bytes contextEngineId = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    Bytes contextName = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    Pdu pdu = PduCodec.read(r, request);
    r.leave(scoped);
    return new ScopedPdu(contextEngineId, contextName, pdu);
  }

  private static int readNonNegative(BerReader r, String field) {
    int at = r.absolutePosition();
    int v = r.readInt32(Tag.INTEGER);
    if (v < 0) {
      throw r.errorAt(at, field + " " + v + " is negative (0..2147483647)");
    }
    return v;
  }

  /**
   * Where the content of msgAuthenticationParameters starts in the SNMPv3 message {@code
   * message[offset .. offset+length)}: the place of the MAC, which is computed with zeros there.
   */
  static int authParametersOffset(byte[] message, int offset, int length) {
    BerReader r = new BerReader(message, offset, length);
    r.enter(Tag.SEQUENCE);
    skip(r); // msgVersion
    skip(r); // msgGlobalData
    r.enter(Tag.OCTET_STRING);
    r.enter(Tag.SEQUENCE);
    for (int i = 0; i < 4; i++) {
      skip(r); // engine ID, boots, time, user name
    }
    r.readHeader(Tag.OCTET_STRING);
    return r.absolutePosition();
  }

  private static void skip(BerReader r) {
    r.readTag();
    r.skip(r.readLength());
  }

  // ---- encoding: sized first, written backwards as BerWriter does

  static int sizeOf(V3Message m) {
    int data = m.encrypted() ? BerWriter.sizeOf(m.encryptedPdu().size()) : sizeOfScopedPdu(m.scopedPdu());
    int content = BerWriter.sizeOf(BerWriter.sizeOfIntContent(SnmpVersion.V3.code()))
        + sizeOfHeader(m)
        + BerWriter.sizeOf(sizeOfUsm(m.usm()))
        + data;
    return BerWriter.sizeOf(content);
  }

  static int sizeOfScopedPdu(ScopedPdu s) {
    return BerWriter.sizeOf(BerWriter.sizeOf(s.contextEngineId().size()) + BerWriter.sizeOf(s.contextName().size()) + PduCodec.sizeOf(s.pdu()));
  }

  private static int sizeOfHeader(V3Message m) {
    return BerWriter.sizeOf(
        BerWriter.sizeOf(BerWriter.sizeOfIntContent(m.msgId()))
            + BerWriter.sizeOf(BerWriter.sizeOfIntContent(m.maxSize()))
            + BerWriter.sizeOf(1)
            + BerWriter.sizeOf(BerWriter.sizeOfIntContent(V3Message.USM)));
  }

  /** The UsmSecurityParameters SEQUENCE, header included (the OCTET STRING around it is not). */
  private static int sizeOfUsm(UsmParameters u) {
    return BerWriter.sizeOf(
        BerWriter.sizeOf(u.engineId().size())
            + BerWriter.sizeOf(BerWriter.sizeOfIntContent(u.engineBoots()))
            + BerWriter.sizeOf(BerWriter.sizeOfIntContent(u.engineTime()))
            + BerWriter.sizeOf(u.userName().size())
            + BerWriter.sizeOf(u.authParameters().size())
            + BerWriter.sizeOf(u.privParameters().size()));
  }

  /** Writes {@code m} so that it ends at the end of {@code out}; returns where it starts. */
  static int write(byte[] out, V3Message m) {
    int pos = out.length;
    if (m.encrypted()) {
      pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, m.encryptedPdu());
    } else {
      pos = writeScopedPdu(out, pos, m.scopedPdu());
    }
    int end = pos;
    UsmParameters u = m.usm();
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, u.privParameters());
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, u.authParameters());
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, u.userName());
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, u.engineTime());
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, u.engineBoots());
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, u.engineId());
    pos = BerWriter.writeConstructed(out, pos, Tag.SEQUENCE, end);
    pos = BerWriter.writeConstructed(out, pos, Tag.OCTET_STRING, end); // the parameters' BER, as an OCTET STRING
    int headerEnd = pos;
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, V3Message.USM);
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, Bytes.of((byte) m.flags()));
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, m.maxSize());
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, m.msgId());
    pos = BerWriter.writeConstructed(out, pos, Tag.SEQUENCE, headerEnd);
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, SnmpVersion.V3.code());
    return BerWriter.writeConstructed(out, pos, Tag.SEQUENCE, out.length);
  }

  /** Writes a ScopedPDU SEQUENCE so that it ends before {@code pos}; returns where it starts. */
  static int writeScopedPdu(byte[] out, int pos, ScopedPdu s) {
    int end = pos;
    pos = PduCodec.write(out, pos, s.pdu());
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, s.contextName());
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, s.contextEngineId());
    return BerWriter.writeConstructed(out, pos, Tag.SEQUENCE, end);
  }
}
