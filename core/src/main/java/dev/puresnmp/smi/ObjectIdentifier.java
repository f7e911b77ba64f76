package dev.puresnmp.smi;

/** An OBJECT IDENTIFIER value (RFC 2578 §7.1.3), e.g. sysObjectID.0. {@code new ObjectIdentifier(oid)}. */
public record ObjectIdentifier(Oid value) implements Value {
  public ObjectIdentifier {
    java.util.Objects.requireNonNull(value, "value");
  }

  @Override
  public SmiType type() {
    return SmiType.OBJECT_IDENTIFIER;
  }

  /** The OID without a leading dot, as {@link Oid#toString}: "1.3.6.1.4.1.8072.3.2.10". */
  @Override
  public String asText() {
    return value.toString();
  }

  @Override
  public Oid asOid() {
    return value;
  }

  /** As Net-SNMP prints the value after " = ": {@code OID: .1.3.6.1.4.1.8072.3.2.10}, with the leading dot. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
