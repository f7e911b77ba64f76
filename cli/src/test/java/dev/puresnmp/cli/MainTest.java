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
}
