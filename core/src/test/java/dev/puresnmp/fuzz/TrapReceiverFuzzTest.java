package dev.puresnmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.transport.Endpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the trap receiver's handling of one datagram: decode, community or USM check, v1 trap / v2c trap /
 * inform (acknowledged) / v3, delivery to the handler. It runs on the receive thread, so it must never
 * throw: every input ends delivered or counted (malformed, unsupported, wrong community, refused…). The
 * datagram is handed to {@code TrapReceiver.onDatagram(byte[], Endpoint)} directly (the receiver is bound
 * to a loopback port, but nothing is sent to it); acknowledgements and reports go to a socket of this test,
 * and each must decode. Allocation: at most {@link #PER_BYTE} · length + {@link #FIXED} bytes per datagram.
 *
 * <p>Seeds: {@code src/test/resources/dev/puresnmp/fuzz/TrapReceiverFuzzTestInputs/receive/}: the v1 and
 * v2c traps and informs Net-SNMP's snmptrap and snmpinform sent, and the SNMPv3 messages recorded from
 * Net-SNMP (users usr-none, usr-md5-des, usr-sha-aes, usr-sha256-none, configured below).
 */
class TrapReceiverFuzzTest {
  /** As {@link MessageCodecFuzzTest#PER_BYTE}: the decoded message and the notification made of it. */
  static final long PER_BYTE = 64;
  /**
   * Fixed: the notification, an inform's Response and its send, a v3 message's checks, its decryption and,
   * the first time a sender engine is seen, its localized keys and clock (the pass phrases' keys are made
   * once, at start). Held on every seed and on the ~280,000 inputs of a 20-second run.
   */
  static final long FIXED = 256 * 1024;

  private static final TrapReceiver RECEIVER;
  private static final Method ON_DATAGRAM;
  private static final DatagramChannel SINK;
  private static final Endpoint FROM;

  static {
    try {
      SINK = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      SINK.configureBlocking(false);
      FROM = Endpoint.of((InetSocketAddress) SINK.getLocalAddress());
      RECEIVER = TrapReceiver.builder()
          .bind(Endpoint.of("127.0.0.1", 0))
          .community("public")
          .user(Credentials.v3("usr-none"))
          .user(Credentials.v3("usr-md5-des").auth(AuthProtocol.MD5, "authpass123").priv(PrivProtocol.DES, "privpass123"))
          .user(Credentials.v3("usr-sha-aes").auth(AuthProtocol.SHA, "authpass123").priv(PrivProtocol.AES, "privpass123"))
          .user(Credentials.v3("usr-sha256-none").auth(AuthProtocol.SHA256, "authpass123"))
          .handlerOnReceiveThread()
          .handler(TrapReceiverFuzzTest::handle)
          .start();
      ON_DATAGRAM = TrapReceiver.class.getDeclaredMethod("onDatagram", byte[].class, Endpoint.class);
      ON_DATAGRAM.setAccessible(true);
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The handler: what it is given must be whole (every field prints). */
  private static void handle(Notification n) {
    assertThat(n.toString()).isNotEmpty();
  }

  @AfterAll
  static void close() throws Exception {
    RECEIVER.close();
    SINK.close();
  }

  @FuzzTest(maxDuration = "20s")
  void receive(byte[] data) throws Exception {
    long before = RECEIVER.counters().handlerFailures();
    Bounded.run("TrapReceiver.onDatagram", data.length, PER_BYTE, FIXED, () -> {
      try {
        ON_DATAGRAM.invoke(RECEIVER, data.clone(), FROM);
      } catch (InvocationTargetException e) {
        throw new AssertionError("onDatagram threw", e.getCause());
      }
    });
    assertThat(RECEIVER.counters().handlerFailures()).as("the handler's checks").isEqualTo(before);
    // what the receiver answered (an inform's Response, a v3 Report) must be an SNMP message
    SentReplies.allDecode(SINK, "the receiver");
  }
}
