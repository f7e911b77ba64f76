package dev.puresnmp.mib;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Unknown;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.util.Objects;

/**
 * Prints varbinds exactly as Net-SNMP 5.9's tools print them with MIBs loaded: the OID named, and the
 * value by its object's syntax (enumeration labels, DISPLAY-HINT, UNITS, BITS names, OBJECT IDENTIFIER
 * values named, "Wrong Type (should be …)" for a value the syntax does not allow). Immutable and
 * thread-safe; what depends only on the object is worked out once per object and kept.
 *
 * <pre>{@code
 * VarBindFormatter f = mib.formatter(FormatOptions.DEFAULT);
 * f.format(vb);          // "IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)"
 * f.formatValue(vb);     // "INTEGER: softwareLoopback(24)"
 * mib.formatter(FormatOptions.netSnmp("sq")).format(vb);      // "ifType.1 softwareLoopback"
 * }</pre>
 */
public final class VarBindFormatter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Mib mib;
  private final FormatOptions options;

  VarBindFormatter(Mib mib, FormatOptions options) {
    this.mib = Objects.requireNonNull(mib, "mib");
    this.options = Objects.requireNonNull(options, "options");
  }

  public FormatOptions options() {
    return options;
  }

  /** One line (more for a value with line breaks): "IF-MIB::ifDescr.1 = STRING: lo". */
  public String format(VarBind vb) {
    StringBuilder sb = new StringBuilder(80);
    appendTo(sb, vb);
    return sb.toString();
  }

  /** The value as {@link #format} prints it, without the name: "INTEGER: up(1)". */
  public String formatValue(VarBind vb) {
    StringBuilder sb = new StringBuilder(48);
    appendValue(sb, vb.oid(), vb.value());
    return sb.toString();
  }

  /** Appends what {@link #format} returns. */
  public void appendTo(StringBuilder sb, VarBind vb) {
    if (!options.valueOnly()) {
      sb.append(mib.name(vb.oid(), options));
      sb.append(options.quick() && !options.quickEquals() ? " " : " = ");
    }
    appendValue(sb, vb.oid(), vb.value());
  }

  private void appendValue(StringBuilder sb, Oid oid, Value value) {
    if (value.isException()) {
      NetSnmpFormat.appendValue(sb, value);
      return;
    }
    ObjectFormat f = mib.objectFormat(oid);
    if (f.kind == ObjectFormat.Kind.NONE) {
      appendPlain(sb, value);
      if (f.units != null && takesUnits(value)) {
        appendUnits(sb, f);
      }
      return;
    }
    if (value.type() != f.expected && !(f.kind == ObjectFormat.Kind.INTEGER && isWideInteger(value))) {
      if (f.wrongType != null && !options.quickEquals()) {
        sb.append(f.wrongType);
      }
      appendPlain(sb, value);
      return;
    }
    if (value.type() != f.expected) {
      appendPlain(sb, value); // an INTEGER wider than 32 bits: Net-SNMP cuts it and prints the number
      appendUnits(sb, f);
      return;
    }
    boolean bare = options.bare();
    switch (f.kind) {
      case INTEGER, UNSIGNED -> {
        // Integer32 is signed, Gauge32 holds its unsigned value: asLong gives each as printed
        sb.append(bare ? "" : f.kind == ObjectFormat.Kind.INTEGER ? "INTEGER: " : "Gauge32: ");
        appendNumber(sb, f, value.asLong());
        appendUnits(sb, f);
      }
      case COUNTER -> {
        sb.append(bare ? "" : "Counter32: ").append(((Counter32) value).value());
        appendUnits(sb, f);
      }
      case COUNTER64 -> {
        sb.append(bare ? "" : "Counter64: ").append(Long.toUnsignedString(((Counter64) value).value()));
        appendUnits(sb, f);
      }
      case TIMETICKS -> {
        appendTimeTicks(sb, ((TimeTicks) value).value());
        if (!options.timeTicksAsNumbers()) {
          appendUnits(sb, f);
        }
      }
      case OCTETS -> {
        Bytes b = ((OctetString) value).value();
        if (f.hint != null && options.displayHints()) {
          if (!bare) {
            sb.append("STRING: ");
          }
          f.hint.appendOctets(sb, b, options.twoDigitHex());
        } else {
          if (f.badHint != null && options.displayHints()) {
            sb.append(f.badHint);
          }
          appendOctetString(sb, b);
        }
        appendUnits(sb, f);
      }
      case BITS -> appendBits(sb, f, ((OctetString) value).value());
      case IP_ADDRESS -> appendPlain(sb, value);
      case NETWORK_ADDRESS -> {
        // RFC 1155 NetworkAddress: "Network Address: C0:00:02:01", no units
        byte[] a = ((IpAddress) value).toByteArray();
        sb.append(bare ? "" : "Network Address: ");
        for (int i = 0; i < a.length; i++) {
          sb.append(i > 0 ? ":" : "").append(HEX[(a[i] >> 4) & 0xF]).append(HEX[a[i] & 0xF]);
        }
      }
      default -> {
        // OID, Opaque: printed as without MIBs, then the units
        appendPlain(sb, value);
        appendUnits(sb, f);
      }
    }
  }

  /** The value types whose printers add UNITS in Net-SNMP: not IpAddress, NULL or the odd ones. */
  private boolean takesUnits(Value value) {
    return switch (value.type()) {
      case INTEGER32, OCTET_STRING, OBJECT_IDENTIFIER, COUNTER32, GAUGE32, COUNTER64, OPAQUE -> true;
      case TIMETICKS -> !options.timeTicksAsNumbers();
      default -> false;
    };
  }

  private static boolean isWideInteger(Value value) {
    return value instanceof Unknown u && u.tag() == 0x02;
  }

  /** An INTEGER or Unsigned32 by its enumeration label, else its display hint, else in decimal. */
  private void appendNumber(StringBuilder sb, ObjectFormat f, long v) {
    if (!f.enums.isEmpty() && !options.enumsAsNumbers()) {
      String label = f.enums.get(v);
      if (label != null) {
        sb.append(label);
        if (!options.bare()) {
          sb.append('(').append(v).append(')');
        }
        return;
      }
    }
    if (f.hint != null && options.displayHints()) {
      f.hint.appendInteger(sb, v);
    } else {
      sb.append(v);
    }
  }

  private void appendUnits(StringBuilder sb, ObjectFormat f) {
    if (f.units != null && options.units()) {
      sb.append(f.units);
    }
  }

  /**
   * BITS: the bytes in hex, then each set bit by its name and number ({@code zero(0)}), or its number
   * alone when unnamed or with {@code -Oe}. Quick output ({@code -Oq}) shows only the quoted hex.
   */
  private void appendBits(StringBuilder sb, ObjectFormat f, Bytes b) {
    if (options.bare()) {
      appendHex(sb.append('"'), b).append('"');
      return;
    }
    appendHex(sb.append("BITS: "), b);
    int[] cursor = {0};
    for (int i = 0; i < b.size(); i++) {
      int octet = b.get(i);
      for (int bit = 0; bit < 8; bit++) {
        if ((octet & (0x80 >> bit)) != 0) {
          long n = i * 8L + bit;
          String label = options.enumsAsNumbers() ? null : f.bitName(n, cursor);
          if (label != null) {
            sb.append(label).append('(').append(n).append(") ");
          } else {
            sb.append(n).append(' ');
          }
        }
      }
    }
  }

  /**
   * A value as Net-SNMP prints it without type information from a MIB ({@link NetSnmpFormat}), except
   * that OBJECT IDENTIFIER values are named, and the options for quick output, strings and TimeTicks
   * apply.
   */
  private void appendPlain(StringBuilder sb, Value value) {
    boolean bare = options.bare();
    switch (value.type()) {
      case INTEGER32 -> sb.append(bare ? "" : "INTEGER: ").append(((Integer32) value).value());
      case OCTET_STRING -> appendOctetString(sb, ((OctetString) value).value());
      case OBJECT_IDENTIFIER -> {
        Oid v = ((ObjectIdentifier) value).value();
        // an empty OID (06 00) is read by Net-SNMP as 0 (NetSnmpFormat prints ".0")
        sb.append(bare ? "" : "OID: ").append(mib.name(v.size() == 0 ? Oid.of(0) : v, options));
      }
      case IP_ADDRESS -> sb.append(bare ? "" : "IpAddress: ").append(value.asText());
      case COUNTER32 -> sb.append(bare ? "" : "Counter32: ").append(((Counter32) value).value());
      case GAUGE32 -> sb.append(bare ? "" : "Gauge32: ").append(((Gauge32) value).value());
      case COUNTER64 -> sb.append(bare ? "" : "Counter64: ").append(Long.toUnsignedString(((Counter64) value).value()));
      case TIMETICKS -> appendTimeTicks(sb, ((TimeTicks) value).value());
      case OPAQUE -> appendOpaque(sb, (Opaque) value);
      default -> NetSnmpFormat.appendValue(sb, value); // NULL, NsapAddress, unknown tags: the same in every mode
    }
  }

  /** "Timeticks: (N) 1 day, 0:00:00.00"; -Oq "1:0:00:00.00"; -Ot "N". */
  private void appendTimeTicks(StringBuilder sb, long ticks) {
    if (!options.timeTicksAsNumbers() && !options.bare()) {
      sb.append("Timeticks: (").append(ticks).append(") ");
    }
    appendUptime(sb, ticks, options);
  }

  /** Net-SNMP's uptime_string: "1 day, 0:00:00.00"; -Oq "1:0:00:00.00"; -Ot "N" (also an -OX index). */
  static void appendUptime(StringBuilder sb, long ticks, FormatOptions options) {
    if (options.timeTicksAsNumbers()) {
      sb.append(ticks);
    } else if (options.bare()) {
      sb.append(ticks / 8640000).append(':').append(ticks / 360000 % 24).append(':');
      twoDigits(sb, ticks / 6000 % 60).append(':');
      twoDigits(sb, ticks / 100 % 60).append('.');
      twoDigits(sb, ticks % 100);
    } else {
      int at = sb.length();
      NetSnmpFormat.appendTimeTicks(sb, ticks);
      sb.delete(at, sb.indexOf(") ", at) + 2); // the "(N) " in front is the value's, not the uptime's
    }
  }

  private static StringBuilder twoDigits(StringBuilder sb, long v) {
    return (v < 10 ? sb.append('0') : sb).append(v);
  }

  /** Opaque as {@link NetSnmpFormat} prints it, with -OT and -Op; -Oq drops the labels ("Opaque: Float: 1.5" → "1.5"). */
  private void appendOpaque(StringBuilder sb, Opaque value) {
    if (!options.bare()) {
      NetSnmpFormat.appendOpaque(sb, value, options.hexText(), options.floatPrecision());
      return;
    }
    StringBuilder whole = new StringBuilder();
    NetSnmpFormat.appendOpaque(whole, value, options.hexText(), options.floatPrecision());
    String s = whole.toString();
    int cut = s.startsWith("OPAQUE: ") ? "OPAQUE: ".length() : s.indexOf(": ", "Opaque: ".length()) + 2;
    sb.append(s, cut, s.length());
  }

  /**
   * An OCTET STRING without a display hint: STRING "…" or Hex-STRING as {@link NetSnmpFormat} guesses,
   * or as -Ox / -Oa force; quick output quotes the hex too. Empty prints {@code ""}.
   */
  private void appendOctetString(StringBuilder sb, Bytes b) {
    int n = b.size();
    if (n == 0) {
      sb.append("\"\"");
      return;
    }
    boolean text = switch (options.strings()) {
      case HEX -> false;
      case ASCII -> true;
      case GUESS -> printable(b);
    };
    boolean bare = options.bare();
    if (!text) {
      if (bare) {
        appendHex(sb.append('"'), b).append('"');
      } else {
        appendHex(sb.append("Hex-STRING: "), b);
      }
      return;
    }
    sb.append(bare ? "\"" : "STRING: \"");
    for (int i = 0; i < n; i++) {
      int c = b.get(i) & 0xFF;
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(isPrintOrSpace(c) ? (char) c : '.');
    }
    sb.append('"');
  }

  private static boolean printable(Bytes b) {
    for (int i = 0; i < b.size(); i++) {
      if (!isPrintOrSpace(b.get(i) & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** isprint || isspace in the C locale, which is what Net-SNMP's tools test. */
  static boolean isPrintOrSpace(int c) {
    return (c >= 0x20 && c < 0x7F) || (c >= 0x09 && c <= 0x0D);
  }

  /** "%02X " per byte, a line break after each 16 bytes when more follow, each line's text after it with -OT. */
  private StringBuilder appendHex(StringBuilder sb, Bytes b) {
    NetSnmpFormat.appendHex(sb, b, options.hexText());
    return sb;
  }
}
