package dev.puresnmp.pdu;

import dev.puresnmp.ber.Tag;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.VarBindList;
import java.util.List;
import java.util.Objects;

/**
 * The PDU shape shared by GET, GETNEXT, SET, Response, Inform, SNMPv2-Trap and Report (RFC 3416 §3):
 * request-id, error-status, error-index, varbinds. Requests carry noError and index 0.
 *
 * <pre>{@code
 * StandardPdu get = StandardPdu.get(7, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")));
 * StandardPdu set = StandardPdu.of(PduType.SET_REQUEST, 8, List.of(VarBind.of(oid, OctetString.of("x"))));
 * }</pre>
 */
public record StandardPdu(
    PduType type, int requestId, ErrorStatus errorStatus, int errorIndex, List<VarBind> varBinds)
    implements Pdu {

  public StandardPdu {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(errorStatus, "errorStatus");
    if (type.tag() == Tag.GET_BULK_REQUEST || type.tag() == Tag.TRAP_V1) {
      throw new IllegalArgumentException(type + " has its own shape: use " + (type.tag() == Tag.TRAP_V1 ? "TrapV1Pdu" : "BulkPdu"));
    }
    varBinds = VarBindList.copyOf(varBinds);
  }

  /** A PDU of {@code type} with noError: a request, a trap, an inform. */
  public static StandardPdu of(PduType type, int requestId, List<VarBind> varBinds) {
    return new StandardPdu(type, requestId, ErrorStatus.NO_ERROR, 0, varBinds);
  }

  /** A GetRequest for {@code oids}. */
  public static StandardPdu get(int requestId, List<Oid> oids) {
    return of(PduType.GET_REQUEST, requestId, VarBindList.ofNulls(oids));
  }

  /** A GetNextRequest for {@code oids}. */
  public static StandardPdu getNext(int requestId, List<Oid> oids) {
    return of(PduType.GET_NEXT_REQUEST, requestId, VarBindList.ofNulls(oids));
  }

  /** A Response. */
  public static StandardPdu response(int requestId, ErrorStatus status, int errorIndex, List<VarBind> varBinds) {
    return new StandardPdu(PduType.RESPONSE, requestId, status, errorIndex, varBinds);
  }

  /** The same PDU under another request-id (a retry that must not match the first). */
  public StandardPdu withRequestId(int id) {
    return new StandardPdu(type, id, errorStatus, errorIndex, varBinds);
  }

}
