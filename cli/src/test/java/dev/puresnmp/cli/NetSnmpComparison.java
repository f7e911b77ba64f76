package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Net-SNMP comparisons' one check: ours in process and the Net-SNMP tool (run with
 * SNMPCONFPATH=/nonexistent, so that Debian's snmp.conf does not choose modules) given the same words
 * print the same standard output, standard error and exit code.
 *
 * <pre>{@code
 * NetSnmpComparison.samePrinted("snmptable", "table", List.of("-v2c", "-c", "public", agent, "ifTable"), false);
 * }</pre>
 */
final class NetSnmpComparison {
  private NetSnmpComparison() {}

  /**
   * {@code stdoutOnly}: standard output and exit code only (Net-SNMP warns of a module's missing imports,
   * which we do not: docs/commands.md).
   */
  static void samePrinted(String tool, String command, List<String> words, boolean stdoutOnly) throws Exception {
    Runs runs = run(tool, command, words);
    NetSnmpPeer.Result expected = runs.theirs();
    CliRun actual = runs.ours();
    String what = runs.what();
    assertThat(actual.out()).as("stdout of " + what).isEqualTo(expected.out());
    if (!stdoutOnly) {
      assertThat(actual.err()).as("stderr of " + what).isEqualTo(expected.err());
    }
    assertThat(actual.exitCode()).as("exit code of " + what).isEqualTo(expected.code());
  }

  /** The Net-SNMP tool's run and ours on the same words; {@code what} is our command line, for messages. */
  record Runs(NetSnmpPeer.Result theirs, CliRun ours, String what) {}

  static Runs run(String tool, String command, List<String> words) throws Exception {
    List<String> theirs = new ArrayList<>(List.of("env", "SNMPCONFPATH=/nonexistent", tool));
    theirs.addAll(words);
    NetSnmpPeer.Result expected = NetSnmpPeer.run(theirs, 120);
    List<String> mine = new ArrayList<>(List.of(command));
    mine.addAll(words);
    return new Runs(expected, CliRun.of(mine.toArray(new String[0])), String.join(" ", mine));
  }
}
