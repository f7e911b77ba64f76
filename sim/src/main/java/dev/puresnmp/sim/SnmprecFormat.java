package dev.puresnmp.sim;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.NoSuchInstance;
import dev.puresnmp.smi.NoSuchObject;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Value;
import java.nio.charset.StandardCharsets;

/**
 * snmpsim's {@code .snmprec} lines: {@code OID|TAG|VALUE}. TAG is the BER tag in decimal (2 INTEGER, 4 OCTET
 * STRING, 5 NULL, 6 OBJECT IDENTIFIER, 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque, 70
 * Counter64, 128–130 the SNMPv2 exceptions); an {@code x} after it means VALUE is hex; {@code :module}
 * after that names a variation module. Of those only {@code writecache} (SET-able, kept in memory) is
 * understood; any other is reported and its {@code value=}/{@code hexvalue=} served as a fixed value.
 * Lines are read as ISO-8859-1, so a string's bytes are served exactly as they are in the file; white
 * space around a line is dropped, as snmpsim drops it.
 */
final class SnmprecFormat {
  private SnmprecFormat() {}

  /** Parses one line into {@code out}; a bad line becomes a problem and is skipped. */
  static void parseLine(String rawLine, int lineNo, RecordingBuilder out) {
    // snmpsim strips white space around the whole line, so a value cannot end in a space unless in hex
    String line = rawLine.trim();
    if (line.isEmpty() || line.charAt(0) == '#') {
      return;
    }
    int bar1 = line.indexOf('|');
    int bar2 = bar1 < 0 ? -1 : line.indexOf('|', bar1 + 1);
    if (bar2 < 0) {
      out.problem(lineNo, RecordingProblem.Severity.ERROR, "expected OID|TAG|VALUE but found \"" + clip(line) + "\"");
      return;
    }
    String oidText = line.substring(0, bar1).trim();
    String tagText = line.substring(bar1 + 1, bar2).trim();
    String valueText = line.substring(bar2 + 1);
    try {
      Oid oid = Oid.parse(oidText);
      String module = null;
      int colon = tagText.indexOf(':');
      if (colon >= 0) {
        module = tagText.substring(colon + 1);
        tagText = tagText.substring(0, colon);
      }
      boolean hex = tagText.endsWith("x");
      if (hex) {
        tagText = tagText.substring(0, tagText.length() - 1);
      }
      int tag = parseTag(tagText);
      boolean writable = false;
      if (module != null) {
        ModuleValue mv = moduleValue(module, valueText, lineNo, out);
        if (mv == null) {
          return;
        }
        valueText = mv.text;
        hex = hex || mv.hex;
        writable = module.equals("writecache");
      }
      out.add(oid, value(tag, hex, valueText), lineNo, writable);
    } catch (IllegalArgumentException e) {
      out.problem(lineNo, RecordingProblem.Severity.ERROR, e.getMessage());
    }
  }

  private record ModuleValue(String text, boolean hex) {}

  /** The fixed value of a variation record ({@code value=…} or {@code hexvalue=…}), or null if it has none. */
  private static ModuleValue moduleValue(String module, String args, int lineNo, RecordingBuilder out) {
    String value = null;
    boolean hex = false;
    StringBuilder ignored = new StringBuilder();
    for (String kv : args.split(",")) {
      int eq = kv.indexOf('=');
      String key = eq < 0 ? kv.trim() : kv.substring(0, eq).trim();
      String v = eq < 0 ? "" : kv.substring(eq + 1);
      if (key.equals("value")) {
        value = v;
      } else if (key.equals("hexvalue")) {
        value = v;
        hex = true;
      } else if (!key.isEmpty()) {
        ignored.append(ignored.length() == 0 ? "" : ", ").append(key);
      }
    }
    boolean known = module.equals("writecache");
    if (value == null) {
      out.problem(lineNo, RecordingProblem.Severity.ERROR,
          "variation module '" + module + "' is not supported and the record has no value=; skipped");
      return null;
    }
    if (!known) {
      out.problem(lineNo, RecordingProblem.Severity.WARNING,
          "variation module '" + module + "' is not supported; its value= is served as a fixed value");
    } else if (ignored.length() > 0) {
      out.problem(lineNo, RecordingProblem.Severity.WARNING,
          "writecache option(s) " + ignored + " not supported; ignored");
    }
    return new ModuleValue(value, hex);
  }

  private static int parseTag(String text) {
    if (text.isEmpty() || text.length() > 3) {
      throw new IllegalArgumentException("bad tag \"" + text + "\": expected a BER tag in decimal (2, 4, 6, 64..70)");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new IllegalArgumentException("bad tag \"" + text + "\": expected a BER tag in decimal (2, 4, 6, 64..70)");
      }
    }
    return Integer.parseInt(text);
  }

  /** The value of {@code tag} written as {@code text} (hex digits when {@code hex}). */
  static Value value(int tag, boolean hex, String text) {
    switch (tag) {
      case 2:
        return Integer32.of((int) parseNumber(text, hex, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
      case 4:
        return new OctetString(bytes(text, hex));
      case 5:
        return Null.INSTANCE;
      case 6:
        return new ObjectIdentifier(Oid.parse(hex ? new String(Bytes.decodeHex(text).toByteArray(), StandardCharsets.ISO_8859_1) : text.trim()));
      case 64:
        if (hex) {
          Bytes b = Bytes.decodeHex(text);
          if (b.size() != 4) {
            throw new IllegalArgumentException("IpAddress of " + b.size() + " bytes, expected 4");
          }
          return IpAddress.of(b.toByteArray());
        }
        return IpAddress.parse(text.trim());
      case 65:
        return new Counter32(parseNumber(text, hex, 0, 0xFFFF_FFFFL, "Counter32"));
      case 66:
        return new Gauge32(parseNumber(text, hex, 0, 0xFFFF_FFFFL, "Gauge32"));
      case 67:
        return new TimeTicks(parseNumber(text, hex, 0, 0xFFFF_FFFFL, "TimeTicks"));
      case 68:
        return new Opaque(bytes(text, hex));
      case 70:
        return new Counter64(parseUnsigned64(text.trim()));
      case 128:
        return NoSuchObject.INSTANCE;
      case 129:
        return NoSuchInstance.INSTANCE;
      case 130:
        return EndOfMibView.INSTANCE;
      default:
        throw new IllegalArgumentException("unknown tag " + tag + " (snmprec tags: 2, 4, 5, 6, 64, 65, 66, 67, 68, 70, 128, 129, 130)");
    }
  }

  private static Bytes bytes(String text, boolean hex) {
    return hex ? Bytes.decodeHex(text) : Bytes.of(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static long parseNumber(String text, boolean hex, long min, long max, String type) {
    String t = text.trim();
    long v;
    try {
      v = hex ? Long.parseLong(t, 16) : Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(type + " value \"" + clip(t) + "\" is not a number");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(type + " value " + v + " is outside " + min + ".." + max);
    }
    return v;
  }

  static long parseUnsigned64(String t) {
    try {
      return Long.parseUnsignedLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Counter64 value \"" + clip(t) + "\" is not a number in 0..18446744073709551615");
    }
  }

  static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
