package dev.puresnmp.ber;

/**
 * Reads X.690 BER from a byte array, forward, without intermediate TLV objects. Every length is checked
 * against what remains of the enclosing TLV before anything is read or allocated, so no input can make it
 * read out of bounds, allocate more than the input's size, or loop. Bad input fails with a {@link
 * MalformedPacketException} whose offset counts from the {@code offset} given to the constructor.
 *
 * <pre>{@code
 * BerReader r = new BerReader(packet, 0, packet.length);
 * int outer = r.enter(Tag.SEQUENCE);
 * int version = r.readInt32(Tag.INTEGER);
 * ...
 * r.leave(outer);
 * }</pre>
 *
 * <p>Nesting works with {@link #enter} and {@link #leave}: entering a constructed TLV narrows the limit to
 * its content, leaving checks that the content was read exactly and restores the outer limit.
 */
public final class BerReader {
  /** X.690 allows longer length fields; 4 bytes already exceed any UDP datagram. */
  private static final int MAX_LENGTH_OCTETS = 4;

  private final byte[] buf;
  private final int origin;
  private int pos;
  private int limit;

  /** Reads {@code buf[offset .. offset+length)}; offsets in errors count from {@code offset}. */
  public BerReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset > buf.length - length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + buf.length);
    }
    this.buf = buf;
    this.origin = offset;
    this.pos = offset;
    this.limit = offset + length;
  }

  /** Offset of the next byte to read, counted from the start of the input. */
  public int position() {
    return pos - origin;
  }

  /** Bytes left before the current limit (the end of the enclosing TLV, or of the input). */
  public int remaining() {
    return limit - pos;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  /** The tag of the next TLV, without consuming it. */
  public int peekTag() {
    if (pos >= limit) {
      throw error("expected a tag but the data ended");
    }
    return buf[pos] & 0xFF;
  }

  /** Reads a one-byte tag. SNMP never uses the multi-byte (high tag number) form, X.690 §8.1.2.4. */
  public int readTag() {
    int tag = peekTag();
    if ((tag & 0x1F) == 0x1F) {
      throw error("multi-byte tag " + Tag.hex(tag) + " is not used by SNMP");
    }
    pos++;
    return tag;
  }

  /**
   * Reads a length and checks it against what remains. Definite form only: the indefinite form (0x80) is
   * not allowed in SNMP (RFC 3417 §8: "the definite form of length encoding"). Long form where the short
   * form would do, and leading zero length octets, are accepted as Net-SNMP does (X.690 DER would not).
   */
  public int readLength() {
    if (pos >= limit) {
      throw error("expected a length but the data ended");
    }
    int start = pos;
    int first = buf[pos++] & 0xFF;
    int length;
    if (first < 0x80) {
      length = first;
    } else if (first == 0x80) {
      throw errorAt(start, "indefinite length is not allowed in SNMP");
    } else {
      int octets = first & 0x7F;
      if (octets > MAX_LENGTH_OCTETS) {
        throw errorAt(start, "length field of " + octets + " bytes is too long");
      }
      if (octets > limit - pos) {
        throw errorAt(start, "length field of " + octets + " bytes exceeds remaining " + (limit - pos));
      }
      long value = 0;
      for (int i = 0; i < octets; i++) {
        value = (value << 8) | (buf[pos++] & 0xFF);
      }
      if (value > Integer.MAX_VALUE) {
        throw errorAt(start, "length " + value + " exceeds remaining " + (limit - pos));
      }
      length = (int) value;
    }
    if (length > limit - pos) {
      throw errorAt(start, "length " + length + " exceeds remaining " + (limit - pos));
    }
    return length;
  }

  /** Reads a tag that must be {@code expected}, and its length. */
  public int readHeader(int expected) {
    int at = pos;
    int tag = readTag();
    if (tag != expected) {
      throw errorAt(at, "expected tag " + Tag.hex(expected) + " but found " + Tag.hex(tag));
    }
    return readLength();
  }

  /**
   * Enters a constructed TLV with tag {@code expected}: afterwards only its content can be read. Returns
   * the outer limit, to hand to {@link #leave}.
   */
  public int enter(int expected) {
    int length = readHeader(expected);
    return narrow(length);
  }

  /** Narrows the limit to the next {@code length} bytes (which the caller has validated); returns the old. */
  public int narrow(int length) {
    int saved = limit;
    limit = pos + length;
    return saved;
  }

  /** Leaves a constructed TLV entered with {@link #enter}: its content must have been read exactly. */
  public void leave(int savedLimit) {
    if (pos != limit) {
      throw error((limit - pos) + " unexpected bytes at the end of a constructed value");
    }
    limit = savedLimit;
  }

  /** Goes back to an earlier {@link #absolutePosition()} inside the current limit, to read again. */
  public void rewind(int absolutePosition) {
    if (absolutePosition < origin || absolutePosition > pos) {
      throw new IllegalArgumentException("cannot rewind to " + absolutePosition);
    }
    pos = absolutePosition;
  }

  /** Skips {@code length} bytes (already checked by {@link #readLength}). */
  public void skip(int length) {
    pos += length;
  }

  /**
   * Reads an INTEGER-shaped TLV with tag {@code expected} as a signed 32-bit value. Redundant leading sign
   * octets are accepted (X.690 §8.3.2 forbids them; Net-SNMP's asn_parse_int accepts them). A value
   * outside the 32-bit range is malformed here, where it is a request-id or a PDU field.
   */
  public int readInt32(int expected) {
    int at = pos;
    int length = readHeader(expected);
    long value = readSigned(length, at);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw errorAt(at, "INTEGER " + value + " is outside the 32-bit range");
    }
    return (int) value;
  }

  /**
   * Reads the content of a signed INTEGER of 1 to 8 bytes. A zero-length INTEGER is malformed (X.690
   * §8.3.1; Net-SNMP drops such a packet too).
   */
  public long readSigned(int length, int tlvStart) {
    if (length > 8) {
      throw errorAt(tlvStart, "INTEGER of " + length + " bytes is too long");
    }
    if (length == 0) {
      throw errorAt(tlvStart, "INTEGER of length 0");
    }
    long value = buf[pos++]; // sign-extends
    for (int i = 1; i < length; i++) {
      value = (value << 8) | (buf[pos++] & 0xFF);
    }
    return value;
  }

  /**
   * Reads the content of an unsigned value (Counter32, Gauge32, TimeTicks, Counter64) of {@code length}
   * bytes as an unsigned number, cut to the low {@code bits}. Net-SNMP does the same with agents that
   * send a leading 0x00 too many, a short value with the top bit set ({@code 41 01 ff} is 255), or a
   * Counter32 above 2^32-1 (asn_parse_unsigned_int, CHECK_OVERFLOW_U). Up to 9 bytes, the 9th only as a
   * leading 0x00; zero bytes is malformed, as for Net-SNMP.
   */
  public long readUnsigned(int length, int bits, int tlvStart) {
    if (length > 9 || (length == 9 && buf[pos] != 0)) {
      throw errorAt(tlvStart, "unsigned value of " + length + " bytes is too long");
    }
    if (length == 0) {
      throw errorAt(tlvStart, "unsigned value of length 0");
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | (buf[pos++] & 0xFF);
    }
    return bits == 64 ? value : value & 0xFFFF_FFFFL;
  }

  /** Copies the next {@code length} bytes (already checked by {@link #readLength}). */
  public byte[] readBytes(int length) {
    byte[] out = new byte[length];
    System.arraycopy(buf, pos, out, 0, length);
    pos += length;
    return out;
  }

  /**
   * Reads the content of an OBJECT IDENTIFIER of {@code length} bytes (X.690 §8.19) as its arcs, one
   * sub-identifier per arc: the first sub-identifier, 40 * X + Y (§8.19.4), becomes two, X and Y, and
   * the rest are copied as they are (a sub-identifier with leading zero groups is rewritten without
   * them, so that equal arcs give equal bytes). Arcs are unsigned 32-bit. A zero-length OID (X.690
   * §8.19 wants at least one sub-identifier) reads as no arcs; Net-SNMP accepts it too, and prints it as
   * ".0".
   */
  public byte[] readOidArcs(int length, int maxArcs, int tlvStart) {
    if (length == 0) {
      return NO_BYTES;
    }
    if (!oidIsMinimal(length, maxArcs, tlvStart)) {
      return readOidArcsSlowly(pos + length);
    }
    final byte[] b = buf;
    int end = pos + length;
    int rest = subIdentifierEnd(b, pos);
    long first = subIdentifier(b, pos, rest);
    long x = first < 40 ? 0 : first < 80 ? 1 : 2;
    long y = first - 40 * x;
    byte[] out = new byte[1 + BerWriter.sizeOfSubIdentifier(y) + end - rest];
    out[0] = (byte) x;
    int p = BerWriter.putSubIdentifier(out, 1, y);
    System.arraycopy(b, rest, out, p, end - rest);
    pos = end;
    return out;
  }

  /**
   * Checks the content of an OBJECT IDENTIFIER of {@code length} bytes (at least one) at the current
   * position without moving: it must end with a whole sub-identifier and hold at most {@code maxArcs}
   * arcs (its first sub-identifier holds two, X.690 §8.19.4). Returns whether its sub-identifiers are
   * minimal and short (no leading 0x80 group, below 2^28: every arc of a real OID), so that its bytes are
   * the OID's one minimal form, as {@link BerWriter} writes it, to be taken as they are. A decoder reads
   * any other with {@link #readOidArcs}, which checks each arc's range.
   */
  public boolean oidIsMinimal(int length, int maxArcs, int tlvStart) {
    final byte[] b = buf;
    int end = pos + length;
    if (b[end - 1] < 0) {
      throw errorAt(tlvStart, "OBJECT IDENTIFIER ends inside a sub-identifier");
    }
    if (length >= maxArcs) { // fewer bytes cannot hold more arcs: each sub-identifier ends in a byte of its own
      int arcs = 1;
      for (int i = pos; i < end; i++) {
        arcs += ~b[i] >>> 31;
      }
      if (arcs > maxArcs) {
        throw errorAt(tlvStart, "OBJECT IDENTIFIER has more than " + maxArcs + " arcs");
      }
    }
    // Only bytes with the high bit set can break the form, and most arcs are below 128: look at those.
    for (int i = pos; i < end; i++) {
      if (b[i] < 0) {
        boolean starts = i == pos || b[i - 1] >= 0;
        if (starts ? b[i] == (byte) 0x80 : i - 3 >= pos && b[i - 1] < 0 && b[i - 2] < 0 && b[i - 3] < 0) {
          return false; // a leading zero group, or a fifth byte: an arc of 2^28 or more
        }
      }
    }
    return true;
  }

  private static final byte[] NO_BYTES = new byte[0];

  /** {@link #readOidArcs} of an OID with long or non-minimal sub-identifiers: arc by arc, each checked. */
  private byte[] readOidArcsSlowly(int end) {
    int arcs = 1; // oidIsMinimal checked the count: the first sub-identifier holds two arcs
    for (int i = pos; i < end; i++) {
      arcs += ~buf[i] >>> 31;
    }
    long[] values = new long[arcs];
    int n = 0;
    int size = 0;
    while (pos < end) {
      int subStart = pos;
      long value = 0;
      int x;
      do {
        x = buf[pos++];
        value = (value << 7) | (x & 0x7F);
        if (value > 0xFFFF_FFFFL) {
          throw errorAt(subStart, "OBJECT IDENTIFIER arc exceeds 4294967295");
        }
      } while (x < 0);
      if (n == 0) {
        long first = value < 40 ? 0 : value < 80 ? 1 : 2; // X.690 §8.19.4
        values[n++] = first;
        value -= 40 * first;
        size++;
      }
      values[n++] = value;
      size += BerWriter.sizeOfSubIdentifier(value);
    }
    byte[] out = new byte[size];
    int p = 0;
    for (int i = 0; i < n; i++) {
      p = BerWriter.putSubIdentifier(out, p, values[i]);
    }
    return out;
  }

  /**
   * Where the sub-identifier (X.690 §8.19.2) that starts at {@code b[p]} ends: the index after its last
   * byte. {@code b} must hold a whole one there.
   */
  public static int subIdentifierEnd(byte[] b, int p) {
    while (b[p] < 0) {
      p++;
    }
    return p + 1;
  }

  /** The value of the sub-identifier {@code b[from .. to)}, of at most 9 bytes. */
  public static long subIdentifier(byte[] b, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 7 | b[i] & 0x7F;
    }
    return v;
  }

  /** An error at the current position. */
  public MalformedPacketException error(String reason) {
    return new MalformedPacketException(pos - origin, reason);
  }

  /** An error at {@code absolutePosition} (as returned by {@link #absolutePosition()}). */
  public MalformedPacketException errorAt(int absolutePosition, String reason) {
    return new MalformedPacketException(absolutePosition - origin, reason);
  }

  /**
   * The array this reader reads, not a copy: for a decoder whose values are views of the message. Only
   * read it, and only where the caller owns the array.
   */
  public byte[] array() {
    return buf;
  }

  /** The position in the underlying array, for {@link #errorAt}. */
  public int absolutePosition() {
    return pos;
  }
}
