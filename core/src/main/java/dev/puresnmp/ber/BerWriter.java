package dev.puresnmp.ber;

/**
 * Writes X.690 BER backwards, from the end of an array towards its start (Net-SNMP's "reverse encoding"):
 * the content of a constructed value is written before its header, so every length is known when it is
 * written and nothing is encoded twice. Each method writes one element so that it ends just before
 * {@code pos} and returns where it starts: the {@code pos} for the element before it. Write the last
 * element first.
 *
 * <p>An encoder sizes its output first (the {@code sizeOf…} methods give every element's size), allocates
 * an array of exactly that size and fills it from the end: no buffer is kept between calls, nothing is
 * copied, and any number of threads can encode at once. Writing before the array's start throws {@link
 * IndexOutOfBoundsException}: the size was computed wrong.
 *
 * <pre>{@code
 * int oid = BerWriter.sizeOf(BerWriter.sizeOfOidContent(arcs));
 * byte[] varBind = new byte[BerWriter.sizeOf(oid + BerWriter.sizeOf(0))];
 * int pos = BerWriter.writeEmpty(varBind, varBind.length, Tag.NULL);     // last element first
 * pos = BerWriter.writeOid(varBind, pos, Tag.OBJECT_IDENTIFIER, arcs);
 * pos = BerWriter.writeConstructed(varBind, pos, Tag.SEQUENCE, varBind.length);   // pos is now 0
 * }</pre>
 *
 * <p>Encodings are minimal (DER-like): short lengths where they fit, the fewest integer octets.
 */
public final class BerWriter {
  private BerWriter() {}

  // --- sizes (X.690 §8.1.3: definite lengths, short form below 128)

  /** The bytes an element with a one-byte tag and {@code contentLength} content octets takes in all. */
  public static int sizeOf(int contentLength) {
    if (contentLength < 0x80) {
      return 2 + contentLength;
    }
    int lengthOctets = (39 - Integer.numberOfLeadingZeros(contentLength)) >>> 3;
    return 2 + lengthOctets + contentLength;
  }

  /** The content octets {@link #writeInt} writes for {@code value}. */
  public static int sizeOfIntContent(long value) {
    return (72 - Long.numberOfLeadingZeros(value ^ (value >> 63))) >>> 3;
  }

  /** The content octets {@link #writeUnsigned} writes for {@code value} (read as unsigned 64-bit). */
  public static int sizeOfUnsignedContent(long value) {
    return (72 - Long.numberOfLeadingZeros(value)) >>> 3;
  }

  /** The content octets {@link #writeOid} writes for {@code arcs}. */
  public static int sizeOfOidContent(int[] arcs) {
    int n = arcs.length;
    if (n < 2) {
      return n == 0 ? 0 : sizeOfSubIdentifier(40L * (arcs[0] & 0xFFFF_FFFFL));
    }
    // One octet per arc, the first two sharing one, plus the extra octets of arcs above 127. Cheap for
    // the usual OID: encoding sizes every OID first, so this runs as often as writeOid.
    int extra = firstSubIdentifierFitsOneOctet(arcs[0], arcs[1]) ? 0 : sizeOfSubIdentifier(firstSubIdentifier(arcs)) - 1;
    for (int i = 2; i < n; i++) {
      int arc = arcs[i];
      if ((arc >>> 7) != 0) {
        extra += sizeOfSubIdentifier(arc & 0xFFFF_FFFFL) - 1;
      }
    }
    return n - 1 + extra;
  }

  /** X.690 §8.19.4: 40 * first + second in one sub-identifier, below 128 for 0.x and 1.x with x below 40. */
  private static boolean firstSubIdentifierFitsOneOctet(int first, int second) {
    return first >= 0 && first < 2 && second >= 0 && second < 40;
  }

  private static long firstSubIdentifier(int[] arcs) {
    return 40L * (arcs[0] & 0xFFFF_FFFFL) + (arcs[1] & 0xFFFF_FFFFL);
  }

  private static int sizeOfSubIdentifier(long value) {
    return (70 - Long.numberOfLeadingZeros(value | 1)) / 7; // 7 bits per octet, at least one
  }

  // --- writing, backwards: each method returns where what it wrote starts

  /** Wraps {@code buf[pos .. end)}, written already, in a header with {@code tag}. */
  public static int writeConstructed(byte[] buf, int pos, int tag, int end) {
    return writeHeader(buf, pos, tag, end - pos);
  }

