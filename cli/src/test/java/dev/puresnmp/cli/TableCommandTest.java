package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code table} reads snmptable's -C letters, some of which take the next word. */
class TableCommandTest {
  private static TableCommand parsed(String... args) {
    CommandLine cli = Main.commandLine();
    CommandLine.ParseResult r = cli.parseArgs(args);
    return (TableCommand) r.subcommand().commandSpec().userObject();
  }

  @Test
  void fAndWAndRTakeTheNextWordAndTheOtherLettersCombine() {
    TableCommand t = parsed("table", "-v2c", "-Cf", ",", "-Cib", "-Cw", "40", "-Cr", "25", "-C", "lH", "host", "ifTable");
    assertThat(t.layout.separator).isEqualTo(",");
    assertThat(t.layout.maxWidth).isEqualTo(40);
    assertThat(t.layout.showIndex).isTrue();
    assertThat(t.layout.brief).isTrue();
    assertThat(t.layout.leftAligned).isTrue();
    assertThat(t.layout.noHeaders).isTrue();
    assertThat(t.options.flag('r', 10)).isEqualTo(25);
    assertThat(t.agent).isEqualTo("host");
    assertThat(t.tableText).isEqualTo("ifTable");
  }

  @Test
  void rTakesItsNumberInTheSameWordAsTheOtherCommandsDo() {
    TableCommand t = parsed("table", "-Cr50", "host", "ifTable");
    assertThat(t.options.flag('r', 10)).isEqualTo(50);
  }

  @Test
  void aLetterSnmptableDoesNotKnowIsAUsageError() {
    CliRun r = CliRun.of("table", "-Cz", "127.0.0.1:1", "ifTable");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("Bad option after -C: z\nUSAGE: snmptable [OPTIONS] AGENT TABLE-OID\n");
  }

  @Test
  void cTakesAColumnWidthOfThreeOrMoreAsSnmptableDoes() {
    assertThat(parsed("table", "-Cc", "12", "-Ci", "host", "ifTable").layout.columnWidth).isEqualTo(12);
    CliRun r = CliRun.of("table", "-Cc", "2", "127.0.0.1:1", "ifTable");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("-Cc takes a width of 3 or more, not 2\nUSAGE: snmptable [OPTIONS] AGENT TABLE-OID\n");
  }
}
