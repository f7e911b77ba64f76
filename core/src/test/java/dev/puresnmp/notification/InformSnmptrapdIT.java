package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our informs and traps to Net-SNMP's snmptrapd (peers/snmptrapd-start.sh), which logs one line per accepted notification. */
class InformSnmptrapdIT {
  static final Oid HEARTBEAT = Oid.parse("1.3.6.1.4.1.8072.2.3.0.1");
  static final Oid NAME = Oid.parse("1.3.6.1.4.1.8072.2.3.2.2");

  @TempDir Path dir;

  @Test
  void snmptrapdAcknowledgesOurV2cAndV3InformsAndLogsThem() throws Exception {
    NetSnmpPeer trapd = NetSnmpPeer.startSnmptrapd(dir);
    try (SnmpManager manager = SnmpManager.builder().build()) {
      Endpoint receiver = trapd.endpoint();
      Credentials.V3 user = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
      for (Credentials who : List.of(Credentials.v2c("public"), user)) {
        String name = who instanceof Credentials.V3 ? "our v3 inform" : "our v2c inform";
        SnmpClient c = SnmpClient.builder(receiver, who).manager(manager).timeout(Duration.ofSeconds(2)).retries(1).build();
        c.blocking().inform(4200, HEARTBEAT, List.of(VarBind.of(Oid.parse("1.3.6.1.4.1.8072.2.3.2.1"), Integer32.of(60)), VarBind.of(NAME, OctetString.of(name))));
      }
      SnmpClient v1 = SnmpClient.builder(receiver, Credentials.v1("public")).manager(manager).build();
      assertThatThrownBy(() -> v1.inform(1, HEARTBEAT, List.of())).isInstanceOf(IllegalStateException.class);
      SnmpClient v2c = SnmpClient.builder(receiver, Credentials.v2c("public")).manager(manager).build();
      v2c.trap(4200, HEARTBEAT, List.of(VarBind.of(NAME, OctetString.of("our v2c trap")))).join();
      v1.trap(new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072.2.3"), IpAddress.parse("127.0.0.1"), 6, 1, 4200, List.of(VarBind.of(NAME, OctetString.of("our v1 trap"))))).join();
      // SNMPv3 traps: the sender is authoritative; snmptrapd knows the users for engine 0x8000000001020304
      Bytes trapEngine = Bytes.decodeHex("8000000001020304");
      try (SnmpManager sender = SnmpManager.builder().engineId(trapEngine).build()) {
        for (Credentials.V3 u : List.of(user, Credentials.v3("usr-md5-none").auth(AuthProtocol.MD5, "authpass123"), Credentials.v3("usr-none"),
            Credentials.v3("usr-sha512-aes256c").auth(AuthProtocol.SHA512, "authpass123").priv(PrivProtocol.AES256C, "privpass123"),
            Credentials.v3("usr-sha-des").auth(AuthProtocol.SHA, "authpass123").priv(PrivProtocol.DES, "privpass123"))) {
          SnmpClient.builder(receiver, u).manager(sender).build().trap(4200, HEARTBEAT, List.of(VarBind.of(NAME, OctetString.of("our v3 trap from " + u.user())))).join();
        }
      }
      SnmpClient.builder(receiver, user).manager(manager).build()
          .trap(4200, HEARTBEAT, List.of(VarBind.of(NAME, OctetString.of("our v3 trap from an engine snmptrapd does not know")))).join();
      SnmpClient.builder(receiver, user).manager(manager).engineId(trapEngine).build()
          .trap(4200, HEARTBEAT, List.of(VarBind.of(NAME, OctetString.of("our v3 trap, engine ID given to the client")))).join();
      for (int i = 0; i < 100 && !String.join("\n", trapd.logLines()).contains("engine ID given to the client"); i++) {
        Thread.sleep(20); // traps are not acknowledged: wait for snmptrapd's log of the last one
      }
    } finally {
      trapd.close();
    }
    String log = String.join("\n", trapd.logLines());
    assertThat(log).contains("NOTIFY INFORM, SNMP v2c, community public").contains("our v2c inform");
    assertThat(log).contains("NOTIFY INFORM, SNMP v3, user usr-sha256-aes").contains("our v3 inform");
    assertThat(log).contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.8072.2.3.0.1");
    assertThat(log).contains("NOTIFY TRAP2, SNMP v2c, community public").contains("our v2c trap");
    for (String u : List.of("usr-sha256-aes", "usr-md5-none", "usr-none", "usr-sha512-aes256c", "usr-sha-des")) {
      assertThat(log).contains("NOTIFY TRAP2, SNMP v3, user " + u).contains("our v3 trap from " + u);
    }
    assertThat(log).contains("our v3 trap, engine ID given to the client").doesNotContain("an engine snmptrapd does not know");
    assertThat(log).contains("TRAP1").contains("enterprise=.1.3.6.1.4.1.8072.2.3 generic=6 specific=.1 uptime=4200").contains("our v1 trap");
  }
}
