package dev.puresnmp.smi;

/**
 * OCTET STRING (RFC 2578 §7.1.2): text or binary. {@code OctetString.of("router-1")}, {@code
 * value.asText()} for UTF-8 text, {@code value.asBytes()} for the bytes.
 */
public record OctetString(Bytes value) implements Value {
  public OctetString {
    java.util.Objects.requireNonNull(value, "value");
  }

  /** The UTF-8 encoding of {@code text}. */
  public static OctetString of(String text) {
    return new OctetString(Bytes.utf8(text));
  }

  /** A copy of {@code bytes}. */
  public static OctetString of(byte... bytes) {
    return new OctetString(Bytes.of(bytes));
  }

  @Override
  public SmiType type() {
    return SmiType.OCTET_STRING;
  }

  @Override
  public String asText() {
    return value.utf8();
  }

  @Override
  public Bytes asBytes() {
    return value;
  }
}
