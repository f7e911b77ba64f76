package dev.puresnmp.smi;

/** NULL: the value of every varbind in a GET, GETNEXT or GETBULK request. Use {@link #INSTANCE}. */
public record Null() implements Value {
  public static final Null INSTANCE = new Null();

  @Override
  public SmiType type() {
    return SmiType.NULL;
  }

  @Override
  public String asText() {
    return "";
  }

  /** As Net-SNMP prints the value after " = ": {@code NULL}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
