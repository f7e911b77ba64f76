package dev.puresnmp.client;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;

/**
 * Hears every varbind of a walk's responses with the walk's {@link WalkVerdict} on it: the rows, and what
 * ended the walk. A plain {@code Consumer<VarBind>} walk hears only the rows; this is for callers that
 * show what the agent sent, as the command line does to print what snmpwalk prints. Runs on the
 * manager's executor, a response at a time, never two at once; the walk fetches one response ahead of it.
 *
 * <pre>{@code
 * client.blocking().walk(root, (vb, verdict, previous) -> {
 *   if (verdict == WalkVerdict.NOT_INCREASING) System.err.println("not increasing: " + previous + " >= " + vb.oid());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface WalkListener {
  /**
   * @param previous the OID {@code varBind}'s was compared with: the root, or the last one before it in
   *     the subtree
   */
  void onVarBind(VarBind varBind, WalkVerdict verdict, Oid previous);
}
