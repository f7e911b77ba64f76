package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The examples at the end of each command's --help: every one parses, and those that only read run against
 * the simulator as `./puresnmp sim` serves it (port 1161 replaced by the test's), so that none can rot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpExamplesIT {
  /** Examples that read from the simulator or need no agent; the others (set, trap, inform, listen, sim, decode) are parsed only. */
  private static final Set<String> RUN = Set.of("get", "getnext", "walk", "bulkwalk", "bulkget", "table", "translate");

  private AgentSimulator sim;

  @BeforeAll
  void start() {
    sim = AgentSimulator.builder().bind("127.0.0.1").bind("::1")
        .device("linux-host", ShippedDevices.linuxHost()).device("switch-48", ShippedDevices.switch48()).start();
  }

  @AfterAll
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  /** Each example line of every command's help, as the words after "puresnmp". */
  static Stream<List<String>> examples() {
    List<List<String>> all = new ArrayList<>();
    for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
      for (String line : sub.getUsageMessage().lines().toList()) {
        if (line.startsWith("  puresnmp ")) {
          List<String> words = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
          words.remove(0);
          all.add(words);
        }
      }
    }
    return all.stream();
  }

  @Test
  void noExampleIsWrappedByTheHelpsWidth() {
    for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
      for (String example : sub.getCommandSpec().usageMessage().footer()) {
        assertThat(example.length()).as(example).isLessThanOrEqualTo(sub.getUsageHelpWidth() - 2);
      }
    }
  }

  @Test
  void theSnmpCommandsHelpShowsExamples() {
    List<String> commands = examples().map(w -> w.get(0)).distinct().toList();
    assertThat(commands).containsAll(RUN).contains("set", "trap", "inform", "listen", "sim", "decode");
  }

  @ParameterizedTest(name = "puresnmp {0}")
  @MethodSource("examples")
  void eachExampleParsesAndTheReadingOnesRun(List<String> words) {
    String[] args = words.stream()
        .map(w -> w.replace("127.0.0.1:1161", "127.0.0.1:" + sim.port()).replace("[::1]:1161", "[::1]:" + sim.port()))
        .toArray(String[]::new);
    assertThatCode(() -> Main.commandLine().parseArgs(args)).as(String.join(" ", args)).doesNotThrowAnyException();
    if (RUN.contains(words.get(0))) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
      assertThat(run.out()).as(String.join(" ", args)).isNotBlank();
    }
  }
}
