package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("demo", "decode");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing command");
  }

  @Test
  void demoRunsGetWalkBulkwalkAndTableAgainstTheEmbeddedSimulator() {
    CliRun run = CliRun.of("demo");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Simulator: the recorded Linux host")
        .contains("SNMPv2-MIB::sysDescr.0 = STRING: Linux")
        .contains("$ puresnmp bulkwalk")
        .contains("$ puresnmp table")
        .containsPattern("-> \\d+ varbinds in [0-9.]+ ms")
        .containsPattern("-> 4 rows in [0-9.]+ ms");
    assertThat(run.out().lines().filter(l -> l.contains(" ms"))).hasSize(4);
  }

  @Test
  void longHelpOfAnSnmpCommandIsOursOnStandardOutputWithExitCodeZero() {
    CliRun run = CliRun.of("get", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: puresnmp get").contains("Application flags", "--help");
    assertThat(run.err()).isEmpty();
  }

  /** picocli warns on the process's own stderr when a description is no format string (a bare '%'). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"demo", "get", "getnext", "walk", "bulkwalk", "bulkget", "set", "trap",
      "inform", "listen", "table", "sim", "decode", "translate", "completion"})
  void everyCommandsHelpFormatsWithoutAWarning(String command) {
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    CliRun run;
    try {
      run = CliRun.of(command, "--help");
    } finally {
      System.setErr(before);
    }
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: puresnmp " + command).doesNotContain("%n");
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shortHelpOfAnSnmpCommandIsTheUsageOnStandardErrorWithExitCodeOneAsNetSnmpsH() {
    CliRun run = CliRun.of("walk", "-h");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("USAGE: snmpwalk [OPTIONS] AGENT [OID]\n\nUsage: puresnmp walk");
  }

  @Test
  void everySnmpCommandAndTheToolItselfPrintTheVersionWithVAndVersion() {
    for (String command : new String[] {"get", "getnext", "walk", "bulkwalk", "bulkget", "set", "table"}) {
      for (String flag : new String[] {"-V", "--version"}) {
        CliRun run = CliRun.of(command, flag);
        assertThat(run.exitCode()).as(command + " " + flag).isZero();
        assertThat(run.out()).as(command + " " + flag).startsWith("puresnmp ").endsWith("\n").hasLineCount(1);
      }
    }
    assertThat(CliRun.of("--version").out()).startsWith("puresnmp ");
  }

  @Test
  void configurationDirectivesAreNoneAndSaidSo() {
    CliRun run = CliRun.of("bulkget", "-H");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo("puresnmp reads no snmp.conf: there are no configuration directives to list.\n");
  }

  @Test
  void debuggingTokensAreAcceptedAndIgnoredWithOneNote() {
    CliRun run = CliRun.of("get", "-Dusm,snmp", "-t", "0.1", "-r", "0", "127.0.0.1:1", "1.3.6.1.2.1.1.5.0");
    assertThat(run.err()).startsWith("puresnmp: -D debugging tokens are not supported; ignored\n");
    assertThat(run.err().lines().filter(l -> l.contains("-D"))).hasSize(1);
  }

  @Test
  void aFlagTheToolDoesNotKnowIsRefusedWithItsWordsBeforeAnythingIsSent() {
    CliRun run = CliRun.of("bulkget", "-Cc", "127.0.0.1:1", "1.3.6.1.2.1.1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Unknown flag passed to -C: c\n");
  }
}
