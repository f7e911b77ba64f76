package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SNMPv3 traps from our manager (the sender is authoritative) to our receiver, and a receiver made by a manager. */
class V3TrapsTest {
  static final Bytes ENGINE = Bytes.decodeHex("8000000001020304");
  static final Credentials.V3 AUTH_PRIV = Credentials.v3("traps").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
  static final Oid NAME = Oid.parse("1.3.6.1.4.1.8072.2.3.2.2");

  static List<VarBind> named(String text) {
    return List.of(VarBind.of(NAME, OctetString.of(text)));
  }

  @Test
  void aManagersAuthPrivTrapReachesAReceiverThatKnowsTheUserForTheManagersEngine() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (SnmpManager manager = SnmpManager.builder().engineId(ENGINE).build();
        TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).user(AUTH_PRIV, ENGINE).handler(heard::add).start()) {
      SnmpClient.builder(r.localEndpoint(), AUTH_PRIV).manager(manager).build().trap(4200, Notification.LINK_DOWN, named("eth0")).join();
      Notification n = heard.poll(5, TimeUnit.SECONDS);
      assertThat(n).isNotNull();
      assertThat(n.type()).isEqualTo(PduType.SNMPV2_TRAP);
      assertThat(n.user()).isEqualTo("traps");
      assertThat(n.engineId()).isEqualTo(ENGINE);
      assertThat(n.sysUpTime()).isEqualTo(4200);
      assertThat(n.trapOid()).isEqualTo(Notification.LINK_DOWN);
      assertThat(n.varBinds().subList(2, 3)).isEqualTo(named("eth0"));
    }
  }

  @Test
  void aTrapFromAnotherEngineThanTheOneTheUserIsBoundToIsRefusedAndCounted() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (SnmpManager elsewhere = SnmpManager.builder().build(); // a random engine ID
        SnmpManager bound = SnmpManager.builder().engineId(ENGINE).build();
        TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).user(AUTH_PRIV, ENGINE).handler(heard::add).start()) {
      SnmpClient.builder(r.localEndpoint(), AUTH_PRIV).manager(elsewhere).build().trap(1, Notification.LINK_DOWN, named("refused")).join();
      TrapReceiverTest.eventually(() -> r.counters().wrongUser() == 1);
      SnmpClient.builder(r.localEndpoint(), AUTH_PRIV).manager(bound).build().trap(2, Notification.LINK_DOWN, named("accepted")).join();
      Notification n = heard.poll(5, TimeUnit.SECONDS);
      assertThat(n.varBinds().subList(2, 3)).isEqualTo(named("accepted"));
      TrapReceiverTest.eventually(() -> r.counters().delivered() == 1); // counted after the handler returns
    }
  }

  @Test
  void aUserAcceptedFromAnyEngineHearsTrapsOfTwoEnginesEachWithItsOwnKeys() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (SnmpManager one = SnmpManager.builder().build();
        SnmpManager two = SnmpManager.builder().build();
        TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).user(AUTH_PRIV).handler(heard::add).start()) {
      SnmpClient.builder(r.localEndpoint(), AUTH_PRIV).manager(one).build().trap(1, Notification.LINK_DOWN, named("one")).join();
      SnmpClient.builder(r.localEndpoint(), AUTH_PRIV).manager(two).build().trap(2, Notification.LINK_DOWN, named("two")).join();
      Notification a = heard.poll(5, TimeUnit.SECONDS);
      Notification b = heard.poll(5, TimeUnit.SECONDS);
      assertThat(List.of(a.engineId(), b.engineId())).containsExactlyInAnyOrder(one.engineId(), two.engineId());
    }
  }

  @Test
  void aV3TrapIsUnconfirmedAndCarriesTheManagersEngineBootsAndATimeThatSurvivesARestart() throws Exception {
    try (DatagramSocket capture = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        SnmpManager first = SnmpManager.builder().engineId(ENGINE).engineBoots(7).build()) {
      capture.setSoTimeout(5_000);
      Endpoint to = Endpoint.of("127.0.0.1", capture.getLocalPort());
      SnmpClient.builder(to, AUTH_PRIV).manager(first).build().trap(1, Notification.LINK_DOWN, List.of()).join();
      V3Message m = (V3Message) MessageCodec.decode(receive(capture));
      assertThat(m.flags() & V3Message.REPORTABLE).isZero(); // RFC 3412 §6.4: a trap is not reportable
      assertThat(m.authenticated()).isTrue();
      assertThat(m.encrypted()).isTrue();
      assertThat(m.usm().engineId()).isEqualTo(ENGINE);
      assertThat(m.usm().engineBoots()).isEqualTo(7);
      long sinceY2k = System.currentTimeMillis() / 1000 - 946_684_800L;
      assertThat((long) m.usm().engineTime()).isBetween(sinceY2k - 5, sinceY2k + 5);
    }
  }

  @Test
  void aReceiverMadeByAManagerAnswersInformsAsTheManagersEngine() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (SnmpManager nms = SnmpManager.builder().engineId(ENGINE).engineBoots(3).build();
        TrapReceiver r = nms.trapReceiver().bind(Endpoint.of("127.0.0.1", 0)).user(AUTH_PRIV).handler(heard::add).start();
        SnmpManager device = SnmpManager.builder().build()) {
      assertThat(r.engineId()).isEqualTo(ENGINE);
      SnmpClient.builder(r.localEndpoint(), AUTH_PRIV).manager(device).timeout(Duration.ofSeconds(2)).build().blocking()
          .inform(5, Notification.LINK_DOWN, named("acknowledged"));
      Notification n = heard.poll(5, TimeUnit.SECONDS);
      assertThat(n.isInform()).isTrue();
      assertThat(n.engineId()).isEqualTo(ENGINE);
      assertThat(r.counters().acknowledged()).isEqualTo(1);
    }
  }

  @Test
  void anEngineIdOutside5To32BytesAndLatchedBootsAreRefusedByEveryBuilderThatTakesThem() {
    Bytes four = Bytes.decodeHex("01020304");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnmpManager.builder().engineId(four)).hasMessage("an engine ID has 5 to 32 bytes (RFC 3411 §5), not 4");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrapReceiver.builder().engineId(four)).hasMessage("an engine ID has 5 to 32 bytes (RFC 3411 §5), not 4");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnmpManager.builder().engineBoots(Integer.MAX_VALUE)).hasMessage("engine boots must be 0 to 2147483646, not 2147483647");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrapReceiver.builder().engineBoots(-1)).hasMessage("engine boots must be 0 to 2147483646, not -1");
  }

  /** The bytes of {@code user}'s trap from {@code manager}, caught on a socket of the test's. */
  static byte[] capture(SnmpManager manager, Credentials.V3 user) throws Exception {
    try (DatagramSocket capture = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      capture.setSoTimeout(5_000);
      SnmpClient.builder(Endpoint.of("127.0.0.1", capture.getLocalPort()), user).manager(manager).build()
          .trap(1, Notification.LINK_DOWN, named("captured")).join();
      return receive(capture);
    }
  }

  private static byte[] receive(DatagramSocket s) throws Exception {
    byte[] buf = new byte[65_535];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    s.receive(p);
    return Arrays.copyOf(buf, p.getLength());
  }
}
