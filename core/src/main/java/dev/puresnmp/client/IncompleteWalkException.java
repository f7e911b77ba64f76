package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.List;

/**
 * A collected walk (or table) that an error cut short: the varbinds it had ({@link #rows()}, maybe none)
 * and why it stopped ({@link #reason()}, also the cause): a timeout, an error-status, a faulty agent.
 *
 * <pre>{@code
 * try {
 *   rows = client.blocking().walk("1.3.6.1.2.1");
 * } catch (IncompleteWalkException e) {
 *   rows = e.rows();                                   // what came before the failure
 *   if (e.reason() instanceof SnmpTimeoutException) { ... }
 * }
 * }</pre>
 */
public final class IncompleteWalkException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final transient Oid root;
  private final transient List<VarBind> rows;

  IncompleteWalkException(Oid root, List<VarBind> rows, SnmpException reason) {
    super("walk of " + root.toDottedString() + " stopped after " + rows.size() + " varbinds: " + reason.getMessage(), reason);
    this.root = root;
    this.rows = List.copyOf(rows);
  }

  /** The walked subtree. */
  public Oid root() {
    return root;
  }

  /** The varbinds returned before the failure, in order. */
  public List<VarBind> rows() {
    return rows;
  }

  /** Why the walk stopped. */
  public SnmpException reason() {
    return (SnmpException) getCause();
  }
}
