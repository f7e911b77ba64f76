package dev.puresnmp.smi;

/** The SNMPv2 exception value noSuchInstance: the object exists but not this instance (RFC 3416 §4.2.1). Use {@link #INSTANCE}. */
public record NoSuchInstance() implements Value {
  public static final NoSuchInstance INSTANCE = new NoSuchInstance();

  @Override
  public SmiType type() {
    return SmiType.NO_SUCH_INSTANCE;
  }

  @Override
  public String asText() {
    return "noSuchInstance";
  }

  @Override
  public boolean isException() {
    return true;
  }

  /** As Net-SNMP prints the value after " = ": {@code No Such Instance currently exists at this OID}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
