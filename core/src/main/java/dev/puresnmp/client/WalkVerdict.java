package dev.puresnmp.client;

/**
 * What a walk made of one varbind that the agent sent, as a {@link WalkListener} hears it. Every varbind
 * of every response gets one, including those after the walk's end in its last response (Net-SNMP's
 * snmpwalk prints those that lie in the subtree).
 *
 * <pre>{@code
 * client.walk(root, (vb, verdict, previous) -> {
 *   if (verdict == WalkVerdict.ROW) rows.add(vb);
 * });
 * }</pre>
 */
public enum WalkVerdict {
  /** A row of the walk. */
  ROW,
  /** Outside the walked subtree: the walk ends before it. */
  OUTSIDE_SUBTREE,
  /** An exception value (endOfMibView, noSuchObject, noSuchInstance) in the subtree: the walk ends before it. */
  EXCEPTION_VALUE,
  /**
   * In the subtree but not after the OID before it: a strict walk fails with {@link FaultyAgentException}
   * ({@link FaultyAgentException.Fault#NON_INCREASING_OID}) once the response's other varbinds are heard.
   */
  NOT_INCREASING,
  /** An OID that a lenient walk returned already: a loop; the walk ends before it. */
  REPEATED,
  /** In the subtree and increasing, but after the walk ended (at max rows, or at one of the above). */
  PAST_END
}
