package dev.puresnmp.transport;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.ber.Tag;

/**
 * A packet as hex lines for DEBUG logs: "0000: 30 29 02 01 ..." with 16 bytes a line. The community of
 * an SNMPv1 or SNMPv2c message shows as "**" for each of its bytes: a community is a password, and logs
 * travel further than the network does.
 */
final class Hexdump {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Hexdump() {}

  static String of(byte[] data, int offset, int length) {
    long community = community(data, offset, length);
    int maskFrom = (int) (community >>> 32);
    int maskTo = (int) community;
    StringBuilder sb = new StringBuilder(length * 3 + (length / 16 + 1) * 7);
    for (int i = 0; i < length; i++) {
      if (i % 16 == 0) {
        if (i > 0) {
          sb.append('\n');
        }
        sb.append(String.format("%04d:", i));
      }
      if (offset + i >= maskFrom && offset + i < maskTo) {
        sb.append(" **");
        continue;
      }
      int b = data[offset + i] & 0xFF;
      sb.append(' ').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
    return sb.toString();
  }

  /** Where the community's content lies (start in the high half, end in the low), or 0 for none. */
  private static long community(byte[] data, int offset, int length) {
    try {
      BerReader r = new BerReader(data, offset, length);
      r.enter(Tag.SEQUENCE);
      if (r.readInt32(Tag.INTEGER) == 3) {
        return 0; // RFC 3412 §6: SNMPv3 carries no community; its keys never travel
      }
      int size = r.readHeader(Tag.OCTET_STRING);
      int start = r.absolutePosition();
      return ((long) start << 32) | (start + size);
    } catch (MalformedPacketException e) {
      return 0;
    }
  }
}
