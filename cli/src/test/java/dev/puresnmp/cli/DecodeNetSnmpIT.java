package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live: Net-SNMP's tools talk to a real snmpd with {@code -d}; {@code puresnmp decode} reads that dump and
 * must print each response's varbinds exactly as the tool itself printed them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecodeNetSnmpIT {
  @TempDir static Path dir;
  NetSnmpPeer snmpd;

  @BeforeAll
  void start() throws Exception {
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
  }

  @AfterAll
  void stop() throws Exception {
    if (snmpd != null) {
      snmpd.close();
    }
  }

  static List<List<String>> commands() {
    return List.of(
        List.of("snmpget", "-v2c -c public", "1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.2.0 1.3.6.1.2.1.1.3.0 1.3.6.1.2.1.1.5.0"),
        List.of("snmpget", "-v1 -c public", "1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.7.0"),
        List.of("snmpget", "-v2c -c public", "1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.99 1.3.6.1.2.1.1.5.0"),
        List.of("snmpgetnext", "-v2c -c public", "1.3.6.1.2.1.2.2.1.1 1.3.6.1.2.1.2.2.1.2 1.3.6.1.2.1.2.2.1.6"),
        List.of("snmpwalk", "-v1 -c public", "1.3.6.1.2.1.1"),
        List.of("snmpbulkwalk", "-v2c -c public -Cr7", "1.3.6.1.2.1.2"),
        List.of("snmpbulkwalk", "-v2c -c public -Cr25", "1.3.6.1.2.1.4"),
        List.of("snmpbulkwalk", "-v2c -c bigtable-10000 -Cr50", "1.3.6.1.4.1.8072.9999.9999.7.1.4"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void decodePrintsWhatTheNetSnmpToolPrinted(List<String> command) throws Exception {
    List<String> args = new java.util.ArrayList<>(Arrays.asList(command.get(1).split(" ")));
    args.addAll(List.of("-m", "", "-On", "-d"));
    NetSnmpPeer.Result r = snmpd.tool(command.get(0), args, Arrays.asList(command.get(2).split(" ")));
    assertThat(r.code()).as(r.err()).isZero();
    String toolPrinted = r.out();
    assertThat(toolPrinted).isNotBlank();

    CliRun run = CliRun.of("decode", r.err());
    assertThat(run.exitCode()).as(run.err()).isZero();
    // Our output: for each message a header, then its varbinds; keep the varbinds of the Responses.
    String ours =
        Arrays.stream(run.out().split("\n\n"))
            .filter(m -> m.contains("pdu: Response\n"))
            .map(m -> m.substring(m.indexOf('\n', m.indexOf("varbinds: ")) + 1))
            .map(body -> body.endsWith("\n") ? body : body + "\n")
            .collect(Collectors.joining());
    assertThat(ours).isNotEmpty();
    if (command.get(0).endsWith("walk")) {
      // A walk prints each varbind up to the end of the subtree; our dump shows the whole last page.
      assertThat(ours).startsWith(toolPrinted.replaceAll("(?m)^End of MIB\\n", ""));
    } else {
      assertThat(ours).isEqualTo(toolPrinted);
    }
  }
}
