package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MibParserTest {
  static Path resources(String dir) {
    try {
      return Path.of(MibParserTest.class.getResource(dir).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Each file under broken/ but CYCLE-B-MIB names on its first line the error it must give. */
  static Stream<String> brokenModules() throws IOException {
    try (Stream<Path> files = Files.list(resources("broken"))) {
      return files.map(f -> f.getFileName().toString().replace(".txt", "")).filter(n -> !n.equals("CYCLE-B-MIB")).sorted().toList().stream();
    }
  }

  private static String expected(String module) throws IOException {
    String first = Files.readAllLines(resources("broken").resolve(module + ".txt")).get(0);
    return first.substring("-- expect: ".length());
  }

  @ParameterizedTest
  @MethodSource("brokenModules")
  void everyMalformedConstructFailsAStrictLoadNamingFileLineAndColumn(String module) throws IOException {
    assertThatThrownBy(() -> Mib.builder().path(resources("broken")).load(module).build())
        .isInstanceOf(MibException.class)
        .hasMessageStartingWith(expected(module));
  }

  @ParameterizedTest
  @MethodSource("brokenModules")
  void lenientLoadReportsTheBrokenDefinitionAndKeepsTheRest(String module) throws IOException {
    Mib mib = Mib.builder().path(resources("broken")).lenient(true).load(module).build();
    String expected = expected(module);
    assertThat(mib.problems()).extracting(Throwable::getMessage).anyMatch(m -> m.startsWith(expected));
    if (!module.equals("UNTERMINATED-MIB")) { // a string that never ends leaves no definition to keep
      assertThat(mib.oid("brkOk")).isIn(Oid.parse("1.3.6.1.4.1.99997.2"), Oid.parse("1.3.6.1.4.1.99996.1.2"));
      // besides it, only what Net-SNMP says as well: "Did not find" what a missing module should have given,
      // "Unlinked OID" for what the module could not link when it was read
      assertThat(mib.problems())
          .filteredOn(p -> p.kind() != MibException.Kind.SYMBOL_NOT_FOUND && p.kind() != MibException.Kind.UNLINKED)
          .hasSize(1);
    }
  }

  @Test
  void exceptionCarriesThePlaceInTypedFields() {
    MibException e = new MibException("IF-MIB.txt", 123, 5, "expected '::=' after OBJECT-TYPE clauses, found 'STATUS'");
    assertThat(e).hasMessage("IF-MIB.txt:123:5: expected '::=' after OBJECT-TYPE clauses, found 'STATUS'");
    assertThat(e.file()).contains("IF-MIB.txt");
    assertThat(e.line()).isEqualTo(123);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.reason()).startsWith("expected");
    assertThat(e).isInstanceOf(dev.puresnmp.SnmpException.class);
  }

  @Test
  void lenientModeSkipsEachBrokenDefinitionToTheNextOne() {
    String text = String.join("\n",
        "M DEFINITIONS ::= BEGIN",
        "a OBJECT IDENTIFIER ::= { iso 1 }",
        "b OBJECT-TYPE SYNTAX INTEGER { x } ::= { a 1 }",
        "c OBJECT IDENTIFIER ::= { a 2 }",
        "D ::= SEQUENCE { x INTEGER,, }",
        "e OBJECT IDENTIFIER ::= { a 3 }",
        "END");
    ModuleSource m = MibParser.parse("M.txt", text, true).get(0);
    assertThat(m.definitions()).extracting(Definition::name).containsExactly("a", "c", "e");
    assertThat(m.skipped()).extracting(Throwable::getMessage)
        .containsExactly("M.txt:3:34: expected '(' after the label x, found '}'", "M.txt:5:28: expected a member name in SEQUENCE, found ','");
  }

  @Test
  void commentsEndAtTheLineOrAtTheNextDoubleDash() {
    String text = "M DEFINITIONS ::= BEGIN -- a -- a OBJECT IDENTIFIER ::= { iso 1 } -- b\nEND";
    assertThat(MibParser.parse("M", text, false).get(0).definitions()).extracting(Definition::name).containsExactly("a");
  }

  @Test
  void parsesSyntaxRefinementsIndexesAndClauses() {
    String text = String.join("\n",
        "M DEFINITIONS ::= BEGIN",
        "IMPORTS OBJECT-TYPE FROM SNMPv2-SMI DisplayString FROM SNMPv2-TC;",
        "r OBJECT-TYPE SYNTAX R MAX-ACCESS not-accessible STATUS current DESCRIPTION \"row\"",
        "  INDEX { a, IMPLIED b } ::= { iso 1 }",
        "s OBJECT-TYPE SYNTAX OCTET STRING (SIZE (0..4 | 8)) UNITS \"octets\" MAX-ACCESS read-only",
        "  STATUS current DESCRIPTION \"two\nlines\" DEFVAL { 'ff00'H } ::= { iso 2 }",
        "t OBJECT-TYPE SYNTAX INTEGER (-5..MAX) ACCESS read-only STATUS mandatory ::= { iso 3 }",
        "END");
    ModuleSource m = MibParser.parse("M", text, false).get(0);
    assertThat(m.imports()).containsEntry("DisplayString", "SNMPv2-TC").containsEntry("OBJECT-TYPE", "SNMPv2-SMI");
    Definition r = m.definitions().get(0);
    assertThat(r.index()).containsExactly(new MibObject.IndexPart("a", false), new MibObject.IndexPart("b", true));
    Definition s = m.definitions().get(1);
    assertThat(s.syntax().toString()).isEqualTo("OCTET STRING (SIZE (0..4 | 8))");
    assertThat(s.units()).isEqualTo("octets");
    assertThat(s.description()).isEqualTo("two\nlines");
    assertThat(s.defval()).isEqualTo("'ff00'H");
    assertThat(m.definitions().get(2).syntax().toString()).isEqualTo("INTEGER (-5..18446744073709551615)");
    assertThat(m.definitions().get(2).access()).isEqualTo("read-only");
  }

  @Test
  void macroDefinitionsAndTaggedTypesOfTheSmiBaseAreSkippedOrKept() {
    String text = String.join("\n",
        "S DEFINITIONS ::= BEGIN",
        "OBJECT-TYPE MACRO ::= BEGIN TYPE NOTATION ::= \"SYNTAX\" type(Syntax) VALUE NOTATION ::= value(VALUE ObjectName) END",
        "IpAddress ::= [APPLICATION 0] IMPLICIT OCTET STRING (SIZE (4))",
        "ObjectSyntax ::= CHOICE { simple INTEGER, other OCTET STRING }",
        "x OBJECT IDENTIFIER ::= { iso org(3) dod(6) 1 }",
        "END");
    List<Definition> defs = MibParser.parse("S", text, false).get(0).definitions();
    assertThat(defs).extracting(Definition::name).containsExactly("OBJECT-TYPE", "IpAddress", "ObjectSyntax", "x");
    assertThat(defs.get(1).syntax().toString()).isEqualTo("OCTET STRING (SIZE (4))");
    assertThat(defs.get(3).oid()).extracting(Object::toString).containsExactly("iso", "org(3)", "dod(6)", "1");
  }
}
