package dev.puresnmp.pdu;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.BerWriter;
import dev.puresnmp.ber.Tag;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.ValueCodec;
import dev.puresnmp.smi.VarBind;
import java.util.List;

/**
 * BER encoding of PDUs (RFC 3416 §3, RFC 1157 §4.1). Pure: a {@link BerReader} in, a {@link Pdu} out, and
 * back with a {@link BerWriter}. Every message envelope (community now, SNMPv3's scoped PDU later) sizes
 * its PDU here and then writes it here, before wrapping it: a {@link Pdu}, or a Response whose varbinds
 * are already encoded (an agent serving stored varbinds).
 *
 * <pre>{@code
 * Pdu pdu = PduCodec.read(reader);
 * byte[] out = new byte[PduCodec.sizeOf(pdu)];
 * int start = PduCodec.write(out, out.length, pdu);   // backwards: 0 when out is full
 * }</pre>
 */
public final class PduCodec {
  private PduCodec() {}

  /** Reads one PDU. Any context-specific constructed tag is accepted; unassigned ones get the standard shape. */
  public static Pdu read(BerReader r) {
    return read(r, List.of());
  }

  /**
   * Reads one PDU; its varbinds that name the same OIDs as {@code expected}'s (a response to a GET or SET
   * and its request) share those {@link dev.puresnmp.smi.Oid} objects.
   */
  public static Pdu read(BerReader r, List<VarBind> expected) {
    int start = r.absolutePosition();
    int tag = r.readTag();
    if ((tag & 0xE0) != 0xA0) {
      throw r.errorAt(start, "expected a PDU (context tag 0xa0..0xbf) but found " + Tag.hex(tag));
    }
    int outer = r.narrow(r.readLength());
    Pdu pdu;
    if (tag == Tag.TRAP_V1) {
      pdu = readTrapV1(r);
    } else {
      int requestId = r.readInt32(Tag.INTEGER);
      int second = r.readInt32(Tag.INTEGER);
      int third = r.readInt32(Tag.INTEGER);
      List<VarBind> varBinds = ValueCodec.readVarBindList(r, expected);
      pdu =
          tag == Tag.GET_BULK_REQUEST
              ? new BulkPdu(requestId, second, third, varBinds)
              : new StandardPdu(PduType.of(tag), requestId, ErrorStatus.of(second), third, varBinds);
    }
    r.leave(outer);
    return pdu;
  }

  private static TrapV1Pdu readTrapV1(BerReader r) {
    Oid enterprise = ValueCodec.readOid(r, Tag.OBJECT_IDENTIFIER);
    int at = r.absolutePosition();
    int length = r.readHeader(Tag.IP_ADDRESS);
    if (length != 4) {
      throw r.errorAt(at, "agent-addr of " + length + " bytes, expected 4");
    }
    IpAddress agent = IpAddress.of(r.readBytes(4));
    int generic = r.readInt32(Tag.INTEGER);
    int specific = r.readInt32(Tag.INTEGER);
    int ticksAt = r.absolutePosition();
    long timestamp = r.readUnsigned(r.readHeader(Tag.TIMETICKS), 32, ticksAt);
    return new TrapV1Pdu(enterprise, agent, generic, specific, timestamp, ValueCodec.readVarBindList(r));
  }

  /** The bytes {@link #write} writes for {@code pdu}, tag and length included. */
  public static int sizeOf(Pdu pdu) {
    int content = ValueCodec.sizeOfVarBindList(pdu.varBinds());
    if (pdu instanceof StandardPdu p) {
      content += sizeOfInts(p.requestId(), p.errorStatus().code(), p.errorIndex());
    } else if (pdu instanceof BulkPdu b) {
      content += sizeOfInts(b.requestId(), b.nonRepeaters(), b.maxRepetitions());
    } else {
      TrapV1Pdu t = (TrapV1Pdu) pdu;
      content += ValueCodec.sizeOfOid(t.enterprise())
          + BerWriter.sizeOf(4)
          + sizeOfInt(t.genericTrap())
          + sizeOfInt(t.specificTrap())
          + BerWriter.sizeOf(BerWriter.sizeOfUnsignedContent(t.timestamp()));
    }
    return BerWriter.sizeOf(content);
  }

