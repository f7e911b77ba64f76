package dev.puresnmp.smi;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of varbinds over one exact-size array: what decoding produces, and what the PDU
 * records hold. {@link #copyOf} returns its argument when that is already one, so a decoded list is not
 * copied again.
 *
 * <pre>{@code
 * List<VarBind> vbs = VarBindList.copyOf(List.of(VarBind.of(sysName)));
 * }</pre>
 */
public final class VarBindList extends AbstractList<VarBind> implements RandomAccess {
  private static final VarBindList EMPTY = new VarBindList(new VarBind[0]);

  private final VarBind[] items;

  private VarBindList(VarBind[] items) {
    this.items = items;
  }

  /** Wraps an array nobody else holds, for this package's decoder. */
  static VarBindList wrap(VarBind[] items) {
    return items.length == 0 ? EMPTY : new VarBindList(items);
  }

  /** An immutable copy of {@code varBinds}, or the argument itself if it is a {@code VarBindList}. */
  public static List<VarBind> copyOf(Collection<? extends VarBind> varBinds) {
    if (varBinds instanceof VarBindList l) {
      return l;
    }
    VarBind[] items = varBinds.toArray(new VarBind[0]);
    for (VarBind vb : items) {
      Objects.requireNonNull(vb, "varbind");
    }
    return wrap(items);
  }

  /** The varbinds of a GET or GETNEXT: each OID with a NULL value, in one exact-size list. */
  public static List<VarBind> ofNulls(List<Oid> oids) {
    VarBind[] items = new VarBind[oids.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = VarBind.of(oids.get(i));
    }
    return wrap(items);
  }

  @Override
  public VarBind get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
