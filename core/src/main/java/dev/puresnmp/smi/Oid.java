package dev.puresnmp.smi;

import java.util.Arrays;

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

  // No cached hash: 8 bytes less for every OID decoded, and most are never hashed.
  private final int[] arcs;

  /** Trusted: takes {@code arcs} without a copy. */
  Oid(int[] arcs, boolean trusted) {
    this.arcs = arcs;
  }

  /**
   * An OID of the given arcs (each read as unsigned 32-bit).
   *
   * @throws IllegalArgumentException with more than {@link #MAX_ARCS} arcs
   */
  public static Oid of(int... arcs) {
    checkLength(arcs.length);
    return new Oid(arcs.clone(), true);
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
    return new Oid(arcs, true);
  }

  private static void checkLength(int n) {
    if (n > MAX_ARCS) {
      throw new IllegalArgumentException("OID has " + n + " arcs, more than " + MAX_ARCS);
    }
  }

  public int size() {
    return arcs.length;
  }

  /** The arc at {@code index}, as stored: read it with {@link Integer#toUnsignedLong}. */
  public int arc(int index) {
    return arcs[index];
  }

  /** A copy of the arcs. */
  public int[] toArcs() {
    return arcs.clone();
  }

  /** The backing array, for this package's codecs only. */
  int[] array() {
    return arcs;
  }

  /** True if this OID equals {@code prefix} or lies below it in the tree. */
  public boolean startsWith(Oid prefix) {
    return arcs.length >= prefix.arcs.length
        && Arrays.equals(arcs, 0, prefix.arcs.length, prefix.arcs, 0, prefix.arcs.length);
  }

  /** This OID followed by {@code more} arcs. */
  public Oid append(int... more) {
    checkLength(arcs.length + more.length);
    int[] out = Arrays.copyOf(arcs, arcs.length + more.length);
    System.arraycopy(more, 0, out, arcs.length, more.length);
    return new Oid(out, true);
  }

  /** This OID followed by the arcs of {@code suffix}. */
  public Oid append(Oid suffix) {
    return append(suffix.arcs);
  }

  /** The arcs after {@code prefix}, which this OID must start with (a table row's index). */
  public Oid suffixAfter(Oid prefix) {
    if (!startsWith(prefix)) {
      throw new IllegalArgumentException(this + " does not start with " + prefix);
    }
    return new Oid(Arrays.copyOfRange(arcs, prefix.arcs.length, arcs.length), true);
  }

  /** The first {@code n} arcs. */
  public Oid prefix(int n) {
    return new Oid(Arrays.copyOf(arcs, n), true);
  }

  @Override
  public int compareTo(Oid o) {
    return Arrays.compareUnsigned(arcs, o.arcs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Oid other && Arrays.equals(arcs, other.arcs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(arcs);
  }

  /**
   * Dotted decimal <em>without</em> a leading dot: "1.3.6.1.2.1.1.5.0"; "" for an OID of no arcs. With
   * the dot: {@link #toDottedString}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(arcs.length * 4);
    for (int i = 0; i < arcs.length; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(Integer.toUnsignedString(arcs[i]));
    }
    return sb.toString();
  }

  /**
   * Dotted decimal <em>with</em> a leading dot, as Net-SNMP prints with {@code -On}:
   * ".1.3.6.1.2.1.1.5.0"; "." for an OID of no arcs. Unlike SNMP4J's {@code OID.toDottedString()}, which
   * has no leading dot: without it, use {@link #toString}.
   */
  public String toDottedString() {
    return arcs.length == 0 ? "." : "." + this;
  }
}
