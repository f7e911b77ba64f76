package dev.puresnmp.cli;

import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/**
 * The run the build archives the classes of (class-data sharing, {@code -XX:ArchiveClassesAtExit}; see
 * cli/pom.xml): {@code demo}, then the short commands as {@code ./puresnmp} runs them against the embedded
 * simulator (get by name and by number, walk, bulkwalk), so that the archive holds what a short command
 * loads: picocli's parsing of that command, the default MIB modules' loading, the client and the printing.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=puresnmp.jsa -cp puresnmp.jar dev.puresnmp.cli.StartTraining
 * </pre>
 */
final class StartTraining {
  private StartTraining() {}

  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    run(none, "demo");
    try (AgentSimulator sim = AgentSimulator.builder().device("public", ShippedDevices.linuxHost()).start()) {
      String agent = sim.endpoint().toString();
      run(none, "get", "-v2c", "-c", "public", agent, "sysDescr.0");
      run(none, "get", "-v2c", "-c", "public", agent, ".1.3.6.1.2.1.1.1.0");
      run(none, "walk", "-v2c", "-c", "public", agent, "system");
      run(none, "bulkwalk", "-v2c", "-c", "public", agent, ".1.3.6.1.2.1.2");
    }
  }

  private static void run(PrintWriter out, String... args) {
    CommandLine cli = Main.commandLine(args[0]);
    cli.setOut(out);
    cli.setErr(out);
    Main.execute(cli, args);
  }
}
