package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Net-SNMP's snmptrapd as the receiver of the simulator's notifications: each is one line of its log,
 * with the varbinds read from the recording. The uptimes differ from run to run and are masked as
 * {@code UPTIME}; the sender's port as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierNetSnmpIT {
  /** The engine ID snmptrapd-start.sh has its trap users localized to (TRAP_ENGINE_ID). */
  static final Bytes TRAP_ENGINE_ID = Bytes.decodeHex("8000000001020304");
  static final Credentials.V3 USER = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
  static final String LINK_DOWN_2_VARS = ".1.3.6.1.2.1.2.2.1.1.2 = INTEGER: 2 | .1.3.6.1.2.1.2.2.1.7.2 = INTEGER: 2 | .1.3.6.1.2.1.2.2.1.8.2 = INTEGER: 2";

  @TempDir static Path dir;
  NetSnmpPeer peer;
  Endpoint trapd;
  AgentSimulator sim;

  @BeforeAll
  void start() throws Exception {
    peer = NetSnmpPeer.startSnmptrapd(dir);
    trapd = peer.endpoint();
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).engineId(TRAP_ENGINE_ID).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (sim != null) {
      sim.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void snmptrapdLogsAV1LinkDownAsAGenericTrapOfTheDevicesEnterprise() throws Exception {
    String line = sendAndLog(NotificationType.linkDown(2), NotificationTarget.trap(trapd, Credentials.v1("public")));
    assertThat(line).isEqualTo("TRAP1 TRAP, SNMP v1, community public from=PEER agent=127.0.0.1 enterprise=.1.3.6.1.4.1.8072.3.2.10"
        + " generic=2 specific=0 uptime=UPTIME vars: " + LINK_DOWN_2_VARS);
  }

  @Test
  void snmptrapdLogsAV2cTrap() throws Exception {
    String line = sendAndLog(NotificationType.linkDown(2), NotificationTarget.trap(trapd, Credentials.v2c("public")));
    assertThat(line).isEqualTo("NOTIFY TRAP2, SNMP v2c, community public from=PEER vars: .1.3.6.1.2.1.1.3.0 = Timeticks: UPTIME"
        + " | .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3 | " + LINK_DOWN_2_VARS);
  }

  @Test
  void snmptrapdAcknowledgesAndLogsAV2cInform() throws Exception {
    String line = sendAndLog(NotificationType.coldStart(), NotificationTarget.inform(trapd, Credentials.v2c("public")));
    assertThat(line).isEqualTo("NOTIFY INFORM, SNMP v2c, community public from=PEER vars: .1.3.6.1.2.1.1.3.0 = Timeticks: UPTIME"
        + " | .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.1");
  }

  @Test
  void snmptrapdAcknowledgesAndLogsAV3InformAtAuthPriv() throws Exception {
    String line = sendAndLog(NotificationType.linkDown(2), NotificationTarget.inform(trapd, USER));
    assertThat(line).isEqualTo("NOTIFY INFORM, SNMP v3, user usr-sha256-aes, context  from=PEER vars: .1.3.6.1.2.1.1.3.0 = Timeticks: UPTIME"
        + " | .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3 | " + LINK_DOWN_2_VARS);
  }

  @Test
  void snmptrapdLogsAV3TrapFromTheSimulatorsEngine() throws Exception {
    String line = sendAndLog(NotificationType.warmStart(), NotificationTarget.trap(trapd, USER));
    assertThat(line).isEqualTo("NOTIFY TRAP2, SNMP v3, user usr-sha256-aes, context  from=PEER vars: .1.3.6.1.2.1.1.3.0 = Timeticks: UPTIME"
        + " | .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.2");
  }

  /** Sends (an inform: until acknowledged) and returns the one line snmptrapd logged for it, masked. */
  private String sendAndLog(NotificationType type, NotificationTarget target) throws Exception {
    int before = lines().size();
    sim.notifier().send(type, target.withTimeout(Duration.ofSeconds(2)).withRetries(1)).get();
    List<String> logged = List.of();
    for (int i = 0; i < 100 && logged.isEmpty(); i++) {
      List<String> all = lines(); // read once: snmptrapd may append between two reads
      logged = all.subList(before, all.size());
      Thread.sleep(20);
    }
    assertThat(logged).hasSize(1);
    return logged.get(0);
  }

  /** snmptrapd's notification lines, the sender's address and the uptimes masked. */
  private List<String> lines() throws Exception {
    return peer.logLines().stream()
        .filter(l -> l.startsWith("NOTIFY") || l.startsWith("TRAP1"))
        .map(l -> l.replaceAll("from=UDP: \\[[^\\]]*\\]:\\d+->\\[[^\\]]*\\]:\\d+", "from=PEER")
            .replaceAll("Timeticks: \\(\\d+\\) [0-9:.]+", "Timeticks: UPTIME")
            .replaceAll("uptime=\\d+", "uptime=UPTIME"))
        .toList();
  }
}
