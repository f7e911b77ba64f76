package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.UdpTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Thousands of largest-size datagrams and of small garbage at a manager's socket and at a trap receiver's:
 * each is dropped and counted, the heap returns to where it was after a GC (within a bound: nothing is
 * kept), and the socket goes on serving requests and notifications.
 */
class FloodTest {
  static final int LARGE = 2_000;
  static final int SMALL = 5_000;
  /** What the heap may hold more after the flood and a GC: far less than the flood's 130 MB. */
  static final long HEAP_SLACK = 24L << 20;
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");

  @Test
  void aFloodAtTheManagersSocketIsDroppedAndCountedAndTheNextRequestStillCompletes() throws Exception {
    try (LoopbackAgent agent = new LoopbackAgent();
        SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient client = manager.clientBuilder(agent.endpoint(), Credentials.v2c("public")).timeout(Duration.ofSeconds(5)).build();
      assertThat(client.blocking().get(SYS_NAME).asText()).isEqualTo("ok");
      long before = heapAfterGc();

      flood(Endpoint.of("127.0.0.1", manager.transport().localPort()),
          MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.response(12345, dev.puresnmp.pdu.ErrorStatus.NO_ERROR, 0, bigValue()))));

      assertThat(client.blocking().get(SYS_NAME).asText()).isEqualTo("ok"); // read after every flood datagram that was queued before it
      UdpTransport.Counters c = manager.transport().counters();
      assertThat(c.unparsable()).as("random bytes").isPositive();
      assertThat(c.unmatched()).as("a valid Response nobody waits for").isPositive();
      assertThat(c.received() - c.matched()).as("every datagram received is matched or in one drop counter: " + c)
          .isEqualTo(c.unmatched() + c.wrongSource() + c.rejected() + c.unparsable());
      assertThat(heapAfterGc()).isLessThan(before + HEAP_SLACK);
    }
  }

  @Test
  void aFloodAtATrapReceiverIsDroppedAndCountedAndTheNextTrapIsStillDelivered() throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").handler(heard::add).start();
        SnmpManager manager = SnmpManager.builder().build()) {
      long before = heapAfterGc();

      List<VarBind> vbs = new java.util.ArrayList<>(List.of(VarBind.of(Notification.SYS_UP_TIME, new TimeTicks(1)),
          VarBind.of(Notification.SNMP_TRAP_OID, new ObjectIdentifier(Notification.LINK_DOWN))));
      vbs.addAll(bigValue());
      flood(r.localEndpoint(), MessageCodec.encode(CommunityMessage.v2c("guessed", StandardPdu.of(PduType.SNMPV2_TRAP, 1, vbs))));
      drained(r); // a trap is sent once: into a socket buffer the flood still fills, the kernel would drop it

      manager.client(r.localEndpoint(), Credentials.v2c("public")).trap(7, Notification.LINK_DOWN, List.of()).join();
      Notification n = heard.poll(30, TimeUnit.SECONDS);
      assertThat(n).isNotNull();
      assertThat(n.sysUpTime()).isEqualTo(7);
      TrapReceiver.Counters c = r.counters();
      assertThat(c.malformed()).as("random bytes").isPositive();
      assertThat(c.wrongCommunity()).as("largest-size traps with a wrong community").isPositive();
      assertThat(c.received()).as("every datagram is in one counter: " + c).isEqualTo(c.malformed() + c.wrongCommunity() + c.unsupported() + 1);
      heard.clear();
      assertThat(heapAfterGc()).isLessThan(before + HEAP_SLACK);
    }
  }

  @Test
  void largestSizeTrapsBehindAStuckHandlerAreDroppedOnceTheirBytesReachTheBound() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    int sent = 100;
    long bound = 1 << 20;
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").maxQueuedBytes(bound)
            .handler(n -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })
            .start();
        DatagramChannel ch = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      List<VarBind> vbs = new java.util.ArrayList<>(List.of(VarBind.of(Notification.SYS_UP_TIME, new TimeTicks(1)),
          VarBind.of(Notification.SNMP_TRAP_OID, new ObjectIdentifier(Notification.LINK_DOWN))));
      vbs.addAll(bigValue());
      byte[] trap = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.of(PduType.SNMPV2_TRAP, 1, vbs)));
      for (int i = 1; i <= sent; i++) {
        ch.send(ByteBuffer.wrap(trap), r.localEndpoint().toSocketAddress());
        if (i % 10 == 0) { // a few at a time, so that the kernel's buffer never overflows
          int upTo = i;
          ForgedRepliesNetSnmpIT.eventually(() -> r.counters().received() == upTo);
        }
      }
      long held = bound / trap.length + 1; // the queued ones, and the one in the handler
      assertThat(r.counters().queueFull()).isGreaterThanOrEqualTo(sent - held);
      release.countDown();
      ForgedRepliesNetSnmpIT.eventually(() -> r.counters().delivered() + r.counters().queueFull() == sent);
      assertThat(r.counters().delivered()).isLessThanOrEqualTo(held);
    }
  }

  /** A varbind that makes a message of nearly the largest size. */
  private static List<VarBind> bigValue() {
    return List.of(VarBind.of(SYS_NAME, OctetString.of(new byte[UdpTransport.MESSAGE_MAX_SIZE - 200])));
  }

  /** {@link #LARGE} largest-size datagrams of random bytes and as many of {@code large}, then {@link #SMALL} small ones, to {@code to}. */
  private static void flood(Endpoint to, byte[] large) throws Exception {
    assertThat(large.length).isBetween(UdpTransport.MESSAGE_MAX_SIZE - 200, UdpTransport.MESSAGE_MAX_SIZE);
    Random random = new Random(42);
    byte[] noise = new byte[UdpTransport.MESSAGE_MAX_SIZE];
    byte[] small = new byte[32];
    InetSocketAddress target = to.toSocketAddress();
    try (DatagramChannel ch = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      for (int i = 0; i < LARGE; i++) {
        random.nextBytes(noise);
        ch.send(ByteBuffer.wrap(noise), target);
        ch.send(ByteBuffer.wrap(large), target);
      }
      for (int i = 0; i < SMALL; i++) {
        random.nextBytes(small);
        ch.send(ByteBuffer.wrap(small, 0, 1 + random.nextInt(small.length)), target);
      }
    }
  }

  /** Waits (at most 30 s) until {@code r} took all the kernel held for it: its received count stays put for 200 ms. */
  private static void drained(TrapReceiver r) throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 150; i++) {
      long now = r.counters().received();
      if (now == last) {
        return;
      }
      last = now;
      Thread.sleep(200);
    }
    throw new AssertionError("still receiving the flood after 30 s: " + r.counters());
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }
}
