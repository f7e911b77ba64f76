package dev.puresnmp.pdu;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.VarBindList;
import java.util.List;

/**
 * A GetBulkRequest (RFC 3416 §4.2.3): the first {@code nonRepeaters} varbinds get one successor each, the
 * rest up to {@code maxRepetitions} successors. On the wire the two counts take the places of
 * error-status and error-index.
 *
 * <pre>{@code
 * BulkPdu bulk = BulkPdu.of(9, 0, 50, List.of(Oid.parse("1.3.6.1.2.1.2.2.1.2")));
 * }</pre>
 */
public record BulkPdu(int requestId, int nonRepeaters, int maxRepetitions, List<VarBind> varBinds)
    implements Pdu {

  public BulkPdu {
    varBinds = VarBindList.copyOf(varBinds);
  }

  /** A GetBulkRequest for {@code oids} (values NULL). */
  public static BulkPdu of(int requestId, int nonRepeaters, int maxRepetitions, List<Oid> oids) {
    return new BulkPdu(requestId, nonRepeaters, maxRepetitions, VarBindList.ofNulls(oids));
  }

  @Override
  public PduType type() {
    return PduType.GET_BULK_REQUEST;
  }
}