  private static int sizeOfInts(int a, int b, int c) {
    return sizeOfInt(a) + sizeOfInt(b) + sizeOfInt(c);
  }

  private static int sizeOfInt(int value) {
    return BerWriter.sizeOf(BerWriter.sizeOfIntContent(value));
  }

  /**
   * The bytes {@link #writeResponse} writes: a Response PDU whose varbind list content is {@code
   * varBindsLength} bytes of encoded varbinds.
   */
  public static int sizeOfResponse(int requestId, ErrorStatus status, int errorIndex, int varBindsLength) {
    return BerWriter.sizeOf(sizeOfInts(requestId, status.code(), errorIndex) + BerWriter.sizeOf(varBindsLength));
  }

  /**
   * Writes, so that it ends before {@code pos}, a Response PDU (RFC 3416 §3) whose varbind list is {@code
   * varBinds[offset .. offset+length)}: VarBind TLVs already encoded (each as {@link
   * dev.puresnmp.smi.VarBind#encode()} gives them), copied as they are. The same bytes as {@link #write}
   * of the equivalent {@link StandardPdu#response}. Returns where the PDU starts.
   */
  public static int writeResponse(
      byte[] buf, int pos, int requestId, ErrorStatus status, int errorIndex, byte[] varBinds, int offset, int length) {
    int end = pos;
    pos = BerWriter.writeRaw(buf, pos, varBinds, offset, length);
    pos = BerWriter.writeConstructed(buf, pos, Tag.SEQUENCE, end);
    pos = writeInts(buf, pos, requestId, status.code(), errorIndex);
    return BerWriter.writeConstructed(buf, pos, Tag.RESPONSE, end);
  }

  /**
   * Writes one PDU so that it ends before {@code pos}, backwards as {@link BerWriter} does, in the {@link
   * #sizeOf} bytes before it; returns where it starts.
   */
  public static int write(byte[] buf, int pos, Pdu pdu) {
    int end = pos;
    pos = ValueCodec.writeVarBindList(buf, pos, pdu.varBinds());
    if (pdu instanceof StandardPdu p) {
      pos = writeInts(buf, pos, p.requestId(), p.errorStatus().code(), p.errorIndex());
    } else if (pdu instanceof BulkPdu b) {
      pos = writeInts(buf, pos, b.requestId(), b.nonRepeaters(), b.maxRepetitions());
    } else {
      TrapV1Pdu t = (TrapV1Pdu) pdu;
      pos = BerWriter.writeUnsigned(buf, pos, Tag.TIMETICKS, t.timestamp());
      pos = BerWriter.writeInt(buf, pos, Tag.INTEGER, t.specificTrap());
      pos = BerWriter.writeInt(buf, pos, Tag.INTEGER, t.genericTrap());
      pos = BerWriter.writeFourOctets(buf, pos, Tag.IP_ADDRESS, t.agentAddress().bits());
      pos = ValueCodec.writeOid(buf, pos, Tag.OBJECT_IDENTIFIER, t.enterprise());
    }
    return BerWriter.writeConstructed(buf, pos, pdu.type().tag(), end);
  }

  /** Three INTEGERs in wire order (written last first): request-id and the two fields after it. */
  private static int writeInts(byte[] buf, int pos, int first, int second, int third) {
    pos = BerWriter.writeInt(buf, pos, Tag.INTEGER, third);
    pos = BerWriter.writeInt(buf, pos, Tag.INTEGER, second);
    return BerWriter.writeInt(buf, pos, Tag.INTEGER, first);
  }
}
