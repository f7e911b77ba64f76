package dev.puresnmp.transport;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.ber.Tag;

/**
 * {@link CorrelationId#SNMP}: peeks at the few header fields before the id. A few dozen nanoseconds, no
 * allocation but the reader.
 */
final class SnmpCorrelationId implements CorrelationId {
  @Override
  public long read(byte[] packet, int offset, int length) {
    try {
      BerReader r = new BerReader(packet, offset, length);
      r.enter(Tag.SEQUENCE);
      int version = r.readInt32(Tag.INTEGER);
      if (version == 3) {
        // RFC 3412 §6: SEQUENCE { msgVersion, msgGlobalData SEQUENCE { msgID, ... }, ... }
        r.enter(Tag.SEQUENCE);
        return r.readInt32(Tag.INTEGER);
      }
      // RFC 1157 §4, RFC 1901 §3: SEQUENCE { version, community, PDU { request-id, ... } }
      r.skip(r.readHeader(Tag.OCTET_STRING));
      int pduTag = r.readTag();
      if ((pduTag & 0xE0) != 0xA0 || pduTag == Tag.TRAP_V1) {
        return CorrelationId.NONE;
      }
      r.readLength();
      return r.readInt32(Tag.INTEGER);
    } catch (MalformedPacketException e) {
      return CorrelationId.NONE;
    }
  }

  /** The request-id's last byte in a v1/v2c PDU (an INTEGER's low bits change in place); -1 for v3 or a trap. */
  @Override
  public int lastIdByte(byte[] packet, int offset, int length) {
    try {
      BerReader r = new BerReader(packet, offset, length);
      r.enter(Tag.SEQUENCE);
      if (r.readInt32(Tag.INTEGER) == 3) {
        return -1;
      }
      r.skip(r.readHeader(Tag.OCTET_STRING));
      int pduTag = r.readTag();
      if ((pduTag & 0xE0) != 0xA0 || pduTag == Tag.TRAP_V1) {
        return -1;
      }
      r.readLength();
      int idLength = r.readHeader(Tag.INTEGER);
      return idLength < 1 ? -1 : r.absolutePosition() + idLength - 1;
    } catch (MalformedPacketException e) {
      return -1;
    }
  }
}
