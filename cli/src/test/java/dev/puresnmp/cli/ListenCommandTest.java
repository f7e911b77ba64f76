package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenCommandTest {
  @Test
  void listenPrintsEachNotificationItReceivesAndStopsAfterCount() throws Exception {
    int port;
    try (DatagramSocket s = new DatagramSocket(0)) {
      port = s.getLocalPort();
    }
    CompletableFuture<CliRun> listening =
        CompletableFuture.supplyAsync(() -> CliRun.of("listen", "--bind", "127.0.0.1", "-p", Integer.toString(port), "-c", "public", "--count", "3"));
    String agent = "127.0.0.1:" + port;
    CliRun inform = null;
    for (int i = 0; i < 100 && (inform == null || inform.exitCode() != 0); i++) {
      inform = CliRun.of("inform", "-v2c", "-c", "public", "-t", "0.2", "-r", "0", agent, "4200", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.3", "i", "3");
    }
    assertThat(inform.exitCode()).as("the inform is acknowledged once listen runs: " + inform.err()).isZero();
    assertThat(CliRun.of("trap", "-v2c", "-c", "public", agent, "77", "1.3.6.1.6.3.1.1.5.4").exitCode()).isZero();
    assertThat(CliRun.of("trap", "-v2c", "-c", "nobody", agent, "77", "1.3.6.1.6.3.1.1.5.4").exitCode()).isZero(); // not accepted
    assertThat(CliRun.of("trap", "-v1", "-c", "public", agent, "1.3.6.1.4.1.8072.2.3", "10.0.0.9", "6", "1", "4200").exitCode()).isZero();
    CliRun run = listening.get(10, TimeUnit.SECONDS);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).startsWith("listening on 127.0.0.1:" + port);
    assertThat(run.out())
        .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 127\\.0\\.0\\.1:\\d+ InformRequest, SNMP v2c, community public$")
        .contains(".1.3.6.1.2.1.1.3.0 = Timeticks: (4200) 0:00:42.00\n.1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3\n.1.3.6.1.2.1.2.2.1.1.3 = INTEGER: 3\n")
        .contains("SNMPv2-Trap, SNMP v2c, community public\n.1.3.6.1.2.1.1.3.0 = Timeticks: (77) 0:00:00.77\n.1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.4\n")
        .contains("Trap, SNMP v1, community public\n.1.3.6.1.2.1.1.3.0 = Timeticks: (4200) 0:00:42.00\n.1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.8072.2.3.0.1\n")
        .contains(".1.3.6.1.6.3.18.1.3.0 = IpAddress: 10.0.0.9\n")
        .doesNotContain("nobody");
  }
}
