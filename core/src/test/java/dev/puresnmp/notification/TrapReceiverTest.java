package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import org.junit.jupiter.api.Test;

class TrapReceiverTest {
  static final Oid LINK = Oid.parse("1.3.6.1.2.1.2.2.1.1.3");

  static List<VarBind> v2Varbinds(Oid trapOid) {
    return List.of(VarBind.of(Notification.SYS_UP_TIME, new TimeTicks(77)), VarBind.of(Notification.SNMP_TRAP_OID, new ObjectIdentifier(trapOid)),
        VarBind.of(LINK, OctetString.of("eth0")));
  }

  static byte[] v2c(PduType type, int id, List<VarBind> vbs) {
    return MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.of(type, id, vbs)));
  }

  /** Sends datagrams from one socket and reads what comes back. */
  static final class Sender implements AutoCloseable {
    final DatagramChannel ch;
    final InetSocketAddress to;

    Sender(TrapReceiver r) throws Exception {
      ch = DatagramChannel.open();
      ch.bind(new InetSocketAddress("127.0.0.1", 0));
      to = new InetSocketAddress("127.0.0.1", r.localEndpoint().port());
    }

    void send(byte[] b) throws Exception {
      ch.send(ByteBuffer.wrap(b), to);
    }

    byte[] receive() throws Exception {
      ch.configureBlocking(true);
      ch.socket().setSoTimeout(2_000);
      byte[] buf = new byte[65_535];
      java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
      ch.socket().receive(p);
      return java.util.Arrays.copyOf(buf, p.getLength());
    }

    @Override
    public void close() throws java.io.IOException {
      ch.close();
    }
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  @Test
  void aRetransmittedInformIsAcknowledgedAgainAndDeliveredOnce() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).handler(heard::add).start();
        Sender s = new Sender(r)) {
      byte[] inform = v2c(PduType.INFORM_REQUEST, 4242, v2Varbinds(Notification.LINK_DOWN));
      for (int i = 0; i < 2; i++) {
        s.send(inform);
        StandardPdu ack = (StandardPdu) MessageCodec.decode(s.receive()).pdu();
        assertThat(ack.type()).isEqualTo(PduType.RESPONSE);
        assertThat(ack.requestId()).isEqualTo(4242);
        assertThat(ack.errorStatus()).isEqualTo(ErrorStatus.NO_ERROR);
        assertThat(ack.varBinds()).isEqualTo(v2Varbinds(Notification.LINK_DOWN));
      }
      Notification n = heard.poll(2, TimeUnit.SECONDS);
      assertThat(n.isInform()).isTrue();
      assertThat(n.trapOid()).isEqualTo(Notification.LINK_DOWN);
      assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
      assertThat(r.counters().acknowledged()).isEqualTo(2);
      assertThat(r.counters().duplicateInforms()).isEqualTo(1);
    }
  }

  @Test
  void garbageAMalformedNotificationAndAGetAreCountedAndTheReceiverGoesOn() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).handler(heard::add).start();
        Sender s = new Sender(r)) {
      s.send(new byte[] {0x30, 0x03, 0x02, 0x01});
      s.send(v2c(PduType.SNMPV2_TRAP, 1, List.of(VarBind.of(LINK, OctetString.of("no sysUpTime first")))));
      s.send(MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(2, List.of(LINK)))));
      s.send(v2c(PduType.SNMPV2_TRAP, 3, v2Varbinds(Notification.LINK_DOWN)));
      assertThat(heard.poll(2, TimeUnit.SECONDS).trapOid()).isEqualTo(Notification.LINK_DOWN);
      eventually(() -> r.counters().received() == 4);
      assertThat(r.counters().malformed()).isEqualTo(2);
      assertThat(r.counters().unsupported()).isEqualTo(1);
      eventually(() -> r.counters().delivered() == 1); // counted after the handler returns
    }
  }

  @Test
  void aHandlerThatThrowsIsCountedAndTheNextNotificationStillArrives() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0))
            .handler(n -> {
              if (n.sysUpTime() == 77) {
                throw new IllegalStateException("handler bug");
              }
              heard.add(n);
            })
            .start();
        Sender s = new Sender(r)) {
      s.send(v2c(PduType.SNMPV2_TRAP, 1, v2Varbinds(Notification.LINK_DOWN)));
      List<VarBind> later = List.of(VarBind.of(Notification.SYS_UP_TIME, new TimeTicks(78)), VarBind.of(Notification.SNMP_TRAP_OID, new ObjectIdentifier(Notification.LINK_DOWN)));
      s.send(v2c(PduType.SNMPV2_TRAP, 2, later));
      assertThat(heard.poll(2, TimeUnit.SECONDS).sysUpTime()).isEqualTo(78);
      assertThat(r.counters().handlerFailures()).isEqualTo(1); // the first failed before the second was taken
    }
  }

  @Test
  void aFullQueueDropsAndCountsWhileTheHandlerIsStuck() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).queueCapacity(2)
            .handler(n -> {
              entered.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })
            .start();
        Sender s = new Sender(r)) {
      s.send(v2c(PduType.SNMPV2_TRAP, 1, v2Varbinds(Notification.LINK_DOWN)));
      assertThat(entered.await(2, TimeUnit.SECONDS)).isTrue(); // the handler holds the first
      for (int i = 2; i <= 6; i++) {
        s.send(v2c(PduType.SNMPV2_TRAP, i, v2Varbinds(Notification.LINK_DOWN)));
      }
      eventually(() -> r.counters().queueFull() == 3); // two wait, three are dropped
      assertThat(r.counters().received()).isEqualTo(6);
      release.countDown();
      eventually(() -> r.counters().delivered() == 3);
    }
  }

  @Test
  void aGenericV1TrapBecomesItsSnmpTrapsOidAndKeepsAnAddressItAlreadyCarries() {
    TrapV1Pdu coldStart = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072.3.2.10"), IpAddress.parse("10.0.0.7"), 0, 0, 12,
        List.of(VarBind.of(Notification.SNMP_TRAP_ADDRESS, IpAddress.parse("192.0.2.1"))));
    Notification n = Notification.ofV1(Endpoint.of("127.0.0.1", 162), Bytes.utf8("public"), coldStart);
    assertThat(n.trapOid()).isEqualTo(Oid.parse("1.3.6.1.6.3.1.1.5.1"));
    assertThat(n.varBinds()).extracting(VarBind::oid)
        .containsExactly(Notification.SYS_UP_TIME, Notification.SNMP_TRAP_OID, Notification.SNMP_TRAP_ADDRESS, Notification.SNMP_TRAP_COMMUNITY, Notification.SNMP_TRAP_ENTERPRISE);
    assertThat(n.varBinds().get(2).value()).isEqualTo(IpAddress.parse("192.0.2.1"));
    TrapV1Pdu specific = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.9"), IpAddress.parse("10.0.0.7"), 6, 17, 12, List.of());
    assertThat(Notification.ofV1(Endpoint.of("127.0.0.1", 162), Bytes.utf8("public"), specific).trapOid()).isEqualTo(Oid.parse("1.3.6.1.4.1.9.0.17"));
  }

  @Test
  void aMibNamesTheNotificationTypeOfV1AndV2TrapsAlike() {
    Mib mib = Mib.builtIn(); // the one-liner of docs/notifications.md: mib.name(n.trapOid())
    TrapV1Pdu linkDown = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072.3.2.10"), IpAddress.parse("10.0.0.7"), 2, 0, 12, List.of(VarBind.of("1.3.6.1.2.1.2.2.1.1.3", new Integer32(3))));
    Notification n = Notification.ofV1(Endpoint.of("127.0.0.1", 162), Bytes.utf8("public"), linkDown);
    assertThat(mib.name(n.trapOid())).isEqualTo("IF-MIB::linkDown");
    assertThat(mib.format(n.varBinds().get(2))).isEqualTo("IF-MIB::ifIndex.3 = INTEGER: 3");
    TrapV1Pdu shutdown = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072.4"), IpAddress.parse("10.0.0.7"), 6, 2, 12, List.of());
    assertThat(mib.name(Notification.ofV1(Endpoint.of("127.0.0.1", 162), Bytes.utf8("public"), shutdown).trapOid())).isEqualTo("NET-SNMP-AGENT-MIB::nsNotifyShutdown");
  }

  @Test
  void ourOwnTrapsAndInformsReachOurReceiver() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").handler(heard::add).start();
        dev.puresnmp.client.SnmpManager manager = dev.puresnmp.client.SnmpManager.builder().build()) {
      dev.puresnmp.client.SnmpClient c = dev.puresnmp.client.SnmpClient.builder(r.localEndpoint(), dev.puresnmp.security.Credentials.v2c("public")).manager(manager).build();
      c.trap(77, Notification.LINK_DOWN, List.of(VarBind.of(LINK, OctetString.of("eth0")))).join();
      c.blocking().inform(78, Notification.LINK_DOWN, List.of());
      Notification trap = heard.poll(2, TimeUnit.SECONDS);
      Notification inform = heard.poll(2, TimeUnit.SECONDS);
      assertThat(trap.type()).isEqualTo(PduType.SNMPV2_TRAP);
      assertThat(trap.varBinds()).isEqualTo(v2Varbinds(Notification.LINK_DOWN));
      assertThat(inform.isInform()).isTrue();
      assertThat(inform.sysUpTime()).isEqualTo(78);
    }
  }

  @Test
  void aFloodOfGarbageWrongCredentialsFailingHandlersAndValidNotificationsIsAccountedForOneCounterEach() throws Exception {
    Credentials.V3 user = Credentials.v3("traps").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
    Bytes engine = Bytes.decodeHex("8000000001020304");
    byte[] otherEngine;
    byte[] badDigest;
    try (SnmpManager elsewhere = SnmpManager.builder().build();
        SnmpManager bound = SnmpManager.builder().engineId(engine).build()) {
      otherEngine = V3TrapsTest.capture(elsewhere, user);
      badDigest = V3TrapsTest.capture(bound, user);
      badDigest[badDigest.length - 60] ^= 1; // inside the encrypted PDU, which the MAC covers
    }
    java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").user(user, engine)
            .handler(n -> {
              if (handled.incrementAndGet() % 7 == 0) {
                throw new IllegalStateException("every seventh handler call fails");
              }
            })
            .start()) {
      int senders = 4;
      int rounds = 500;
      byte[][] kinds = {
        {0x30, 0x03, 0x02, 0x01}, // garbage
        MessageCodec.encode(CommunityMessage.v2c("private", StandardPdu.of(PduType.SNMPV2_TRAP, 1, v2Varbinds(Notification.LINK_DOWN)))),
        otherEngine,
        badDigest,
        v2c(PduType.SNMPV2_TRAP, 2, v2Varbinds(Notification.LINK_DOWN)),
      };
      List<Thread> threads = new java.util.ArrayList<>();
      java.util.concurrent.atomic.AtomicLong acks = new java.util.concurrent.atomic.AtomicLong();
      for (int t = 0; t < senders; t++) {
        int first = t * rounds;
        Thread th = new Thread(() -> {
          try (Sender s = new Sender(r)) {
            for (int i = 0; i < rounds; i++) {
              for (byte[] k : kinds) {
                s.send(k);
              }
              s.send(v2c(PduType.INFORM_REQUEST, first + i, v2Varbinds(Notification.LINK_DOWN)));
              s.receive(); // the inform's acknowledgement: one round at a time, so the kernel drops nothing
              acks.incrementAndGet();
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) {
        th.join(60_000);
      }
      assertThat(acks.get()).isEqualTo(senders * rounds);
      long valid = 2L * senders * rounds; // the valid trap and the inform of each round
      eventually(() -> r.counters().delivered() + r.counters().handlerFailures() + r.counters().queueFull() == valid);
      TrapReceiver.Counters c = r.counters();
      long per = (long) senders * rounds;
      assertThat(c.malformed()).isEqualTo(per);
      assertThat(c.wrongCommunity()).isEqualTo(per);
      assertThat(c.wrongUser()).isEqualTo(2 * per);
      assertThat(c.acknowledged()).isEqualTo(per);
      assertThat(c.received()).isEqualTo(6 * per); // nothing lost: every datagram is in exactly one counter
      assertThat(c.received())
          .isEqualTo(c.delivered() + c.handlerFailures() + c.queueFull() + c.malformed() + c.wrongCommunity() + c.wrongUser()
              + c.notInTimeWindow() + c.unsupported() + c.duplicateInforms() + c.duplicateTraps());
      assertThat(c.handlerFailures()).isEqualTo(handled.get() / 7);
    }
  }

  @Test
  void aReceiverBoundToIpv6LoopbackHearsATrapAndAcknowledgesAnInform() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("::1", 0)).handler(heard::add).start();
        SnmpManager manager = SnmpManager.builder().build()) {
      dev.puresnmp.client.SnmpClient c = dev.puresnmp.client.SnmpClient.builder(r.localEndpoint(), Credentials.v2c("public")).manager(manager).build();
      c.trap(1, Notification.LINK_DOWN, List.of()).join();
      c.blocking().inform(2, Notification.LINK_DOWN, List.of());
      Notification trap = heard.poll(2, TimeUnit.SECONDS);
      assertThat(trap.source().ip().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
      assertThat(heard.poll(2, TimeUnit.SECONDS).isInform()).isTrue();
    }
  }

  @Test
  void aHandlerOnTheReceiveThreadGetsEveryNotificationInOrderAndInformsAreStillAcknowledgedFirst() throws Exception {
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    BlockingQueue<Long> uptimes = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).handlerOnReceiveThread()
            .handler(n -> {
              threads.add(Thread.currentThread().getName());
              uptimes.add(n.sysUpTime());
              if (n.sysUpTime() == 2) {
                throw new IllegalStateException("counted, and the next one still arrives");
              }
            })
            .start();
        Sender s = new Sender(r)) {
      for (int i = 1; i <= 3; i++) {
        List<VarBind> vbs = List.of(VarBind.of(Notification.SYS_UP_TIME, new TimeTicks(i)), VarBind.of(Notification.SNMP_TRAP_OID, new ObjectIdentifier(Notification.LINK_DOWN)));
        s.send(v2c(i == 3 ? PduType.INFORM_REQUEST : PduType.SNMPV2_TRAP, i, vbs));
      }
      assertThat(((CommunityMessage) MessageCodec.decode(s.receive())).pdu().type()).isEqualTo(PduType.RESPONSE);
      eventually(() -> r.counters().delivered() == 2 && r.counters().handlerFailures() == 1);
      assertThat(List.of(uptimes.poll(), uptimes.poll(), uptimes.poll())).containsExactly(1L, 2L, 3L);
      assertThat(threads.poll()).startsWith("puresnmp-traps-");
      assertThat(r.counters().queueFull()).isZero();
    }
  }
}
