package dev.puresnmp.smi;

/** Counter32 (RFC 2578 §7.1.6): a wrapping 32-bit counter, 0..4294967295. {@code new Counter32(42)}. */
public record Counter32(long value) implements Value {
  public Counter32 {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("Counter32 must be 0..4294967295, not " + value);
    }
  }

  @Override
  public SmiType type() {
    return SmiType.COUNTER32;
  }

  @Override
  public long asLong() {
    return value;
  }

  @Override
  public String asText() {
    return Long.toString(value);
  }

  /** As Net-SNMP prints the value after " = ": {@code Counter32: 5}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
