package dev.puresnmp.client;

import dev.puresnmp.smi.VarBind;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The varbinds of a collected walk, in order, and why it ended ({@link #end()}): a list, so it goes
 * wherever a {@code List<VarBind>} goes. A walk cut short by an error fails instead, with {@link
 * IncompleteWalkException} carrying the rows it had.
 *
 * <pre>{@code
 * WalkResult ifDescr = client.blocking().bulkwalk("1.3.6.1.2.1.2.2.1.2");
 * ifDescr.forEach(vb -> System.out.println(vb));
 * if (ifDescr.end() == WalkEnd.MAX_ROWS) System.out.println("(more)");
 * }</pre>
 */
public final class WalkResult extends AbstractList<VarBind> implements RandomAccess {
  private final List<VarBind> rows;
  private final WalkEnd end;

  WalkResult(List<VarBind> rows, WalkEnd end) {
    this.rows = rows;
    this.end = Objects.requireNonNull(end, "end");
  }

  /** Why the walk ended. */
  public WalkEnd end() {
    return end;
  }

  @Override
  public VarBind get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }
}
