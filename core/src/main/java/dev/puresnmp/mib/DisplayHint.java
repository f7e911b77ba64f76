package dev.puresnmp.mib;

import dev.puresnmp.smi.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A DISPLAY-HINT (RFC 2579 §3.1) parsed once and applied to many values, with the behaviour Net-SNMP
 * 5.9 shows (found by experiment with snmpget, see docs/mibs.md "Formatting values"). An OCTET STRING
 * hint is a list of specifications; an INTEGER hint is one letter, with a decimal point for "d-N".
 */
final class DisplayHint {
  /** One octet-format specification: {@code [*] width fmt [sep] [term]}. */
  private record Spec(boolean repeat, int width, char format, int separator, int terminator) {}

  private final List<Spec> specs;
  /** INTEGER hints: 'd', 'x', 'o', 'b', or 0 when the hint is not one of them. */
  private final char intFormat;
  private final int decimals;
  private final String text;

  private DisplayHint(String text, List<Spec> specs, char intFormat, int decimals) {
    this.text = text;
    this.specs = specs;
    this.intFormat = intFormat;
    this.decimals = decimals;
  }

  String text() {
    return text;
  }

  /** An OCTET STRING hint, or null when it does not parse (Net-SNMP then says "Bad hint ignored"). */
  static DisplayHint octets(String hint) {
    List<Spec> specs = new ArrayList<>();
    int i = 0;
    int n = hint.length();
    while (i < n) {
      boolean repeat = hint.charAt(i) == '*';
      if (repeat) {
        i++;
      }
      int start = i;
      long width = 0;
      while (i < n && isDigit(hint.charAt(i))) {
        width = Math.min(width * 10 + (hint.charAt(i) - '0'), Integer.MAX_VALUE);
        i++;
      }
      if (i == start || i >= n || "dxoat".indexOf(hint.charAt(i)) < 0 || width == 0) {
        return null;
      }
      char format = hint.charAt(i++);
      int separator = -1;
      int terminator = -1;
      if (i < n && isDelimiter(hint.charAt(i))) {
        separator = hint.charAt(i++);
      }
      if (repeat && i < n && isDelimiter(hint.charAt(i))) {
        terminator = hint.charAt(i++);
      }
      specs.add(new Spec(repeat, (int) width, format, separator, terminator));
    }
    return specs.isEmpty() ? null : new DisplayHint(hint, List.copyOf(specs), (char) 0, 0);
  }

