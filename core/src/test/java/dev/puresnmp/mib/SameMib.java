package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Oid;
import java.util.List;

/** Asserts that two {@link Mib}s read alike: the same modules and objects, and every name and OID as translate shows them. */
final class SameMib {
  private SameMib() {}

  /** {@code actual} against {@code expected}: modules, objects, names in every style, parents, children and indexes. */
  static void assertSame(Mib actual, Mib expected) {
    assertThat(actual.modules()).isEqualTo(expected.modules());
    assertThat(actual.objects()).hasSize(expected.objects().size()).isEqualTo(expected.objects());
    for (MibObject o : expected.objects()) {
      assertThat(actual.oid(o.qualifiedName())).as(o.qualifiedName()).isEqualTo(expected.oid(o.qualifiedName()));
      assertThat(actual.oid(o.name())).as(o.name()).isEqualTo(expected.oid(o.name()));
      for (Oid oid : List.of(o.oid(), o.oid().append(0), o.oid().append(2, 104, 105, 10, 0, 0, 1, 7))) {
        for (Mib.NameStyle style : Mib.NameStyle.values()) {
          assertThat(actual.name(oid, style)).as(oid + " " + style).isEqualTo(expected.name(oid, style));
        }
      }
      assertThat(actual.parent(o)).isEqualTo(expected.parent(o));
      assertThat(actual.children(o)).isEqualTo(expected.children(o));
      assertThat(actual.indexObjects(o)).as(o.name()).isEqualTo(expected.indexObjects(o));
    }
  }
}
