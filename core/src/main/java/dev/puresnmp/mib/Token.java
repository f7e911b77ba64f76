package dev.puresnmp.mib;

/** One lexical unit of a MIB module, where it starts (1-based line and column). */
record Token(Kind kind, String text, int line, int column) {
  enum Kind {
    /** A name or keyword: letters, digits, '-' and '_' (which Net-SNMP accepts too). */
    WORD,
    /** A decimal number, possibly negative (ranges): kept as text, read as long or unsigned. */
    NUMBER,
    /** A "quoted string", without the quotes; may span lines. */
    STRING,
    /** 'hex'H, text without quotes and suffix. */
    HEX,
    /** 'binary'B, text without quotes and suffix. */
    BINARY,
    /** Punctuation: ::= .. { } ( ) [ ] , ; | . and any other single character. */
    SYMBOL,
    EOF
  }

  boolean is(String s) {
    return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(s);
  }

  /** How an error message shows this token. */
  String shown() {
    switch (kind) {
      case EOF:
        return "end of file";
      case STRING:
        return "a string";
      case HEX:
        return "'" + text + "'H";
      case BINARY:
        return "'" + text + "'B";
      default:
        return "'" + text + "'";
    }
  }
}
