package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code puresnmp trap|inform} against snmptrap/snmpinform: the same arguments make snmptrapd log the same line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationCommandsIT {
  @TempDir static Path dir;
  NetSnmpPeer trapd;
  int port;

  @BeforeAll
  void start() throws Exception {
    trapd = NetSnmpPeer.startSnmptrapd(dir);
    port = trapd.port;
  }

  @AfterAll
  void stop() throws Exception {
    if (trapd != null) {
      trapd.close();
    }
  }

  static Stream<String[]> cases() {
    String v3 = "-v3 -u usr-sha256-aes -l authPriv -a SHA-256 -A authpass123 -x AES -X privpass123";
    return Stream.of(
        new String[] {"trap", "snmptrap", "-v2c -c public", "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v2c-trap 1.3.6.1.4.1.8072.2.3.2.1 i 60"},
        new String[] {"trap", "snmptrap", "-v1 -c public", "1.3.6.1.4.1.8072.2.3 127.0.0.1 6 1 4200 1.3.6.1.4.1.8072.2.3.2.2 s v1-trap"},
        new String[] {"trap", "snmptrap", "-v1 -c public", "1.3.6.1.4.1.8072.2.3 10.0.0.9 3 0 77"},
        new String[] {"trap", "snmptrap", v3 + " -e 0x8000000001020304", "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v3-trap"},
        new String[] {"trap", "snmptrap", "-v3 -u usr-md5-none -l authNoPriv -a MD5 -A authpass123 -e 0x8000000001020304", "4200 1.3.6.1.4.1.8072.2.3.0.1"},
        new String[] {"inform", "snmpinform", "-v2c -c public", "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v2c-inform"},
        new String[] {"inform", "snmpinform", v3, "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v3-inform"});
  }

  @ParameterizedTest(name = "{0} {2} {3}")
  @MethodSource("cases")
  void snmptrapdLogsTheSameLineForOursAndNetSnmps(String ours, String tool, String options, String rest) throws Exception {
    String agent = "127.0.0.1:" + port;
    List<String> theirs = new ArrayList<>(List.of(tool, "-m", "", "-r", "1", "-t", "2"));
    theirs.addAll(Arrays.asList(options.split(" ")));
    theirs.add(agent);
    theirs.addAll(Arrays.asList(rest.split(" ")));
    int before = lines().size();
    NetSnmpPeer.Result expected = NetSnmpPeer.run(theirs, 60);
    assertThat(expected.code()).as(expected.err()).isZero();
    List<String> mine = new ArrayList<>(List.of(ours, "-r", "1", "-t", "2"));
    // a v3 trap's sender is authoritative: our engine is another one than snmptrap's, since snmptrapd
    // keeps one clock per engine ID and two senders' times under one ID would fall outside its window
    mine.addAll(Arrays.asList(options.replace("-e 0x8000000001020304", "-e 0x8000000001020305").split(" ")));
    mine.add(agent);
    mine.addAll(Arrays.asList(rest.split(" ")));
    CliRun actual = CliRun.of(mine.toArray(new String[0]));
    assertThat(actual.exitCode()).as(actual.err()).isZero();
    assertThat(actual.out()).isEqualTo(expected.out());
    List<String> logged = List.of();
    for (int i = 0; i < 100 && logged.size() < 2; i++) {
      List<String> all = lines(); // read once: snmptrapd may append between two reads
      logged = all.subList(before, all.size());
      Thread.sleep(20);
    }
    assertThat(logged).hasSize(2);
    assertThat(logged.get(1)).isEqualTo(logged.get(0)); // the same line, but for the sender's port
  }

  @org.junit.jupiter.api.Test
  void anInformNobodyAcknowledgesFailsAsSnmpinformDoes() throws Exception {
    int dead;
    try (DatagramSocket s = new DatagramSocket(0)) {
      dead = s.getLocalPort();
    }
    String agent = "127.0.0.1:" + dead;
    NetSnmpPeer.Result expected = NetSnmpPeer.run(List.of("snmpinform", "-m", "", "-v2c", "-c", "public", "-t", "0.3", "-r", "0", agent, "", "1.3.6.1.4.1.8072.2.3.0.1"), 30);
    CliRun actual = CliRun.of("inform", "-v2c", "-c", "public", "-t", "0.3", "-r", "0", agent, "", "1.3.6.1.4.1.8072.2.3.0.1");
    assertThat(actual.err()).isEqualTo(expected.err());
    assertThat(actual.exitCode()).isEqualTo(expected.code());
    // with --json, one error object that says the same
    CliRun json = CliRun.of("inform", "--json", "-v2c", "-c", "public", "-t", "0.3", "-r", "0", agent, "", "1.3.6.1.4.1.8072.2.3.0.1");
    assertThat(JsonValue.object(json.err().strip())).containsEntry("error", "timeout").containsEntry("message", expected.err().strip());
    assertThat(json.exitCode()).isEqualTo(expected.code());
  }

  /** snmptrapd's log, its lines without the sender's address (from=…) nor its own start lines. */
  private List<String> lines() throws Exception {
    return trapd.logLines().stream()
        .filter(l -> l.startsWith("NOTIFY") || l.startsWith("TRAP1"))
        .map(l -> l.replaceAll("from=UDP: \\[[^\\]]*\\]:\\d+->", "from=").replaceAll("\\[127\\.0\\.0\\.1\\]:\\d+->", ""))
        .collect(Collectors.toList());
  }
}
