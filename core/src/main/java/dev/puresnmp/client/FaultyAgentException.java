package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.transport.Endpoint;

/**
 * The agent broke the protocol: OIDs that do not increase in a walk, a loop, a wrong number of varbinds,
 * a response to another request. {@link #fault()} says which.
 *
 * <pre>{@code
 * catch (FaultyAgentException e) {
 *   if (e.fault() == FaultyAgentException.Fault.NON_INCREASING_OID) { ... retry with lenientWalks(true) }
 * }
 * }</pre>
 */
public final class FaultyAgentException extends SnmpException {
  private static final long serialVersionUID = 1L;

  /** What the agent did wrong. */
  public enum Fault {
    NON_INCREASING_OID,
    LOOP,
    WRONG_VARBIND_COUNT,
    WRONG_RESPONSE
  }

  private final transient Endpoint endpoint;
  private final Fault fault;

  public FaultyAgentException(Endpoint endpoint, Fault fault, String detail) {
    super(detail + " from " + endpoint);
    this.endpoint = endpoint;
    this.fault = fault;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Fault fault() {
    return fault;
  }
}
