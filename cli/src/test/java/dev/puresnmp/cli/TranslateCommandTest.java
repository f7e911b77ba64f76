package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puresnmp translate} on core's test module, whose SMI base is built in; the expected text is what
 * snmptranslate 5.9.3 prints for it (with the standard modules on its path). TranslateNetSnmpIT compares
 * with snmptranslate itself.
 */
class TranslateCommandTest {
  private static final String GOOD = Path.of("..", "core", "src", "test", "resources", "dev", "puresnmp", "mib", "good")
      .toAbsolutePath().normalize().toString();

  private static CliRun translate(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "translate";
    all[1] = "-M";
    all[2] = GOOD;
    all[3] = "-m";
    all[4] = "PURESNMP-TEST-MIB";
    System.arraycopy(args, 0, all, 5, args.length);
    return CliRun.of(all);
  }

  @Test
  void treeOfATableShowsIndexTypesConventionsValuesAndSizes() {
    CliRun run = translate("-IR", "-Tp", "pstColourTable");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(String.join("\n",
        "+--pstColourTable(3)",
        "   |",
        "   +--pstColourEntry(1)",
        "      |  Index: pstColour, pstColourName",
        "      |",
        "      +-- ---- EnumVal   pstColour(1)",
        "      |        Textual Convention: PstColour",
        "      |        Values: red(1), green(2), blue(3)",
        "      +-- ---- String    pstColourName(2)",
        "      |        Textual Convention: PstName",
        "      |        Size: 0..32",
        "      +-- -R-- Counter   pstColourValue(3)",
        "      +-- CR-- EnumVal   pstColourRowStatus(4)",
        "               Textual Convention: RowStatus",
        "               Values: active(1), notInService(2), notReady(3), createAndGo(4), createAndWait(5), destroy(6)",
        ""));
  }

  @Test
  void descriptionsOfAColumnAndARowAreSeparatedByABlankLine() {
    CliRun run = translate("-IR", "-Td", "pstColourValue", "pstHostEntry");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(String.join("\n",
        "PURESNMP-TEST-MIB::pstColourValue",
        "pstColourValue OBJECT-TYPE",
        "  -- FROM\tPURESNMP-TEST-MIB",
        "  SYNTAX\tCounter32",
        "  MAX-ACCESS\tread-only",
        "  STATUS\tcurrent",
        "  DESCRIPTION\t\"A count.\"",
        "::= { iso(1) org(3) dod(6) internet(1) private(4) enterprises(1) pstMIB(99999) pstObjects(1) pstColourTable(3) pstColourEntry(1) 3 }",
        "",
        "PURESNMP-TEST-MIB::pstHostEntry",
        "pstHostEntry OBJECT-TYPE",
        "  -- FROM\tPURESNMP-TEST-MIB",
        "  MAX-ACCESS\tnot-accessible",
        "  STATUS\tcurrent",
        "  INDEX\t\t{ pstHostAddress, pstHostMac, IMPLIED pstHostName }",
        "  DESCRIPTION\t\"A row.\"",
        "::= { iso(1) org(3) dod(6) internet(1) private(4) enterprises(1) pstMIB(99999) pstObjects(1) pstHostTable(4) 1 }",
        ""));
  }

