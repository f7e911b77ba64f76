package dev.puresnmp.smi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats varbinds and values exactly as Net-SNMP 5.9's tools print them with {@code -On} and no MIBs
 * loaded ({@code snmpget -On}, {@code snmpwalk -On}): {@code .1.3.6.1.2.1.1.3.0 = Timeticks: (123456789)
 * 14 days, 6:56:07.89}. Every command of the CLI prints through this one formatter, so output can be
 * compared byte for byte with Net-SNMP's.
 *
 * <pre>{@code
 * System.out.println(NetSnmpFormat.format(varBind));
 * // .1.3.6.1.2.1.1.5.0 = STRING: "router-1"
 * NetSnmpFormat.formatValue(new Counter64(5));   // "Counter64: 5"
 * }</pre>
 */
public final class NetSnmpFormat {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private NetSnmpFormat() {}

  /** One line (or more, for a string with line breaks): "OID = TYPE: value". */
  public static String format(VarBind vb) {
    StringBuilder sb = new StringBuilder(64);
    appendOid(sb, vb.oid()).append(" = ");
    appendValue(sb, vb.value());
    return sb.toString();
  }

  /** The part after " = ": "STRING: \"text\"", "Counter32: 5", "NULL". */
  public static String formatValue(Value value) {
    StringBuilder sb = new StringBuilder(32);
    appendValue(sb, value);
    return sb.toString();
  }

  /** Appends what {@link #formatValue} returns. */
  public static void appendValue(StringBuilder sb, Value value) {
    switch (value.type()) {
      case INTEGER32:
        sb.append("INTEGER: ").append(((Integer32) value).value());
        break;
      case OCTET_STRING:
        appendOctetString(sb, ((OctetString) value).value());
        break;
      case NULL:
        sb.append("NULL");
        break;
      case OBJECT_IDENTIFIER:
        appendOid(sb.append("OID: "), ((ObjectIdentifier) value).value());
        break;
      case IP_ADDRESS:
        sb.append("IpAddress: ").append(value.asText());
        break;
      case COUNTER32:
        sb.append("Counter32: ").append(((Counter32) value).value());
        break;
      case GAUGE32:
        sb.append("Gauge32: ").append(((Gauge32) value).value());
        break;
      case TIMETICKS:
        appendTimeTicks(sb.append("Timeticks: "), ((TimeTicks) value).value());
        break;
      case OPAQUE:
        appendOpaque(sb, (Opaque) value, false, "");
        break;
      case NSAP_ADDRESS:
        sb.append("Variable has bad type"); // Net-SNMP 5.9 decodes NsapAddress but has no printer for it
        break;
      case COUNTER64:
        sb.append("Counter64: ").append(Long.toUnsignedString(((Counter64) value).value()));
        break;
      case NO_SUCH_OBJECT:
        sb.append("No Such Object available on this agent at this OID");
        break;
      case NO_SUCH_INSTANCE:
        sb.append("No Such Instance currently exists at this OID");
        break;
      case END_OF_MIB_VIEW:
        sb.append("No more variables left in this MIB View (It is past the end of the MIB tree)");
        break;
      case UNKNOWN:
        appendUnknown(sb, (Unknown) value);
        break;
      default:
        throw new AssertionError(value.type());
    }
  }

  /**
   * {@link Oid#toDottedString}, except that an OID without arcs (from {@code 06 00}) prints as ".0", as
   * Net-SNMP prints it (crafted-oid-empty-response).
   */
  private static StringBuilder appendOid(StringBuilder sb, Oid oid) {
    return sb.append(oid.size() == 0 ? ".0" : oid.toDottedString());
  }

  /**
   * Opaque: Net-SNMP unwraps the types that the SNMPv2 draft and its own agent put in an Opaque (tag 0x9f
   * then 0x76 Counter64, 0x78 Float, 0x79 Double, 0x7a Int64, 0x7b UInt64, then a one-byte length) and
   * prints everything else as hex: with {@code hexText} (-OT) each line's text beside it, and a float
   * or double with {@code precision} (-Op, {@link #appendPrintfF(StringBuilder, double, String)}).
   */
  public static void appendOpaque(StringBuilder sb, Opaque opaque, boolean hexText, String precision) {
    byte[] b = opaque.value().contents();
    if (b.length >= 3 && (b[0] & 0xFF) == 0x9F && (b[2] & 0xFF) == b.length - 3) {
      int n = b.length - 3;
      long v = 0;
      for (int i = 3; i < b.length; i++) {
        v = v << 8 | (b[i] & 0xFF);
      }
      switch (b[1] & 0xFF) {
        case 0x76:
          if (n >= 1 && n <= 9) {
            sb.append("Opaque: Counter64: ").append(Long.toUnsignedString(v));
            return;
          }
          break;
        case 0x7B:
          if (n >= 1 && n <= 9) {
            sb.append("Opaque: UInt64: ").append(Long.toUnsignedString(v));
            return;
          }
          break;
        case 0x7A:
          if (n >= 1 && n <= 8) {
            long signed = n == 8 ? v : v << (64 - 8 * n) >> (64 - 8 * n);
            sb.append("Opaque: Int64: ").append(signed);
            return;
          }
          break;
        case 0x78:
          if (n == 4) {
            appendPrintfF(sb.append("Opaque: Float: "), Float.intBitsToFloat((int) v), precision);
            return;
          }
          break;
        case 0x79:
          if (n == 8) {
            // sic: Net-SNMP labels a double "Float" too
            appendPrintfF(sb.append("Opaque: Float: "), Double.longBitsToDouble(v), precision);
            return;
          }
          break;
        default:
          break;
      }
    }
    appendHex(sb.append("OPAQUE: "), b, hexText);
  }

