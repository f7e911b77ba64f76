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
  void demoEncodesAndDecodesWithoutNetwork() {
    CliRun run = CliRun.of("demo");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("304202010104067075626c6963a035020101")
        .contains(".1.3.6.1.2.1.1.5.0 = STRING: \"router-01\"")
        .contains("... (40 more varbinds)");
  }
}
