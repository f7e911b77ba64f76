package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulator's notifications, as our TrapReceiver hears them. */
@Timeout(30)
class NotifierTest {
  static final Credentials.V3 USER = Credentials.v3("usr").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
  static final Oid IF_INDEX_2 = Oid.parse("1.3.6.1.2.1.2.2.1.1.2");
  static final Oid IF_ADMIN_STATUS_2 = Oid.parse("1.3.6.1.2.1.2.2.1.7.2");
  static final Oid IF_OPER_STATUS_2 = Oid.parse("1.3.6.1.2.1.2.2.1.8.2");
  static final Oid LINUX_SYS_OBJECT_ID = Oid.parse("1.3.6.1.4.1.8072.3.2.10");
  static final Oid MY_TRAP = Oid.parse("1.3.6.1.4.1.8072.2.3.0.1");

  AgentSimulator sim;
  TrapReceiver receiver;
  final BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    sim = AgentSimulator.builder()
        .device("linux-host", ShippedDevices.linuxHost())
        .device("switch-48", ShippedDevices.switch48())
        .user(USER)
        .start();
    receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").user(USER).user(USER, sim.engine().engineId())
        .handler(heard::add).start();
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  Notification next() throws InterruptedException {
    Notification n = heard.poll(5, TimeUnit.SECONDS);
    assertThat(n).as("a notification within 5 s").isNotNull();
    return n;
  }

  NotificationTarget trap(Credentials c) {
    return NotificationTarget.trap(receiver.localEndpoint(), c);
  }

  NotificationTarget inform(Credentials c) {
    return NotificationTarget.inform(receiver.localEndpoint(), c).withTimeout(Duration.ofMillis(500)).withRetries(2);
  }

  @Test
  void aV1LinkDownIsAGenericTrapUnderTheDevicesSysObjectIdWithTheRecordedInterface() throws Exception {
    sim.notifier().send(NotificationType.linkDown(2), trap(Credentials.v1("public"))).get(5, TimeUnit.SECONDS);

    Notification n = next();
    assertThat(n.version()).isEqualTo(SnmpVersion.V1);
    assertThat(n.v1().enterprise()).isEqualTo(LINUX_SYS_OBJECT_ID);
    assertThat(n.v1().genericTrap()).isEqualTo(2);
    assertThat(n.v1().specificTrap()).isZero();
    assertThat(n.agentAddress()).isEqualTo(IpAddress.parse("127.0.0.1"));
    assertThat(n.v1().varBinds()).containsExactly(
        VarBind.of(IF_INDEX_2, Integer32.of(2)), VarBind.of(IF_ADMIN_STATUS_2, Integer32.of(2)), VarBind.of(IF_OPER_STATUS_2, Integer32.of(2)));
    // RFC 3584 §3.1 back again, as a receiver sees it
    assertThat(n.trapOid()).isEqualTo(Notification.LINK_DOWN);
    assertThat(n.varBinds()).contains(VarBind.of(Notification.SNMP_TRAP_ENTERPRISE, new ObjectIdentifier(LINUX_SYS_OBJECT_ID)));
  }

