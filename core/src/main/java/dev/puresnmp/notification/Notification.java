package dev.puresnmp.notification;

import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.VarBindList;
import dev.puresnmp.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trap or inform as received: where from, under which version and community (SNMPv3: user, and the
 * authoritative engine's ID: the sender's for a trap, the receiver's for an inform), and what it says in
 * SNMPv2 form (RFC 3416 §4.2.6): {@link #sysUpTime}, {@link #trapOid} and every varbind, those two first.
 * An SNMPv1 trap comes in that form too, as RFC 3584 §3.1 translates it (its enterprise, agent address and
 * generic/specific trap also in {@link #v1}), so that a handler needs one code path.
 *
 * <pre>{@code
 * if (n.trapOid().equals(Notification.LINK_DOWN)) {
 *   log.warn("{} reports linkDown: {}", n.source(), n.varBinds());
 * }
 * }</pre>
 */
public record Notification(
    Endpoint source,
    SnmpVersion version,
    Bytes community,
    String user,
    Bytes engineId,
    PduType type,
    long sysUpTime,
    Oid trapOid,
    List<VarBind> varBinds,
    TrapV1Pdu v1) {

  /** sysUpTime.0, the first varbind of every SNMPv2 notification. */
  public static final Oid SYS_UP_TIME = Oid.parse("1.3.6.1.2.1.1.3.0");
  /** snmpTrapOID.0, the second. */
  public static final Oid SNMP_TRAP_OID = Oid.parse("1.3.6.1.6.3.1.1.4.1.0");
  /** snmpTrapAddress.0 (RFC 3584): the agent address of a translated SNMPv1 trap. */
  public static final Oid SNMP_TRAP_ADDRESS = Oid.parse("1.3.6.1.6.3.18.1.3.0");
  /** snmpTrapCommunity.0 (RFC 3584): its community. */
  public static final Oid SNMP_TRAP_COMMUNITY = Oid.parse("1.3.6.1.6.3.18.1.4.0");
  /** snmpTrapEnterprise.0 (RFC 3584): its enterprise. */
  public static final Oid SNMP_TRAP_ENTERPRISE = Oid.parse("1.3.6.1.6.3.1.1.4.3.0");
  /** snmpTraps (RFC 3418): the generic traps' OIDs are its children 1 (coldStart) to 6 (egpNeighborLoss). */
  public static final Oid SNMP_TRAPS = Oid.parse("1.3.6.1.6.3.1.1.5");
  /** linkDown, SNMPv1's generic trap 2. */
  public static final Oid LINK_DOWN = SNMP_TRAPS.append(3);

  public Notification {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(trapOid, "trapOid");
    varBinds = VarBindList.copyOf(varBinds);
  }

  /** True for an InformRequest (acknowledged by the receiver), false for a trap. */
  public boolean isInform() {
    return type.equals(PduType.INFORM_REQUEST);
  }

  /**
   * The SNMPv2 form of an SNMPv1 trap (RFC 3584 §3.1): sysUpTime.0 = time-stamp; snmpTrapOID.0 = the
   * generic trap's OID under snmpTraps, or enterprise.0.specific for an enterprise-specific one; its
   * varbinds; then snmpTrapAddress.0, snmpTrapCommunity.0 and snmpTrapEnterprise.0 unless already there.
   */
  public static Notification ofV1(Endpoint source, Bytes community, TrapV1Pdu trap) {
    Oid trapOid = trap.genericTrap() >= 0 && trap.genericTrap() < 6
        ? SNMP_TRAPS.append(trap.genericTrap() + 1)
        : trap.enterprise().append(0, trap.specificTrap());
    List<VarBind> all = new ArrayList<>(trap.varBinds().size() + 5);
    all.add(VarBind.of(SYS_UP_TIME, new TimeTicks(trap.timestamp())));
    all.add(VarBind.of(SNMP_TRAP_OID, new ObjectIdentifier(trapOid)));
    all.addAll(trap.varBinds());
    appendUnlessThere(all, VarBind.of(SNMP_TRAP_ADDRESS, trap.agentAddress()));
    appendUnlessThere(all, VarBind.of(SNMP_TRAP_COMMUNITY, new OctetString(community)));
    appendUnlessThere(all, VarBind.of(SNMP_TRAP_ENTERPRISE, new ObjectIdentifier(trap.enterprise())));
    return new Notification(source, SnmpVersion.V1, community, null, null, PduType.TRAP_V1, trap.timestamp(), trapOid, all, trap);
  }

  private static void appendUnlessThere(List<VarBind> all, VarBind vb) {
    if (all.stream().noneMatch(x -> x.oid().equals(vb.oid()))) {
      all.add(vb);
    }
  }

  /**
   * An SNMPv2-Trap or InformRequest's notification; {@code null} when its first two varbinds are not
   * sysUpTime.0 (TimeTicks) and snmpTrapOID.0 (an OID), as RFC 3416 §4.2.6 wants them.
   */
  static Notification ofV2(Endpoint source, SnmpVersion version, Bytes community, String user, Bytes engineId, PduType type, List<VarBind> varBinds) {
    if (varBinds.size() < 2
        || !varBinds.get(0).oid().equals(SYS_UP_TIME)
        || !(varBinds.get(0).value() instanceof TimeTicks up)
        || !varBinds.get(1).oid().equals(SNMP_TRAP_OID)
        || !(varBinds.get(1).value() instanceof ObjectIdentifier trapOid)) {
      return null;
    }
    return new Notification(source, version, community, user, engineId, type, up.value(), trapOid.value(), varBinds, null);
  }

  /**
   * Every field but the community, a password, which shows as "***", as does the value of
   * snmpTrapCommunity.0 (RFC 3584 §3.1 copies an SNMPv1 trap's community there).
   */
  @Override
  public String toString() {
    StringBuilder vbs = new StringBuilder("[");
    for (VarBind vb : varBinds) {
      vbs.append(vbs.length() > 1 ? ", " : "").append(vb.oid().equals(SNMP_TRAP_COMMUNITY) ? vb.oid() + "=***" : vb);
    }
    return "Notification[source=" + source + ", version=" + version + ", community=***, user=" + user
        + ", engineId=" + (engineId == null ? null : engineId.hex()) + ", type=" + type + ", sysUpTime=" + sysUpTime
        + ", trapOid=" + trapOid + ", varBinds=" + vbs.append(']') + ", v1=" + v1 + "]";
  }

  /** The agent address of an SNMPv1 trap (its agent-addr field), or null for SNMPv2 notifications. */
  public IpAddress agentAddress() {
    return v1 == null ? null : v1.agentAddress();
  }
}
