package dev.puresnmp.smi;

import java.math.BigInteger;

/**
 * Counter64 (RFC 2578 §7.1.10): a wrapping unsigned 64-bit counter, its bits kept in a long ({@link
 * Long#toUnsignedString} reads them). {@code asLong()} throws above {@link Long#MAX_VALUE}; {@code
 * asBigInteger()} and {@code asText()} always work.
 */
public record Counter64(long value) implements Value {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  /** The counter of a value in 0..2^64-1. */
  public static Counter64 of(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 64) {
      throw new IllegalArgumentException("Counter64 must be 0..18446744073709551615, not " + value);
    }
    return new Counter64(value.longValue());
  }

  @Override
  public SmiType type() {
    return SmiType.COUNTER64;
  }

  @Override
  public long asLong() {
    if (value < 0) {
      throw new ArithmeticException("Counter64 " + asText() + " does not fit a long; use asBigInteger()");
    }
    return value;
  }

  @Override
  public BigInteger asBigInteger() {
    BigInteger b = BigInteger.valueOf(value);
    return value < 0 ? b.add(TWO_TO_64) : b;
  }

  @Override
  public String asText() {
    return Long.toUnsignedString(value);
  }

  /** As Net-SNMP prints the value after " = ": {@code Counter64: 18446744073709551615}, unsigned. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