  @Test
  void aBareLabelWithoutRandomAccessIsUnknownFromTheTop() {
    CliRun run = translate("pstScalar");
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("pstScalar: Unknown Object Identifier (Sub-id not found: (top) -> pstScalar)\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aLabelBelowTheWrongNodeNamesBoth() {
    CliRun run = translate("iso.org.foo");
    assertThat(run.err()).isEqualTo("iso.org.foo: Unknown Object Identifier (Sub-id not found: org -> foo)\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void randomAccessReadsIndexesByTheirTypes() {
    CliRun run = translate("-IR", "-On", "pstColourName.3", "-Of");
    assertThat(run.out()).isEqualTo(".iso.org.dod.internet.private.enterprises.pstMIB.pstObjects.pstColourTable.pstColourEntry.pstColourName.blue\n");
    assertThat(translate("-IR", "-On", "pstColourName.3").out()).isEqualTo(".1.3.6.1.4.1.99999.1.3.1.2.3\n");
  }

  @Test
  void randomAccessDoesNotTakeNumericOidsAsSnmptranslateDoesNot() {
    CliRun run = translate("-IR", ".1.3.6.1");
    assertThat(run.err()).isEqualTo("Unknown object identifier: .1.3.6.1\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void theFirstUnknownNameStopsTheRestAfterWhatWasPrinted() {
    CliRun run = translate("-IR", "-Os", "pstScalar", "nothing", "pstFlags");
    assertThat(run.out()).isEqualTo("pstScalar\n\n");
    assertThat(run.err()).isEqualTo("Unknown object identifier: nothing\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingModuleIsReportedOnceAfterTheSearchPath() {
    CliRun run = CliRun.of("translate", "-M", GOOD, "-m", "PURESNMP-TEST-MIB:NO-SUCH-MIB:NO-SUCH-MIB", "iso");
    assertThat(run.out()).isEqualTo("iso\n");
    assertThat(run.err()).isEqualTo("MIB search path: " + GOOD + "\nCannot find module (NO-SUCH-MIB): At line 1 in (none)\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aModuleNamedInANameIsLoadedOrReported(@TempDir Path empty) {
    CliRun run = CliRun.of("translate", "-M", empty.toString(), "-m", "", "NO-SUCH-MIB::x");
    assertThat(run.err()).isEqualTo("MIB search path: " + empty + "\nCannot find module (NO-SUCH-MIB): At line 0 in (none)\n"
        + "NO-SUCH-MIB::x: Unknown Object Identifier\n");
    assertThat(run.exitCode()).isEqualTo(2);
    CliRun loaded = CliRun.of("translate", "-M", GOOD, "-m", "", "PURESNMP-TEST-MIB::pstScalar.0");
    assertThat(loaded.out()).isEqualTo("PURESNMP-TEST-MIB::pstScalar.0\n");
  }

  @Test
  void aMissingFileInTheModuleListIsReportedAsNetSnmpReportsIt(@TempDir Path dir) {
    Path file = dir.resolve("NOPE.txt");
    CliRun run = CliRun.of("translate", "-M", GOOD, "-m", file.toString(), ".1.3");
    assertThat(Files.exists(file)).isFalse();
    assertThat(run.err()).isEqualTo(file + ": No such file or directory\n");
    assertThat(run.out()).isEqualTo("iso.3\n");
  }

  @Test
  void anUnknownReportLetterIsAUsageErrorWithExitCode1() {
    CliRun run = translate("-Tx", "iso");
    assertThat(run.err()).startsWith("Invalid -T<lostpad> character: x\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void theTreeOfAnOidBelowNoNodeIsAnError() {
    CliRun run = translate("-Tp", ".5");
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Unable to find a matching object identifier for \".5\"\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void jsonGivesOneObjectPerNameWithWhatTheTextShows() {
    CliRun text = translate("-IR", "-Td", "pstColourValue", "pstHostEntry");
    CliRun json = translate("-IR", "-Td", "--json", "pstColourValue", "pstHostEntry");
    assertThat(json.exitCode()).isZero();
    List<Map<String, Object>> objects = json.out().lines().map(JsonValue::object).toList();
    assertThat(objects).hasSize(2);
    assertThat(objects).extracting(o -> o.get("input")).containsExactly("pstColourValue", "pstHostEntry");
    String[] blocks = text.out().split("\n\n");
    for (int i = 0; i < 2; i++) {
      Map<String, Object> o = objects.get(i);
      assertThat(o.get("name") + "\n" + o.get("details")).isEqualTo(blocks[i].strip());
      assertThat(translate("-On", "-IR", (String) o.get("input")).out().strip()).isEqualTo(o.get("oid"));
    }
  }

  @Test
  void jsonReportsANameThatNamesNothingAsOneObjectWithTheSameExitCode() {
    CliRun text = translate("noSuchThing");
    CliRun json = translate("--json", "noSuchThing");
    assertThat(json.exitCode()).isEqualTo(text.exitCode()).isEqualTo(2);
    assertThat(json.out()).isEmpty();
    assertThat(JsonValue.object(json.err().strip())).isEqualTo(Map.of("error", "unknownOid", "message", text.err().strip()));
    assertThat(translate("--json", "-Tp", "pstColourTable").exitCode()).isEqualTo(1);
  }
}
