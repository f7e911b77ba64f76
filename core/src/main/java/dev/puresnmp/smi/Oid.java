package dev.puresnmp.smi;

import java.util.Arrays;
import java.util.Objects;

/**
 * An OBJECT IDENTIFIER: an immutable sequence of unsigned 32-bit arcs. Ordered as SNMP orders the MIB
 * (lexicographically by unsigned arc, a prefix before its extensions), which is Net-SNMP's
 * snmp_oid_compare.
 *
 * <p>As text an OID has two spellings, one method each: {@link #toString} without a leading dot
 * ("1.3.6.1.2.1.1.5.0", as RFCs write OIDs; also {@link ObjectIdentifier#asText}), {@link
 * #toDottedString} with one (".1.3.6.1.2.1.1.5.0", as Net-SNMP prints with {@code -On}, and so the CLI
 * and {@link NetSnmpFormat}). {@link #parse} reads both.
 *
 * <pre>{@code
 * Oid sysName = Oid.parse("1.3.6.1.2.1.1.5.0");   // a leading dot is fine too
 * Oid system = Oid.of(1, 3, 6, 1, 2, 1, 1);
 * sysName.startsWith(system);                      // true
 * system.append(5, 0).equals(sysName);             // true
 * sysName.toString();                              // "1.3.6.1.2.1.1.5.0"
 * sysName.toDottedString();                        // ".1.3.6.1.2.1.1.5.0"
 * }</pre>
 */
public final class Oid implements Comparable<Oid> {
  /** Net-SNMP's MAX_OID_LEN: no agent or manager handles more arcs. */
  public static final int MAX_ARCS = 128;

  private static final Oid EMPTY = new Oid(new byte[0]);

  /**
   * The arcs as BER writes sub-identifiers (X.690 §8.19.2: base 128, most significant group first, the
   * high bit set on every byte but an arc's last, no leading 0x80), but one arc each: unlike BER, the
   * first two are not combined, so every sequence of arcs has exactly one form and equal OIDs have
   * equal bytes. A decoder copies all but the first sub-identifier straight from the message, and an
   * encoder back; about a quarter of the memory of an int per arc. No cached hash: most OIDs decoded
   * are never hashed.
   */
  private final byte[] enc;

  /** Trusted: takes {@code enc}, which must be in the form above, without a copy. */
  Oid(byte[] enc) {
    this.enc = enc;
  }

  /**
   * An OID of the given arcs (each read as unsigned 32-bit).
   *
   * @throws IllegalArgumentException with more than {@link #MAX_ARCS} arcs
   */
  public static Oid of(int... arcs) {
    checkLength(arcs.length);
    int size = 0;
    for (int arc : arcs) {
      size += sizeOfArc(arc);
    }
    byte[] enc = new byte[size];
    int p = 0;
    for (int arc : arcs) {
      p = putArc(enc, p, arc);
    }
    return new Oid(enc);
  }

