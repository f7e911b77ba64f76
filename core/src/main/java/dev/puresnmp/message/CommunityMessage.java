package dev.puresnmp.message;

import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.smi.Bytes;
import java.util.Objects;

/**
 * An SNMPv1 (RFC 1157 §4) or SNMPv2c (RFC 1901 §3) message: SEQUENCE { version, community, PDU }.
 *
 * <pre>{@code
 * Message get = CommunityMessage.v2c("public", StandardPdu.get(1, List.of(Oid.parse("1.3.6.1.2.1.1.5.0"))));
 * byte[] wire = MessageCodec.encode(get);
 * }</pre>
 */
public record CommunityMessage(SnmpVersion version, Bytes community, Pdu pdu) implements Message {
  public CommunityMessage {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(pdu, "pdu");
    if (version == SnmpVersion.V3) {
      throw new IllegalArgumentException("SNMPv3 messages carry no community");
    }
  }

  /** The version and PDU; the community, a password, shows as "***". */
  @Override
  public String toString() {
    return "CommunityMessage[version=" + version + ", community=***, pdu=" + pdu + "]";
  }

  public static CommunityMessage v1(String community, Pdu pdu) {
    return new CommunityMessage(SnmpVersion.V1, Bytes.utf8(community), pdu);
  }

  public static CommunityMessage v2c(String community, Pdu pdu) {
    return new CommunityMessage(SnmpVersion.V2C, Bytes.utf8(community), pdu);
  }
}
