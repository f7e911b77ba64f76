package dev.puresnmp.smi;

import java.math.BigInteger;
import java.net.InetAddress;

/**
 * An SNMP value (RFC 2578 §7.1, RFC 3416 §3): one record per type, under this sealed interface. The
 * {@code as…} accessors give plain Java values, so callers need no second API; an accessor that does not
 * fit the type throws {@link IllegalStateException} naming both. Every value's {@code toString()} is what
 * Net-SNMP's tools print after " = " ({@link NetSnmpFormat#formatValue}), e.g. {@code Counter32: 5}.
 *
 * <pre>{@code
 * Value v = varBind.value();
 * long octets = v.asLong();              // Counter32, Gauge32, TimeTicks, Integer32, Counter64
 * String descr = v.asText();             // text if OCTET STRING isText(), else hex; other types as text
 * String shown = v.toString();           // "STRING: \"router-1\"", as snmpget prints it
 * switch (v.type()) {                    // exhaustive over SmiType
 *   case END_OF_MIB_VIEW -> ...
 * }
 * }</pre>
 */
public sealed interface Value
    permits Integer32,
        OctetString,
        Null,
        ObjectIdentifier,
        IpAddress,
        Counter32,
        Gauge32,
        TimeTicks,
        Opaque,
        Counter64,
        NsapAddress,
        NoSuchObject,
        NoSuchInstance,
        EndOfMibView,
        Unknown {

  /** The type, for a switch. */
  SmiType type();

  /**
   * The value as a Java long: INTEGER, Counter32, Gauge32, TimeTicks and Counter64 (which throws
   * {@link ArithmeticException} above {@link Long#MAX_VALUE}; use {@link #asBigInteger}).
   */
  default long asLong() {
    throw notA("number");
  }

  /** The value as a {@link BigInteger}: every numeric type, Counter64 unsigned. */
  default BigInteger asBigInteger() {
    return BigInteger.valueOf(asLong());
  }

  /**
   * The value as text a person can read, never as mojibake:
   *
   * <ul>
   *   <li>an OCTET STRING: its text when the bytes are text ({@link OctetString#isText}: UTF-8 without
   *       control characters), else colon-separated hex, "d6:44:b3:74:97:36" ({@link OctetString#asHex});
   *   <li>a number in decimal (Counter64 unsigned), TimeTicks in hundredths: "4200";
   *   <li>an OID dotted without a leading dot, as {@link Oid#toString}: "1.3.6.1.2.1";
   *   <li>an IpAddress as a dotted quad: "192.0.2.1";
   *   <li>Opaque, NsapAddress and unknown types as lower-case hex without separators: "9f7804";
   *   <li>NULL as ""; the exception values by their name: "endOfMibView".
   * </ul>
   *
   * <p>For the bytes use {@link #asBytes}; for what Net-SNMP prints ({@code STRING: "x"}), {@code
   * toString()}.
   */
  String asText();

  /** The raw bytes of OCTET STRING, Opaque, NsapAddress, IpAddress and unknown types. */
  default Bytes asBytes() {
    throw notA("byte string");
  }

  /** The OID of an OBJECT IDENTIFIER value. */
  default Oid asOid() {
    throw notA("OBJECT IDENTIFIER");
  }

  /** The address of an IpAddress value. */
  default InetAddress asInetAddress() {
    throw notA("IpAddress");
  }

  /** True for noSuchObject, noSuchInstance and endOfMibView: the agent had no value to give. */
  default boolean isException() {
    return false;
  }

  private IllegalStateException notA(String what) {
    return new IllegalStateException(type().smiName() + " is not a " + what);
  }
}
