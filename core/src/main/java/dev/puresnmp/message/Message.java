package dev.puresnmp.message;

import dev.puresnmp.pdu.Pdu;

/**
 * A whole SNMP message: version, security (community, or v3 parameters in a later release) and PDU.
 *
 * <pre>{@code
 * Message m = MessageCodec.decode(datagram);
 * if (m instanceof CommunityMessage c) {
 *   System.out.println(c.community().utf8() + " " + c.pdu().type());
 * }
 * }</pre>
 */
public sealed interface Message permits CommunityMessage {
  SnmpVersion version();

  Pdu pdu();
}
