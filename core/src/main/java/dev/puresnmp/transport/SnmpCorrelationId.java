package dev.puresnmp.transport;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.ber.Tag;

/**
 * {@link CorrelationId#SNMP}: peeks at the few header fields before the id. A few dozen nanoseconds, no
 * allocation but the reader.
 */
final class SnmpCorrelationId {
  private SnmpCorrelationId() {}

  static long read(byte[] packet, int offset, int length) {
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
}
