package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OidTest {
  @Test
  void parseAcceptsALeadingDot() {
    assertThat(Oid.parse(".1.3.6.1")).isEqualTo(Oid.of(1, 3, 6, 1));
    assertThat(Oid.parse("1.3.6.1").toString()).isEqualTo("1.3.6.1");
    assertThat(Oid.parse("1.3.6.1").toDottedString()).isEqualTo(".1.3.6.1");
  }

  @Test
  void arcsAreUnsigned32Bit() {
    Oid big = Oid.parse("1.3.4294967295");
    assertThat(big.toString()).isEqualTo("1.3.4294967295");
    assertThat(big).isGreaterThan(Oid.parse("1.3.2147483647"));
    assertThatThrownBy(() -> Oid.parse("1.3.4294967296")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseRejectsNonsenseNamingIt() {
    assertThatThrownBy(() -> Oid.parse("1..3")).hasMessageContaining("empty arc");
    assertThatThrownBy(() -> Oid.parse("1.3.a")).hasMessageContaining("'a'");
    assertThatThrownBy(() -> Oid.parse("")).hasMessageContaining("not an OID");
    assertThatThrownBy(() -> Oid.parse("1.")).hasMessageContaining("empty arc");
  }

  @Test
  void aPrefixSortsBeforeItsExtensions() {
    assertThat(Oid.parse("1.3.6")).isLessThan(Oid.parse("1.3.6.0"));
    assertThat(Oid.parse("1.3.6.1.2")).isLessThan(Oid.parse("1.3.6.1.10"));
  }

  @Test
  void startsWithAppendAndSuffix() {
    Oid table = Oid.parse("1.3.6.1.2.1.2.2.1");
    Oid cell = table.append(2, 7);
    assertThat(cell.startsWith(table)).isTrue();
    assertThat(table.startsWith(cell)).isFalse();
    assertThat(cell.suffixAfter(table)).isEqualTo(Oid.of(2, 7));
    assertThat(Oid.parse("1.3.6.10").startsWith(Oid.parse("1.3.6.1"))).isFalse();
  }

  @Test
  void moreThan128ArcsAreRejected() {
    assertThatThrownBy(() -> Oid.of(new int[129])).hasMessageContaining("more than 128");
  }

  /** Net-SNMP's snmp_oid_compare: arc by arc as unsigned, then the shorter first. */
  static int netSnmpCompare(long[] a, long[] b) {
    int min = Math.min(a.length, b.length);
    for (int i = 0; i < min; i++) {
      if (a[i] < b[i]) {
        return -1;
      }
      if (a[i] > b[i]) {
        return 1;
      }
    }
    return Integer.signum(a.length - b.length);
  }

  @Property
  void orderAgreesWithNetSnmpOidCompare(
      @ForAll @Size(max = 6) int[] a, @ForAll @Size(max = 6) int[] b) {
    long[] la = Arrays.stream(a).mapToLong(Integer::toUnsignedLong).toArray();
    long[] lb = Arrays.stream(b).mapToLong(Integer::toUnsignedLong).toArray();
    assertThat(Integer.signum(Oid.of(a).compareTo(Oid.of(b)))).isEqualTo(netSnmpCompare(la, lb));
  }

  @Test
  void toStringHasNoLeadingDotAndToDottedStringHasOne() {
    Oid sysName = Oid.of(1, 3, 6, 1, 2, 1, 1, 5, 0);
    assertThat(sysName).hasToString("1.3.6.1.2.1.1.5.0");
    assertThat(sysName.toDottedString()).isEqualTo(".1.3.6.1.2.1.1.5.0");
    assertThat(new ObjectIdentifier(sysName).asText()).isEqualTo("1.3.6.1.2.1.1.5.0");
  }

  @Test
  void anOidOfNoArcsIsEmptyOrADot() {
    assertThat(Oid.of()).hasToString("");
    assertThat(Oid.of().toDottedString()).isEqualTo(".");
    assertThat(NetSnmpFormat.formatValue(new ObjectIdentifier(Oid.of()))).isEqualTo("OID: .0"); // as Net-SNMP prints it
  }

  @Property
  void toDottedStringIsToStringAfterADot(@ForAll @Size(max = 20) int[] arcs) {
    Oid oid = Oid.of(arcs);
    assertThat(oid.toDottedString()).isEqualTo("." + oid);
  }

  @Property
  void parseOfToStringIsIdentity(@ForAll @Size(min = 1, max = 20) int[] arcs) {
    Oid oid = Oid.of(arcs);
    assertThat(Oid.parse(oid.toString())).isEqualTo(oid);
    assertThat(Oid.parse(oid.toDottedString())).isEqualTo(oid);
  }

  @Property
  void orderAgreesWithNetSnmpOidCompareWhereOidsShareAPrefix(
      @ForAll @Size(max = 6) int[] prefix, @ForAll @Size(max = 3) int[] a, @ForAll @Size(max = 3) int[] b) {
    Oid x = Oid.of(prefix).append(a);
    Oid y = Oid.of(prefix).append(b);
    long[] lx = Arrays.stream(x.toArcs()).mapToLong(Integer::toUnsignedLong).toArray();
    long[] ly = Arrays.stream(y.toArcs()).mapToLong(Integer::toUnsignedLong).toArray();
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(netSnmpCompare(lx, ly));
    assertThat(x.equals(y)).isEqualTo(netSnmpCompare(lx, ly) == 0);
    assertThat(x.startsWith(Oid.of(prefix))).isTrue();
  }

  @Property
  void theArcsComeBackAsGiven(@ForAll @Size(max = 20) int[] arcs) {
    Oid oid = Oid.of(arcs);
    assertThat(oid.toArcs()).isEqualTo(arcs);
    assertThat(oid.size()).isEqualTo(arcs.length);
    for (int i = 0; i < arcs.length; i++) {
      assertThat(oid.arc(i)).isEqualTo(arcs[i]);
    }
    assertThat(oid).isEqualTo(Oid.of(arcs.clone())).hasSameHashCodeAs(Oid.of(arcs.clone()));
  }

  @Property
  void prefixAndSuffixSplitAnOidAtAnyArc(@ForAll @Size(max = 12) int[] arcs, @ForAll @IntRange(max = 12) int at) {
    Oid oid = Oid.of(arcs);
    int n = Math.min(at, arcs.length);
    Oid head = oid.prefix(n);
    assertThat(head.toArcs()).isEqualTo(Arrays.copyOf(arcs, n));
    assertThat(head.append(oid.suffixAfter(head))).isEqualTo(oid);
    assertThat(oid.startsWith(head)).isTrue();
  }

  @Property
  void aVarBindsOidSurvivesEncodingAndDecoding(
      @ForAll @IntRange(max = 2) int first, @ForAll @IntRange(max = 39) int second, @ForAll @Size(max = 20) int[] rest) {
    Oid oid = Oid.of(first, second).append(rest);
    byte[] encoded = VarBind.of(oid).encode();
    assertThat(VarBind.decode(encoded, 0, encoded.length).oid()).isEqualTo(oid);
    assertThat(VarBind.decodeOid(encoded, 0, encoded.length)).isEqualTo(oid);
  }

  @Test
  void anArcBeyondTwoToThe28IsReadBackExactly() {
    Oid oid = Oid.parse("1.3.6.1.4.1.4294967295.268435456.268435455.0");
    byte[] encoded = VarBind.of(oid).encode();
    assertThat(VarBind.decode(encoded, 0, encoded.length).oid()).isEqualTo(oid).hasToString("1.3.6.1.4.1.4294967295.268435456.268435455.0");
  }

  @Property
  void anEncodedOidComparesWithAnOidAsTheOidsCompare(
      @ForAll @IntRange(max = 2) int first,
      @ForAll @IntRange(max = 39) int second,
      @ForAll @Size(max = 4) int[] prefix,
      @ForAll @Size(max = 3) int[] a,
      @ForAll @Size(max = 5) int[] b) {
    Oid stored = Oid.of(first, second).append(prefix).append(a);
    Oid other = Oid.of(b.length > 0 ? b : new int[0]);
    Oid sharing = Oid.of(first, second).append(prefix).append(b);
    byte[] encoded = VarBind.of(stored).encode();
    dev.puresnmp.ber.BerReader r = new dev.puresnmp.ber.BerReader(encoded, 0, encoded.length);
    r.enter(dev.puresnmp.ber.Tag.SEQUENCE);
    int length = r.readHeader(dev.puresnmp.ber.Tag.OBJECT_IDENTIFIER);
    int from = r.absolutePosition();
    for (Oid oid : new Oid[] {other, sharing}) {
      assertThat(Integer.signum(ValueCodec.compareOidContent(encoded, from, from + length, oid)))
          .isEqualTo(Integer.signum(stored.compareTo(oid)));
    }
  }

  /** Arcs whose first two are often BER-encodable and often not (3.x, 1.40), so both forms meet. */
  private static int[] nearTheFormsEdge(int first, int second, int[] rest, int size) {
    int[] all = new int[2 + rest.length];
    all[0] = first;
    all[1] = second;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return Arrays.copyOf(all, Math.min(size, all.length));
  }

  @Property
  void oidsBerCanHoldAndOidsItCannotCompareAndSplitAsTheirArcs(
      @ForAll @IntRange(max = 3) int a0, @ForAll @IntRange(max = 45) int a1, @ForAll @Size(max = 3) int[] aRest, @ForAll @IntRange(max = 5) int aSize,
      @ForAll @IntRange(max = 3) int b0, @ForAll @IntRange(max = 45) int b1, @ForAll @Size(max = 3) int[] bRest, @ForAll @IntRange(max = 5) int bSize) {
    int[] a = nearTheFormsEdge(a0, a1, aRest, aSize);
    int[] b = nearTheFormsEdge(b0, b1, bRest, bSize);
    Oid x = Oid.of(a);
    Oid y = Oid.of(b);
    long[] la = Arrays.stream(a).mapToLong(Integer::toUnsignedLong).toArray();
    long[] lb = Arrays.stream(b).mapToLong(Integer::toUnsignedLong).toArray();
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(netSnmpCompare(la, lb));
    assertThat(x.equals(y)).isEqualTo(Arrays.equals(a, b));
    boolean prefix = b.length <= a.length && Arrays.equals(a, 0, b.length, b, 0, b.length);
    assertThat(x.startsWith(y)).isEqualTo(prefix);
    if (prefix) {
      assertThat(x.suffixAfter(y).toArcs()).isEqualTo(Arrays.copyOfRange(a, b.length, a.length));
      assertThat(y.append(x.suffixAfter(y))).isEqualTo(x).hasSameHashCodeAs(x);
    }
    if (a.length > 0) {
      assertThat(Oid.parse(x.toString())).isEqualTo(x);
    }
  }

  @Test
  void aDecodedOidIsAViewOfTheMessageThatCompactCopiesOut() {
    Oid sysName = Oid.parse("1.3.6.1.2.1.1.5.0");
    byte[] vb = VarBind.of(sysName).encode();
    byte[] list = wrapInSequence(vb);
    Oid decoded = ValueCodec.readVarBindList(new dev.puresnmp.ber.BerReader(list, 0, list.length)).get(0).oid();
    assertThat(decoded).isEqualTo(sysName).hasSameHashCodeAs(sysName).hasToString("1.3.6.1.2.1.1.5.0");
    assertThat(decoded.compareTo(sysName)).isZero();
    assertThat(decoded.startsWith(Oid.parse("1.3.6.1.2.1.1"))).isTrue();
    assertThat(decoded.compact()).isEqualTo(sysName).isNotSameAs(decoded);
    assertThat(sysName.compact()).isSameAs(sysName);
  }

  /** {@code b} (under 128 bytes) behind a SEQUENCE header, in a new array. */
  private static byte[] wrapInSequence(byte[] b) {
    byte[] out = new byte[b.length + 2];
    out[0] = 0x30;
    out[1] = (byte) b.length;
    System.arraycopy(b, 0, out, 2, b.length);
    return out;
  }
}
