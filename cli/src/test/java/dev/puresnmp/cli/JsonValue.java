package dev.puresnmp.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON reader for tests of --json output: objects become {@code Map<String, Object>},
 * arrays {@code List<Object>}, numbers {@code BigDecimal}, and true/false/null their Java values. It
 * fails on anything RFC 8259 does not allow, trailing text included, so a test that reads a line proves
 * the line is JSON.
 */
final class JsonValue {
  private final String s;
  private int i;

  private JsonValue(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    JsonValue r = new JsonValue(text);
    Object v = r.value();
    r.space();
    if (r.i != text.length()) {
      throw r.error("end of input");
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  private Object value() {
    space();
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    space();
    if (peek() == '}') {
      i++;
      return m;
    }
    do {
      space();
      if (peek() != '"') {
        throw error("a member name");
      }
      String name = string();
      space();
      expect(':');
      if (m.put(name, value()) != null) {
        throw error("no second \"" + name + "\"");
      }
      space();
    } while (next() == ',');
    i--;
    expect('}');
    return m;
  }

  private List<Object> array() {
    List<Object> a = new ArrayList<>();
    i++;
    space();
    if (peek() == ']') {
      i++;
      return a;
    }
    do {
      a.add(value());
      space();
    } while (next() == ',');
    i--;
    expect(']');
    return a;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("no control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("four hex digits");
          }
          sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw error("an escape");
      }
    }
  }

  private BigDecimal number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String n = s.substring(start, i);
    if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      i = start;
      throw error("a value");
    }
    return new BigDecimal(n);
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error(word);
    }
    i += word.length();
    return v;
  }

  private void space() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private char next() {
    if (i >= s.length()) {
      throw error("more input");
    }
    return s.charAt(i++);
  }

  private void expect(char c) {
    if (next() != c) {
      i--;
      throw error("'" + c + "'");
    }
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException("expected " + expected + " at offset " + i + " but found " + (i < s.length() ? "'" + s.charAt(i) + "'" : "the end") + " in " + s);
  }
}
