package dev.puresnmp.mib;

import static dev.puresnmp.mib.MibTreeTest.module;
import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where modules are found and in which order -m ALL reads them, as snmptranslate 5.9.3 does (tried there first). */
class MibLoaderTest {
  @TempDir Path dir;

  private static final Oid ARC_1 = Oid.parse("1.3.6.1.4.1.99999.1");
  private Path one;
  private Path two;

  @BeforeEach
  void twoDirectories() {
    one = dir.resolve("one");
    two = dir.resolve("two");
  }

  private void sameNode(Path d, String file, String name, int arc) throws IOException {
    Files.createDirectories(d);
    module(d, file, name, "", "root" + name.charAt(0) + " OBJECT IDENTIFIER ::= { enterprises 99999 }",
        "same OBJECT IDENTIFIER ::= { root" + name.charAt(0) + " " + arc + " }");
  }

  @Test
  void allReadsTheModulesOfEveryDirectoryLastFoundFirst() throws IOException {
    sameNode(one, "AAA-MIB.txt", "AAA-MIB", 1);
    sameNode(one, "BBB-MIB.txt", "BBB-MIB", 1);
    sameNode(two, "CCC-MIB.txt", "CCC-MIB", 1);
    // Net-SNMP notes one/AAA, one/BBB, two/CCC and reads them newest first: CCC names the node
    Mib mib = Mib.builder().path(one, two).lenient(true).loadAll().build();
    assertThat(mib.modules()).containsSubsequence("CCC-MIB", "BBB-MIB", "AAA-MIB");
    assertThat(mib.name(ARC_1)).isEqualTo("CCC-MIB::same");
    assertThat(Mib.builder().path(two, one).lenient(true).loadAll().build().name(ARC_1)).isEqualTo("BBB-MIB::same");
  }

  @Test
  void aModuleTwoFilesDefineIsReadFromTheFileScannedLast() throws IOException {
    sameNode(one, "AAA-MIB.txt", "AAA-MIB", 2);
    sameNode(two, "AAA-MIB.txt", "AAA-MIB", 4);
    Oid two2 = Oid.parse("1.3.6.1.4.1.99999.2");
    Oid four = Oid.parse("1.3.6.1.4.1.99999.4");
    assertThat(Mib.builder().path(one, two).load("AAA-MIB").build().oid("same")).isEqualTo(four);
    assertThat(Mib.builder().path(two, one).load("AAA-MIB").build().oid("same")).isEqualTo(two2);
    // file names mean nothing: a later name in the same directory wins too
    sameNode(one, "zzz.txt", "AAA-MIB", 6);
    assertThat(Mib.builder().path(two, one).load("AAA-MIB").build().oid("same")).isEqualTo(Oid.parse("1.3.6.1.4.1.99999.6"));
  }

  @Test
  void aFileIsKnownByTheFirstWordPastItsComments() {
    assertThat(ModuleIndex.firstWord("-- header\n  -- more\nIF-MIB DEFINITIONS ::= BEGIN")).isEqualTo("IF-MIB");
    assertThat(ModuleIndex.firstWord("-- a -- B-MIB DEFINITIONS")).isEqualTo("B-MIB");
    assertThat(ModuleIndex.firstWord("\"not a module\"")).isNull();
    assertThat(ModuleIndex.firstWord("")).isNull();
  }

  @Test
  void problemsComeModuleByModuleAsNetSnmpPrintsThem() throws IOException {
    module(dir, "LOST-MIB.txt", "LOST-MIB", "", "lost OBJECT IDENTIFIER ::= { nowhere 1 }");
    module(dir, "MISS-MIB.txt", "MISS-MIB", " fooType FROM NOSUCH-MIB", "ok OBJECT IDENTIFIER ::= { enterprises 5 }");
    Mib mib = Mib.builder().path(dir).lenient(true).load("LOST-MIB", "NO-SUCH-MIB", "MISS-MIB").build();
    // LOST-MIB's "Unlinked OID", the missing module of the list, MISS-MIB's missing import and its symbol, then
    // once every module is linked what stayed unlinked
    assertThat(mib.problems()).extracting(MibException::kind).containsExactly(
        MibException.Kind.UNLINKED, MibException.Kind.MODULE_NOT_FOUND, MibException.Kind.MODULE_NOT_FOUND,
        MibException.Kind.SYMBOL_NOT_FOUND, MibException.Kind.NOT_ADOPTED);
    assertThat(mib.problems().get(1).file()).isEmpty();
    assertThat(mib.problems().get(2).path()).contains(dir.resolve("MISS-MIB.txt").toString());
    assertThat(mib.problems().get(2).line()).isEqualTo(2);
  }

  @Test
  void eachAllEndsWithWhatNoNodeTookAsNetSnmpReportsItThere() throws IOException {
    module(dir, "LOST-MIB.txt", "LOST-MIB", "", "lostA OBJECT IDENTIFIER ::= { nowhere 1 }", "lostB OBJECT IDENTIFIER ::= { nowhere 2 }");
    module(dir, "AAA-MIB.txt", "AAA-MIB", "", "aaa OBJECT IDENTIFIER ::= { enterprises 3 }"); // read after LOST-MIB
    Mib mib = Mib.builder().path(dir).lenient(true).loadAll().build();
    // "Cannot adopt" at the end of ALL and again at the end: for one parent the last found first, then reversed
    assertThat(mib.problems()).filteredOn(p -> p.kind() == MibException.Kind.NOT_ADOPTED)
        .extracting(p -> p.subjects().get(1)).containsExactly("lostB", "lostA", "lostA", "lostB");
    assertThat(mib.problems()).filteredOn(p -> p.kind() == MibException.Kind.NOT_ADOPTED)
        .allSatisfy(p -> assertThat(p.path()).contains(dir.resolve("LOST-MIB.txt").toString()));
    assertThat(Mib.builder().path(dir).lenient(true).load("LOST-MIB").build().problems())
        .filteredOn(p -> p.kind() == MibException.Kind.NOT_ADOPTED).hasSize(2);
  }

  @Test
  void aModuleIsFoundAfterAHeaderOfCommentsLongerThanTheHeadFirstRead() throws IOException {
    String header = "-- a licence text\n".repeat(600); // 10,800 bytes, past the 8,192 read first
    Files.writeString(dir.resolve("long.txt"), header + "LONG-MIB DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI;\n"
        + "longRoot OBJECT IDENTIFIER ::= { enterprises 7 }\nEND\n");
    assertThat(Mib.builder().path(dir).load("LONG-MIB").build().oid("longRoot")).isEqualTo(Oid.parse("1.3.6.1.4.1.7"));
  }
}
