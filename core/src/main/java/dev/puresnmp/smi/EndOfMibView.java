package dev.puresnmp.smi;

/** The SNMPv2 exception value endOfMibView: nothing follows this OID in the agent's view (RFC 3416 §4.2.2). Use {@link #INSTANCE}. */
public record EndOfMibView() implements Value {
  public static final EndOfMibView INSTANCE = new EndOfMibView();

  @Override
  public SmiType type() {
    return SmiType.END_OF_MIB_VIEW;
  }

  @Override
  public String asText() {
    return "endOfMibView";
  }

  @Override
  public boolean isException() {
    return true;
  }

  /**
   * As Net-SNMP prints the value after " = ": {@code No more variables left in this MIB View (It is past the
   * end of the MIB tree)}.
   */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
