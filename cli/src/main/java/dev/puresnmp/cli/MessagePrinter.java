package dev.puresnmp.cli;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Unknown;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;

/** Prints a decoded message: a header of "name: value" lines, then one Net-SNMP style line per varbind. */
final class MessagePrinter {
  private MessagePrinter() {}

  static String text(Message message) {
    CommunityMessage m = (CommunityMessage) message;
    StringBuilder sb = new StringBuilder();
    sb.append("version: ").append(m.version().label()).append('\n');
    sb.append("community: ").append(printable(m.community())).append('\n');
    Pdu pdu = m.pdu();
    sb.append("pdu: ").append(pdu.type()).append('\n');
    if (pdu instanceof StandardPdu p) {
      sb.append("request-id: ").append(p.requestId()).append('\n');
      sb.append("error-status: ").append(p.errorStatus().name()).append(" (").append(p.errorStatus().code()).append(")\n");
      sb.append("error-index: ").append(p.errorIndex()).append('\n');
    } else if (pdu instanceof BulkPdu b) {
      sb.append("request-id: ").append(b.requestId()).append('\n');
      sb.append("non-repeaters: ").append(b.nonRepeaters()).append('\n');
      sb.append("max-repetitions: ").append(b.maxRepetitions()).append('\n');
    } else {
      TrapV1Pdu t = (TrapV1Pdu) pdu;
      sb.append("enterprise: ").append(t.enterprise().toDottedString()).append('\n');
      sb.append("agent-addr: ").append(t.agentAddress().asText()).append('\n');
      sb.append("generic-trap: ").append(t.genericTrap()).append('\n');
      sb.append("specific-trap: ").append(t.specificTrap()).append('\n');
      sb.append("time-stamp: ");
      NetSnmpFormat.appendTimeTicks(sb, t.timestamp());
      sb.append('\n');
    }
    sb.append("varbinds: ").append(pdu.varBinds().size()).append('\n');
    for (VarBind vb : pdu.varBinds()) {
      sb.append(NetSnmpFormat.format(vb)).append('\n');
    }
    return sb.toString();
  }

  /** A community as text when it is printable, else as hex. */
  private static String printable(Bytes community) {
    String f = NetSnmpFormat.formatValue(new OctetString(community));
    return f.startsWith("STRING: ") ? community.utf8() : f;
  }

  static String json(Message message) {
    CommunityMessage m = (CommunityMessage) message;
    Json j = new Json();
    j.begin();
    j.field("version").string(m.version().label());
    j.field("community").string(m.community().utf8());
    j.field("communityHex").string(m.community().hex());
    Pdu pdu = m.pdu();
    j.field("pdu").string(pdu.type().name());
    if (pdu instanceof StandardPdu p) {
      j.field("requestId").number(p.requestId());
      j.field("errorStatus").string(p.errorStatus().name());
      j.field("errorStatusCode").number(p.errorStatus().code());
      j.field("errorIndex").number(p.errorIndex());
    } else if (pdu instanceof BulkPdu b) {
      j.field("requestId").number(b.requestId());
      j.field("nonRepeaters").number(b.nonRepeaters());
      j.field("maxRepetitions").number(b.maxRepetitions());
    } else {
      TrapV1Pdu t = (TrapV1Pdu) pdu;
      j.field("enterprise").string(t.enterprise().toDottedString());
      j.field("agentAddr").string(t.agentAddress().asText());
      j.field("genericTrap").number(t.genericTrap());
      j.field("specificTrap").number(t.specificTrap());
      j.field("timeStamp").number(t.timestamp());
    }
    j.field("varBinds").beginArray();
    for (VarBind vb : pdu.varBinds()) {
      j.begin();
      j.field("oid").string(vb.oid().toDottedString());
      Value v = vb.value();
      j.field("type").string(v instanceof Unknown u ? String.format("0x%02x", u.tag()) : v.type().smiName());
      j.field("value");
      plainValue(j, v);
      j.field("netsnmp").string(NetSnmpFormat.formatValue(v));
      j.end();
    }
    j.endArray();
    j.end();
    return j.toString();
  }

  private static void plainValue(Json j, Value v) {
    switch (v.type()) {
      case INTEGER32:
      case COUNTER32:
      case GAUGE32:
      case COUNTER64:
        j.raw(v.asBigInteger().toString());
        break;
      case TIMETICKS:
        j.number(((TimeTicks) v).value());
        break;
      case OCTET_STRING:
        j.string(v.asText());
        break;
      case NULL:
      case NO_SUCH_OBJECT:
      case NO_SUCH_INSTANCE:
      case END_OF_MIB_VIEW:
        j.raw("null");
        break;
      case OBJECT_IDENTIFIER:
        j.string(v.asOid().toDottedString());
        break;
      default:
        j.string(v.asText()); // IpAddress dotted, byte strings in hex
    }
  }
}
