package dev.puresnmp.mib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads SMIv2 (RFC 2578, 2579, 2580) and SMIv1 (RFC 1155, 1212, 1215) modules into {@link ModuleSource}s.
 * A file may hold several modules. MACRO definitions (as in the SMI base modules) are skipped.
 * MODULE-COMPLIANCE and AGENT-CAPABILITIES are read up to their OID value, their clauses skipped.
 *
 * <p>Clauses may come in any order, as Net-SNMP accepts them; a clause a macro does not have, or one
 * given twice, is an error. In lenient mode a broken definition is skipped up to the start of the next
 * top-level definition and reported in {@link ModuleSource#skipped}.
 */
final class MibParser {
  /** The macros whose invocations define OIDs (RFC 2578 §§5-8, RFC 2580, RFC 1212, RFC 1215). */
  static final Set<String> MACROS =
      Set.of(
          "OBJECT-TYPE", "OBJECT-IDENTITY", "MODULE-IDENTITY", "NOTIFICATION-TYPE", "TRAP-TYPE", "OBJECT-GROUP",
          "NOTIFICATION-GROUP", "MODULE-COMPLIANCE", "AGENT-CAPABILITIES");

  private static final Map<String, Set<String>> CLAUSES =
      Map.of(
          "OBJECT-TYPE",
          Set.of("SYNTAX", "UNITS", "MAX-ACCESS", "ACCESS", "STATUS", "DESCRIPTION", "REFERENCE", "INDEX", "AUGMENTS", "DEFVAL"),
          "OBJECT-IDENTITY", Set.of("STATUS", "DESCRIPTION", "REFERENCE"),
          "MODULE-IDENTITY", Set.of("LAST-UPDATED", "ORGANIZATION", "CONTACT-INFO", "DESCRIPTION", "REVISION"),
          "NOTIFICATION-TYPE", Set.of("OBJECTS", "STATUS", "DESCRIPTION", "REFERENCE"),
          "TRAP-TYPE", Set.of("ENTERPRISE", "VARIABLES", "DESCRIPTION", "REFERENCE"),
          "TEXTUAL-CONVENTION", Set.of("DISPLAY-HINT", "STATUS", "DESCRIPTION", "REFERENCE", "SYNTAX"),
          "OBJECT-GROUP", Set.of("OBJECTS", "STATUS", "DESCRIPTION", "REFERENCE"),
          "NOTIFICATION-GROUP", Set.of("NOTIFICATIONS", "STATUS", "DESCRIPTION", "REFERENCE"));

  private final String file;
  private final List<Token> tokens;
  private final boolean lenient;
  private final Map<Definition, Integer> endLines;
  private int p;

  private MibParser(String file, List<Token> tokens, boolean lenient, Map<Definition, Integer> endLines) {
    this.file = file;
    this.tokens = tokens;
    this.lenient = lenient;
    this.endLines = endLines;
  }

  /** Every module in {@code text}; {@code file} is the name used in messages. */
  static List<ModuleSource> parse(String file, String text, boolean lenient) {
    return parse(file, text, lenient, new IdentityHashMap<>());
  }

  /**
   * {@link #parse(String, String, boolean)}, putting in {@code endLines} the line each definition ends on
   * (its OID value's, which Net-SNMP's "Undefined identifier: … near line …" names).
   */
  static List<ModuleSource> parse(String file, String text, boolean lenient, Map<Definition, Integer> endLines) {
    MibParser parser = new MibParser(file, MibLexer.tokenize(file, text), lenient, endLines);
    List<ModuleSource> modules = new ArrayList<>();
    do {
      modules.add(parser.module());
    } while (parser.peek().kind() != Token.Kind.EOF);
    return modules;
  }

  // module := NAME [ '{' oid '}' ] DEFINITIONS '::=' BEGIN [EXPORTS …;] [IMPORTS …;] definitions END
  private ModuleSource module() {
    String name = expectWord("a module name").text();
    if (peek().is("{")) {
      skipBalanced();
    }
    expect("DEFINITIONS", "after the module name " + name);
    expect("::=", "after DEFINITIONS");
    expect("BEGIN", "after DEFINITIONS ::=");
    Map<String, String> imports = new LinkedHashMap<>();
    Map<String, Token> importAt = new LinkedHashMap<>();
    List<Definition> definitions = new ArrayList<>();
    List<MibException> skipped = new ArrayList<>();
    if (peek().is("EXPORTS")) {
      while (!next().is(";")) {
        if (peek().kind() == Token.Kind.EOF) {
          throw error(peek(), "expected ';' to end EXPORTS, found end of file");
        }
      }
    }
    if (peek().is("IMPORTS")) {
      next();
      imports(imports, importAt);
    }
    while (!peek().is("END")) {
      int start = p;
      try {
        Definition d = definition();
        definitions.add(d);
        endLines.put(d, tokens.get(p - 1).line());
      } catch (MibException e) {
        if (!lenient) {
          throw e;
        }
        skipped.add(e);
        p = Math.min(Math.max(p, start + 1), tokens.size() - 1); // on, but never past the EOF token
        while (!definitionStartsAt(p) && !peek().is("END") && peek().kind() != Token.Kind.EOF) {
          p++;
        }
        if (peek().kind() == Token.Kind.EOF) {
          break;
        }
      }
    }
    expect("END", "at the end of module " + name);
    return new ModuleSource(name, file, imports, importAt, definitions, skipped);
  }

  // IMPORTS symbol, symbol FROM Module symbol … FROM Module ;
  private void imports(Map<String, String> imports, Map<String, Token> importAt) {
    List<String> symbols = new ArrayList<>();
    while (!peek().is(";")) {
      Token t = expectWord("an imported name, FROM or ';'");
      if (t.text().equals("FROM")) {
        if (symbols.isEmpty()) {
          throw error(t, "expected an imported name before FROM, found 'FROM'");
        }
        Token module = expectWord("a module name after FROM");
        for (String s : symbols) {
          imports.putIfAbsent(s, module.text());
        }
        importAt.putIfAbsent(module.text(), module);
        symbols.clear();
      } else {
        symbols.add(t.text());
      }
      if (peek().is(",")) {
        next();
      }
    }
    if (!symbols.isEmpty()) {
      throw error(peek(), "expected FROM after the imported names " + String.join(", ", symbols) + ", found ';'");
    }
    next();
  }

  /** Whether a top-level definition plausibly starts at token {@code i}: where lenient mode resumes. */
  private boolean definitionStartsAt(int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Token name = tokens.get(i);
    Token second = tokens.get(i + 1);
    if (name.kind() != Token.Kind.WORD || isClauseKeyword(name.text())) {
      return false;
    }
    if (MACROS.contains(second.text()) || second.is("MACRO")) {
      return second.kind() == Token.Kind.WORD;
    }
    if (second.is("OBJECT") && i + 3 < tokens.size()) {
      return tokens.get(i + 2).is("IDENTIFIER") && tokens.get(i + 3).is("::=");
    }
    return second.is("::=") && Character.isUpperCase(name.text().charAt(0));
  }

  private static boolean isClauseKeyword(String s) {
    for (Set<String> clauses : CLAUSES.values()) {
      if (clauses.contains(s)) {
        return true;
      }
    }
    return s.equals("OBJECT") || s.equals("SEQUENCE") || s.equals("INTEGER");
  }

  private Definition definition() {
    Token name = expectWord("a definition");
    Token kind = peek();
    if (kind.is("MACRO")) {
      while (!next().is("END")) {
        if (peek().kind() == Token.Kind.EOF) {
          throw error(kind, "expected END to close MACRO " + name.text() + ", found end of file");
        }
      }
      return new Clauses(name, "MACRO").build();
    }
    if (kind.is("OBJECT") && at(1).is("IDENTIFIER")) {
      p += 2;
      expect("::=", "after " + name.text() + " OBJECT IDENTIFIER");
      Clauses c = new Clauses(name, "OBJECT IDENTIFIER");
      c.oid = oidValue("OBJECT IDENTIFIER");
      return c.build();
    }
    if (kind.is("::=")) {
      next();
      if (peek().is("TEXTUAL-CONVENTION")) {
        next();
        Clauses c = clauses(name, "TEXTUAL-CONVENTION");
        if (c.syntax == null) {
          throw error(name, "TEXTUAL-CONVENTION " + name.text() + " has no SYNTAX clause");
        }
        return c.build();
      }
      Clauses c = new Clauses(name, "TYPE");
      c.syntax = syntax();
      return c.build();
    }
    if (kind.kind() == Token.Kind.WORD && MACROS.contains(kind.text())) {
      next();
      return macro(name, kind.text());
    }
    if (kind.kind() == Token.Kind.WORD && Character.isUpperCase(kind.text().charAt(0))) {
      // a value of another type ("maxIndex INTEGER ::= 5"): nothing to keep
      syntax();
      expect("::=", "after the type of value " + name.text());
      skipValue();
      return new Clauses(name, "VALUE").build();
    }
    throw error(kind, "expected OBJECT IDENTIFIER, OBJECT-TYPE, another macro or '::=' after " + name.text() + ", found " + kind.shown());
  }

  private Definition macro(Token name, String macro) {
    if (macro.equals("MODULE-COMPLIANCE") || macro.equals("AGENT-CAPABILITIES")) {
      while (!peek().is("::=")) {
        if (peek().kind() == Token.Kind.EOF) {
          throw error(peek(), "expected '::=' after " + macro + " clauses, found end of file");
        }
        if (peek().is("{") || peek().is("(")) {
          skipBalanced();
        } else {
          next();
        }
      }
      next();
      Clauses c = new Clauses(name, macro);
      c.oid = oidValue(macro);
      return c.build();
    }
    Clauses c = clauses(name, macro);
    if (macro.equals("OBJECT-TYPE") && c.syntax == null) {
      throw error(name, "OBJECT-TYPE " + name.text() + " has no SYNTAX clause");
    }
    if (macro.equals("TRAP-TYPE")) {
      if (c.enterprise == null) {
        throw error(name, "TRAP-TYPE " + name.text() + " has no ENTERPRISE clause");
      }
      c.trapNumber = number(expectKind(Token.Kind.NUMBER, "a trap number after TRAP-TYPE ::=")).longValueExact();
    } else {
      c.oid = oidValue(macro);
    }
    return c.build();
  }

  /** The clauses of {@code macro} up to and including its '::='. */
  private Clauses clauses(Token name, String macro) {
    Set<String> allowed = CLAUSES.get(macro);
    Clauses c = new Clauses(name, macro);
    Set<String> seen = new java.util.HashSet<>();
    while (true) {
      Token t = peek();
      if (t.is("::=")) {
        if (!macro.equals("TEXTUAL-CONVENTION")) {
          next();
          return c;
        }
      }
      if (t.kind() != Token.Kind.WORD || !allowed.contains(t.text()) || (!t.is("REVISION") && !seen.add(t.text()))) {
        if (macro.equals("TEXTUAL-CONVENTION") && c.syntax != null) {
          return c;
        }
        String what = macro.equals("TEXTUAL-CONVENTION") ? "a SYNTAX clause to end TEXTUAL-CONVENTION" : "'::=' after " + macro + " clauses";
        throw error(t, "expected " + what + ", found " + t.shown());
      }
      next();
      clause(c, t.text());
      if (macro.equals("TEXTUAL-CONVENTION") && t.is("SYNTAX")) {
        return c; // RFC 2579 §3: SYNTAX is the last clause of a TEXTUAL-CONVENTION
      }
    }
  }

  private void clause(Clauses c, String keyword) {
    switch (keyword) {
      case "SYNTAX":
        c.syntax = syntax();
        break;
      case "UNITS":
        c.units = string(keyword);
        break;
      case "MAX-ACCESS":
      case "ACCESS":
        c.access = expectWord("an access value after " + keyword).text();
        break;
      case "STATUS":
        c.status = expectWord("a status value after STATUS").text();
        break;
      case "DESCRIPTION":
        c.description = string(keyword);
        break;
      case "REFERENCE":
        c.reference = string(keyword);
        break;
      case "DISPLAY-HINT":
        c.displayHint = string(keyword);
        break;
      case "LAST-UPDATED":
      case "ORGANIZATION":
      case "CONTACT-INFO":
        string(keyword);
        break;
      case "REVISION":
        string(keyword);
        expect("DESCRIPTION", "after REVISION");
        string("REVISION DESCRIPTION");
        break;
      case "INDEX":
        c.index = index();
        break;
      case "AUGMENTS":
        expect("{", "after AUGMENTS");
        c.augments = expectWord("the augmented row after AUGMENTS {").text();
        expect("}", "after AUGMENTS { " + c.augments);
        break;
      case "DEFVAL":
        c.defval = defval();
        break;
      case "OBJECTS":
      case "NOTIFICATIONS":
      case "VARIABLES":
        c.objects = nameList(keyword);
        break;
      case "ENTERPRISE":
        if (peek().is("{")) {
          List<Definition.OidPart> parts = oidValue("TRAP-TYPE");
          c.enterprise = parts.get(parts.size() - 1).toString();
        } else {
          c.enterprise = expectWord("an OID name after ENTERPRISE").text();
        }
        break;
      default:
        throw new AssertionError(keyword);
    }
  }

  // INDEX { [IMPLIED] name, … }; SMIv1 (RFC 1212 §4.1.6) also allows a type as an index
  private List<MibObject.IndexPart> index() {
    expect("{", "after INDEX");
    List<MibObject.IndexPart> parts = new ArrayList<>();
    do {
      boolean implied = false;
      if (peek().is("IMPLIED")) {
        next();
        implied = true;
      }
      Token t = expectWord("an index object in INDEX");
      String name = t.text();
      if ((name.equals("OCTET") && peek().is("STRING")) || (name.equals("OBJECT") && peek().is("IDENTIFIER"))) {
        name = name + " " + next().text();
      }
      parts.add(new MibObject.IndexPart(name, implied));
    } while (skipIf(","));
    expect("}", "to close INDEX");
    return parts;
  }

  private List<String> nameList(String keyword) {
    expect("{", "after " + keyword);
    List<String> names = new ArrayList<>();
    if (peek().is("}")) {
      next();
      return names;
    }
    do {
      names.add(expectWord("a name in " + keyword).text());
    } while (skipIf(","));
    expect("}", "to close " + keyword);
    return names;
  }

  /** DEFVAL { … }: the value as written, tokens separated by single spaces. */
  private String defval() {
    expect("{", "after DEFVAL");
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (true) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "expected '}' to close DEFVAL, found end of file");
      }
      if (t.is("{")) {
        depth++;
      } else if (t.is("}") && --depth == 0) {
        return sb.toString().trim();
      }
      sb.append(' ').append(literal(t));
    }
  }

  /** A token as it is written in a module: a string in quotes, 'hex'H, 'binary'B, else its text. */
  static String literal(Token t) {
    switch (t.kind()) {
      case STRING:
        return '"' + t.text() + '"';
      case HEX:
        return "'" + t.text() + "'H";
      case BINARY:
        return "'" + t.text() + "'B";
      default:
        return t.text();
    }
  }

  /**
   * How deep types may nest in one another (CHOICE { a SEQUENCE { b CHOICE … } }): the MIBs in use nest
   * two levels; a deeper one is broken or hostile, and would otherwise end in a StackOverflowError.
   */
  static final int MAX_NESTING = 32;

  private int nesting;

  /** A type, at most {@link #MAX_NESTING} deep. */
  Syntax syntax() {
    if (nesting == MAX_NESTING) {
      throw error(peek(), "types nested deeper than " + MAX_NESTING + " levels");
    }
    nesting++;
    try {
      return type();
    } finally {
      nesting--;
    }
  }

  // type := ['[' class number ']' [IMPLICIT|EXPLICIT]] basic [refinement]
  private Syntax type() {
    if (peek().is("[")) {
      while (!next().is("]")) {
        if (peek().kind() == Token.Kind.EOF) {
          throw error(peek(), "expected ']' to close a tag, found end of file");
        }
      }
      if (peek().is("IMPLICIT") || peek().is("EXPLICIT")) {
        next();
      }
    }
    Token t = expectWord("a type");
    String type = t.text();
    switch (type) {
      case "OCTET":
        expect("STRING", "after OCTET");
        type = "OCTET STRING";
        break;
      case "OBJECT":
        expect("IDENTIFIER", "after OBJECT");
        type = "OBJECT IDENTIFIER";
        break;
      case "SEQUENCE":
        if (skipIf("OF")) {
          return Syntax.of("SEQUENCE OF " + expectWord("a row type after SEQUENCE OF").text());
        }
        members("SEQUENCE");
        return Syntax.of("SEQUENCE");
      case "CHOICE":
        members("CHOICE");
        return Syntax.of("CHOICE");
      default:
        break;
    }
    Map<Long, String> named = new LinkedHashMap<>();
    List<Syntax.Range> ranges = new ArrayList<>();
    boolean size = false;
    if (peek().is("{")) {
      namedNumbers(named);
    } else if (peek().is("(")) {
      next();
      if (skipIf("SIZE")) {
        size = true;
        expect("(", "after SIZE");
        ranges(ranges);
        expect(")", "to close SIZE (…");
      } else {
        ranges(ranges);
      }
      expect(")", "to close a range");
    }
    return new Syntax(type, named, ranges, size);
  }

  private void members(String what) {
    expect("{", "after " + what);
    do {
      expectWord("a member name in " + what);
      syntax();
    } while (skipIf(","));
    expect("}", "to close " + what);
  }

  private void namedNumbers(Map<Long, String> named) {
    expect("{", "");
    do {
      Token label = expectWord("a label in an enumeration");
      expect("(", "after the label " + label.text());
      BigInteger n = number(expectKind(Token.Kind.NUMBER, "a number after " + label.text() + "("));
      expect(")", "after " + label.text() + "(" + n);
      named.put(n.longValue(), label.text());
    } while (skipIf(","));
    expect("}", "to close an enumeration");
  }

  private void ranges(List<Syntax.Range> ranges) {
    do {
      BigInteger lo = rangeValue();
      BigInteger hi = skipIf("..") ? rangeValue() : lo;
      ranges.add(new Syntax.Range(lo, hi));
    } while (skipIf("|"));
  }

  private BigInteger rangeValue() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return number(t);
      case HEX:
        return quotedNumber(t, 16);
      case BINARY:
        return quotedNumber(t, 2);
      default:
        if (t.is("MIN")) {
          return BigInteger.valueOf(Long.MIN_VALUE);
        }
        if (t.is("MAX")) {
          return new BigInteger("18446744073709551615");
        }
        throw error(t, "expected a number, 'hex'H, MIN or MAX in a range, found " + t.shown());
    }
  }

  /** The value of a 'hex'H or 'binary'B range bound; the lexer takes any text between the quotes. */
  private BigInteger quotedNumber(Token t, int radix) {
    if (t.text().isEmpty()) {
      return BigInteger.ZERO;
    }
    try {
      return new BigInteger(t.text(), radix);
    } catch (NumberFormatException e) {
      throw error(t, "expected " + (radix == 16 ? "hex digits" : "binary digits") + " in a range bound, found " + literal(t));
    }
  }

  // { parent 3 }, { iso org(3) dod(6) 1 }
  /** An OID value of a {@code macro} (named in messages, as Net-SNMP's "Bad parse of" does). */
  private List<Definition.OidPart> oidValue(String macro) {
    expect("{", "to start an OID value");
    List<Definition.OidPart> parts = new ArrayList<>();
    while (!peek().is("}")) {
      Token t = next();
      if (t.kind() == Token.Kind.NUMBER) {
        parts.add(new Definition.OidPart(null, arc(t)));
      } else if (t.kind() == Token.Kind.WORD) {
        Long n = null;
        if (skipIf("(")) {
          n = arc(expectKind(Token.Kind.NUMBER, "a number after " + t.text() + "("));
          expect(")", "after " + t.text() + "(" + n);
        }
        parts.add(new Definition.OidPart(t.text(), n));
      } else {
        throw error(t, "expected a name or number in the OID value of " + macro + ", found " + t.shown());
      }
    }
    next();
    if (parts.isEmpty()) {
      throw error(at(-1), "expected a name or number in the OID value of " + macro + ", found '}'");
    }
    return parts;
  }

  private long arc(Token t) {
    BigInteger n = number(t);
    if (n.signum() < 0 || n.bitLength() > 32) {
      throw error(t, "expected an OID arc 0..4294967295, found " + t.text());
    }
    return n.longValue();
  }

  private void skipValue() {
    if (peek().is("{")) {
      skipBalanced();
    } else {
      next();
    }
  }

  private void skipBalanced() {
    Token open = next();
    int depth = 1;
    while (depth > 0) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw error(open, "expected a closing bracket for this " + open.shown() + ", found end of file");
      }
      if (t.is("{") || t.is("(")) {
        depth++;
      } else if (t.is("}") || t.is(")")) {
        depth--;
      }
    }
  }

  private String string(String after) {
    return expectKind(Token.Kind.STRING, "a string after " + after).text();
  }

  private BigInteger number(Token t) {
    return new BigInteger(t.text());
  }

  private Token peek() {
    return tokens.get(p);
  }

  private Token at(int offset) {
    return tokens.get(Math.min(Math.max(p + offset, 0), tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(p);
    if (t.kind() != Token.Kind.EOF) {
      p++;
    }
    return t;
  }

  private boolean skipIf(String s) {
    if (peek().is(s)) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(String s, String context) {
    Token t = peek();
    if (!t.is(s)) {
      throw error(t, "expected '" + s + "'" + (context.isEmpty() ? "" : " " + context) + ", found " + t.shown());
    }
    return next();
  }

  private Token expectWord(String what) {
    return expectKind(Token.Kind.WORD, what);
  }

  private Token expectKind(Token.Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", found " + t.shown());
    }
    return next();
  }

  private MibException error(Token at, String reason) {
    return new MibException(file, at.line(), at.column(), reason);
  }

  /** The clauses seen so far of one definition. */
  private static final class Clauses {
    final Token name;
    final String macro;
    List<Definition.OidPart> oid;
    Syntax syntax;
    String access;
    String status;
    String description;
    String units;
    String displayHint;
    String reference;
    List<MibObject.IndexPart> index = List.of();
    String augments;
    String defval;
    List<String> objects = List.of();
    String enterprise;
    long trapNumber = -1;

    Clauses(Token name, String macro) {
      this.name = name;
      this.macro = macro;
    }

    Definition build() {
      return new Definition(
          name.text(), macro, oid, syntax, access, status, description, units, displayHint, reference, List.copyOf(index),
          augments, defval, List.copyOf(objects), enterprise, trapNumber, name.line(), name.column());
    }
  }
}
