package dev.puresnmp.cli;

/** A minimal JSON writer for the CLI's --json output: objects, arrays, strings, numbers. */
final class Json {
  private final StringBuilder sb = new StringBuilder();
  private boolean needComma;

  Json begin() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  Json end() {
    sb.append('}');
    needComma = true;
    return this;
  }

  Json beginArray() {
    sb.append('[');
    needComma = false;
    return this;
  }

  Json endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  Json field(String name) {
    comma();
    quote(name);
    sb.append(':');
    needComma = false;
    return this;
  }

  Json string(String value) {
    comma();
    quote(value);
    needComma = true;
    return this;
  }

  Json number(long value) {
    return raw(Long.toString(value));
  }

  Json raw(String literal) {
    comma();
    sb.append(literal);
    needComma = true;
    return this;
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
