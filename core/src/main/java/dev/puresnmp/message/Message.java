package dev.puresnmp.message;

import dev.puresnmp.pdu.Pdu;

/**
 * A whole SNMP message: version, security (a community, or SNMPv3's header and USM parameters) and PDU.
 *
 * <pre>{@code
 * Message m = MessageCodec.decode(datagram);
 * if (m instanceof CommunityMessage c) {
 *   System.out.println(c.community().utf8() + " " + c.pdu().type());
 * }
 * }</pre>
 */
public sealed interface Message permits CommunityMessage, V3Message {
  SnmpVersion version();

  Pdu pdu();
}
