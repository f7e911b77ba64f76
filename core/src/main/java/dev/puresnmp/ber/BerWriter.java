package dev.puresnmp.ber;

import java.util.Arrays;

/**
 * Writes X.690 BER backwards, from the end of a buffer towards its start (Net-SNMP's "reverse encoding"):
 * the content of a constructed value is written before its header, so every length is known when it is
 * written and nothing is copied or encoded twice. Write the last element first.
 *
 * <pre>{@code
 * BerWriter w = new BerWriter(256);
 * int end = w.mark();                 // the SEQUENCE ends here
 * w.writeNull();                      // last element first
 * w.writeOid(Tag.OBJECT_IDENTIFIER, oidArcs);
 * w.writeConstructed(Tag.SEQUENCE, end);
 * byte[] varBind = w.toByteArray();
 * }</pre>
 *
 * <p>A writer is reusable ({@link #reset}) and not thread-safe. Encodings are minimal (DER-like): short
 * lengths where they fit, the fewest integer octets.
 */
public final class BerWriter {
  private byte[] buf;
  private int pos;

  public BerWriter(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
    this.pos = buf.length;
  }

  /** Forgets everything written; keeps the buffer. */
  public void reset() {
    pos = buf.length;
  }

  /** The number of bytes written so far; pass it to {@link #writeConstructed} as the content's end. */
  public int mark() {
    return buf.length - pos;
  }

  /** How many bytes the buffer holds, to decide whether to keep a grown writer around. */
  public int capacity() {
    return buf.length;
  }

  /** Wraps everything written since {@code mark} in a header with {@code tag}. */
  public void writeConstructed(int tag, int mark) {
    writeHeader(tag, mark() - mark);
  }

  /** Writes a tag and a length (the content must already be written, since we go backwards). */
  public void writeHeader(int tag, int length) {
    writeLength(length);
    ensure(1);
    buf[--pos] = (byte) tag;
  }

  private void writeLength(int length) {
    ensure(5);
    if (length < 0x80) {
      buf[--pos] = (byte) length;
      return;
    }
    int octets = 0;
    for (int v = length; v != 0; v >>>= 8) {
      buf[--pos] = (byte) v;
      octets++;
    }
    buf[--pos] = (byte) (0x80 | octets);
  }

  /** A signed INTEGER-shaped TLV in the fewest octets (X.690 §8.3). */
  public void writeInt(int tag, long value) {
    ensure(10);
    int start = pos;
    do {
      buf[--pos] = (byte) value;
      value >>= 8;
      // stop when the rest is pure sign extension of the octet just written
    } while (!((value == 0 && buf[pos] >= 0) || (value == -1 && buf[pos] < 0)));
    writeHeader(tag, start - pos);
  }

  /**
   * An unsigned value (Counter32, Gauge32, TimeTicks, Counter64) in the fewest octets, with a leading 0x00
   * when the top bit would otherwise read as a sign (RFC 2578 §7.1.6: a non-negative INTEGER encoding).
   */
  public void writeUnsigned(int tag, long value) {
    ensure(11);
    int start = pos;
    do {
      buf[--pos] = (byte) value;
      value >>>= 8;
    } while (value != 0);
    if (buf[pos] < 0) {
      buf[--pos] = 0;
    }
    writeHeader(tag, start - pos);
  }

  /** A primitive TLV whose content is {@code bytes[offset .. offset+length)}. */
  public void writeBytes(int tag, byte[] bytes, int offset, int length) {
    ensure(length);
    pos -= length;
    System.arraycopy(bytes, offset, buf, pos, length);
    writeHeader(tag, length);
  }

  /** Writes already-encoded bytes as they are (a pre-encoded TLV). */
  public void writeRaw(byte[] bytes, int offset, int length) {
    ensure(length);
    pos -= length;
    System.arraycopy(bytes, offset, buf, pos, length);
  }

  /** A TLV of exactly four content octets, big-endian: an IpAddress. */
  public void writeFourOctets(int tag, int bits) {
    ensure(4);
    buf[--pos] = (byte) bits;
    buf[--pos] = (byte) (bits >>> 8);
    buf[--pos] = (byte) (bits >>> 16);
    buf[--pos] = (byte) (bits >>> 24);
    writeHeader(tag, 4);
  }

  /** A zero-length TLV: NULL, or an SNMPv2 exception value. */
  public void writeEmpty(int tag) {
    writeHeader(tag, 0);
  }

  /**
   * An OBJECT IDENTIFIER from its unsigned arcs (X.690 §8.19). The first two arcs share a sub-identifier;
   * a single arc is padded with 0 (".1" encodes as 1.0), as Net-SNMP does; no arcs give an empty content.
   */
  public void writeOid(int tag, int[] arcs) {
    ensure(5 * arcs.length + 5);
    int start = pos;
    if (arcs.length == 0) {
      writeHeader(tag, 0);
      return;
    }
    for (int i = arcs.length - 1; i >= 2; i--) {
      writeSubIdentifier(arcs[i] & 0xFFFF_FFFFL);
    }
    long first = 40L * (arcs[0] & 0xFFFF_FFFFL);
    if (arcs.length > 1) {
      first += arcs[1] & 0xFFFF_FFFFL;
    }
    writeSubIdentifier(first);
    writeHeader(tag, start - pos);
  }

  private void writeSubIdentifier(long value) {
    buf[--pos] = (byte) (value & 0x7F);
    value >>>= 7;
    while (value != 0) {
      buf[--pos] = (byte) (0x80 | (value & 0x7F));
      value >>>= 7;
    }
  }

  /** A copy of everything written. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(buf, pos, buf.length);
  }

  /** Copies everything written into {@code dst} at {@code offset}; returns the number of bytes. */
  public int copyTo(byte[] dst, int offset) {
    int n = buf.length - pos;
    System.arraycopy(buf, pos, dst, offset, n);
    return n;
  }

  private void ensure(int n) {
    if (pos >= n) {
      return;
    }
    int used = buf.length - pos;
    int capacity = buf.length;
    while (capacity - used < n) {
      capacity *= 2;
    }
    byte[] grown = new byte[capacity];
    System.arraycopy(buf, pos, grown, capacity - used, used);
    buf = grown;
    pos = capacity - used;
  }
}
