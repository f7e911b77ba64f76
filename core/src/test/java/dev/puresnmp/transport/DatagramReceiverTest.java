package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DatagramReceiverTest {
  private static final Endpoint ANY_LOOPBACK_PORT = Endpoint.of("127.0.0.1", 0);

  private record Received(byte[] data, Endpoint from) {}

  private static DatagramChannel sender(String address) throws IOException {
    DatagramChannel ch = DatagramChannel.open();
    ch.bind(new InetSocketAddress(address, 0));
    return ch;
  }

  private static void send(DatagramChannel from, Endpoint to, String text) throws IOException {
    from.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), to.toSocketAddress());
  }

  private static Endpoint local(DatagramChannel ch) throws IOException {
    return Endpoint.of((InetSocketAddress) ch.getLocalAddress());
  }

  private static Optional<Thread> thread(String name) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst();
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("within 5 s").isTrue();
  }

  private static void awaitCounters(DatagramReceiver r, DatagramReceiver.Counters expected) throws InterruptedException {
    for (int i = 0; i < 500 && !r.counters().equals(expected); i++) {
      Thread.sleep(10);
    }
    assertThat(r.counters()).isEqualTo(expected);
  }

  @Test
  void theHandlerGetsExactlyTheDatagramAndItsSource() throws Exception {
    BlockingQueue<Received> got = new LinkedBlockingQueue<>();
    try (DatagramReceiver r = DatagramReceiver.bind(ANY_LOOPBACK_PORT, "test", (data, from, self) -> got.add(new Received(data, from)));
        DatagramChannel sender = sender("127.0.0.1")) {
      send(sender, r.localEndpoint(), "a somewhat longer datagram first");
      send(sender, r.localEndpoint(), "abc");
      assertThat(new String(got.poll(5, TimeUnit.SECONDS).data(), StandardCharsets.ISO_8859_1)).isEqualTo("a somewhat longer datagram first");
      Received second = got.poll(5, TimeUnit.SECONDS);
      assertThat(second.data()).containsExactly("abc".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(second.from()).isEqualTo(local(sender));
    }
  }

  @Test
  void handlerFailureDoesNotStopTheLoopAndIsCounted() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (DatagramReceiver r = DatagramReceiver.bind(ANY_LOOPBACK_PORT, "test", (data, from, self) -> {
          String text = new String(data, StandardCharsets.ISO_8859_1);
          if (text.startsWith("bad")) {
            throw new IllegalStateException("handler bug on " + text);
          }
          seen.add(text);
        });
        DatagramChannel sender = sender("127.0.0.1")) {
      for (int i = 0; i < 20; i++) {
        send(sender, r.localEndpoint(), (i % 2 == 0 ? "bad-" : "good-") + i);
      }
      awaitCounters(r, new DatagramReceiver.Counters(20, 10));
      await(() -> seen.size() == 10);
      assertThat(seen).allMatch(s -> s.startsWith("good-"));
      send(sender, r.localEndpoint(), "still-here");
      await(() -> seen.contains("still-here"));
      assertThat(r.counters()).isEqualTo(new DatagramReceiver.Counters(21, 10));
    }
  }

  @Test
  void answersGoOutFromTheBoundPort() throws Exception {
    try (DatagramReceiver echo = DatagramReceiver.bind(ANY_LOOPBACK_PORT, "test", (data, from, self) -> self.send(data, from));
        DatagramChannel client = sender("127.0.0.1")) {
      send(client, echo.localEndpoint(), "ping");
      ByteBuffer reply = ByteBuffer.allocate(16);
      InetSocketAddress replier = (InetSocketAddress) client.receive(reply);
      assertThat(Endpoint.of(replier)).isEqualTo(echo.localEndpoint());
      assertThat(new String(reply.array(), 0, reply.position(), StandardCharsets.ISO_8859_1)).isEqualTo("ping");
    }
  }

  @Test
  void listensOnIpv6Too() throws Exception {
    BlockingQueue<Received> got = new LinkedBlockingQueue<>();
    try (DatagramReceiver r = DatagramReceiver.bind(Endpoint.of("::1", 0), "test", (data, from, self) -> got.add(new Received(data, from)));
        DatagramChannel sender = DatagramChannel.open(java.net.StandardProtocolFamily.INET6)) {
      sender.bind(new InetSocketAddress("::1", 0));
      send(sender, r.localEndpoint(), "v6");
      Received v6 = got.poll(5, TimeUnit.SECONDS);
      assertThat(v6.data()).containsExactly("v6".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(v6.from()).isEqualTo(local(sender));
      assertThat(r.localEndpoint().ip()).isEqualTo(java.net.InetAddress.getByName("::1"));
    }
  }

  @Test
  void closeEndsTheThreadAndFreesThePort() throws Exception {
    DatagramReceiver r = DatagramReceiver.bind(ANY_LOOPBACK_PORT, "test-close", (data, from, self) -> {});
    String name = "test-close-" + r.localEndpoint();
    assertThat(thread(name)).isPresent();
    r.close();
    assertThat(thread(name)).as("the receive thread").isEmpty();
    r.close(); // again: nothing happens
    assertThatThrownBy(() -> r.send(new byte[] {1}, r.localEndpoint()))
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("cannot send 1 bytes from udp " + r.localEndpoint());
    try (DatagramReceiver again = DatagramReceiver.bind(r.localEndpoint(), "test", (data, from, self) -> {})) {
      assertThat(again.localEndpoint()).isEqualTo(r.localEndpoint());
    }
  }

  @Test
  void closingFromTheHandlerEndsTheLoopWithoutWaitingForItself() throws Exception {
    DatagramReceiver r = DatagramReceiver.bind(ANY_LOOPBACK_PORT, "test-self-close", (data, from, self) -> self.close());
    String name = "test-self-close-" + r.localEndpoint();
    try (DatagramChannel sender = sender("127.0.0.1")) {
      send(sender, r.localEndpoint(), "stop");
      for (int i = 0; i < 500 && thread(name).isPresent(); i++) {
        Thread.sleep(10);
      }
      assertThat(thread(name)).isEmpty();
      assertThat(r.counters()).isEqualTo(new DatagramReceiver.Counters(1, 0));
    }
  }

  @Test
  void bindingAPortInUseNamesTheAddressAndPort() {
    try (DatagramReceiver first = DatagramReceiver.bind(ANY_LOOPBACK_PORT, "test", (data, from, self) -> {})) {
      Endpoint taken = first.localEndpoint();
      assertThatThrownBy(() -> DatagramReceiver.bind(taken, "test", (data, from, self) -> {}))
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("cannot listen on udp 127.0.0.1:" + taken.port() + ": Address already in use")
          .satisfies(e -> assertThat(((TransportException) e).endpoint()).isEqualTo(taken));
    }
  }
}
