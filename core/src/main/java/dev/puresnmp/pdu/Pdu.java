package dev.puresnmp.pdu;

import dev.puresnmp.smi.VarBind;
import java.util.List;

/**
 * A protocol data unit (RFC 3416 §3, RFC 1157 §4.1). Three shapes on the wire, one record each: {@link
 * StandardPdu} (GET, GETNEXT, SET, Response, Inform, SNMPv2-Trap, Report), {@link BulkPdu} (GETBULK) and
 * {@link TrapV1Pdu} (the SNMPv1 Trap).
 *
 * <pre>{@code
 * Pdu request = StandardPdu.get(42, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")));
 * if (reply instanceof StandardPdu r && !r.errorStatus().isOk()) { ... }
 * }</pre>
 */
public sealed interface Pdu permits StandardPdu, BulkPdu, TrapV1Pdu {
  PduType type();

  List<VarBind> varBinds();
}
