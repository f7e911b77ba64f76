package dev.puresnmp.smi;

/**
 * A value with a tag nobody assigned (a vendor's type, the obsolete UInteger32 0x47) or a known tag whose
 * content is not of that type (an IpAddress that is not 4 bytes): kept, not rejected, so nothing is lost.
 */
public record Unknown(int tag, Bytes content) implements Value {
  public Unknown {
    if (tag < 0 || tag > 0xFF) {
      throw new IllegalArgumentException("tag must be one byte, not " + tag);
    }
    java.util.Objects.requireNonNull(content, "content");
  }

  @Override
  public SmiType type() {
    return SmiType.UNKNOWN;
  }

  @Override
  public String asText() {
    return content.hex();
  }

  @Override
  public Bytes asBytes() {
    return content;
  }

  /**
   * As Net-SNMP prints the value after " = " for an INTEGER wider than 32 bits ({@code INTEGER: 0}, cut),
   * UInteger32 (the bare number) and BITS ({@code BITS: 00 F0 8 9 10 11 }); a tag Net-SNMP drops the
   * packet for as {@code Variable has bad type (tag 0x48): 00 }.
   */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
