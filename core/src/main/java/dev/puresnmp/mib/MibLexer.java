package dev.puresnmp.mib;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a MIB module into {@link Token}s. ASN.1 comments ("--" to the next "--" or the end of the line,
 * X.208 §6.8, which is also how Net-SNMP's parser reads them) are dropped.
 */
final class MibLexer {
  private final String file;
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private MibLexer(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** All tokens of {@code text}, ending with one EOF token. */
  static List<Token> tokenize(String file, String text) {
    return new MibLexer(file, text).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>(text.length() / 6);
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length()) {
        out.add(new Token(Token.Kind.EOF, "", line, pos - lineStart + 1));
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        newLine(pos + 1);
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
        pos += 2;
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          if (text.startsWith("--", pos)) {
            pos += 2;
            break;
          }
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void newLine(int next) {
    line++;
    pos = next;
    lineStart = next;
  }

  private Token next() {
    int startLine = line;
    int col = pos - lineStart + 1;
    char c = text.charAt(pos);
    if (Character.isLetter(c)) {
      int start = pos;
      while (pos < text.length() && isWordChar(text.charAt(pos))) {
        // "a--b": a comment starts at "--", which no name contains (RFC 2578 §3.1)
        if (text.charAt(pos) == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
          break;
        }
        pos++;
      }
      return new Token(Token.Kind.WORD, text.substring(start, pos), startLine, col);
    }
    if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      int start = pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Kind.NUMBER, text.substring(start, pos), startLine, col);
    }
    if (c == '"') {
      return string(startLine, col);
    }
    if (c == '\'') {
      return quoted(startLine, col);
    }
    if (text.startsWith("::=", pos)) {
      pos += 3;
      return new Token(Token.Kind.SYMBOL, "::=", startLine, col);
    }
    if (text.startsWith("..", pos)) {
      pos += 2;
      return new Token(Token.Kind.SYMBOL, "..", startLine, col);
    }
    pos++;
    return new Token(Token.Kind.SYMBOL, String.valueOf(c), startLine, col);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  private Token string(int startLine, int col) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new MibException(file, startLine, col, "unterminated string: no closing '\"' before the end of the file");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Token.Kind.STRING, sb.toString(), startLine, col);
      }
      if (c == '\n') {
        sb.append('\n');
        newLine(pos + 1);
      } else {
        if (c != '\r') {
          sb.append(c);
        }
        pos++;
      }
    }
  }

  private Token quoted(int startLine, int col) {
    int end = text.indexOf('\'', pos + 1);
    int eol = text.indexOf('\n', pos + 1);
    if (end < 0 || (eol >= 0 && eol < end) || end + 1 >= text.length()) {
      throw new MibException(file, startLine, col, "unterminated quoted value: expected 'hex'H or 'binary'B");
    }
    String body = text.substring(pos + 1, end);
    char suffix = Character.toUpperCase(text.charAt(end + 1));
    if (suffix != 'H' && suffix != 'B') {
      throw new MibException(file, startLine, col, "expected H or B after '" + body + "', found '" + text.charAt(end + 1) + "'");
    }
    pos = end + 2;
    return new Token(suffix == 'H' ? Token.Kind.HEX : Token.Kind.BINARY, body, startLine, col);
  }
}
