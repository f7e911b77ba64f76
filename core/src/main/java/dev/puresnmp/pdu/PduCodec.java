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
 * back with a {@link BerWriter}. Every message envelope (community now, SNMPv3's scoped PDU later) writes
 * its PDU here before wrapping it: a {@link Pdu}, or a Response whose varbinds are already encoded (an
 * agent serving stored varbinds).
 *
 * <pre>{@code
 * Pdu pdu = PduCodec.read(reader);
 * PduCodec.write(writer, pdu);
 * }</pre>
 */
public final class PduCodec {
  private PduCodec() {}

  /** Reads one PDU. Any context-specific constructed tag is accepted; unassigned ones get the standard shape. */
  public static Pdu read(BerReader r) {
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
      List<VarBind> varBinds = ValueCodec.readVarBindList(r);
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

  /**
   * Writes a Response PDU (RFC 3416 §3) whose varbind list is {@code varBinds[offset .. offset+length)}:
   * VarBind TLVs already encoded (each as {@link dev.puresnmp.smi.VarBind#encode()} gives them), copied as
   * they are. The same bytes as {@link #write} of the equivalent {@link StandardPdu#response}.
   */
  public static void writeResponse(
      BerWriter w, int requestId, ErrorStatus status, int errorIndex, byte[] varBinds, int offset, int length) {
    int end = w.mark();
    w.writeRaw(varBinds, offset, length);
    w.writeConstructed(Tag.SEQUENCE, end);
    w.writeInt(Tag.INTEGER, errorIndex);
    w.writeInt(Tag.INTEGER, status.code());
    w.writeInt(Tag.INTEGER, requestId);
    w.writeConstructed(Tag.RESPONSE, end);
  }

  /** Writes one PDU (backwards, like every {@link BerWriter} user). */
  public static void write(BerWriter w, Pdu pdu) {
    int end = w.mark();
    ValueCodec.writeVarBindList(w, pdu.varBinds());
    if (pdu instanceof StandardPdu p) {
      w.writeInt(Tag.INTEGER, p.errorIndex());
      w.writeInt(Tag.INTEGER, p.errorStatus().code());
      w.writeInt(Tag.INTEGER, p.requestId());
    } else if (pdu instanceof BulkPdu b) {
      w.writeInt(Tag.INTEGER, b.maxRepetitions());
      w.writeInt(Tag.INTEGER, b.nonRepeaters());
      w.writeInt(Tag.INTEGER, b.requestId());
    } else {
      TrapV1Pdu t = (TrapV1Pdu) pdu;
      w.writeUnsigned(Tag.TIMETICKS, t.timestamp());
      w.writeInt(Tag.INTEGER, t.specificTrap());
      w.writeInt(Tag.INTEGER, t.genericTrap());
      w.writeFourOctets(Tag.IP_ADDRESS, t.agentAddress().bits());
      ValueCodec.writeOid(w, Tag.OBJECT_IDENTIFIER, t.enterprise());
    }
    w.writeConstructed(pdu.type().tag(), end);
  }
}
