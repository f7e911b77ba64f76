package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** get, walk and bulkwalk against several simulated devices at once, and an agent that never answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutTest {
  @TempDir Path dir;
  AgentSimulator host;
  AgentSimulator sw;
  String a;
  String b;
  String closed;

  @BeforeAll
  void start() throws Exception {
    host = AgentSimulator.builder().bind("127.0.0.1").device("public", ShippedDevices.linuxHost()).start();
    sw = AgentSimulator.builder().bind("127.0.0.1").device("public", ShippedDevices.switch48()).start();
    a = "127.0.0.1:" + host.port();
    b = "127.0.0.1:" + sw.port();
    closed = "127.0.0.1:" + JsonOutputIT.closedPort();
  }

  @AfterAll
  void stop() {
    host.close();
    sw.close();
  }

  private static CliRun run(String command, String... rest) {
    List<String> words = new ArrayList<>(List.of(command, "-v2c", "-c", "public", "-t", "0.3", "-r", "0"));
    words.addAll(List.of(rest));
    return CliRun.of(words.toArray(new String[0]));
  }

  /** The lines of {@code out} that start with {@code agent}, without it; and that they are one run of lines. */
  private static List<String> linesOf(String agent, String out) {
    List<String> all = out.lines().toList();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith(agent + " ")) {
        at.add(i);
      }
    }
    assertThat(at).isNotEmpty();
    assertThat(at.get(at.size() - 1) - at.get(0)).as("lines of %s together", agent).isEqualTo(at.size() - 1);
    return at.stream().map(i -> all.get(i).substring(agent.length() + 1)).toList();
  }

  @Test
  void getPrintsEachAgentsLinesPrefixedAndTogetherAndAnUnreachableAgentFailsAlone() {
    CliRun all = run("get", a, "--agent", b, "--agent", closed, "sysName.0", "sysDescr.0", "ifNumber.0");
    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(linesOf(a, all.out())).isEqualTo(run("get", a, "sysName.0", "sysDescr.0", "ifNumber.0").out().lines().toList());
    assertThat(linesOf(b, all.out())).isEqualTo(run("get", b, "sysName.0", "sysDescr.0", "ifNumber.0").out().lines().toList());
    assertThat(all.out().lines()).hasSize(6);
    assertThat(all.err()).isEqualTo(closed + " Timeout: No Response from " + closed + ".\n");
  }

  @Test
  void walksFromAFileOfAgentsKeepEachAgentsLinesInOrderWithOneAgentAtATime() throws Exception {
    Path agents = Files.writeString(dir.resolve("agents.txt"), "# devices\n" + b + "\n\n" + a + "\n");
    for (String command : List.of("walk", "bulkwalk")) {
      CliRun all = run(command, "--parallel", "1", command.equals("walk") ? "--agents" : "-f", agents.toString(), a, "ifDescr");
      assertThat(all.exitCode()).as(all.err()).isZero();
      assertThat(linesOf(a, all.out())).isEqualTo(run(command, a, "ifDescr").out().lines().toList());
      assertThat(linesOf(b, all.out())).isEqualTo(run(command, b, "ifDescr").out().lines().toList()).hasSizeGreaterThan(40);
    }
  }

  @Test
  void jsonObjectsCarryTheirAgentAndTheFailureIsAnObjectOfItsAgent() {
    CliRun all = run("get", "--json", a, "--agent", closed, "--agent", b, "sysName.0");
    assertThat(all.exitCode()).isEqualTo(1);
    List<Map<String, Object>> objects = all.out().lines().map(JsonValue::object).toList();
    assertThat(objects).extracting(o -> o.get("agent")).containsExactlyInAnyOrder(a, b);
    for (Map<String, Object> o : objects) {
      Map<String, Object> alone = JsonValue.object(run("get", "--json", (String) o.get("agent"), "sysName.0").out().strip());
      alone.put("agent", o.get("agent"));
      assertThat(o).isEqualTo(alone);
    }
    assertThat(JsonValue.object(all.err().strip()))
        .isEqualTo(Map.of("agent", closed, "error", "timeout", "message", "Timeout: No Response from " + closed + "."));
  }

  @Test
  void aCommandThatTakesOneAgentRefusesMore() {
    CliRun run = run("getnext", a, "--agent", b, "sysName");
    // a usage error, as the Net-SNMP tools' (exit code 1)
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("--agent and --agents are for get, walk and bulkwalk\n");
  }
}
