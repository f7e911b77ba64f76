package dev.puresnmp.smi;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of varbinds over one exact-size array: what decoding produces, and what the PDU
 * records hold. {@link #copyOf} returns its argument when that is already one, so a decoded list is not
 * copied again. The varbinds of a GET ({@link #ofNulls}) are kept as their OIDs alone: the encoder
 * writes each OID and a NULL, and no {@link VarBind} is made unless one is asked for.
 *
 * <pre>{@code
 * List<VarBind> vbs = VarBindList.copyOf(List.of(VarBind.of(sysName)));
 * }</pre>
 */
public final class VarBindList extends AbstractList<VarBind> implements RandomAccess {
  private static final VarBindList EMPTY = new VarBindList(new VarBind[0], null);

  private final VarBind[] items; // null when every value is NULL: then the OIDs are all there is
  private final Oid[] oids;

  private VarBindList(VarBind[] items, Oid[] oids) {
    this.items = items;
    this.oids = oids;
  }

  /** Wraps an array nobody else holds, for this package's decoder. */
  static VarBindList wrap(VarBind[] items) {
    return items.length == 0 ? EMPTY : new VarBindList(items, null);
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
    Oid[] copy = oids.toArray(new Oid[0]);
    for (Oid oid : copy) {
      Objects.requireNonNull(oid, "oid");
    }
    return copy.length == 0 ? EMPTY : new VarBindList(null, copy);
  }

  @Override
  public VarBind get(int index) {
    return items != null ? items[index] : VarBind.of(oids[index]);
  }

  @Override
  public int size() {
    return items != null ? items.length : oids.length;
  }

  /** True if every value is NULL and the list keeps only the OIDs. */
  boolean onlyNulls() {
    return items == null;
  }

  /** The OID of the varbind at {@code index}, without making the varbind. */
  Oid oid(int index) {
    return items != null ? items[index].oid() : oids[index];
  }

  /** The OID of {@code varBinds}' varbind at {@code index}, without making it where the list allows. */
  static Oid oidAt(List<VarBind> varBinds, int index) {
    return varBinds instanceof VarBindList l ? l.oid(index) : varBinds.get(index).oid();
  }
}