  /** A tag and a length, before content of {@code length} bytes that is already written. */
  public static int writeHeader(byte[] buf, int pos, int tag, int length) {
    if (length < 0x80) {
      buf[--pos] = (byte) length;
    } else {
      int octets = 0;
      for (int v = length; v != 0; v >>>= 8) {
        buf[--pos] = (byte) v;
        octets++;
      }
      buf[--pos] = (byte) (0x80 | octets);
    }
    buf[--pos] = (byte) tag;
    return pos;
  }

  /** A signed INTEGER-shaped element in the fewest octets (X.690 §8.3). */
  public static int writeInt(byte[] buf, int pos, int tag, long value) {
    int end = pos;
    do {
      buf[--pos] = (byte) value;
      value >>= 8;
      // stop when the rest is pure sign extension of the octet just written
    } while (!((value == 0 && buf[pos] >= 0) || (value == -1 && buf[pos] < 0)));
    return writeHeader(buf, pos, tag, end - pos);
  }

  /**
   * An unsigned value (Counter32, Gauge32, TimeTicks, Counter64) in the fewest octets, with a leading 0x00
   * when the top bit would otherwise read as a sign (RFC 2578 §7.1.6: a non-negative INTEGER encoding).
   */
  public static int writeUnsigned(byte[] buf, int pos, int tag, long value) {
    int end = pos;
    do {
      buf[--pos] = (byte) value;
      value >>>= 8;
    } while (value != 0);
    if (buf[pos] < 0) {
      buf[--pos] = 0;
    }
    return writeHeader(buf, pos, tag, end - pos);
  }

  /** A primitive element whose content is {@code bytes[offset .. offset+length)}. */
  public static int writeBytes(byte[] buf, int pos, int tag, byte[] bytes, int offset, int length) {
    return writeHeader(buf, writeRaw(buf, pos, bytes, offset, length), tag, length);
  }

  /** Already-encoded bytes as they are (pre-encoded elements). */
  public static int writeRaw(byte[] buf, int pos, byte[] bytes, int offset, int length) {
    pos -= length;
    System.arraycopy(bytes, offset, buf, pos, length);
    return pos;
  }

  /** An element of exactly four content octets, big-endian: an IpAddress. */
  public static int writeFourOctets(byte[] buf, int pos, int tag, int bits) {
    buf[--pos] = (byte) bits;
    buf[--pos] = (byte) (bits >>> 8);
    buf[--pos] = (byte) (bits >>> 16);
    buf[--pos] = (byte) (bits >>> 24);
    return writeHeader(buf, pos, tag, 4);
  }

  /** A zero-length element: NULL, or an SNMPv2 exception value. */
  public static int writeEmpty(byte[] buf, int pos, int tag) {
    return writeHeader(buf, pos, tag, 0);
  }

  /**
   * An OBJECT IDENTIFIER from its unsigned arcs (X.690 §8.19). The first two arcs share a sub-identifier;
   * a single arc is padded with 0 (".1" encodes as 1.0), as Net-SNMP does; no arcs give an empty content.
   */
  public static int writeOid(byte[] buf, int pos, int tag, int[] arcs) {
    int end = pos;
    int n = arcs.length;
    for (int i = n - 1; i >= 2; i--) {
      int arc = arcs[i];
      if ((arc >>> 7) == 0) {
        buf[--pos] = (byte) arc; // one octet: most arcs
      } else {
        pos = writeSubIdentifier(buf, pos, arc & 0xFFFF_FFFFL);
      }
    }
    if (n >= 2) {
      if (firstSubIdentifierFitsOneOctet(arcs[0], arcs[1])) {
        buf[--pos] = (byte) (40 * arcs[0] + arcs[1]);
      } else {
        pos = writeSubIdentifier(buf, pos, firstSubIdentifier(arcs));
      }
    } else if (n == 1) {
      pos = writeSubIdentifier(buf, pos, 40L * (arcs[0] & 0xFFFF_FFFFL));
    }
    return writeHeader(buf, pos, tag, end - pos);
  }

  private static int writeSubIdentifier(byte[] buf, int pos, long value) {
    buf[--pos] = (byte) (value & 0x7F);
    value >>>= 7;
    while (value != 0) {
      buf[--pos] = (byte) (0x80 | (value & 0x7F));
      value >>>= 7;
    }
    return pos;
  }
}
