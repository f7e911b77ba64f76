package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which node a name means and which module names a node when modules define the same things, and what
 * linking reports, as snmptranslate 5.9.3 does with the same modules (each case was run there first).
 */
class MibTreeTest {
  @TempDir Path dir;

  /** Writes module {@code name} importing enterprises (and {@code imports}) with {@code body}. */
  static void module(Path dir, String file, String name, String imports, String... body) throws IOException {
    Files.writeString(dir.resolve(file), name + " DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI" + imports + ";\n"
        + String.join("\n", body) + "\nEND\n");
  }

  @BeforeEach
  void twoModulesDefiningTheSameThings() throws IOException {
    // both define testRoot and same alike; movedLabel at different arcs; .3 under different names
    module(dir, "AAA-MIB.txt", "AAA-MIB", "",
        "testRoot OBJECT IDENTIFIER ::= { enterprises 99999 }",
        "same OBJECT IDENTIFIER ::= { testRoot 1 }",
        "movedLabel OBJECT IDENTIFIER ::= { testRoot 2 }",
        "aaaOnly OBJECT IDENTIFIER ::= { testRoot 3 }");
    module(dir, "BBB-MIB.txt", "BBB-MIB", "",
        "testRoot OBJECT IDENTIFIER ::= { enterprises 99999 }",
        "same OBJECT IDENTIFIER ::= { testRoot 1 }",
        "movedLabel OBJECT IDENTIFIER ::= { testRoot 5 }",
        "bbbOnly OBJECT IDENTIFIER ::= { testRoot 3 }");
  }

  private Mib load(String... modules) {
    return Mib.builder().path(dir).lenient(true).load(modules).build();
  }

  @Test
  void theModuleLoadedFirstNamesANodeTwoModulesDefine() {
    Oid same = Oid.parse("1.3.6.1.4.1.99999.1");
    Oid three = Oid.parse("1.3.6.1.4.1.99999.3");
    assertThat(load("AAA-MIB", "BBB-MIB").name(same)).isEqualTo("AAA-MIB::same");
    assertThat(load("BBB-MIB", "AAA-MIB").name(same)).isEqualTo("BBB-MIB::same");
    assertThat(load("AAA-MIB", "BBB-MIB").name(three)).isEqualTo("AAA-MIB::aaaOnly");
    assertThat(load("BBB-MIB", "AAA-MIB").name(three)).isEqualTo("BBB-MIB::bbbOnly");
  }

  @Test
  void aNameGivenToTwoNodesMeansTheNodeThatGotItLast() throws IOException {
    assertThat(load("AAA-MIB", "BBB-MIB").oid("movedLabel")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.5"));
    assertThat(load("BBB-MIB", "AAA-MIB").oid("movedLabel")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.2"));
    // defining it again where a module already had it gives no node, so it changes nothing
    module(dir, "CCC-MIB.txt", "CCC-MIB", "", "testRoot OBJECT IDENTIFIER ::= { enterprises 99999 }",
        "movedLabel OBJECT IDENTIFIER ::= { testRoot 2 }");
    assertThat(load("AAA-MIB", "BBB-MIB", "CCC-MIB").oid("movedLabel")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.5"));
    // each node keeps its own module's name, and a module's name picks its own
    Mib mib = load("AAA-MIB", "BBB-MIB");
    assertThat(mib.name(Oid.parse("1.3.6.1.4.1.99999.2"))).isEqualTo("AAA-MIB::movedLabel");
    assertThat(mib.oid("AAA-MIB::movedLabel")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.2"));
  }

  @Test
  void aParentTheModuleDoesNotImportIsTheNodeLastGivenThatNameOnceEveryModuleIsLinked() throws IOException {
    module(dir, "DDD-MIB.txt", "DDD-MIB", "", "kid OBJECT IDENTIFIER ::= { movedLabel 7 }");
    // snmptranslate -m BBB-MIB:DDD-MIB:AAA-MIB: below AAA-MIB's movedLabel, read after DDD-MIB
    Mib mib = load("BBB-MIB", "DDD-MIB", "AAA-MIB");
    assertThat(mib.oid("kid")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.2.7"));
    assertThat(load("AAA-MIB", "BBB-MIB", "DDD-MIB").oid("kid")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.5.7"));
    // "Unlinked OID in DDD-MIB: kid ::= { movedLabel 7 }", but it is adopted: nothing is "Cannot adopt"
    assertThat(mib.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(MibException.Kind.UNLINKED);
      assertThat(p.subjects()).containsExactly("DDD-MIB", "kid", "movedLabel", "7");
      assertThat(p.path()).contains(dir.resolve("DDD-MIB.txt").toString());
      assertThat(p.line()).isEqualTo(3);
    });
    // imported, it is the imported node, and nothing is reported
    module(dir, "EEE-MIB.txt", "EEE-MIB", " movedLabel FROM AAA-MIB", "kid2 OBJECT IDENTIFIER ::= { movedLabel 8 }");
    Mib imported = load("AAA-MIB", "BBB-MIB", "EEE-MIB");
    assertThat(imported.oid("kid2")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.2.8"));
    assertThat(imported.problems()).isEmpty();
  }

  @Test
  void whatNoNodeAdoptsIsReportedAfterEveryModuleInNetSnmpsOrder() throws IOException {
    module(dir, "LOST-MIB.txt", "LOST-MIB", "",
        "ulRoot OBJECT IDENTIFIER ::= { enterprises 99992 }",
        "ulLost OBJECT IDENTIFIER ::= { nowhere 1 }",
        "ulLost2 OBJECT IDENTIFIER ::= { ulLost 3 }");
    Mib mib = load("LOST-MIB", "AAA-MIB");
    assertThat(mib.problems()).extracting(MibException::kind, MibException::subjects).containsExactly(
        tuple(MibException.Kind.UNLINKED, List.of("LOST-MIB", "ulLost", "nowhere", "1")),
        // Net-SNMP's orphan table is hashed by the parent's name: "ulLost" before "nowhere"
        tuple(MibException.Kind.NOT_ADOPTED, List.of("LOST-MIB", "ulLost2", "ulLost", "3")),
        tuple(MibException.Kind.NOT_ADOPTED, List.of("LOST-MIB", "ulLost", "nowhere", "1")));
  }

  @Test
  void anImportNotInTheTreeIsReportedWithTheModuleItWasExpectedFrom() throws IOException {
    module(dir, "BAD-SYMBOL-MIB.txt", "BAD-SYMBOL-MIB", ", noSuchThing FROM SNMPv2-SMI fooType FROM NOSUCH-MIB",
        "bsRoot OBJECT IDENTIFIER ::= { enterprises 99991 }");
    Mib mib = load("BAD-SYMBOL-MIB");
    assertThat(mib.problems()).extracting(MibException::kind, MibException::subjects).containsExactly(
        tuple(MibException.Kind.MODULE_NOT_FOUND, List.of("NOSUCH-MIB")),
        tuple(MibException.Kind.SYMBOL_NOT_FOUND, List.of("noSuchThing", "SNMPv2-SMI")),
        tuple(MibException.Kind.SYMBOL_NOT_FOUND, List.of("fooType")));
    assertThat(mib.oid("bsRoot")).isEqualTo(Oid.parse("1.3.6.1.4.1.99991"));
  }
}
