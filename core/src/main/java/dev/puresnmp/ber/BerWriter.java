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
 * int id = BerWriter.sizeOf(BerWriter.sizeOfIntContent(requestId));
 * byte[] seq = new byte[BerWriter.sizeOf(id + BerWriter.sizeOf(0))];
 * int pos = BerWriter.writeEmpty(seq, seq.length, Tag.NULL);           // last element first
 * pos = BerWriter.writeInt(seq, pos, Tag.INTEGER, requestId);
 * pos = BerWriter.writeConstructed(seq, pos, Tag.SEQUENCE, seq.length);   // pos is now 0
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

  /** The bytes of {@code value} as one sub-identifier (X.690 §8.19.2): 1 to 10. */
  public static int sizeOfSubIdentifier(long value) {
    return (70 - Long.numberOfLeadingZeros(value | 1)) / 7; // 7 bits per octet, at least one
  }

  /** Writes {@code value} as one sub-identifier forwards, at {@code p}; returns the position after it. */
  public static int putSubIdentifier(byte[] out, int p, long value) {
    for (int shift = 7 * (sizeOfSubIdentifier(value) - 1); shift > 0; shift -= 7) {
      out[p++] = (byte) (0x80 | (value >>> shift) & 0x7F);
    }
    out[p++] = (byte) (value & 0x7F);
    return p;
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
}