  /**
   * C's printf("%f"), as glibc prints it: the exact binary value rounded to six decimals, a tie to even
   * (6.5078125 → "6.507812", where Java's %f says "6.507813"); the sign of a negative value that rounds
   * to zero and of -0 kept; "nan", "-nan", "inf", "-inf".
   */
  static void appendPrintfF(StringBuilder sb, double d) {
    appendPrintfF(sb, d, "");
  }

  /**
   * C's printf with "%" + {@code spec} + "f", as glibc prints it: {@code spec} is flags ({@code - + space
   * # 0}), a width and a ".precision", each optional (Net-SNMP's {@code -Op}); "" is "%f". Infinities and
   * NaN are padded with spaces, never zeros.
   *
   * @throws IllegalArgumentException for a {@code spec} that is not of that form ({@link #checkPrintfSpec})
   */
  public static void appendPrintfF(StringBuilder sb, double d, String spec) {
    checkPrintfSpec(spec);
    int i = 0;
    String flags = "";
    while (i < spec.length() && "-+ #0".indexOf(spec.charAt(i)) >= 0) {
      flags += spec.charAt(i++);
    }
    int widthEnd = i;
    while (widthEnd < spec.length() && Character.isDigit(spec.charAt(widthEnd))) {
      widthEnd++;
    }
    int width = widthEnd > i ? Integer.parseInt(spec.substring(i, widthEnd)) : 0;
    int precision = 6;
    if (widthEnd < spec.length()) { // checked above: a '.' and its digits
      precision = widthEnd + 1 < spec.length() ? Integer.parseInt(spec.substring(widthEnd + 1)) : 0;
    }
    boolean negative = (Double.doubleToRawLongBits(d) < 0);
    String sign = negative ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
    boolean finite = !Double.isNaN(d) && !Double.isInfinite(d);
    String digits;
    if (finite) {
      digits = new BigDecimal(Math.abs(d)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
      if (precision == 0 && flags.indexOf('#') >= 0) {
        digits += ".";
      }
    } else {
      digits = Double.isNaN(d) ? "nan" : "inf";
    }
    int pad = width - sign.length() - digits.length();
    if (pad <= 0) {
      sb.append(sign).append(digits);
    } else if (flags.indexOf('-') >= 0) {
      sb.append(sign).append(digits).append(" ".repeat(pad));
    } else if (flags.indexOf('0') >= 0 && finite) {
      sb.append(sign).append("0".repeat(pad)).append(digits);
    } else {
      sb.append(" ".repeat(pad)).append(sign).append(digits);
    }
  }

  /**
   * {@code spec} when it is what {@link #appendPrintfF(StringBuilder, double, String)} takes: flags, a width
   * and a precision of at most three digits each (so that a value never prints wider than 999 characters).
   *
   * @throws IllegalArgumentException naming {@code spec} otherwise
   */
  public static String checkPrintfSpec(String spec) {
    if (!spec.matches("[-+ #0]*[0-9]{0,3}(\\.[0-9]{0,3})?")) {
      throw new IllegalArgumentException("not a printf width and precision: \"" + spec + "\"");
    }
    return spec;
  }

  /**
   * TimeTicks as Net-SNMP's uptime_string: "(N) D days, H:MM:SS.cc", "1 day, …", or just "H:MM:SS.cc"
   * under a day.
   */
  public static void appendTimeTicks(StringBuilder sb, long ticks) {
    long centis = ticks % 100;
    long seconds = (ticks / 100) % 60;
    long minutes = (ticks / 6000) % 60;
    long hours = (ticks / 360000) % 24;
    long days = ticks / 8640000;
    sb.append('(').append(ticks).append(") ");
    if (days == 1) {
      sb.append("1 day, ");
    } else if (days > 1) {
      sb.append(days).append(" days, ");
    }
    sb.append(hours).append(':');
    twoDigits(sb, minutes).append(':');
    twoDigits(sb, seconds).append('.');
    twoDigits(sb, centis);
  }

  private static StringBuilder twoDigits(StringBuilder sb, long v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }

  /**
   * Net-SNMP prints an OCTET STRING as STRING when every byte is printable ASCII or white space
   * (isprint || isspace in the C locale), as Hex-STRING otherwise.
   */
  private static void appendOctetString(StringBuilder sb, Bytes bytes) {
    byte[] b = bytes.contents();
    if (b.length == 0) {
      sb.append("\"\""); // sprint_realloc_octet_string: an empty string gets no type prefix
      return;
    }
    if (printsAsString(b)) {
      sb.append("STRING: \"");
      for (byte c : b) {
        if (c == '"' || c == '\\') {
          sb.append('\\');
        }
        sb.append((char) c);
      }
      sb.append('"');
    } else {
      appendHex(sb.append("Hex-STRING: "), bytes);
    }
  }

  /**
   * Net-SNMP's rule, ASCII only; {@link OctetString#isText} also takes non-ASCII UTF-8, so this stays
   * separate and unchanged for byte-for-byte output.
   */
  private static boolean printsAsString(byte[] b) {
    for (byte c : b) {
      if (!(c >= 0x20 && c < 0x7F) && !(c >= 0x09 && c <= 0x0D)) {
        return false;
      }
    }
    return true;
  }

  /** Upper-case hex, each byte followed by a space, a line break after every 16 bytes (sprint_hexstring). */
  public static void appendHex(StringBuilder sb, Bytes bytes) {
    appendHex(sb, bytes.contents(), false);
  }

  /**
   * {@link #appendHex(StringBuilder, Bytes)}, and with {@code withText} (Net-SNMP's -OT) each line's bytes
   * after it as text, "  [" and "]" around them, a byte that is neither printable nor white space as '.'.
   */
  public static void appendHex(StringBuilder sb, Bytes bytes, boolean withText) {
    appendHex(sb, bytes.contents(), withText);
  }

  private static void appendHex(StringBuilder sb, byte[] b) {
    appendHex(sb, b, false);
  }

  private static void appendHex(StringBuilder sb, byte[] b, boolean withText) {
    for (int line = 0; line < b.length || line == 0; line += 16) {
      if (line > 0) {
        sb.append('\n');
      }
      int end = Math.min(b.length, line + 16);
      for (int i = line; i < end; i++) {
        sb.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]).append(' ');
      }
      if (withText) {
        sb.append("  [");
        for (int i = line; i < end; i++) {
          int c = b[i] & 0xFF;
          sb.append((c >= 0x20 && c < 0x7F) || (c >= 0x09 && c <= 0x0D) ? (char) c : '.');
        }
        sb.append(']');
      }
    }
  }

  private static void appendUnknown(StringBuilder sb, Unknown u) {
    byte[] b = u.content().contents();
    switch (u.tag()) {
      case 0x02:
        // An INTEGER outside 32 bits: Net-SNMP keeps a long and cuts it (CHECK_OVERFLOW_S in asn1.c).
        sb.append("INTEGER: ").append(netSnmpTruncatedInteger(b));
        break;
      case 0x47:
        // The obsolete SNMPv2 UInteger32 (RFC 1442): sprint_realloc_uinteger prints the bare number.
        sb.append(unsigned32(b));
        break;
      case 0x03:
        appendBits(sb, b);
        break;
      default:
        // Net-SNMP drops a packet with a tag it does not know ("bad type returned"); we keep the value
        // and show its tag and bytes.
        appendHex(sb.append("Variable has bad type (tag ").append(String.format("0x%02x", u.tag())).append("): "), b);
    }
  }

  /** Net-SNMP's CHECK_OVERFLOW_S: above INT32_MAX keep the low 32 bits, below INT32_MIN negate them. */
  static long netSnmpTruncatedInteger(byte[] b) {
    long v = b.length == 0 ? 0 : b[0];
    for (int i = 1; i < b.length; i++) {
      v = v << 8 | (b[i] & 0xFF);
    }
    if (v > Integer.MAX_VALUE) {
      return v & 0xFFFF_FFFFL;
    }
    if (v < Integer.MIN_VALUE) {
      return -(v & 0xFFFF_FFFFL);
    }
    return v;
  }

  private static long unsigned32(byte[] b) {
    long v = b.length == 0 ? 0 : b[0];
    for (int i = 1; i < b.length; i++) {
      v = v << 8 | (b[i] & 0xFF);
    }
    return v & 0xFFFF_FFFFL;
  }

  /** A BIT STRING as Net-SNMP prints BITS: the bytes in hex, then the number of every set bit. */
  private static void appendBits(StringBuilder sb, byte[] b) {
    sb.append("BITS: ");
    appendHex(sb, b);
    for (int i = 0; i < b.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        if ((b[i] & (0x80 >> bit)) != 0) {
          sb.append(i * 8 + bit).append(' ');
        }
      }
    }
  }
}
