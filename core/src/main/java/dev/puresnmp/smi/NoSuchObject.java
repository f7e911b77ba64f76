package dev.puresnmp.smi;

/** The SNMPv2 exception value noSuchObject: the agent has no such object (RFC 3416 §3, §4.2.1). Use {@link #INSTANCE}. */
public record NoSuchObject() implements Value {
  public static final NoSuchObject INSTANCE = new NoSuchObject();

  @Override
  public SmiType type() {
    return SmiType.NO_SUCH_OBJECT;
  }

  @Override
  public String asText() {
    return "noSuchObject";
  }

  @Override
  public boolean isException() {
    return true;
  }

  /** As Net-SNMP prints the value after " = ": {@code No Such Object available on this agent at this OID}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
