package dev.puresnmp.smi;

/** INTEGER / Integer32 (RFC 2578 §7.1.1): a signed 32-bit value. {@code new Integer32(-5)}. */
public record Integer32(int value) implements Value {
  private static final Integer32[] SMALL = new Integer32[257];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new Integer32(i - 1);
    }
  }

  /** The value, shared for -1..255 (status columns, indexes), as decoding does. */
  public static Integer32 of(int value) {
    return value >= -1 && value < 256 ? SMALL[value + 1] : new Integer32(value);
  }

  @Override
  public SmiType type() {
    return SmiType.INTEGER32;
  }

  @Override
  public long asLong() {
    return value;
  }

  @Override
  public String asText() {
    return Integer.toString(value);
  }

  /** As Net-SNMP prints the value after " = ": {@code INTEGER: -5}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
