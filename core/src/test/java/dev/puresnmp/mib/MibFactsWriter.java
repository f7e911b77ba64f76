package dev.puresnmp.mib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes a MIB module's facts and nothing else: its definitions token by token, in a layout of our own,
 * without comments and with every DESCRIPTION, REFERENCE, ORGANIZATION and CONTACT-INFO string emptied.
 * What is left (names, numbers, syntaxes, clauses) is what Net-SNMP and our parser read, so both read the
 * written file as they read the original, but for the prose.
 *
 * <p>Used for the standard modules that no source the build can fetch ships (IP-MIB, ENTITY-MIB …):
 * their facts are kept under {@code src/test/resources/dev/puresnmp/mib/facts/}, where the built-in set's
 * generator and the tests against Net-SNMP read them. From the repository root:
 *
 * <pre>{@code
 * java -cp core/target/classes:core/target/test-classes dev.puresnmp.mib.MibFactsWriter \
 *     core/src/test/resources/dev/puresnmp/mib/facts ORIGINAL/IP-MIB.txt ORIGINAL/ENTITY-MIB …
 * }</pre>
 */
final class MibFactsWriter {
  /** The clauses whose strings are prose. */
  private static final Set<String> PROSE = Set.of("DESCRIPTION", "REFERENCE", "ORGANIZATION", "CONTACT-INFO");
  /** Words after which a definition's clause starts on a line of its own. */
  private static final Set<String> CLAUSES = Set.of("SYNTAX", "MAX-ACCESS", "ACCESS", "MIN-ACCESS", "STATUS",
      "DESCRIPTION", "REFERENCE", "INDEX", "AUGMENTS", "DEFVAL", "UNITS", "DISPLAY-HINT", "OBJECTS",
      "NOTIFICATIONS", "ENTERPRISE", "VARIABLES", "LAST-UPDATED", "ORGANIZATION", "CONTACT-INFO", "REVISION",
      "MODULE", "MANDATORY-GROUPS", "GROUP", "OBJECT", "WRITE-SYNTAX", "PRODUCT-RELEASE", "SUPPORTS",
      "INCLUDES", "VARIATION", "CREATION-REQUIRES", "::=");
  /** What follows a name that starts a top-level definition. */
  private static final Set<String> DEFINERS = Set.of("OBJECT-TYPE", "OBJECT-IDENTITY", "MODULE-IDENTITY",
      "NOTIFICATION-TYPE", "TRAP-TYPE", "OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE",
      "AGENT-CAPABILITIES", "MACRO", "::=");

  private MibFactsWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: MibFactsWriter OUTPUT_DIR MIB_FILE...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    for (int i = 1; i < args.length; i++) {
      Path file = Path.of(args[i]);
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      List<Token> tokens = MibLexer.tokenize(file.getFileName().toString(), text);
      String module = tokens.get(0).text();
      Path target = out.resolve(module + ".txt");
      Files.writeString(target, write(tokens), StandardCharsets.ISO_8859_1);
      System.out.println("wrote " + target);
    }
  }

  /** The module of {@code tokens} (one module, ending in EOF) without its prose, laid out one clause a line. */
  static String write(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < tokens.size() - 1; i++) {
      Token t = tokens.get(i);
      Token next = tokens.get(i + 1);
      Token previous = i > 0 ? tokens.get(i - 1) : null;
      if (t.is("}") || t.is(")")) {
        depth--;
      }
      if (depth == 0 && startsDefinition(previous, t, next, tokens, i)) {
        sb.append("\n\n");
      } else if (depth == 0 && (t.is("IMPORTS") || t.is("EXPORTS") || t.is("END"))) {
        sb.append("\n\n");
      } else if (depth == 0 && t.kind() == Token.Kind.WORD && CLAUSES.contains(t.text()) && !objectIdentifier(t, next)) {
        sb.append("\n    ");
      } else if (sb.length() > 0 && !sb.toString().endsWith("\n") && !t.is(",") && !t.is(";")) {
        sb.append(' ');
      }
      boolean prose = t.kind() == Token.Kind.STRING && previous != null && previous.kind() == Token.Kind.WORD
          && PROSE.contains(previous.text());
      sb.append(prose ? "\"\"" : MibParser.literal(t));
      if (t.is("{") || t.is("(")) {
        depth++;
      }
      if (depth == 0 && previous != null && previous.is("FROM") && t.kind() == Token.Kind.WORD && !next.is(";")) {
        sb.append("\n   ");
      }
    }
    return sb.toString().strip() + "\n";
  }

  /** "OBJECT IDENTIFIER" is a type, not the OBJECT clause of a compliance statement. */
  private static boolean objectIdentifier(Token t, Token next) {
    return t.is("OBJECT") && next.is("IDENTIFIER");
  }

  private static boolean startsDefinition(Token previous, Token t, Token next, List<Token> tokens, int i) {
    if (t.kind() != Token.Kind.WORD || CLAUSES.contains(t.text()) || t.is("DEFINITIONS") || t.is("IDENTIFIER")
        || previous != null && (previous.is("FROM") || previous.is("SYNTAX"))) {
      return false;
    }
    if (next.kind() == Token.Kind.WORD && DEFINERS.contains(next.text()) || next.is("::=")) {
      return true;
    }
    return next.is("OBJECT") && tokens.get(i + 2).is("IDENTIFIER");
  }
}
