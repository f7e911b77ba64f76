package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;

/**
 * The agent answered with an error-status (RFC 3416 §4.2): which one, at which varbind (1-based, 0 when
 * the agent names none), and that varbind's OID when known.
 *
 * <pre>{@code
 * catch (ErrorResponseException e) {
 *   if (e.status().equals(ErrorStatus.NO_ACCESS)) { ... }   // "noAccess (6) at varbind 1 (.1.3.6.1.2.1.1.6.0) from 127.0.0.1:161"
 * }
 * }</pre>
 */
public final class ErrorResponseException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final transient Endpoint endpoint;
  private final transient ErrorStatus status;
  private final int index;
  private final transient Oid offendingOid;

  public ErrorResponseException(Endpoint endpoint, ErrorStatus status, int index, Oid offendingOid) {
    super(message(endpoint, status, index, offendingOid));
    this.endpoint = endpoint;
    this.status = status;
    this.index = index;
    this.offendingOid = offendingOid;
  }

  private static String message(Endpoint endpoint, ErrorStatus status, int index, Oid oid) {
    StringBuilder sb = new StringBuilder().append(status.name()).append(" (").append(status.code()).append(')');
    if (index > 0) {
      sb.append(" at varbind ").append(index);
      if (oid != null) {
        sb.append(" (").append(oid.toDottedString()).append(')');
      }
    }
    sb.append(" from ").append(endpoint);
    String hint = hint(status);
    if (!hint.isEmpty()) {
      sb.append("; ").append(hint);
    }
    return sb.toString();
  }

  private static String hint(ErrorStatus s) {
    switch (s.code()) {
      case 1:
        return "ask for fewer varbinds or fewer repetitions";
      case 2:
        return "check the OID (SNMPv1 says noSuchName for missing objects and refused writes alike)";
      case 4:
      case 6:
      case 16:
      case 17:
        return "check that the community or user may write this object";
      case 3:
      case 7:
      case 8:
      case 10:
        return "check the value's type and range";
      default:
        return "";
    }
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public ErrorStatus status() {
    return status;
  }

  /** The error-index: 1 for the first varbind, 0 when the agent names none. */
  public int index() {
    return index;
  }

  /** The OID of the varbind at {@link #index()}, or null when there is none. */
  public Oid offendingOid() {
    return offendingOid;
  }
}
