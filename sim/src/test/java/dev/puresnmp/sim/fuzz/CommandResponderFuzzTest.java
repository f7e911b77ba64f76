package dev.puresnmp.sim.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.puresnmp.fuzz.Bounded;
import dev.puresnmp.fuzz.SentReplies;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.DatagramReceiver;
import dev.puresnmp.transport.Endpoint;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the simulator's request handling: what turns one request datagram into a response, for v1/v2c
 * ({@code CommandResponder.respond}: GET, GETNEXT, GETBULK, SET against a recording) and v3 (the
 * authoritative engine's checks and Reports, then the same responder). The entry point is
 * {@code AgentSimulator.handle(byte[], Endpoint, DatagramReceiver, CommandResponder)}, which the receive
 * loop calls for each datagram; its contract: "never throws for any input". So for every input: no
 * exception; every datagram it sends decodes; and at most {@link #PER_BYTE} · length + {@link #FIXED}
 * bytes allocated. The simulator is bound to a loopback port, but the datagrams are handed to
 * {@code handle} directly, and its answers go to a socket of this test.
 *
 * <p>Seeds: {@code src/test/resources/dev/puresnmp/sim/fuzz/CommandResponderFuzzTestInputs/respond/}: every
 * request Net-SNMP's tools sent in the golden packets of core (communities public, private, types), SNMP4J's
 * two requests, and the SNMPv3 messages recorded from Net-SNMP (the users below, the engine ID they were
 * sent to).
 */
class CommandResponderFuzzTest {
  /** As the decoder's bound (dev.puresnmp.fuzz.MessageCodecFuzzTest): the request decoded. */
  static final long PER_BYTE = 64;
  /**
   * Fixed: the response, which a small request can make large: a GETBULK answer is cut at 64 varbinds and
   * 65,507 bytes, built in a buffer and copied out (~4 × 64 KB), plus the varbinds' objects; a v3 answer is
   * encrypted and signed on top (another few copies).
   */
  static final long FIXED = 1024 * 1024;

  private static final AgentSimulator SIM;
  private static final Method HANDLE;
  private static final DatagramReceiver SOCKET;
  private static final Object RESPONDER;
  private static final DatagramChannel SINK;
  private static final Endpoint FROM;

  static {
    try {
      SINK = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      SINK.configureBlocking(false);
      FROM = Endpoint.of((InetSocketAddress) SINK.getLocalAddress());
      SIM = AgentSimulator.builder()
          .bind("127.0.0.1")
          .port(0)
          .device("public", ShippedDevices.linuxHost())
          .device("private", ShippedDevices.linuxHost())
          .device("types", ShippedDevices.switch48())
          .writable(Oid.parse("1.3.6.1.2.1.1"))
          .writable(Oid.parse("1.3.6.1.4.1"))
          .engineId(Bytes.decodeHex("80001f8880640b9e64f9e50d6b00000000"))
          .user(Credentials.v3("usr-none"))
          .user(Credentials.v3("usr-md5-des").auth(AuthProtocol.MD5, "authpass123").priv(PrivProtocol.DES, "privpass123"))
          .user(Credentials.v3("usr-sha-aes").auth(AuthProtocol.SHA, "authpass123").priv(PrivProtocol.AES, "privpass123"))
          .user(Credentials.v3("usr-sha256-none").auth(AuthProtocol.SHA256, "authpass123"))
          .start();
      Class<?> responder = Class.forName("dev.puresnmp.sim.CommandResponder");
      HANDLE = AgentSimulator.class.getDeclaredMethod("handle", byte[].class, Endpoint.class, DatagramReceiver.class, responder);
      HANDLE.setAccessible(true);
      Field sockets = AgentSimulator.class.getDeclaredField("sockets");
      sockets.setAccessible(true);
      SOCKET = (DatagramReceiver) ((List<?>) sockets.get(SIM)).get(0);
      Constructor<?> make = responder.getDeclaredConstructor(int.class);
      make.setAccessible(true);
      RESPONDER = make.newInstance(AgentSimulator.DEFAULT_MAX_BULK_VARBINDS);
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @AfterAll
  static void close() throws Exception {
    SIM.close();
    SINK.close();
  }

  @FuzzTest(maxDuration = "20s")
  void respond(byte[] data) throws Exception {
    Bounded.run("AgentSimulator.handle", data.length, PER_BYTE, FIXED, () -> {
      try {
        HANDLE.invoke(SIM, data.clone(), FROM, SOCKET, RESPONDER);
      } catch (InvocationTargetException e) {
        throw new AssertionError("handle threw", e.getCause());
      }
    });
    SentReplies.allDecode(SINK, "the simulator");
  }
}
