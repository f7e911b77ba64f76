package dev.puresnmp.smi;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.BerWriter;
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
 *
 * <p>A decoded OID is a view of the received datagram (array, offset, length), not a copy: it keeps that
 * datagram (at most 64 KiB) alive as long as it lives itself. To keep a few OIDs of many messages for
 * long, keep {@link #compact()} copies.
 */
public final class Oid implements Comparable<Oid> {
  /** Net-SNMP's MAX_OID_LEN: no agent or manager handles more arcs. */
  public static final int MAX_ARCS = 128;

  /** The first byte of the escaped form; never the first byte of a minimal sub-identifier. */
  private static final byte ESCAPE = (byte) 0x80;

  private static final Oid EMPTY = new Oid(new byte[] {ESCAPE});

  /*
   * The arcs are enc[off .. off+len), in one of two forms, so that every sequence of arcs has exactly one
   * form and equal OIDs have equal bytes:
   * - standard: the content octets of the OID's BER encoding (X.690 §8.19: minimal base-128
   *   sub-identifiers, the first one 40 * X + Y), for every OID BER can hold: two arcs or more, the first
   *   0, 1 or 2, the second below 40 unless the first is 2. That is every OID SNMP sends, so a decoder
   *   takes these bytes as they sit in the datagram, and an encoder copies them back;
   * - escaped: 0x80, then one minimal sub-identifier per arc, for the others (no arc, one arc, 3.1, 1.40).
   * Comparing, hashing and startsWith work on the bytes. No cached hash: most OIDs decoded are never
   * hashed.
   */
  private final byte[] enc;
  private final int off;
  private final int len;

  /** Trusted: takes {@code enc}, which must be one of the forms above, without a copy. */
  Oid(byte[] enc) {
    this(enc, 0, enc.length);
  }

  /** Trusted: a view of {@code enc[off .. off+len)}, in one of the forms above, which nobody may ever write. */
  Oid(byte[] enc, int off, int len) {
    this.enc = enc;
    this.off = off;
    this.len = len;
  }

  /**
   * An OID of the given arcs (each read as unsigned 32-bit).
   *
   * @throws IllegalArgumentException with more than {@link #MAX_ARCS} arcs
   */
  public static Oid of(int... arcs) {
    checkLength(arcs.length);
    boolean standard = arcs.length >= 2 && berEncodable(Integer.toUnsignedLong(arcs[0]), Integer.toUnsignedLong(arcs[1]));
    long first = standard ? 40L * arcs[0] + Integer.toUnsignedLong(arcs[1]) : 0;
    int from = standard ? 2 : 0;
    int size = standard ? BerWriter.sizeOfSubIdentifier(first) : 1;
    for (int i = from; i < arcs.length; i++) {
      size += sizeOfArc(arcs[i]);
    }
    byte[] enc = new byte[size];
    int p;
    if (standard) {
      p = BerWriter.putSubIdentifier(enc, 0, first);
    } else {
      enc[0] = ESCAPE;
      p = 1;
    }
    for (int i = from; i < arcs.length; i++) {
      p = putArc(enc, p, arcs[i]);
    }
    return new Oid(enc);
  }

  /** Whether BER can hold an OID that starts with arcs {@code x} and {@code y} (X.690 §8.19.4). */
  private static boolean berEncodable(long x, long y) {
    return x < 2 ? y < 40 : x == 2;
  }

  /**
   * The OID whose arcs are {@code a[from .. to)}, one minimal sub-identifier each (at most {@link
   * #MAX_ARCS}, checked by the caller), in a new array.
   */
  static Oid ofArcBytes(byte[] a, int from, int to) {
    if (from < to) {
      int q = BerReader.subIdentifierEnd(a, from);
      if (q < to) {
        int r = BerReader.subIdentifierEnd(a, q);
        long x = BerReader.subIdentifier(a, from, q);
        long y = BerReader.subIdentifier(a, q, r);
        if (berEncodable(x, y)) {
          long first = 40 * x + y;
          byte[] out = new byte[BerWriter.sizeOfSubIdentifier(first) + to - r];
          int p = BerWriter.putSubIdentifier(out, 0, first);
          System.arraycopy(a, r, out, p, to - r);
          return new Oid(out);
        }
      }
    }
    byte[] out = new byte[1 + to - from];
    out[0] = ESCAPE;
    System.arraycopy(a, from, out, 1, to - from);
    return new Oid(out);
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

  /** True in the standard form (see {@link #enc}). */
  private boolean standard() {
    return enc[off] != ESCAPE; // len > 0 in both forms
  }

  public int size() {
    int n = 0;
    for (int i = off, end = off + len; i < end; i++) {
      n += ~enc[i] >>> 31; // a sub-identifier's last byte has the high bit clear; ESCAPE has it set
    }
    return standard() ? n + 1 : n;
  }

  /** The arc at {@code index}, as stored: read it with {@link Integer#toUnsignedLong}. */
  public int arc(int index) {
    Objects.checkIndex(index, size());
    if (!standard()) {
      return subIdentifierAt(off + 1, index);
    }
    if (index >= 2) {
      return subIdentifierAt(BerReader.subIdentifierEnd(enc, off), index - 2);
    }
    long first = BerReader.subIdentifier(enc, off, BerReader.subIdentifierEnd(enc, off));
    long x = firstArc(first);
    return (int) (index == 0 ? x : first - 40 * x);
  }

  /** X of the first sub-identifier 40 * X + Y (X.690 §8.19.4). */
  private static long firstArc(long first) {
    return first < 40 ? 0 : first < 80 ? 1 : 2;
  }

  /** The value of the sub-identifier that comes {@code skip} sub-identifiers after position {@code p}. */
  private int subIdentifierAt(int p, int skip) {
    for (int i = 0; i < skip; i++) {
      p = BerReader.subIdentifierEnd(enc, p);
    }
    return (int) BerReader.subIdentifier(enc, p, BerReader.subIdentifierEnd(enc, p));
  }

  /** A copy of the arcs. */
  public int[] toArcs() {
    int[] arcs = new int[size()];
    int n = 0;
    int p = off;
    if (standard()) {
      p = BerReader.subIdentifierEnd(enc, off);
      long first = BerReader.subIdentifier(enc, off, p);
      long x = firstArc(first);
      arcs[n++] = (int) x;
      arcs[n++] = (int) (first - 40 * x);
    } else {
      p++;
    }
    int arc = 0;
    for (int end = off + len; p < end; p++) {
      byte b = enc[p];
      arc = arc << 7 | b & 0x7F;
      if (b >= 0) {
        arcs[n++] = arc;
        arc = 0;
      }
    }
    return arcs;
  }

  /** The bytes of the arcs one sub-identifier each (the escaped form without its first byte). */
  private byte[] arcBytes() {
    byte[] out = new byte[arcBytesSize()];
    putArcBytes(out, 0);
    return out;
  }

  /** The size of {@link #arcBytes}. */
  private int arcBytesSize() {
    if (!standard()) {
      return len - 1;
    }
    int q = BerReader.subIdentifierEnd(enc, off);
    long first = BerReader.subIdentifier(enc, off, q);
    return 1 + BerWriter.sizeOfSubIdentifier(first - 40 * firstArc(first)) + off + len - q;
  }

  /** Writes {@link #arcBytes} at {@code p}; returns the position after them. */
  private int putArcBytes(byte[] out, int p) {
    int q = off + 1;
    if (standard()) {
      q = BerReader.subIdentifierEnd(enc, off);
      long first = BerReader.subIdentifier(enc, off, q);
      long x = firstArc(first);
      p = BerWriter.putSubIdentifier(out, p, x);
      p = BerWriter.putSubIdentifier(out, p, first - 40 * x);
    }
    System.arraycopy(enc, q, out, p, off + len - q);
    return p + off + len - q;
  }

  /** The content octets of this OID's BER encoding: how many {@link #writeContent} writes. */
  int contentSize() {
    if (standard()) {
      return len;
    }
    // Not an OID BER can hold: written as 40 * X + Y all the same, and one arc X as X.0, as Net-SNMP does.
    if (len == 1) {
      return 0;
    }
    int q = BerReader.subIdentifierEnd(enc, off + 1);
    long first = 40 * BerReader.subIdentifier(enc, off + 1, q);
    if (q == off + len) {
      return BerWriter.sizeOfSubIdentifier(first);
    }
    int r = BerReader.subIdentifierEnd(enc, q);
    return BerWriter.sizeOfSubIdentifier(first + BerReader.subIdentifier(enc, q, r)) + off + len - r;
  }

  /** Writes the {@link #contentSize} content octets so that they end before {@code pos}; returns where they start. */
  int writeContent(byte[] buf, int pos) {
    if (standard()) {
      System.arraycopy(enc, off, buf, pos - len, len);
      return pos - len;
    }
    if (len == 1) {
      return pos;
    }
    int q = BerReader.subIdentifierEnd(enc, off + 1);
    long first = 40 * BerReader.subIdentifier(enc, off + 1, q);
    if (q < off + len) {
      int r = BerReader.subIdentifierEnd(enc, q);
      pos -= off + len - r;
      System.arraycopy(enc, r, buf, pos, off + len - r);
      first += BerReader.subIdentifier(enc, q, r);
    }
    int size = BerWriter.sizeOfSubIdentifier(first);
    BerWriter.putSubIdentifier(buf, pos - size, first);
    return pos - size;
  }

  /**
   * Whether {@code buf[from .. to)}, the content of an encoded OBJECT IDENTIFIER, holds this OID (in the
   * same minimal form); allocates nothing.
   */
  boolean contentEquals(byte[] buf, int from, int to) {
    return Arrays.equals(buf, from, to, enc, off, off + len);
  }

  /**
   * Compares the content of an encoded OBJECT IDENTIFIER with minimal sub-identifiers, {@code buf[from ..
   * to)}, with this OID, as {@link #compareTo} orders OIDs (negative: the content's OID sorts first).
   */
  int compareContent(byte[] buf, int from, int to) {
    if (from < to && standard()) {
      return compareArcs(buf, from, to, enc, off, off + len);
    }
    Oid other = from == to ? EMPTY : new Oid(buf, from, to - from); // an empty OID, or this one unusual
    return other.compareTo(this);
  }

  /** True if this OID equals {@code prefix} or lies below it in the tree. */
  public boolean startsWith(Oid prefix) {
    boolean standard = standard();
    if (standard == prefix.standard()) {
      // Both are whole sub-identifiers in the same form, so a byte prefix is an arc prefix.
      int n = prefix.len;
      return len >= n && Arrays.equals(enc, off, off + n, prefix.enc, prefix.off, prefix.off + n);
    }
    if (!standard) {
      return false; // an escaped OID does not start with two arcs BER can hold, nor has it two arcs or more
    }
    // An escaped prefix of a standard OID has no arc or one.
    return prefix.len == 1 || prefix.size() == 1 && arc(0) == prefix.arc(0);
  }

  /** This OID followed by {@code more} arcs. */
  public Oid append(int... more) {
    if (!standard()) {
      return append(of(more));
    }
    checkLength(size() + more.length);
    int size = len;
    for (int arc : more) {
      size += sizeOfArc(arc);
    }
    byte[] out = Arrays.copyOfRange(enc, off, off + size); // after two arcs or more, one sub-identifier per arc
    int p = len;
    for (int arc : more) {
      p = putArc(out, p, arc);
    }
    return new Oid(out);
  }

  /** This OID followed by the arcs of {@code suffix}. */
  public Oid append(Oid suffix) {
    checkLength(size() + suffix.size());
    if (standard()) {
      byte[] out = Arrays.copyOfRange(enc, off, off + len + suffix.arcBytesSize());
      suffix.putArcBytes(out, len);
      return new Oid(out);
    }
    byte[] all = new byte[arcBytesSize() + suffix.arcBytesSize()];
    suffix.putArcBytes(all, putArcBytes(all, 0));
    return ofArcBytes(all, 0, all.length);
  }

  /** The arcs after {@code prefix}, which this OID must start with (a table row's index). */
  public Oid suffixAfter(Oid prefix) {
    if (!startsWith(prefix)) {
      throw new IllegalArgumentException(this + " does not start with " + prefix);
    }
    if (standard() == prefix.standard()) {
      return ofArcBytes(enc, off + prefix.len, off + len); // what follows the prefix is one arc per sub-identifier
    }
    byte[] a = arcBytes();
    int p = prefix.len == 1 ? 0 : BerReader.subIdentifierEnd(a, 0);
    return ofArcBytes(a, p, a.length);
  }

  /** The first {@code n} arcs. */
  public Oid prefix(int n) {
    Objects.checkFromToIndex(0, n, size());
    if (standard() && n < 2) {
      return n == 0 ? EMPTY : ofArcBytes(arcBytes(), 0, 1);
    }
    int p = standard() ? BerReader.subIdentifierEnd(enc, off) : off + 1;
    for (int i = standard() ? 2 : 0; i < n; i++) {
      p = BerReader.subIdentifierEnd(enc, p);
    }
    return new Oid(Arrays.copyOfRange(enc, off, p)); // a prefix keeps the form (see enc), n >= 2 here
  }

  /**
   * This OID in an array of its own: {@code this} if it has one already, else a copy that does not keep
   * the datagram it was decoded from alive. For OIDs kept long (a cache, an index).
   */
  public Oid compact() {
    return off == 0 && len == enc.length ? this : new Oid(Arrays.copyOfRange(enc, off, off + len));
  }

  @Override
  public int compareTo(Oid o) {
    boolean standard = standard();
    if (standard == o.standard()) {
      int skip = standard ? 0 : 1; // the escape byte
      return compareArcs(enc, off + skip, off + len, o.enc, o.off + skip, o.off + o.len);
    }
    return Arrays.compareUnsigned(toArcs(), o.toArcs()); // only OIDs BER cannot hold are escaped: rare
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
    return o instanceof Oid other && Arrays.equals(enc, off, off + len, other.enc, other.off, other.off + other.len);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + enc[i];
    }
    return h;
  }

  /**
   * Dotted decimal <em>without</em> a leading dot: "1.3.6.1.2.1.1.5.0"; "" for an OID of no arcs. With
   * the dot: {@link #toDottedString}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(len * 3);
    int p = off;
    if (standard()) {
      p = BerReader.subIdentifierEnd(enc, off);
      long first = BerReader.subIdentifier(enc, off, p);
      long x = firstArc(first);
      sb.append(x).append('.').append(first - 40 * x);
    } else {
      p++;
    }
    long arc = 0;
    for (int end = off + len; p < end; p++) {
      byte b = enc[p];
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
    return len == 1 && !standard() ? "." : "." + this;
  }
}
