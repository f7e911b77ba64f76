package dev.puresnmp.smi;

import java.math.BigInteger;
import java.net.InetAddress;

/**
 * An SNMP value (RFC 2578 §7.1, RFC 3416 §3): one record per type, under this sealed interface. The
 * {@code as…} accessors give plain Java values, so callers need no second API; an accessor that does not
 * fit the type throws {@link IllegalStateException} naming both.
 *
 * <pre>{@code
 * Value v = varBind.value();
 * long octets = v.asLong();              // Counter32, Gauge32, TimeTicks, Integer32, Counter64
 * String descr = v.asText();             // OCTET STRING as UTF-8; other types as text
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
   * The value as text: an OCTET STRING decoded as UTF-8, a number in decimal, an OID dotted, an IpAddress
   * dotted-quad, other byte strings in hex, the exception values by their name ("endOfMibView").
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
