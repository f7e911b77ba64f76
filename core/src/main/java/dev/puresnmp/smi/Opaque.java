package dev.puresnmp.smi;

/** Opaque (RFC 2578 §7.1.9): arbitrary ASN.1, wrapped in an OCTET STRING; kept as its bytes. {@code new Opaque(Bytes.decodeHex("9f7804"))}. */
public record Opaque(Bytes value) implements Value {
  public Opaque {
    java.util.Objects.requireNonNull(value, "value");
  }

  @Override
  public SmiType type() {
    return SmiType.OPAQUE;
  }

  @Override
  public String asText() {
    return value.hex();
  }

  @Override
  public Bytes asBytes() {
    return value;
  }

  /**
   * As Net-SNMP prints the value after " = ": {@code Opaque: Float: 3.141593} for the types Net-SNMP unwraps,
   * else {@code OPAQUE: 01 02 FF }.
   */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
