package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line built for one named command: that command only, named and qualified as in the full one. */
class MainCommandsTest {
  @Test
  void aNamedCommandGetsOnlyItselfUnderItsOwnName() {
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      CommandLine cli = Main.commandLine(name);
      if (name.equals("help")) {
        assertThat(cli.getSubcommands()).hasSize(Main.commandLine().getSubcommands().size());
        continue;
      }
      assertThat(cli.getSubcommands()).containsOnlyKeys(name);
      CommandLine sub = cli.getSubcommands().get(name);
      assertThat(sub.getCommandSpec().userObject().getClass().getAnnotation(CommandLine.Command.class).name())
          .isEqualTo(name);
      assertThat(sub.getCommandSpec().qualifiedName()).isEqualTo("puresnmp " + name);
    }
  }

  @Test
  void anUnknownNameGetsEveryCommand() {
    CommandLine cli = Main.commandLine("gte");
    assertThat(cli.getSubcommands()).hasSize(Main.commandLine().getSubcommands().size());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    assertThat(Main.execute(cli, "gte")).isEqualTo(2);
    assertThat(err.toString()).contains("'gte'");
  }

  @Test
  void aUsageErrorOfANamedCommandNamesItAsTheFullCommandLineDoes() {
    CommandLine cli = Main.commandLine("get");
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    assertThat(Main.execute(cli, "get")).isEqualTo(1); // snmpget's code for a usage error
    assertThat(err.toString()).contains("USAGE: snmpget [OPTIONS] AGENT OID [OID]...").contains("Try 'puresnmp get --help'");
  }
}
