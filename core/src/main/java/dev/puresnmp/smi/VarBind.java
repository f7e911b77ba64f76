package dev.puresnmp.smi;

import java.util.Objects;

/**
 * A variable binding: an OID and its value (RFC 3416 §3).
 *
 * <pre>{@code
 * VarBind vb = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("router-1"));
 * VarBind query = VarBind.of(Oid.parse("1.3.6.1.2.1.1.3.0"));   // value NULL, for a GET
 * vb.toString();   // .1.3.6.1.2.1.1.5.0 = STRING: "router-1", as snmpget -On prints it
 * }</pre>
 */
public record VarBind(Oid oid, Value value) {
  public VarBind {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(value, "value");
  }

  /** The OID with a NULL value, as requests carry. */
  public static VarBind of(Oid oid) {
    return new VarBind(oid, Null.INSTANCE);
  }

  public static VarBind of(String oid, Value value) {
    return new VarBind(Oid.parse(oid), value);
  }

  public static VarBind of(Oid oid, Value value) {
    return new VarBind(oid, value);
  }

  /** As Net-SNMP prints it with {@code -On}: {@code .1.3.6.1.2.1.1.5.0 = STRING: "router-1"}. */
  @Override
  public String toString() {
    return NetSnmpFormat.format(this);
  }
}
