package dev.puresnmp.smi;

/** NsapAddress (RFC 1442 §7.1.4, SNMPv2 draft SMI): an OSI address, kept as its bytes. {@code new NsapAddress(Bytes.decodeHex("9f7804"))}. */
public record NsapAddress(Bytes value) implements Value {
  public NsapAddress {
    java.util.Objects.requireNonNull(value, "value");
  }

  @Override
  public SmiType type() {
    return SmiType.NSAP_ADDRESS;
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
   * As Net-SNMP prints the value after " = ": {@code Variable has bad type}, as Net-SNMP 5.9 has no printer
   * for it; {@link #asText} gives the bytes in hex.
   */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
