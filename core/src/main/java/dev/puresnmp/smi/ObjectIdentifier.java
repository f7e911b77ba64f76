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

  @Override
  public String asText() {
    return value.toString();
  }

  @Override
  public Oid asOid() {
    return value;
  }
}
