package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Net-SNMP's snmptrap and snmpinform (peers/trap-send.sh) against our receiver. */
class TrapReceiverNetSnmpIT {
  static final Oid HEARTBEAT = Oid.parse("1.3.6.1.4.1.8072.2.3.0.1");
  static final Oid RATE = Oid.parse("1.3.6.1.4.1.8072.2.3.2.1");
  static final Oid NAME = Oid.parse("1.3.6.1.4.1.8072.2.3.2.2");

  @Test
  void everyV1AndV2cNotificationArrivesAndTheInformIsAcknowledged() throws Exception {
    NetSnmpPeer.requireTool("snmptrap", NetSnmpPeer.peersDir());
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").handler(heard::add).start()) {
      NetSnmpPeer.Result sent = NetSnmpPeer.run(
          List.of("env", "ONLY=v1 v2c-trap v2c-inform", "bash", NetSnmpPeer.peersDir().resolve("trap-send.sh").toString(),
              Integer.toString(receiver.localEndpoint().port())), 60);
      assertThat(sent.code()).as("trap-send.sh exits 0 only if the inform was acknowledged: " + sent.out() + sent.err()).isZero();
      Map<String, Notification> byName = new java.util.HashMap<>();
      for (int i = 0; i < 3; i++) {
        Notification n = heard.poll(10, TimeUnit.SECONDS);
        assertThat(n).as("notification " + (i + 1) + " of 3").isNotNull();
        byName.put(value(n, NAME).asText(), n);
      }
      assertThat(byName).containsOnlyKeys("v1 trap", "v2c trap", "v2c inform");

      Notification v1 = byName.get("v1 trap");
      assertThat(v1.version()).isEqualTo(SnmpVersion.V1);
      assertThat(v1.type()).isEqualTo(PduType.TRAP_V1);
      assertThat(v1.community()).isEqualTo(Bytes.utf8("public"));
      assertThat(v1.sysUpTime()).isEqualTo(4200);
      assertThat(v1.trapOid()).isEqualTo(HEARTBEAT); // enterprise .1.3.6.1.4.1.8072.2.3, specific 1: RFC 3584 §3.1
      assertThat(v1.agentAddress()).isEqualTo(IpAddress.parse("127.0.0.1"));
      assertThat(v1.varBinds().get(0)).isEqualTo(VarBind.of(Notification.SYS_UP_TIME, new TimeTicks(4200)));
      assertThat(v1.varBinds().get(1)).isEqualTo(VarBind.of(Notification.SNMP_TRAP_OID, new ObjectIdentifier(HEARTBEAT)));
      assertThat(value(v1, RATE)).isEqualTo(Integer32.of(60));
      assertThat(value(v1, Notification.SNMP_TRAP_ADDRESS)).isEqualTo(IpAddress.parse("127.0.0.1"));
      assertThat(value(v1, Notification.SNMP_TRAP_COMMUNITY)).isEqualTo(OctetString.of("public"));
      assertThat(value(v1, Notification.SNMP_TRAP_ENTERPRISE)).isEqualTo(new ObjectIdentifier(Oid.parse("1.3.6.1.4.1.8072.2.3")));

      for (String name : List.of("v2c trap", "v2c inform")) {
        Notification n = byName.get(name);
        assertThat(n.version()).isEqualTo(SnmpVersion.V2C);
        assertThat(n.type()).isEqualTo(name.endsWith("inform") ? PduType.INFORM_REQUEST : PduType.SNMPV2_TRAP);
        assertThat(n.sysUpTime()).isEqualTo(4200);
        assertThat(n.trapOid()).isEqualTo(HEARTBEAT);
        assertThat(value(n, RATE)).isEqualTo(Integer32.of(60));
        assertThat(n.source().ip().getHostAddress()).isEqualTo("127.0.0.1");
      }
      TrapReceiver.Counters c = receiver.counters();
      assertThat(c.acknowledged()).isGreaterThanOrEqualTo(1);
      assertThat(c.delivered()).isEqualTo(3);
      assertThat(c.wrongCommunity() + c.malformed() + c.queueFull() + c.handlerFailures()).isZero();
    }
  }

  @Test
  void aWrongCommunityIsCountedAndNothingIsDelivered() throws Exception {
    NetSnmpPeer.requireTool("snmptrap", NetSnmpPeer.peersDir());
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("secret").handler(heard::add).start()) {
      NetSnmpPeer.run(List.of("env", "ONLY=v2c-trap", "bash", NetSnmpPeer.peersDir().resolve("trap-send.sh").toString(),
          Integer.toString(receiver.localEndpoint().port())), 60);
      for (int i = 0; i < 100 && receiver.counters().wrongCommunity() == 0; i++) {
        Thread.sleep(20);
      }
      assertThat(receiver.counters().wrongCommunity()).isEqualTo(1);
      assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  static final Credentials.V3 USER = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");

  @Test
  void anSnmpV3TrapAndAnSnmpV3InformArriveAndTheInformIsAcknowledged() throws Exception {
    NetSnmpPeer.requireTool("snmptrap", NetSnmpPeer.peersDir());
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).user(USER).handler(heard::add).start()) {
      NetSnmpPeer.Result sent = NetSnmpPeer.run(
          List.of("env", "ONLY=v3-trap v3-inform", "bash", NetSnmpPeer.peersDir().resolve("trap-send.sh").toString(),
              Integer.toString(receiver.localEndpoint().port())), 60);
      assertThat(sent.code()).as("trap-send.sh exits 0 only if the inform was acknowledged: " + sent.out() + sent.err()).isZero();
      Map<String, Notification> byName = new java.util.HashMap<>();
      for (int i = 0; i < 2; i++) {
        Notification n = heard.poll(10, TimeUnit.SECONDS);
        assertThat(n).as("notification " + (i + 1) + " of 2").isNotNull();
        byName.put(value(n, NAME).asText(), n);
      }
      Notification trap = byName.get("v3 trap");
      assertThat(trap.version()).isEqualTo(SnmpVersion.V3);
      assertThat(trap.type()).isEqualTo(PduType.SNMPV2_TRAP);
      assertThat(trap.user()).isEqualTo("usr-sha256-aes");
      assertThat(trap.engineId()).isEqualTo(Bytes.decodeHex("8000000001020304")); // the sender's (snmptrap -e)
      assertThat(trap.trapOid()).isEqualTo(HEARTBEAT);
      assertThat(value(trap, RATE)).isEqualTo(Integer32.of(60));
      Notification inform = byName.get("v3 inform");
      assertThat(inform.isInform()).isTrue();
      assertThat(inform.engineId()).isEqualTo(receiver.engineId()); // the receiver's: discovered by snmpinform
      assertThat(inform.sysUpTime()).isEqualTo(4200);
      assertThat(receiver.counters().wrongUser()).isZero();
    }
  }

  @Test
  void aV3TrapFromAnotherEngineThanTheUsersIsRefusedAndCounted() throws Exception {
    NetSnmpPeer.requireTool("snmptrap", NetSnmpPeer.peersDir());
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0))
        .user(USER, Bytes.decodeHex("80000000aabbccdd")).handler(heard::add).start()) {
      NetSnmpPeer.run(List.of("env", "ONLY=v3-trap", "bash", NetSnmpPeer.peersDir().resolve("trap-send.sh").toString(),
          Integer.toString(receiver.localEndpoint().port())), 60);
      for (int i = 0; i < 100 && receiver.counters().wrongUser() == 0; i++) {
        Thread.sleep(20);
      }
      assertThat(receiver.counters().wrongUser()).isEqualTo(1);
      assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  private static dev.puresnmp.smi.Value value(Notification n, Oid oid) {
    Map<Oid, dev.puresnmp.smi.Value> all = n.varBinds().stream().collect(Collectors.toMap(VarBind::oid, VarBind::value, (a, b) -> a));
    return all.get(oid);
  }
}