  @Test
  void aV1EnterpriseSpecificTrapSplitsItsOidIntoEnterpriseAndSpecific() throws Exception {
    NotificationType mine = NotificationType.of(MY_TRAP, VarBind.of("1.3.6.1.4.1.8072.2.3.2.1", Integer32.of(60)))
        .withRecorded(Oid.parse("1.3.6.1.2.1.1.5.0"));
    sim.notifier().send(mine, trap(Credentials.v1("public"))).get(5, TimeUnit.SECONDS);

    Notification n = next();
    assertThat(n.v1().enterprise()).isEqualTo(Oid.parse("1.3.6.1.4.1.8072.2.3"));
    assertThat(n.v1().genericTrap()).isEqualTo(6);
    assertThat(n.v1().specificTrap()).isEqualTo(1);
    assertThat(n.trapOid()).isEqualTo(MY_TRAP);
    assertThat(n.v1().varBinds()).containsExactly(
        VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("linux-host")), VarBind.of("1.3.6.1.4.1.8072.2.3.2.1", Integer32.of(60)));
  }

  @Test
  void aV2cTrapCarriesTheSimulatorsUptimeAndTheObjectsOfTheDeviceItIsSentAs() throws Exception {
    Thread.sleep(50);
    long before = sim.uptime().toMillis() / 10;
    sim.notifier("switch-48").send(NotificationType.linkUp(1), trap(Credentials.v2c("public"))).get(5, TimeUnit.SECONDS);
    long after = sim.uptime().toMillis() / 10;

    Notification n = next();
    assertThat(n.version()).isEqualTo(SnmpVersion.V2C);
    assertThat(n.type()).isEqualTo(PduType.SNMPV2_TRAP);
    assertThat(n.sysUpTime()).isBetween(before, after);
    assertThat(n.trapOid()).isEqualTo(NotificationType.SNMP_TRAPS.append(4));
    assertThat(n.varBinds().subList(2, n.varBinds().size())).containsExactly(
        VarBind.of("1.3.6.1.2.1.2.2.1.1.1", Integer32.of(1)), VarBind.of("1.3.6.1.2.1.2.2.1.7.1", Integer32.of(1)),
        VarBind.of("1.3.6.1.2.1.2.2.1.8.1", Integer32.of(1)));
    assertThat(sim.notifier().counters()).isEqualTo(new Notifier.Counters(1, 0, 0, 0));
  }

  @Test
  void aValueASetWroteIsWhatTheNotificationCarries() throws Exception {
    try (SnmpClient manager = SnmpClient.builder(sim.endpoint(), Credentials.v2c("switch-48")).build()) {
      manager.blocking().set("1.3.6.1.2.1.2.2.1.7.1", Integer32.of(2)); // ifAdminStatus.1 := down
    }
    sim.notifier("switch-48").send(NotificationType.linkDown(1), trap(Credentials.v2c("public"))).get(5, TimeUnit.SECONDS);

    assertThat(next().varBinds()).contains(VarBind.of("1.3.6.1.2.1.2.2.1.7.1", Integer32.of(2)));
  }

  @Test
  void aV2cInformCompletesWhenAcknowledgedAndIsCounted() throws Exception {
    CompletableFuture<Void> acked = sim.notifier().send(NotificationType.coldStart(), inform(Credentials.v2c("public")));

    assertThat(acked).succeedsWithin(Duration.ofSeconds(5));
    Notification n = next();
    assertThat(n.isInform()).isTrue();
    assertThat(n.trapOid()).isEqualTo(NotificationType.SNMP_TRAPS.append(1));
    assertThat(n.varBinds()).hasSize(2);
    assertThat(sim.notifier().counters()).isEqualTo(new Notifier.Counters(0, 1, 1, 0));
    assertThat(receiver.counters().acknowledged()).isEqualTo(1);
  }

  @Test
  void aV3InformAtAuthPrivIsAcknowledgedByTheReceiversEngine() throws Exception {
    CompletableFuture<Void> acked = sim.notifier().send(NotificationType.linkDown(2), inform(USER));

    assertThat(acked).succeedsWithin(Duration.ofSeconds(5));
    Notification n = next();
    assertThat(n.version()).isEqualTo(SnmpVersion.V3);
    assertThat(n.user()).isEqualTo("usr");
    assertThat(n.isInform()).isTrue();
    assertThat(n.engineId()).isEqualTo(receiver.engineId());
    assertThat(n.varBinds().subList(2, 5)).containsExactly(
        VarBind.of(IF_INDEX_2, Integer32.of(2)), VarBind.of(IF_ADMIN_STATUS_2, Integer32.of(2)), VarBind.of(IF_OPER_STATUS_2, Integer32.of(2)));
  }

  @Test
  void aV3TrapIsSentUnderTheSimulatorsEngineId() throws Exception {
    sim.notifier().send(NotificationType.warmStart(), trap(USER)).get(5, TimeUnit.SECONDS);

    Notification n = next();
    assertThat(n.version()).isEqualTo(SnmpVersion.V3);
    assertThat(n.type()).isEqualTo(PduType.SNMPV2_TRAP);
    assertThat(n.engineId()).isEqualTo(sim.engine().engineId());
    assertThat(n.trapOid()).isEqualTo(NotificationType.SNMP_TRAPS.append(2));
  }

  @Test
  void aScheduleSendsItsNumberThenStops() throws Exception {
    NotificationSchedule s = sim.notifier().schedule(NotificationType.coldStart(), trap(Credentials.v2c("public")), Duration.ofMillis(20), 4);

    assertThat(s.done()).succeedsWithin(Duration.ofSeconds(5));
    List<Notification> got = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      got.add(next());
    }
    assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).as("a fifth").isNull();
    assertThat(s.sent()).isEqualTo(4);
    assertThat(got).extracting(Notification::sysUpTime).isSorted();
    assertThat(sim.notifier().counters().traps()).isEqualTo(4);
  }

  @Test
  void aScheduleOfInformsWithoutEndStopsWhenTheSimulatorCloses() throws Exception {
    NotificationSchedule s = sim.notifier().schedule(NotificationType.warmStart(), inform(Credentials.v2c("public")), Duration.ofMillis(10), 0);
    next();
    next();
    sim.close();

    assertThat(s.done()).succeedsWithin(Duration.ofSeconds(5));
    int sent = s.sent();
    Thread.sleep(100);
    assertThat(s.sent()).isEqualTo(sent);
    Notifier.Counters c = sim.notifier().counters();
    assertThat(c.acknowledged() + c.failed()).isEqualTo(c.informs()).isEqualTo(sent);
    assertThatThrownBy(() -> sim.notifier().send(NotificationType.coldStart(), trap(Credentials.v2c("public"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void closingAScheduleStopsIt() throws Exception {
    NotificationSchedule s = sim.notifier().schedule(NotificationType.coldStart(), trap(Credentials.v2c("public")), Duration.ofMillis(10), 0);
    next();
    s.close();
    assertThat(s.done()).succeedsWithin(Duration.ofSeconds(1));
    heard.clear();
    Thread.sleep(100);
    assertThat(heard).isEmpty();
  }

  @Test
  void anInformToADeadPortFailsWithATimeout() throws Exception {
    int dead;
    try (DatagramSocket s = new DatagramSocket(0)) {
      dead = s.getLocalPort();
    }
    NotificationTarget nobody = NotificationTarget.inform(Endpoint.of("127.0.0.1", dead), Credentials.v2c("public"))
        .withTimeout(Duration.ofMillis(100)).withRetries(1);

    CompletableFuture<Void> f = sim.notifier().send(NotificationType.coldStart(), nobody);

    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SnmpTimeoutException.class);
    assertThat(sim.notifier().counters()).isEqualTo(new Notifier.Counters(0, 1, 0, 1));
  }

  @Test
  void anInterfaceTheRecordingLacksIsRefusedAtTheCall() {
    assertThatThrownBy(() -> sim.notifier().send(NotificationType.linkDown(99), trap(Credentials.v2c("public"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("device \"linux-host\" (linux-host.snmprec) has no 1.3.6.1.2.1.2.2.1.1.99, which notification 1.3.6.1.6.3.1.1.5.3 carries");
  }

  @Test
  void aCounter64CannotGoIntoAV1Trap() {
    NotificationType big = NotificationType.of(MY_TRAP, VarBind.of("1.3.6.1.4.1.8072.2.3.2.9", new Counter64(1)));
    assertThatThrownBy(() -> sim.notifier().send(big, trap(Credentials.v1("public"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Counter64").hasMessageContaining("RFC 3584");
  }

  @Test
  void v1HasNoInforms() {
    assertThatThrownBy(() -> NotificationTarget.inform(receiver.localEndpoint(), Credentials.v1("public")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SNMPv1 has no InformRequest");
  }

  @Test
  void namesParseToTheStandardNotifications() {
    assertThat(NotificationType.parse("linkDown:3")).isEqualTo(NotificationType.linkDown(3));
    assertThat(NotificationType.parse("LINKUP:7")).isEqualTo(NotificationType.linkUp(7));
    assertThat(NotificationType.parse("coldStart")).isEqualTo(NotificationType.coldStart());
    assertThat(NotificationType.parse("warmstart")).isEqualTo(NotificationType.warmStart());
    assertThat(NotificationType.parse("authenticationFailure")).isEqualTo(NotificationType.authenticationFailure());
    assertThat(NotificationType.parse("1.3.6.1.4.1.8072.2.3.0.1")).isEqualTo(NotificationType.of(MY_TRAP));
    assertThatThrownBy(() -> NotificationType.parse("linkDown")).hasMessageContaining("needs an interface");
    assertThatThrownBy(() -> NotificationType.parse("linkDown:x")).hasMessageContaining("ifIndex number");
    assertThatThrownBy(() -> NotificationType.parse("coldStart:1")).hasMessageContaining("is not a notification");
    assertThatThrownBy(() -> NotificationType.parse("bogus")).hasMessageContaining("expected coldStart, warmStart");
  }
}
