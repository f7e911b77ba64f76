package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.SnmpArbitraries;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RecordingTest {
  private static Oid oid(String s) {
    return Oid.parse(s);
  }

  @Test
  void entriesAddedInAnyOrderComeOutSortedAsSnmpOrdersOids() {
    Recording r = Recording.builder()
        .add(oid("1.3.6.1.2.1.2.2.1.10.1"), new Counter32(5))
        .add(oid("1.3.6.1.2.1.1.5.0"), OctetString.of("b"))
        .add(oid("1.3.6.1.2.1.2.2.1.2.1"), OctetString.of("c"))
        .add(oid("1.3.6.1.2.1.1"), OctetString.of("prefix first"))
        .add(oid("1.3.6.1.2.1.1.200.0"), Integer32.of(1))
        .build();
    assertThat(r.varBinds()).extracting(VarBind::oid).containsExactly(
        oid("1.3.6.1.2.1.1"), oid("1.3.6.1.2.1.1.5.0"), oid("1.3.6.1.2.1.1.200.0"), oid("1.3.6.1.2.1.2.2.1.2.1"), oid("1.3.6.1.2.1.2.2.1.10.1"));
  }

  @Test
  void aRepeatedOidKeepsItsFirstValueAndIsReported() {
    RecordingBuilder b = Recording.builder();
    b.add(oid("1.3.6.1.2.1.1.5.0"), OctetString.of("first"), 7, false);
    b.add(oid("1.3.6.1.2.1.1.5.0"), OctetString.of("second"), 9, false);
    Recording r = b.build();
    assertThat(r.varBinds()).containsExactly(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("first")));
    assertThat(r.problems()).singleElement().hasToString("builder:9: error: OID 1.3.6.1.2.1.1.5.0 repeats line 7; the first value is kept");
  }

  @Test
  void indexOfFindsExactOidsAndNextIndexFindsTheSuccessor() {
    Recording r = Recording.builder()
        .add(oid("1.3.6.1.2.1.1.1.0"), OctetString.of("a"))
        .add(oid("1.3.6.1.2.1.1.3.0"), new TimeTicks(1))
        .add(oid("1.3.6.1.2.1.1.5.0"), OctetString.of("c"))
        .build();
    assertThat(r.indexOf(oid("1.3.6.1.2.1.1.3.0"))).isEqualTo(1);
    assertThat(r.indexOf(oid("1.3.6.1.2.1.1.4.0"))).isEqualTo(-3);
    assertThat(r.nextIndex(oid("1.3.6.1.2.1.1.3.0"))).isEqualTo(2);
    assertThat(r.nextIndex(oid("1.3.6.1.2.1.1.3"))).isEqualTo(1);
    assertThat(r.nextIndex(oid("1.3"))).isZero();
    assertThat(r.nextIndex(oid("1.3.6.1.2.1.1.5.0"))).isEqualTo(3);
    assertThat(r.nextIndex(oid("2.0"))).isEqualTo(3);
  }

  @Test
  void arcsAboveTwoToThe31SortAsUnsigned() {
    Recording r = Recording.builder()
        .add(oid("1.3.6.1.4.1.4294967295"), Integer32.of(2))
        .add(oid("1.3.6.1.4.1.2147483648"), Integer32.of(1))
        .add(oid("1.3.6.1.4.1.127"), Integer32.of(0))
        .build();
    assertThat(r.varBinds()).extracting(vb -> vb.value().asLong()).containsExactly(0L, 1L, 2L);
    assertThat(r.indexOf(oid("1.3.6.1.4.1.2147483648"))).isEqualTo(1);
  }

  @Test
  void computedValuesAreWorkedOutFromTheUptime() {
    Recording r = Recording.builder().addComputed(oid("1.3.6.1.2.1.1.3.0"), ComputedValue.UPTIME).build();
    assertThat(r.varBind(0, Duration.ofSeconds(42)).value()).isEqualTo(new TimeTicks(4200));
  }

  @Test
  void anOidBerCannotCarryIsRefused() {
    assertThatThrownBy(() -> Recording.builder().add(oid("1.40.1"), Integer32.of(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be encoded in BER");
    assertThatThrownBy(() -> Recording.builder().add(oid("1"), Integer32.of(1)))
        .hasMessageContaining("fewer than two arcs");
  }

  @Property(tries = 200)
  void binarySearchAgreesWithOidOrder(@ForAll @Size(min = 1, max = 60) List<@From("oids") Oid> oids, @ForAll("oids") Oid probe) {
    RecordingBuilder b = Recording.builder();
    TreeSet<Oid> sorted = new TreeSet<>();
    for (Oid o : oids) {
      if (sorted.add(o)) {
        b.add(o, Integer32.of(sorted.size()));
      }
    }
    Recording r = b.build();
    assertThat(r.varBinds()).extracting(VarBind::oid).containsExactlyElementsOf(sorted);
    Oid expectedNext = sorted.higher(probe);
    int next = r.nextIndex(probe);
    assertThat(next == r.size() ? null : r.oid(next)).isEqualTo(expectedNext);
    assertThat(r.indexOf(probe) >= 0).isEqualTo(sorted.contains(probe));
  }

  @Provide
  Arbitrary<Oid> oids() {
    return SnmpArbitraries.oids().filter(o -> o.size() >= 2);
  }
}
