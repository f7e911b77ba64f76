package dev.puresnmp.cli;

import dev.puresnmp.mib.MibObject;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Unknown;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.ValueCodec;
import dev.puresnmp.smi.VarBind;
import java.util.List;
import java.util.Map;

/**
 * The one JSON shape of a varbind, for {@code decode --json}, {@code listen --json} and the SNMP
 * commands' {@code --json}, and the one shape of their errors:
 *
 * <pre>{@code
 * {"oid":".1.3.6.1.2.1.2.2.1.8.1","name":"IF-MIB::ifOperStatus.1","type":"INTEGER","value":1,"label":"up",
 *  "hex":"020101","netsnmp":"INTEGER: up(1)"}
 * {"error":"timeout","message":"Timeout: No Response from 127.0.0.1:1."}
 * }</pre>
 *
 * Numbers are written exactly (a Counter64 too, never through a double); text when an OCTET STRING is
 * printable UTF-8, else its hex with {@code "encoding":"hex"}; exceptions with {@code "exception"}.
 */
final class VarBindJson {
  private VarBindJson() {}

  /** One varbind as a line of its own; {@code names} null: no MIB (decode, listen). */
  static String line(VarBind vb, OidNames names) {
    Json j = new Json();
    write(j, vb, names);
    return j.toString();
  }

  /** Writes one varbind object into {@code j}: oid, name, type, value, label, encoding, exception, hex, netsnmp. */
  static void write(Json j, VarBind vb, OidNames names) {
    j.begin();
    String dotted = vb.oid().toDottedString();
    j.field("oid").string(dotted);
    Value v = vb.value();
    if (names != null) {
      String name = names.name(vb.oid());
      if (!name.equals(dotted)) {
        j.field("name").string(name); // -On, or no MIB names it: the oid says it all
      }
    }
    j.field("type").string(typeName(v));
    j.field("value");
    // the object the MIB defines above the instance: its DISPLAY-HINT and enumeration
    MibObject o = names == null ? null : names.mib().objectAbove(vb.oid()).orElse(null);
    boolean hex = isHexValue(v) || v.type() == dev.puresnmp.smi.SmiType.OCTET_STRING && hintShowsNoText(o);
    value(j, v, hex);
    String label = o != null && v.type() == dev.puresnmp.smi.SmiType.INTEGER32 ? o.enums().get(v.asLong()) : null;
    if (label != null) {
      j.field("label").string(label);
    }
    if (hex) {
      j.field("encoding").string("hex");
    }
    if (v.isException()) {
      j.field("exception").string(v.type().smiName());
    }
    j.field("hex").string(ber(v).hex());
    j.field("netsnmp").string(names != null ? names.formatValue(vb) : NetSnmpFormat.formatValue(v));
    j.end();
  }

  /** The type as Net-SNMP's tools name it in their output: "STRING", "INTEGER", "Timeticks", "OID". */
  static String typeName(Value v) {
    switch (v.type()) {
      case INTEGER32:
        return "INTEGER";
      case OCTET_STRING:
        return "STRING";
      case OBJECT_IDENTIFIER:
        return "OID";
      case TIMETICKS:
        return "Timeticks";
      case UNKNOWN:
        return String.format("0x%02x", ((Unknown) v).tag());
      default:
        return v.type().smiName(); // NULL, IpAddress, Counter32, Gauge32, Opaque, NsapAddress, Counter64, the exceptions
    }
  }

  private static void value(Json j, Value v, boolean hex) {
    switch (v.type()) {
      case INTEGER32:
      case COUNTER32:
      case GAUGE32:
      case TIMETICKS:
      case COUNTER64:
        j.raw(v.asBigInteger().toString()); // exact: JSON numbers have no size, doubles lose above 2^53
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
      case OCTET_STRING:
        j.string(hex ? v.asBytes().hex() : v.asText());
        break;
      case IP_ADDRESS:
        j.string(v.asText());
        break;
      default:
        j.string(v.asBytes().hex()); // Opaque, NsapAddress, an unknown tag: their bytes
    }
  }

  private static boolean isHexValue(Value v) {
    switch (v.type()) {
      case OCTET_STRING:
        return !((OctetString) v).isText();
      case OPAQUE:
      case NSAP_ADDRESS:
      case UNKNOWN:
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether the MIB shows this string with a DISPLAY-HINT that has no text in it (PhysAddress's "1x:",
   * DateAndTime's "2d-1d-…"): its bytes are then a value, not text, even where they happen to be printable.
   */
  private static boolean hintShowsNoText(MibObject o) {
    String hint = o == null ? null : o.displayHint().orElse(null);
    return hint != null && hint.indexOf('a') < 0 && hint.indexOf('t') < 0;
  }

  /** The value's BER encoding: tag, length and contents. */
  static Bytes ber(Value v) {
    byte[] buf = new byte[ValueCodec.sizeOfValue(v)];
    ValueCodec.writeValue(buf, buf.length, v);
    return Bytes.of(buf);
  }

  /** A table row as one object: its index as snmptable prints it, and each column's varbind by the column's name. */
  static String row(String index, List<String> labels, Map<Integer, VarBind> cells, OidNames names) {
    Json j = new Json().begin();
    j.field("index").string(index);
    j.field("columns").begin();
    cells.forEach((field, vb) -> {
      j.field(labels.get(field));
      write(j, vb, names);
    });
    return j.end().end().toString();
  }

  /**
   * An error as one object: {@code kind} ("timeout", "errorInPacket", "refused", …) and the lines the
   * text output prints, joined by newlines; {@code extra} adds name/value pairs (strings).
   */
  static String error(String kind, List<String> lines, String... extra) {
    Json j = new Json().begin();
    j.field("error").string(kind);
    j.field("message").string(String.join("\n", lines));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      if (extra[i + 1] != null) {
        j.field(extra[i]).string(extra[i + 1]);
      }
    }
    return j.end().toString();
  }
}
