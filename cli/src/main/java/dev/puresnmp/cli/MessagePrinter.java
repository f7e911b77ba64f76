package dev.puresnmp.cli;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.VarBind;

/** Prints a decoded message: a header of "name: value" lines, then one Net-SNMP style line per varbind. */
final class MessagePrinter {
  private MessagePrinter() {}

  /**
   * What pass phrases given on the command line said of an SNMPv3 message: the MAC check, the
   * decryption, and the scoped PDU it gave (null: none given, or it failed).
   */
  record Keys(String authentication, String decryption, ScopedPdu decrypted) {
    static final Keys NONE = new Keys(null, null, null);
  }

  static String text(Message message) {
    return text(message, Keys.NONE);
  }

  static String text(Message message, Keys keys) {
    StringBuilder sb = new StringBuilder();
    sb.append("version: ").append(message.version().label()).append('\n');
    if (message instanceof CommunityMessage m) {
      sb.append("community: ").append(printable(m.community())).append('\n');
    } else {
      V3Message m = (V3Message) message;
      UsmParameters u = m.usm();
      sb.append("msg-id: ").append(m.msgId()).append('\n');
      sb.append("msg-max-size: ").append(m.maxSize()).append('\n');
      sb.append("msg-flags: ").append(flags(m)).append('\n');
      sb.append("security-model: USM (3)\n");
      sb.append("engine-id: ").append(u.engineId().hex()).append('\n');
      sb.append("engine-boots: ").append(u.engineBoots()).append('\n');
      sb.append("engine-time: ").append(u.engineTime()).append('\n');
      sb.append("user: ").append(printable(u.userName())).append('\n');
      sb.append("auth-parameters: ").append(u.authParameters().hex()).append('\n');
      sb.append("priv-parameters: ").append(u.privParameters().hex()).append('\n');
      if (keys.authentication() != null) {
        sb.append("authentication: ").append(keys.authentication()).append('\n');
      }
      ScopedPdu scoped = m.encrypted() ? keys.decrypted() : m.scopedPdu();
      if (m.encrypted()) {
        sb.append("scoped-pdu: encrypted, ").append(m.encryptedPdu().size()).append(" bytes");
        sb.append(keys.decryption() != null ? ", " + keys.decryption() : "").append('\n');
      }
      if (scoped == null) {
        return sb.toString();
      }
      sb.append("context-engine-id: ").append(scoped.contextEngineId().hex()).append('\n');
      sb.append("context-name: ").append(printable(scoped.contextName())).append('\n');
      appendPdu(sb, scoped.pdu());
      return sb.toString();
    }
    appendPdu(sb, message.pdu());
    return sb.toString();
  }

  private static void appendPdu(StringBuilder sb, Pdu pdu) {
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
  }

  /** The flags set, by name, and the byte: "auth, priv, reportable (0x07)". */
  private static String flags(V3Message m) {
    java.util.List<String> set = new java.util.ArrayList<>();
    if (m.authenticated()) {
      set.add("auth");
    }
    if (m.encrypted()) {
      set.add("priv");
    }
    if (m.reportable()) {
      set.add("reportable");
    }
    return (set.isEmpty() ? "none" : String.join(", ", set)) + String.format(" (0x%02x)", m.flags());
  }

  /** A community (or a user or context name) as text when it is printable, else as hex. */
  private static String printable(Bytes community) {
    String f = NetSnmpFormat.formatValue(new OctetString(community));
    return f.startsWith("STRING: ") ? community.utf8() : f;
  }

  static String json(Message message) {
    return json(message, Keys.NONE);
  }

  static String json(Message message, Keys keys) {
    Json j = new Json();
    j.begin();
    j.field("version").string(message.version().label());
    if (message instanceof CommunityMessage m) {
      j.field("community").string(m.community().utf8());
      j.field("communityHex").string(m.community().hex());
    } else {
      V3Message m = (V3Message) message;
      UsmParameters u = m.usm();
      j.field("msgId").number(m.msgId());
      j.field("msgMaxSize").number(m.maxSize());
      j.field("msgFlags").number(m.flags());
      j.field("securityModel").number(V3Message.USM);
      j.field("engineId").string(u.engineId().hex());
      j.field("engineBoots").number(u.engineBoots());
      j.field("engineTime").number(u.engineTime());
      j.field("user").string(u.userName().utf8());
      j.field("authParameters").string(u.authParameters().hex());
      j.field("privParameters").string(u.privParameters().hex());
      if (keys.authentication() != null) {
        j.field("authentication").string(keys.authentication());
      }
      ScopedPdu scoped = m.encrypted() ? keys.decrypted() : m.scopedPdu();
      if (m.encrypted()) {
        j.field("encryptedPdu").string(m.encryptedPdu().hex());
        if (keys.decryption() != null) {
          j.field("decryption").string(keys.decryption());
        }
      }
      if (scoped == null) {
        j.end();
        return j.toString();
      }
      j.field("contextEngineId").string(scoped.contextEngineId().hex());
      j.field("contextName").string(scoped.contextName().utf8());
      return pduJson(j, scoped.pdu());
    }
    return pduJson(j, message.pdu());
  }

  private static String pduJson(Json j, Pdu pdu) {
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
      varBindJson(j, vb);
    }
    j.endArray();
    j.end();
    return j.toString();
  }

  /** One varbind as decode --json and listen --json print it: {@link VarBindJson}, without MIB names. */
  static void varBindJson(Json j, VarBind vb) {
    VarBindJson.write(j, vb, null);
  }
}