  /** An INTEGER hint: "d", "d-2", "x", "o", "b"; anything else is kept to print as Net-SNMP does. */
  static DisplayHint integer(String hint) {
    char f = hint.isEmpty() ? 0 : hint.charAt(0);
    int decimals = 0;
    if (f == 'd' && hint.length() > 2 && hint.charAt(1) == '-') {
      for (int i = 2; i < hint.length(); i++) {
        if (!isDigit(hint.charAt(i))) {
          return new DisplayHint(hint, List.of(), (char) 0, 0);
        }
        decimals = Math.min(decimals * 10 + (hint.charAt(i) - '0'), 64);
      }
    } else if (hint.length() != 1 || "dxob".indexOf(f) < 0) {
      f = 0;
    }
    return new DisplayHint(hint, List.of(), f, decimals);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDelimiter(char c) {
    return !isDigit(c) && c != '*';
  }

  /**
   * Appends {@code value} (a signed INTEGER, or an unsigned 32-bit number held in a long) by this hint.
   * x and o print the 64-bit two's complement of a negative number, b always 32 binary digits;
   * "d-2" prints -5 as "-.05" (no leading zero), as Net-SNMP does.
   */
  void appendInteger(StringBuilder sb, long value) {
    switch (intFormat) {
      case 'x' -> sb.append(Long.toHexString(value));
      case 'o' -> sb.append(Long.toOctalString(value));
      case 'b' -> {
        String bits = Long.toBinaryString(value & 0xFFFF_FFFFL);
        sb.append("0".repeat(32 - bits.length())).append(bits);
      }
      case 'd' -> {
        if (decimals == 0) {
          sb.append(value);
          return;
        }
        String digits = value < 0 ? Long.toString(value).substring(1) : Long.toString(value);
        if (value < 0) {
          sb.append('-');
        }
        if (digits.length() < decimals) {
          sb.append('.').append("0".repeat(decimals - digits.length())).append(digits);
        } else {
          int point = digits.length() - decimals;
          sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
      }
      // a hint Net-SNMP does not know: it hands "%" and the hint to printf, which prints it as it is
      default -> sb.append('%').append(text);
    }
  }

  /**
   * Appends {@code bytes} by this OCTET STRING hint. The last specification repeats until the bytes
   * run out; a separator follows an item only when bytes remain, a terminator likewise. A number
   * item short of bytes is read as if zero bytes followed ("2x" of 05 is "500"). In an 'a' or 't'
   * item that holds a NUL, every byte that is not printable ASCII or white space is '.'; other items
   * are copied as they are, so the result is those bytes decoded as UTF-8. A one-byte 'x' item below 16
   * prints two digits where no separator follows it in the hint's last specification ("1x" prints
   * "01ab"; "1x:" prints "1:ab"), or always with {@code twoDigitHex} (Net-SNMP's -O0).
   */
  void appendOctets(StringBuilder sb, Bytes bytes, boolean twoDigitHex) {
    int len = bytes.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + 8);
    int pos = 0;
    int s = 0;
    boolean ascii = true;
    while (pos < len) {
      Spec spec = specs.get(Math.min(s, specs.size() - 1));
      s++;
      long count = 1;
      if (spec.repeat()) {
        count = bytes.get(pos++) & 0xFF;
      }
      for (long k = 0; k < count && pos < len; k++) {
        int n = Math.min(spec.width(), len - pos);
        switch (spec.format()) {
          case 'a', 't' -> ascii &= appendText(out, bytes, pos, n);
          default -> appendNumber(out, bytes, pos, n, spec,
              twoDigitHex || (spec.separator() < 0 && s >= specs.size()));
        }
        pos += n;
        if (spec.separator() >= 0 && pos < len) {
          out.write(spec.separator());
        }
      }
      if (spec.terminator() >= 0 && pos < len) {
        out.write(spec.terminator());
      }
    }
    byte[] b = out.toByteArray();
    if (ascii) {
      for (byte c : b) {
        sb.append((char) (c & 0xFF));
      }
    } else {
      sb.append(new String(b, StandardCharsets.UTF_8));
    }
  }

  /** Returns whether everything written was ASCII. */
  private static boolean appendText(ByteArrayOutputStream out, Bytes bytes, int from, int n) {
    boolean nul = false;
    for (int i = from; i < from + n; i++) {
      nul |= bytes.get(i) == 0;
    }
    boolean ascii = true;
    for (int i = from; i < from + n; i++) {
      int c = bytes.get(i) & 0xFF;
      if (nul && !(c >= 0x20 && c < 0x7F) && !(c >= 0x09 && c <= 0x0D)) {
        c = '.';
      }
      ascii &= c < 0x80;
      out.write(c);
    }
    return ascii;
  }

  private static void appendNumber(ByteArrayOutputStream out, Bytes bytes, int from, int n, Spec spec, boolean twoDigits) {
    long v = 0;
    for (int i = 0; i < spec.width(); i++) {
      v = v << 8 | (i < n ? bytes.get(from + i) & 0xFF : 0);
    }
    if (spec.format() == 'x' && spec.width() == 1 && v < 16 && twoDigits) {
      out.write('0');
    }
    String digits = switch (spec.format()) {
      case 'x' -> Long.toHexString(v);
      case 'o' -> Long.toOctalString(v);
      default -> Long.toUnsignedString(v);
    };
    for (int i = 0; i < digits.length(); i++) {
      out.write(digits.charAt(i));
    }
  }
}
