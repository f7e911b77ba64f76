package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk's progress on stderr: shown under a pseudo-terminal (util-linux {@code script -qec}) with stdout
 * in a file, absent with --quiet and when stderr is a pipe. Runs the packaged jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkProgressIT {
  @TempDir Path dir;
  AgentSimulator sim;
  String walk;

  @BeforeAll
  void start() throws Exception {
    sim = AgentSimulator.builder().bind("127.0.0.1").device("public", ShippedDevices.switch48()).start();
    String jar = Path.of("target/puresnmp.jar").toAbsolutePath().toString();
    walk = "java -jar " + jar + " walk -v2c -c public 127.0.0.1:" + sim.port() + " .1";
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  /** What the terminal showed (stderr only: stdout goes to {@code out}). */
  private String underTerminal(String extra, Path out) throws Exception {
    Process p = new ProcessBuilder("script", "-qec", walk + extra + " > " + out, "/dev/null")
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    return shown;
  }

  @Test
  void aWalkUnderATerminalShowsItsRowsAndLeavesTheLineErased() throws Exception {
    Path out = dir.resolve("walk.txt");
    String shown = underTerminal("", out);
    long rows = Files.readAllLines(out).size();
    assertThat(rows).isGreaterThan(1000);
    assertThat(shown).contains("\rwalk: " + rows + " rows, ").endsWith("\r\033[K");
    assertThat(shown.replace("\033[K", "").split("\r")).allSatisfy(
        line -> assertThat(line).matches("|walk: \\d+ rows, \\d+ rows/s, \\d+\\.\\d s"));
  }

  @Test
  void aTableUnderATerminalCountsItsCellsEvenWithStdoutThere() throws Exception {
    String table = walk.replace(" walk ", " table ").replace(" .1", " ifTable");
    Process p = new ProcessBuilder("script", "-qec", table, "/dev/null")
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(shown).contains("\rtable: ").contains(" cells, ").contains("\r\033[K").contains("SNMP table: IF-MIB::ifTable");
  }

  @Test
  void quietShowsNothing() throws Exception {
    assertThat(underTerminal(" --quiet", dir.resolve("quiet.txt"))).isEmpty();
  }

  @Test
  void aPipedStderrGetsNoProgress() throws Exception {
    Process p = new ProcessBuilder(List.of("sh", "-c", walk + " > /dev/null")).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(err).isEmpty();
  }
}
