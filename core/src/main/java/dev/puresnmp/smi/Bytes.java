package dev.puresnmp.smi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable byte string: the content of an OCTET STRING, Opaque or NsapAddress, a community, an
 * engine ID. Compares as unsigned bytes, shorter prefix first.
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

  private final byte[] data;
  private int hash;

  /** Trusted: takes {@code data} without a copy; only for arrays nobody else holds. */
  Bytes(byte[] data, boolean trusted) {
    this.data = data;
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
    return data.length;
  }

  public byte get(int index) {
    return data[index];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** A read-only view, without a copy. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** Lower-case hex, no separators. */
  public String hex() {
    char[] out = new char[data.length * 2];
    for (int i = 0; i < data.length; i++) {
      out[2 * i] = HEX[(data[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[data[i] & 0xF];
    }
    return new String(out);
  }

  /** Lower-case hex with {@code separator} between bytes ("d6:44:b3"); empty for no bytes. */
  String hex(char separator) {
    if (data.length == 0) {
      return "";
    }
    char[] out = new char[data.length * 3 - 1];
    for (int i = 0; i < data.length; i++) {
      if (i > 0) {
        out[3 * i - 1] = separator;
      }
      out[3 * i] = HEX[(data[i] >> 4) & 0xF];
      out[3 * i + 1] = HEX[data[i] & 0xF];
    }
    return new String(out);
  }

  /** The bytes decoded as UTF-8, malformed sequences replaced by U+FFFD. */
  public String utf8() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The backing array, for this package's codecs only. */
  byte[] array() {
    return data;
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, o.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(data);
      hash = h;
    }
    return h;
  }

  /** Hex, like Okio's ByteString: "[hex=001a2b]". */
  @Override
  public String toString() {
    return "[hex=" + hex() + "]";
  }
}
