package dev.puresnmp.sim;

import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.SmiType;
import dev.puresnmp.smi.VarBind;
import java.util.ArrayList;
import java.util.List;

/** An SNMPv2 notification as an SNMPv1 Trap-PDU, by RFC 3584 §3.2. */
final class TrapV1Translation {
  /** snmpTrapEnterprise.0 (RFC 3584 §3.1): a notification's own word on its enterprise. */
  static final Oid SNMP_TRAP_ENTERPRISE = Oid.parse("1.3.6.1.6.3.1.1.4.3.0");

  private TrapV1Translation() {}

  /**
   * The Trap-PDU of notification {@code trapOid} with {@code varBinds} (those after sysUpTime.0 and
   * snmpTrapOID.0).
   *
   * @param sysObjectId the device's sysObjectID.0, or null when its recording has none
   * @throws IllegalArgumentException for a Counter64 varbind, which SNMPv1 cannot carry (RFC 3584 §3.2 (6))
   */
  static TrapV1Pdu translate(Oid trapOid, List<VarBind> varBinds, long timestamp, Oid sysObjectId, IpAddress agentAddress) {
    Oid given = null;
    List<VarBind> v1 = new ArrayList<>(varBinds.size());
    for (VarBind vb : varBinds) {
      if (vb.value().type() == SmiType.COUNTER64) {
        throw new IllegalArgumentException(vb.oid() + " is a Counter64, which SNMPv1 cannot carry (RFC 3584 §3.2): send this notification with SNMPv2c or SNMPv3");
      }
      if (vb.oid().equals(SNMP_TRAP_ENTERPRISE) && vb.value() instanceof ObjectIdentifier e) {
        given = e.value(); // it goes into the enterprise field, as snmpd's translation puts it
      } else {
        v1.add(vb);
      }
    }
    int[] arcs = trapOid.toArcs();
    boolean standard = arcs.length == NotificationType.SNMP_TRAPS.size() + 1 && trapOid.startsWith(NotificationType.SNMP_TRAPS)
        && arcs[arcs.length - 1] >= 1 && arcs[arcs.length - 1] <= 6;
    if (standard) {
      // RFC 3584 §3.2 (1), (3), (4): generic 0..5, specific 0; the enterprise: snmpTrapEnterprise.0, else
      // what RFC 1157 §4.1.6 means by "the type of object generating the trap" and snmpd sends, sysObjectID.0
      Oid enterprise = given != null ? given : sysObjectId != null ? sysObjectId : NotificationType.SNMP_TRAPS;
      return new TrapV1Pdu(enterprise, agentAddress, arcs[arcs.length - 1] - 1, 0, timestamp, v1);
    }
    if (arcs.length < 3) {
      throw new IllegalArgumentException("notification " + trapOid + " has no enterprise prefix to translate to SNMPv1 (RFC 3584 §3.2 (1))");
    }
    // RFC 3584 §3.2 (1): enterprise.0.specific loses its last two arcs, enterprise.specific its last one
    int cut = arcs[arcs.length - 2] == 0 ? 2 : 1;
    Oid enterprise = trapOid.prefix(arcs.length - cut);
    return new TrapV1Pdu(enterprise, agentAddress, 6, arcs[arcs.length - 1], timestamp, v1);
  }
}
