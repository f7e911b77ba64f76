package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;

/**
 * The agent has no value at the OID asked for: noSuchObject, noSuchInstance or endOfMibView (SNMPv2c),
 * or noSuchName (SNMPv1).
 *
 * <pre>{@code
 * catch (NoSuchOidException e) {
 *   System.err.println(e.oid() + ": " + e.marker());   // NO_SUCH_INSTANCE
 * }
 * }</pre>
 */
public final class NoSuchOidException extends SnmpException {
  private static final long serialVersionUID = 1L;

  /** How the agent said it. */
  public enum Marker {
    NO_SUCH_OBJECT("noSuchObject"),
    NO_SUCH_INSTANCE("noSuchInstance"),
    END_OF_MIB_VIEW("endOfMibView"),
    V1_NO_SUCH_NAME("noSuchName");

    private final String wireName;

    Marker(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String toString() {
      return wireName;
    }
  }

  private final transient Endpoint endpoint;
  private final transient Oid oid;
  private final Marker marker;

  public NoSuchOidException(Endpoint endpoint, Oid oid, Marker marker) {
    super(marker + " for " + oid.toDottedString() + " from " + endpoint + "; check the OID (and the view the community or user may see)");
    this.endpoint = endpoint;
    this.oid = oid;
    this.marker = marker;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Oid oid() {
    return oid;
  }

  public Marker marker() {
    return marker;
  }
}
