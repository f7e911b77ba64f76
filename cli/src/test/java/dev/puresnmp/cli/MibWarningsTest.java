package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.mib.Mib;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading problems in Net-SNMP's words; TranslateNetSnmpIT holds them against snmptranslate's. */
class MibWarningsTest {
  @TempDir Path dir;
  private final StringWriter text = new StringWriter();

  @BeforeEach
  void brokenModules() throws IOException {
    BrokenMibs.write(dir);
  }

  private MibWarnings warnings(boolean errors) {
    return new MibWarnings(NetSnmpLog.toStderr(new PrintWriter(text, true)), dir.toString(), errors, true);
  }

  private Mib load(String... modules) {
    return Mib.builder().path(dir).lenient(true).load(modules).build();
  }

  @Test
  void aMissingModuleAndWhatItShouldHaveGivenAreNamedWithTheImportersFileAndLine() {
    warnings(true).print(load("MISSING-IMPORT-MIB").problems());
    String file = dir.resolve("MISSING-IMPORT-MIB.txt").toString();
    assertThat(text.toString()).isEqualTo(String.join("\n",
        "MIB search path: " + dir,
        "Cannot find module (NO-SUCH-MIB): At line 4 in " + file,
        "Did not find 'fooType' in module #-1 (" + file + ")", ""));
  }

  @Test
  void unlinkedOidsAreReportedAfterTheirModuleAndWhatStaysUnlinkedLast() {
    warnings(true).print(load("UNLINKED-MIB").problems());
    String file = dir.resolve("UNLINKED-MIB.txt").toString();
    assertThat(text.toString()).isEqualTo(String.join("\n",
        "Unlinked OID in UNLINKED-MIB: zzLost ::= { zzz 9 }",
        "Undefined identifier: zzz near line 7 of " + file,
        "Unlinked OID in UNLINKED-MIB: ulLost ::= { nowhere 1 }",
        "Undefined identifier: nowhere near line 5 of " + file,
        "Cannot adopt OID in UNLINKED-MIB: ulLost2 ::= { ulLost 3 }",
        "Cannot adopt OID in UNLINKED-MIB: zzLost ::= { zzz 9 }",
        "Cannot adopt OID in UNLINKED-MIB: ulLost ::= { nowhere 1 }", ""));
  }

  @Test
  void syntaxErrorsAreWordedAsNetSnmpWordsThem() {
    warnings(true).print(load("DUP-STATUS-MIB", "NO-ASSIGN-MIB", "BAD-OID-MIB").problems());
    String dup = dir.resolve("DUP-STATUS-MIB.txt").toString();
    String noAssign = dir.resolve("NO-ASSIGN-MIB.txt").toString();
    String badOid = dir.resolve("BAD-OID-MIB.txt").toString();
    assertThat(text.toString()).isEqualTo(String.join("\n",
        "Bad format of optional clauses (STATUS): At line 9 in " + dup,
        "Bad parse of OBJECT-TYPE: At line 9 in " + dup,
        "Expected \"::=\" ({): At line 5 in " + noAssign,
        "Expected label or number (,): At line 11 in " + badOid,
        "Bad object identifier: At line 11 in " + badOid,
        "Bad parse of OBJECT-TYPE: At line 11 in " + badOid, ""));
  }

  @Test
  void withErrorsOffOnlyTheSearchPathAndUnlinkedOidsAreLeft() {
    warnings(false).print(load("MISSING-IMPORT-MIB", "BAD-SYMBOL-MIB", "DUP-STATUS-MIB", "ORPHAN-MIB").problems());
    assertThat(text.toString()).isEqualTo(String.join("\n",
        "MIB search path: " + dir,
        "Unlinked OID in ORPHAN-MIB: orphanKid ::= { sysDescr 7 }",
        "Undefined identifier: sysDescr near line 5 of " + dir.resolve("ORPHAN-MIB.txt"),
        "Cannot adopt OID in ORPHAN-MIB: orphanKid ::= { sysDescr 7 }", ""));
  }

  @Test
  void whatWasPrintedIsNotPrintedAgainWhenTheModulesAreLoadedAgain() {
    MibWarnings w = warnings(true);
    w.print(load("UNLINKED-MIB").problems());
    String first = text.toString();
    w.print(load("UNLINKED-MIB", "ORPHAN-MIB").problems());
    assertThat(text.toString()).startsWith(first).contains("orphanKid").doesNotContain(first + "Unlinked OID in UNLINKED-MIB");
  }
}
