package dev.puresnmp.smi;

/** TimeTicks (RFC 2578 §7.1.8): hundredths of a second, 0..4294967295, e.g. sysUpTime.0. {@code new TimeTicks(42)}. */
public record TimeTicks(long value) implements Value {
  public TimeTicks {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("TimeTicks must be 0..4294967295, not " + value);
    }
  }

  @Override
  public SmiType type() {
    return SmiType.TIMETICKS;
  }

  @Override
  public long asLong() {
    return value;
  }

  @Override
  public String asText() {
    return Long.toString(value);
  }

  /** As Net-SNMP prints the value after " = ": {@code Timeticks: (4200) 0:00:42.00}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
