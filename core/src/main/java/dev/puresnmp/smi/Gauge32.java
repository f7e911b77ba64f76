package dev.puresnmp.smi;

/** Gauge32 / Unsigned32 (RFC 2578 §7.1.7, §7.1.11): a non-negative 32-bit value that does not wrap, 0..4294967295. {@code new Gauge32(42)}. */
public record Gauge32(long value) implements Value {
  public Gauge32 {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("Gauge32 must be 0..4294967295, not " + value);
    }
  }

  @Override
  public SmiType type() {
    return SmiType.GAUGE32;
  }

  @Override
  public long asLong() {
    return value;
  }

  @Override
  public String asText() {
    return Long.toString(value);
  }

  /** As Net-SNMP prints the value after " = ": {@code Gauge32: 7}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