  /**
   * Parses dotted decimal: "1.3.6.1", ".1.3.6.1". Each arc is 0..4294967295.
   *
   * @throws IllegalArgumentException on anything else, naming the offending text
   */
  public static Oid parse(String text) {
    String s = text.startsWith(".") ? text.substring(1) : text;
    if (s.isEmpty()) {
      throw new IllegalArgumentException("not an OID: \"" + text + "\"");
    }
    int count = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.') {
        count++;
      }
    }
    checkLength(count);
    int[] arcs = new int[count];
    int n = 0;
    long value = 0;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0) {
          throw new IllegalArgumentException("empty arc in OID \"" + text + "\"");
        }
        arcs[n++] = (int) value;
        value = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        digits++;
        if (value > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException("arc exceeds 4294967295 in OID \"" + text + "\"");
        }
      } else {
        throw new IllegalArgumentException("not an OID: \"" + text + "\" ('" + c + "' at " + i + ")");
      }
    }
    return of(arcs);
  }

  /** The OID of no arcs. */
  static Oid empty() {
    return EMPTY;
  }

  private static void checkLength(int n) {
    if (n > MAX_ARCS) {
      throw new IllegalArgumentException("OID has " + n + " arcs, more than " + MAX_ARCS);
    }
  }

  /** The bytes of {@code arc} (unsigned) in the form of {@link #enc}: 1 to 5. */
  static int sizeOfArc(int arc) {
    return arc >>> 7 == 0 ? 1 : (38 - Integer.numberOfLeadingZeros(arc)) / 7;
  }

  /** Writes {@code arc} at {@code p}; returns the position after it. */
  static int putArc(byte[] out, int p, int arc) {
    for (int shift = 7 * (sizeOfArc(arc) - 1); shift > 0; shift -= 7) {
      out[p++] = (byte) (0x80 | (arc >>> shift) & 0x7F);
    }
    out[p++] = (byte) (arc & 0x7F);
    return p;
  }

  public int size() {
    int n = 0;
    for (byte b : enc) {
      n += ~b >>> 31; // an arc's last byte has the high bit clear
    }
    return n;
  }

  /** The arc at {@code index}, as stored: read it with {@link Integer#toUnsignedLong}. */
  public int arc(int index) {
    Objects.checkIndex(index, size());
    int p = 0;
    for (int i = 0; i < index; i++) {
      while (enc[p++] < 0) {}
    }
    int arc = 0;
    int b;
    do {
      b = enc[p++];
      arc = arc << 7 | b & 0x7F;
    } while (b < 0);
    return arc;
  }

  /** A copy of the arcs. */
  public int[] toArcs() {
    int[] arcs = new int[size()];
    int arc = 0;
    int n = 0;
    for (byte b : enc) {
      arc = arc << 7 | b & 0x7F;
      if (b >= 0) {
        arcs[n++] = arc;
        arc = 0;
      }
    }
    return arcs;
  }

  /** The arcs in the form of {@link #enc}, for this package's codecs only. */
  byte[] encoded() {
    return enc;
  }

  /** True if this OID equals {@code prefix} or lies below it in the tree. */
  public boolean startsWith(Oid prefix) {
    // Both are whole arcs, so a byte prefix is an arc prefix.
    int n = prefix.enc.length;
    return enc.length >= n && Arrays.equals(enc, 0, n, prefix.enc, 0, n);
  }

  /** This OID followed by {@code more} arcs. */
  public Oid append(int... more) {
    return append(of(more));
  }

  /** This OID followed by the arcs of {@code suffix}. */
  public Oid append(Oid suffix) {
    checkLength(size() + suffix.size());
    byte[] out = Arrays.copyOf(enc, enc.length + suffix.enc.length);
    System.arraycopy(suffix.enc, 0, out, enc.length, suffix.enc.length);
    return new Oid(out);
  }

  /** The arcs after {@code prefix}, which this OID must start with (a table row's index). */
  public Oid suffixAfter(Oid prefix) {
    if (!startsWith(prefix)) {
      throw new IllegalArgumentException(this + " does not start with " + prefix);
    }
    return new Oid(Arrays.copyOfRange(enc, prefix.enc.length, enc.length));
  }

  /** The first {@code n} arcs. */
  public Oid prefix(int n) {
    Objects.checkFromToIndex(0, n, size());
    int p = 0;
    for (int i = 0; i < n; i++) {
      while (enc[p++] < 0) {}
    }
    return new Oid(Arrays.copyOf(enc, p));
  }

  @Override
  public int compareTo(Oid o) {
    return compareArcs(enc, 0, enc.length, o.enc, 0, o.enc.length);
  }

  /**
   * Compares two runs of whole arcs in the form of {@link #enc}, {@code a[aFrom .. aTo)} and {@code
   * b[bFrom .. bTo)}, as {@link #compareTo} compares OIDs.
   */
  static int compareArcs(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    int i = Arrays.mismatch(a, aFrom, aTo, b, bFrom, bTo);
    if (i < 0) {
      return 0;
    }
    if (i == aTo - aFrom || i == bTo - bFrom) {
      return i == aTo - aFrom ? -1 : 1; // whole arcs: the shorter is a prefix of the longer
    }
    // The first difference lies in one arc of each, which start at the same offset: a longer arc is a
    // greater one (no leading zero groups); arcs of one length compare as their first differing byte.
    int start = i;
    while (start > 0 && a[aFrom + start - 1] < 0) {
      start--;
    }
    int la = arcEnd(a, aFrom + start, aTo) - aFrom;
    int lb = arcEnd(b, bFrom + start, bTo) - bFrom;
    if (la != lb) {
      return la < lb ? -1 : 1;
    }
    return Integer.compare(a[aFrom + i] & 0xFF, b[bFrom + i] & 0xFF);
  }

  /** Where the arc that starts at {@code p} ends (at its last byte), {@code to} bounding the search. */
  private static int arcEnd(byte[] enc, int p, int to) {
    while (p < to - 1 && enc[p] < 0) {
      p++;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Oid other && Arrays.equals(enc, other.enc);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(enc);
  }

  /**
   * Dotted decimal <em>without</em> a leading dot: "1.3.6.1.2.1.1.5.0"; "" for an OID of no arcs. With
   * the dot: {@link #toDottedString}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(enc.length * 3);
    long arc = 0;
    for (byte b : enc) {
      arc = arc << 7 | b & 0x7F;
      if (b >= 0) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(arc);
        arc = 0;
      }
    }
    return sb.toString();
  }

  /**
   * Dotted decimal <em>with</em> a leading dot, as Net-SNMP prints with {@code -On}:
   * ".1.3.6.1.2.1.1.5.0"; "." for an OID of no arcs. Unlike SNMP4J's {@code OID.toDottedString()}, which
   * has no leading dot: without it, use {@link #toString}.
   */
  public String toDottedString() {
    return enc.length == 0 ? "." : "." + this;
  }
}
