package dev.puresnmp.pdu;

import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.VarBindList;
import java.util.List;
import java.util.Objects;

/**
 * The SNMPv1 Trap-PDU (RFC 1157 §4.1.6): who sent it ({@code enterprise}, {@code agentAddress}), which
 * trap (generic 0–5, or 6 = enterpriseSpecific with {@code specificTrap}), when ({@code timestamp},
 * sysUpTime in hundredths of a second), and varbinds.
 *
 * <pre>{@code
 * TrapV1Pdu trap = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072.2.3"), IpAddress.parse("127.0.0.1"),
 *     6, 1, 4200, List.of(VarBind.of("1.3.6.1.4.1.8072.2.3.2.1", new Integer32(60))));
 * }</pre>
 */
public record TrapV1Pdu(
    Oid enterprise,
    IpAddress agentAddress,
    int genericTrap,
    int specificTrap,
    long timestamp,
    List<VarBind> varBinds)
    implements Pdu {

  public TrapV1Pdu {
    Objects.requireNonNull(enterprise, "enterprise");
    Objects.requireNonNull(agentAddress, "agentAddress");
    if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("timestamp must be 0..4294967295, not " + timestamp);
    }
    varBinds = VarBindList.copyOf(varBinds);
  }

  @Override
  public PduType type() {
    return PduType.TRAP_V1;
  }
}
