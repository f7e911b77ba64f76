package dev.puresnmp.smi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * OCTET STRING (RFC 2578 §7.1.2): text or binary, and only the bytes tell which. {@link #isText} says
 * which; {@link #asText} gives the text, or hex when the bytes are not text; {@link #asHex} always gives
 * hex (the form for a MAC address); {@link #asBytes} gives the bytes.
 *
 * <pre>{@code
 * OctetString.of("router-1").asText();            // "router-1"
 * OctetString mac = OctetString.of((byte) 0xd6, (byte) 0x44, (byte) 0xb3, (byte) 0x74, (byte) 0x97, (byte) 0x36);
 * mac.isText();                                   // false
 * mac.asText();                                   // "d6:44:b3:74:97:36", the same as mac.asHex()
 * mac.toString();                                 // "Hex-STRING: D6 44 B3 74 97 36 ", as Net-SNMP prints it
 * }</pre>
 */
public record OctetString(Bytes value) implements Value {
  public OctetString {
    Objects.requireNonNull(value, "value");
  }

  /** The UTF-8 encoding of {@code text}. */
  public static OctetString of(String text) {
    return new OctetString(Bytes.utf8(text));
  }

  /** A copy of {@code bytes}. */
  public static OctetString of(byte... bytes) {
    return new OctetString(Bytes.of(bytes));
  }

  @Override
  public SmiType type() {
    return SmiType.OCTET_STRING;
  }

  /**
   * True if the bytes are text: well-formed UTF-8 (RFC 3629; RFC 3411's SnmpAdminString is UTF-8) with no
   * control character but the white space tab, LF, VT, FF and CR. No bytes are text (""). When this is
   * true, {@link #asText} is the text and its UTF-8 encoding is exactly these bytes.
   *
   * <p>Net-SNMP prints STRING for printable ASCII and white space only; every such value is text here
   * too, and so is non-ASCII UTF-8 ("café"), which Net-SNMP prints as Hex-STRING. A trailing NUL makes a
   * value binary for both. The bytes cannot say what they mean: a MAC address whose bytes happen to be
   * printable (5e:43:3e:74:7a:77 reads "^C>tzw") is text, so use {@link #asHex} for address columns.
   */
  public boolean isText() {
    return textOrNull(value.array(), value.offset(), value.size()) != null;
  }

  /** The text if {@link #isText}, else {@link #asHex} ("d6:44:b3:74:97:36"): never mojibake. */
  @Override
  public String asText() {
    String text = textOrNull(value.array(), value.offset(), value.size());
    return text != null ? text : asHex();
  }

  /** Colon-separated lower-case hex, "d6:44:b3:74:97:36" (as MAC addresses are written); "" for no bytes. */
  public String asHex() {
    return value.hex(':');
  }

  @Override
  public Bytes asBytes() {
    return value;
  }

  /**
   * As Net-SNMP prints the value after " = ": {@code STRING: "router-1"} for printable ASCII, else
   * {@code Hex-STRING: D6 44 B3 74 97 36 } (each byte followed by a space, a line break after every 16),
   * and {@code ""} when empty.
   */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }

  /** The text of {@code b[offset .. offset+size)} under the {@link #isText} rule, or null. */
  private static String textOrNull(byte[] b, int offset, int size) {
    boolean ascii = true;
    for (int i = offset, end = offset + size; i < end; i++) {
      byte c = b[i];
      if (c < 0) {
        ascii = false;
      } else if (isControl(c)) {
        return null;
      }
    }
    if (ascii) {
      return new String(b, offset, size, StandardCharsets.US_ASCII);
    }
    String text;
    try {
      // A fresh decoder REPORTs malformed input (overlong forms, surrogates, past U+10FFFF) instead of
      // replacing it, so decoding is exact and re-encoding gives the same bytes.
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, offset, size)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return null; // the C1 controls U+0080..U+009F
      }
    }
    return text;
  }

  /** C0, DEL and C1 controls, except the C locale's isspace (tab, LF, VT, FF, CR), as Net-SNMP allows. */
  private static boolean isControl(int c) {
    return Character.isISOControl(c) && !(c >= 0x09 && c <= 0x0D);
  }
}
