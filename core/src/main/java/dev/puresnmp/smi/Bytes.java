package dev.puresnmp.smi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable byte string: the content of an OCTET STRING, Opaque or NsapAddress, a community, an
 * engine ID. Compares as unsigned bytes, shorter prefix first.
 *
 * <p>A decoded one is a view of the received datagram (array, offset, length), not a copy: it keeps that
 * datagram (at most 64 KiB) alive as long as it lives itself. To keep a few bytes of many messages for
 * long, keep {@link #compact()} copies.
 *
 * <pre>{@code
 * Bytes mac = Bytes.decodeHex("00 1a 2b 3c 4d 5e");
 * mac.hex();          // "001a2b3c4d5e"
 * Bytes.utf8("public").size(); // 6
 * }</pre>
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0], true);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // The bytes are data[offset .. offset+size), which nobody writes. No cached hash: this keeps the object
  // at 24 bytes, and maps keep their keys' hashes themselves.
  private final byte[] data;
  private final int offset;
  private final int size;

  /** Trusted: takes {@code data} without a copy; only for arrays nobody else holds. */
  Bytes(byte[] data, boolean trusted) {
    this(data, 0, data.length);
  }

  /** Trusted: a view of {@code data[offset .. offset+size)}, which nobody may ever write. */
  Bytes(byte[] data, int offset, int size) {
    this.data = data;
    this.offset = offset;
    this.size = size;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte... bytes) {
    return new Bytes(bytes.clone(), true);
  }

  /** A copy of {@code bytes[offset .. offset+length)}. */
  public static Bytes of(byte[] bytes, int offset, int length) {
    return new Bytes(Arrays.copyOfRange(bytes, offset, offset + length), true);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    return new Bytes(text.getBytes(StandardCharsets.UTF_8), true);
  }

  /**
   * Parses hex digits; whitespace and ':' between bytes are ignored ("00 1A", "00:1a", "001a").
   *
   * @throws IllegalArgumentException on a non-hex character or an odd number of digits
   */
  public static Bytes decodeHex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    int n = 0;
    int high = -1;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (Character.isWhitespace(c) || c == ':') {
        if (high >= 0) {
          throw new IllegalArgumentException("odd hex digit before position " + i + " in \"" + hex + "\"");
        }
        continue;
      }
      int d = Character.digit(c, 16);
      if (d < 0) {
        throw new IllegalArgumentException("not a hex digit: '" + c + "' at position " + i);
      }
      if (high < 0) {
        high = d;
      } else {
        out[n++] = (byte) (high << 4 | d);
        high = -1;
      }
    }
    if (high >= 0) {
      throw new IllegalArgumentException("odd number of hex digits in \"" + hex + "\"");
    }
    return new Bytes(n == out.length ? out : Arrays.copyOf(out, n), true);
  }

  public int size() {
    return size;
  }

  public byte get(int index) {
    return data[offset + Objects.checkIndex(index, size)];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(data, offset, offset + size);
  }

  /**
   * These bytes in an array of their own: {@code this} if they have one already, else a copy that does
   * not keep the datagram they were decoded from alive. For values kept long.
   */
  public Bytes compact() {
    return offset == 0 && size == data.length ? this : new Bytes(toByteArray(), true);
  }

  /** A read-only view, without a copy. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(data, offset, size).slice().asReadOnlyBuffer();
  }

  /** Lower-case hex, no separators. */
  public String hex() {
    char[] out = new char[size * 2];
    for (int i = 0; i < size; i++) {
      byte b = data[offset + i];
      out[2 * i] = HEX[(b >> 4) & 0xF];
      out[2 * i + 1] = HEX[b & 0xF];
    }
    return new String(out);
  }

  /** Lower-case hex with {@code separator} between bytes ("d6:44:b3"); empty for no bytes. */
  String hex(char separator) {
    if (size == 0) {
      return "";
    }
    char[] out = new char[size * 3 - 1];
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        out[3 * i - 1] = separator;
      }
      byte b = data[offset + i];
      out[3 * i] = HEX[(b >> 4) & 0xF];
      out[3 * i + 1] = HEX[b & 0xF];
    }
    return new String(out);
  }

  /** The bytes decoded as UTF-8, malformed sequences replaced by U+FFFD. */
  public String utf8() {
    return new String(data, offset, size, StandardCharsets.UTF_8);
  }

  /** The backing array, for this package's codecs only: the bytes are at {@link #offset()}, {@link #size()} of them. */
  byte[] array() {
    return data;
  }

  /** Where the bytes start in {@link #array()}. */
  int offset() {
    return offset;
  }

  /** The bytes in an array of exactly their size, for this package's formatting: the backing one when it is. */
  byte[] contents() {
    return offset == 0 && size == data.length ? data : toByteArray();
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, offset, offset + size, o.data, o.offset, o.offset + o.size);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, offset, offset + size, b.data, b.offset, b.offset + b.size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset, end = offset + size; i < end; i++) {
      h = 31 * h + data[i]; // Arrays.hashCode's, over the range
    }
    return h;
  }

  /** Hex, like Okio's ByteString: "[hex=001a2b]". */
  @Override
  public String toString() {
    return "[hex=" + hex() + "]";
  }
}
