package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TrapListenerTest {

  private static void send(DatagramChannel from, int port, byte[] data) throws IOException {
    from.send(ByteBuffer.wrap(data), new InetSocketAddress("127.0.0.1", port));
  }

  @Test
  void everyDatagramReachesTheCallbackEvenWhenItThrowsOnEveryTenth() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    int[] calls = new int[1];
    try (TrapListener listener =
            Transport.listen(
                "127.0.0.1",
                0,
                r -> {
                  int n = ++calls[0]; // one callback thread: no race
                  String text = new String(r.data(), java.nio.charset.StandardCharsets.ISO_8859_1);
                  if (n % 10 == 0) {
                    throw new IllegalStateException("callback bug on " + text);
                  }
                  seen.add(text);
                });
        DatagramChannel sender = DatagramChannel.open()) {
      sender.bind(new InetSocketAddress("127.0.0.1", 0));
      for (int i = 0; i < 1000; i++) {
        // garbage and real-looking packets alike: the listener does not parse
        byte[] data = i % 3 == 0 ? ("garbage-" + i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : ("\u0030\u0082trap-" + i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        send(sender, listener.localPort(), data);
        if (i % 100 == 99) {
          Thread.sleep(5); // the kernel's buffer is large, but let the loop breathe
        }
      }
      awaitCounters(listener, 1000);
      TrapListener.Counters c = listener.counters();
      assertThat(c.received()).isEqualTo(1000);
      assertThat(c.callbackFailures()).isEqualTo(100);
      assertThat(c.delivered()).isEqualTo(900);
      assertThat(c.dropped()).isZero();
      assertThat(seen).hasSize(900);
      int senderPort = ((InetSocketAddress) sender.getLocalAddress()).getPort();
      // and it keeps listening
      List<SocketResponse> after = new ArrayList<>();
      try (TrapListener second = Transport.listen("127.0.0.1", 0, after::add)) {
        send(sender, second.localPort(), new byte[] {1, 2, 3});
        awaitCounters(second, 1);
        assertThat(after.get(0).data()).containsExactly(1, 2, 3);
        assertThat(after.get(0).info()).isEqualTo(new SocketInfo("127.0.0.1", senderPort));
      }
      send(sender, listener.localPort(), "still-here".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      awaitCounters(listener, 1001);
      assertThat(seen).contains("still-here");
    }
  }

  @Test
  void aSlowCallbackLosesNothingUpToTheQueueAndCountsTheRest() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (TrapListener listener =
            TrapListener.start(
                "127.0.0.1",
                0,
                r -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                50);
        DatagramChannel sender = DatagramChannel.open()) {
      for (int i = 0; i < 200; i++) {
        send(sender, listener.localPort(), new byte[] {(byte) i});
      }
      for (int i = 0; i < 200 && listener.counters().received() < 200; i++) {
        Thread.sleep(10);
      }
      release.countDown();
      TrapListener.Counters c = listener.counters();
      assertThat(c.received()).isEqualTo(200);
      // one in the callback, 50 queued, the rest dropped and counted
      assertThat(c.dropped()).isEqualTo(149);
    }
  }

  @Test
  void withoutACallbackItIsABlockingIterator() throws Exception {
    try (TrapListener listener = Transport.listen("127.0.0.1", 0);
        DatagramChannel sender = DatagramChannel.open()) {
      for (int i = 0; i < 3; i++) {
        send(sender, listener.localPort(), new byte[] {(byte) i});
      }
      Iterator<SocketResponse> it = listener.iterator();
      for (int i = 0; i < 3; i++) {
        assertThat(it.hasNext()).isTrue();
        assertThat(it.next().data()).containsExactly(i);
      }
      new Thread(() -> {
            UdpTransportTest.sleep(100);
            listener.close();
          })
          .start();
      assertThat(it.hasNext()).as("ends when the listener closes").isFalse();
    }
  }

  @Test
  void listeningOnAPortInUseNamesThePort() throws Exception {
    try (TrapListener first = Transport.listen("127.0.0.1", 0)) {
      int port = first.localPort();
      assertThatThrownBy(() -> Transport.listen("127.0.0.1", port))
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("cannot listen on udp 127.0.0.1:" + port + ": Address already in use");
    }
  }

  @Test
  void callbackListenerIsNotAnIterator() {
    try (TrapListener l = Transport.listen("127.0.0.1", 0, Transport::defaultTrapHandler)) {
      assertThatThrownBy(l::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void awaitCounters(TrapListener l, long handled) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      TrapListener.Counters c = l.counters();
      if (c.delivered() + c.callbackFailures() + c.dropped() >= handled) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("only " + l.counters() + " of " + handled);
  }
}
