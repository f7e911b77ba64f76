package dev.puresnmp.sim;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Value;
import java.nio.charset.StandardCharsets;

/**
 * Net-SNMP's {@code snmpwalk -On} output: {@code .1.3.6.1.2.1.1.5.0 = STRING: "router-1"}. A record is one
 * line, or more when a string holds line breaks or a Hex-STRING runs past 16 bytes; a line that does not
 * start with an OID and " = " continues the record before it. The value follows Net-SNMP's printer
 * (sprint_realloc_by_type): quoted STRING with {@code \"} and {@code \\} escaped, Hex-STRING, {@code ""},
 * INTEGER with an optional enum label or unit, Timeticks "(N) …", OID, IpAddress, Counter32/64, Gauge32,
 * OPAQUE, BITS, NULL. "No more variables left…" lines (the end of a walk) are skipped.
 */
final class WalkFormat {
  private WalkFormat() {}

  /** True if {@code line} starts a record: an OID, then " = ". */
  static boolean startsRecord(String line) {
    int eq = line.indexOf(" = ");
    if (eq <= 0) {
      return false;
    }
    int i = line.charAt(0) == '.' ? 1 : 0;
    if (i >= eq) {
      return false;
    }
    for (; i < eq; i++) {
      char c = line.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Parses one record (possibly several lines joined by '\n') into {@code out}. */
  static void parseRecord(String record, int lineNo, RecordingBuilder out) {
    int eq = record.indexOf(" = ");
    try {
      Oid oid = Oid.parse(record.substring(0, eq));
      String text = record.substring(eq + 3);
      if (text.startsWith("Wrong Type (should be")) {
        int colon = text.indexOf("): ");
        text = colon < 0 ? text : text.substring(colon + 3);
      }
      if (text.startsWith("No more variables left")) {
        return; // the end of a walk, not a value
      }
      if (text.startsWith("No Such Object") || text.startsWith("No Such Instance")) {
        out.problem(lineNo, RecordingProblem.Severity.WARNING, "no value recorded for " + oid + "; skipped");
        return;
      }
      out.add(oid, value(text), lineNo, false);
    } catch (IllegalArgumentException e) {
      out.problem(lineNo, RecordingProblem.Severity.ERROR, e.getMessage());
    }
  }

  static Value value(String text) {
    if (text.equals("\"\"")) {
      return new OctetString(Bytes.EMPTY);
    }
    if (text.equals("NULL")) {
      return Null.INSTANCE;
    }
    int colon = text.indexOf(": ");
    if (colon < 0) {
      if (text.endsWith(":")) {
        colon = text.length() - 1; // "STRING:" with nothing after it
      } else if (isDigits(text.trim())) {
        return new TimeTicks(number(text.trim(), 0, 0xFFFF_FFFFL, "Timeticks")); // snmpwalk -Ot prints bare ticks
      } else {
        throw new IllegalArgumentException("expected TYPE: VALUE but found \"" + SnmprecFormat.clip(text) + "\"");
      }
    }
    String type = text.substring(0, colon);
    String v = colon + 2 <= text.length() ? text.substring(colon + 2) : "";
    switch (type) {
      case "STRING":
        return new OctetString(string(v));
      case "Hex-STRING":
        return new OctetString(hexTokens(v));
      case "INTEGER":
        return Integer32.of((int) number(integerPart(v), Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
      case "Gauge32":
      case "Unsigned32":
      case "UInteger32":
        return new Gauge32(number(firstToken(v), 0, 0xFFFF_FFFFL, type));
      case "Counter32":
        return new Counter32(number(firstToken(v), 0, 0xFFFF_FFFFL, type));
      case "Counter64":
        return new Counter64(SnmprecFormat.parseUnsigned64(firstToken(v)));
      case "Timeticks":
        return new TimeTicks(number(ticks(v), 0, 0xFFFF_FFFFL, type));
      case "IpAddress":
        return IpAddress.parse(v.trim());
      case "Network Address":
        return IpAddress.of(Bytes.decodeHex(v.trim()).toByteArray());
      case "OID":
        return new ObjectIdentifier(oid(v.trim()));
      case "OPAQUE":
        return new Opaque(hexTokens(v));
      case "Opaque":
        return opaque(v);
      case "BITS":
        return new OctetString(hexTokens(v));
      default:
        throw new IllegalArgumentException("unknown type \"" + type + "\" in \"" + SnmprecFormat.clip(text) + "\"");
    }
  }

  /** A quoted string with Net-SNMP's escapes, or an unquoted one as it is (older snmpwalk, -Oq output). */
  private static Bytes string(String v) {
    if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
      StringBuilder sb = new StringBuilder(v.length());
      for (int i = 1; i < v.length() - 1; i++) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length() - 1 && (v.charAt(i + 1) == '"' || v.charAt(i + 1) == '\\')) {
          c = v.charAt(++i);
        }
        sb.append(c);
      }
      return Bytes.of(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return Bytes.of(v.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Hex bytes separated by spaces and line breaks, up to the first token that is not a hex byte (BITS labels). */
  private static Bytes hexTokens(String v) {
    StringBuilder hex = new StringBuilder(v.length());
    for (String token : v.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.length() > 2 || Character.digit(token.charAt(0), 16) < 0 || (token.length() == 2 && Character.digit(token.charAt(1), 16) < 0)) {
        break;
      }
      hex.append(token.length() == 1 ? "0" : "").append(token);
    }
    return Bytes.decodeHex(hex.toString());
  }

  /** "ethernetCsmacd(6)" → "6"; "60 seconds" → "60". */
  private static String integerPart(String v) {
    String t = v.trim();
    int open = t.lastIndexOf('(');
    if (open >= 0 && t.endsWith(")")) {
      return t.substring(open + 1, t.length() - 1);
    }
    return firstToken(t);
  }

  private static String ticks(String v) {
    String t = v.trim();
    if (t.startsWith("(")) {
      int close = t.indexOf(')');
      if (close > 0) {
        return t.substring(1, close);
      }
    }
    return firstToken(t);
  }

  private static String firstToken(String v) {
    String t = v.trim();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  private static Oid oid(String v) {
    if (!v.startsWith(".") && !Character.isDigit(v.isEmpty() ? 'x' : v.charAt(0))) {
      throw new IllegalArgumentException("OID value \"" + SnmprecFormat.clip(v) + "\" is not numeric: record with snmpwalk -On");
    }
    return Oid.parse(v);
  }

  /** Net-SNMP unwraps floats and 64-bit numbers in an Opaque (the SNMPv2 draft types); wrap them back. */
  private static Opaque opaque(String v) {
    if (v.startsWith("Float: ")) {
      int bits = Float.floatToIntBits(Float.parseFloat(v.substring(7).trim()));
      return new Opaque(Bytes.of((byte) 0x9F, (byte) 0x78, (byte) 4, (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits));
    }
    throw new IllegalArgumentException("Opaque value \"" + SnmprecFormat.clip(v) + "\" is not supported (only OPAQUE hex and Float)");
  }

  private static long number(String t, long min, long max, String type) {
    long v;
    try {
      v = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(type + " value \"" + SnmprecFormat.clip(t) + "\" is not a number");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(type + " value " + v + " is outside " + min + ".." + max);
    }
    return v;
  }

  private static boolean isDigits(String t) {
    if (t.isEmpty()) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
