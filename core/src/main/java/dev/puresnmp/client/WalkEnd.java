package dev.puresnmp.client;

/**
 * Why a walk ended without an error: {@link WalkResult#end()}, or what a streaming walk's future
 * completes with.
 *
 * <pre>{@code
 * WalkResult rows = client.blocking().walk("1.3.6.1.2.1.2.2");
 * if (rows.end() == WalkEnd.LOOP) log.warn("{} loops; kept {} rows", agent, rows.size());
 * }</pre>
 */
public enum WalkEnd {
  /** The agent answered with an OID outside the subtree: the usual end. */
  END_OF_SUBTREE,
  /** The agent answered with endOfMibView (or another exception value): nothing follows. */
  END_OF_MIB_VIEW,
  /** An SNMPv1 agent answered noSuchName: SNMPv1's end of the MIB (RFC 1157 §4.1.3). */
  END_OF_MIB,
  /** The walk returned {@link SnmpClient#maxRows()} varbinds and stopped asking. */
  MAX_ROWS,
  /** A lenient walk met an OID it had returned already and stopped: the agent loops. */
  LOOP
}
