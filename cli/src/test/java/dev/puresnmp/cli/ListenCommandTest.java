package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.DatagramSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenCommandTest {
  @Test
  void listenPrintsEachNotificationAsSnmptrapdAndStopsAfterCount() throws Exception {
    int port = freePort();
    // names from the built-in modules alone: no directory of MIB files
    CompletableFuture<CliRun> listening = start("listen", "--bind", "127.0.0.1", "-p", Integer.toString(port), "-c", "public", "--count", "3", "-M", "/nonexistent/dir");
    String agent = "127.0.0.1:" + port;
    CliRun inform = CliRun.of("inform", "-v2c", "-c", "public", "-t", "1", "-r", "2", agent, "4200", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.3", "i", "3");
    assertThat(inform.exitCode()).as(inform.err()).isZero();
    assertThat(CliRun.of("trap", "-v2c", "-c", "public", agent, "77", "1.3.6.1.6.3.1.1.5.4").exitCode()).isZero();
    assertThat(CliRun.of("trap", "-v2c", "-c", "nobody", agent, "77", "1.3.6.1.6.3.1.1.5.4").exitCode()).isZero(); // not accepted
    assertThat(CliRun.of("trap", "-v1", "-c", "public", agent, "1.3.6.1.4.1.8072.2.3", "10.0.0.9", "6", "1", "4200").exitCode()).isZero();
    CliRun run = listening.get(10, TimeUnit.SECONDS);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo("listening on 127.0.0.1:" + port + "\n" + "listen: received 4, not printed: 1 with another community\n");
    String time = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ";
    String from = "UDP: \\[127\\.0\\.0\\.1\\]:\\d+->\\[127\\.0\\.0\\.1\\]:" + port;
    assertThat(run.out())
        .matches("(?s)" + time + from + " \\[" + from + "\\]:\n"
            + "SNMPv2-MIB::sysUpTime\\.0 = Timeticks: \\(4200\\) 0:00:42\\.00\tSNMPv2-MIB::snmpTrapOID\\.0 = OID: IF-MIB::linkDown\tIF-MIB::ifIndex\\.3 = INTEGER: 3\n"
            + time + from + " \\[" + from + "\\]:\n"
            + "SNMPv2-MIB::sysUpTime\\.0 = Timeticks: \\(77\\) 0:00:00\\.77\tSNMPv2-MIB::snmpTrapOID\\.0 = OID: IF-MIB::linkUp\n"
            + time + "10\\.0\\.0\\.9 \\[10\\.0\\.0\\.9\\] \\(via " + from + "\\) TRAP, SNMP v1, community public\n"
            + "\tNET-SNMP-MIB::netSnmp\\.2\\.3 Enterprise Specific Trap \\(1\\) Uptime: 0:00:42\\.00\n"
            + "\n");
  }

  @Test
  void listenJsonPrintsOneObjectPerNotificationWithItsFields() throws Exception {
    int port = freePort();
    CompletableFuture<CliRun> listening =
        start("listen", "--bind", "127.0.0.1", "-p", Integer.toString(port), "--json", "--count", "2", "-u", "traps", "-a", "SHA-256", "-A", "authpass123", "--engine-id", "0x80001f8804cafe01");
    String agent = "127.0.0.1:" + port;
    assertThat(CliRun.of("trap", "-v1", "-c", "public", agent, "1.3.6.1.4.1.8072.2.3", "10.0.0.9", "6", "1", "4200", "1.3.6.1.4.1.8072.2.3.2.2", "s", "say \"hi\"").exitCode()).isZero();
    CliRun inform = CliRun.of("inform", "-v3", "-u", "traps", "-l", "authNoPriv", "-a", "SHA-256", "-A", "authpass123", "-t", "1", "-r", "2", agent, "77", "1.3.6.1.6.3.1.1.5.4", "1.3.6.1.2.1.2.2.1.1.3", "i", "3");
    assertThat(inform.exitCode()).as(inform.err()).isZero();
    CliRun run = listening.get(10, TimeUnit.SECONDS);
    assertThat(run.err()).isEqualTo("listening on 127.0.0.1:" + port + ", SNMPv3 engine ID 80001f8804cafe01\n");
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);

    Map<String, Object> v1 = JsonValue.object(lines.get(0));
    assertThat((String) v1.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    assertThat((String) v1.get("source")).startsWith("127.0.0.1:");
    assertThat(v1).containsEntry("version", "1").containsEntry("community", "public").containsEntry("type", "Trap")
        .containsEntry("sysUpTime", new BigDecimal(4200)).containsEntry("trapOid", ".1.3.6.1.4.1.8072.2.3.0.1")
        .containsEntry("enterprise", ".1.3.6.1.4.1.8072.2.3").containsEntry("agentAddress", "10.0.0.9")
        .containsEntry("generic", new BigDecimal(6)).containsEntry("specific", BigDecimal.ONE)
        .doesNotContainKey("user");
    List<?> vbs = (List<?>) v1.get("varBinds");
    assertThat(vbs.get(2)).isEqualTo(Map.of("oid", ".1.3.6.1.4.1.8072.2.3.2.2", "type", "STRING", "value", "say \"hi\"", "hex", "04087361792022686922", "netsnmp", "STRING: \"say \\\"hi\\\"\""));
    assertThat(vbs).hasSize(6); // sysUpTime.0, snmpTrapOID.0, the varbind, then RFC 3584's address, community, enterprise

    Map<String, Object> v3 = JsonValue.object(lines.get(1));
    assertThat(v3).containsEntry("version", "3").containsEntry("user", "traps").containsEntry("engineId", "80001f8804cafe01")
        .containsEntry("type", "InformRequest").containsEntry("sysUpTime", new BigDecimal(77)).containsEntry("trapOid", ".1.3.6.1.6.3.1.1.5.4")
        .doesNotContainKeys("community", "enterprise");
    assertThat((List<?>) v3.get("varBinds")).last().isEqualTo(Map.of("oid", ".1.3.6.1.2.1.2.2.1.1.3", "type", "INTEGER", "value", new BigDecimal(3), "hex", "020103", "netsnmp", "INTEGER: 3"));
  }

  @Test
  void aUserAtAuthPrivWithoutPrivacyPassPhraseIsAUsageError() {
    CliRun run = CliRun.of("listen", "-p", "0", "-u", "traps", "-l", "authPriv", "-a", "SHA", "-A", "authpass123");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("listen: user traps at authPriv needs -X PASSPHRASE");
  }

  @Test
  void aBadEngineIdIsRefusedInNetSnmpsWords() {
    CliRun run = CliRun.of("listen", "-p", "0", "-u", "traps", "-A", "authpass123", "-e", "0xZZ");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("listen: Bad engine ID value after -3e flag.");
  }

  static int freePort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs {@code puresnmp listen …} in the background and returns once it listens. */
  @Test
  void aPortInUseIsOneLineThatSaysSoAndExitCodeOne() throws Exception {
    try (java.net.DatagramSocket taken = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("listen", "--bind", "127.0.0.1", "-p", Integer.toString(taken.getLocalPort()));
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("listen: cannot listen on udp 127.0.0.1:" + taken.getLocalPort() + ": Address already in use; another program listens there\n");
    }
  }

  static CompletableFuture<CliRun> start(String... args) throws InterruptedException {
    StringWriter err = new StringWriter();
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(err, args));
    for (int i = 0; i < 500 && !err.toString().startsWith("listening on") && !run.isDone(); i++) {
      Thread.sleep(10);
    }
    assertThat(err.toString()).as("listen started: " + (run.isDone() ? run.join() : "")).startsWith("listening on");
    return run;
  }
}
