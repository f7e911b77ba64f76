package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test network itself: what it loses, copies and reorders, and that its counters say so. */
@Timeout(60)
class LossyLinkTest {
  private static void send(DatagramChannel client, LossyLink link, int n) throws IOException {
    client.send(ByteBuffer.wrap(new byte[] {(byte) (n >> 8), (byte) n}), link.endpoint().toSocketAddress());
  }

  private static DatagramChannel client() throws IOException {
    DatagramChannel ch = DatagramChannel.open();
    ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return ch;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  private static List<Integer> numbers(UdpResponder agent) {
    List<Integer> n = new ArrayList<>();
    for (UdpResponder.Request r : agent.requests) {
      n.add(((r.data()[0] & 0xff) << 8) | (r.data()[1] & 0xff));
    }
    return n;
  }

  @Test
  void withoutLossEveryDatagramCrossesOnceEachWay() throws Exception {
    try (UdpResponder echo = UdpResponder.loopback((r, req) -> r.reply(req, req.data()));
        LossyLink link = LossyLink.builder(echo.endpoint()).start();
        DatagramChannel client = client()) {
      for (int i = 0; i < 100; i++) {
        send(client, link, i);
      }
      ByteBuffer buf = ByteBuffer.allocate(16);
      for (int i = 0; i < 100; i++) {
        buf.clear();
        client.receive(buf);
      }
      assertThat(link.toAgent()).isEqualTo(new LossyLink.Counters(100, 100, 0, 0));
      await(() -> link.toClient().relayed() == 100, "every answer relayed");
      assertThat(link.toClient()).isEqualTo(new LossyLink.Counters(100, 100, 0, 0));
    }
  }

  @Test
  void aCertainLossDropsEverythingAndCountsIt() throws Exception {
    try (UdpResponder agent = UdpResponder.loopback((r, req) -> {});
        LossyLink link = LossyLink.builder(agent.endpoint()).lossToAgent(1).start();
        DatagramChannel client = client()) {
      for (int i = 0; i < 10; i++) {
        send(client, link, i);
      }
      await(() -> link.toAgent().received() == 10, "every datagram received");
      assertThat(link.toAgent()).isEqualTo(new LossyLink.Counters(10, 0, 10, 0));
      assertThat(agent.requests).isEmpty();
    }
  }

  @Test
  void aCertainDuplicateDeliversEveryDatagramTwiceEachWay() throws Exception {
    try (UdpResponder echo = UdpResponder.loopback((r, req) -> r.reply(req, req.data()));
        LossyLink link = LossyLink.builder(echo.endpoint()).duplicate(1).start();
        DatagramChannel client = client()) {
      for (int i = 0; i < 5; i++) {
        send(client, link, i);
      }
      await(() -> link.toClient().relayed() == 20, "each of 10 answers relayed twice");
      assertThat(link.toAgent()).isEqualTo(new LossyLink.Counters(5, 10, 0, 5));
      assertThat(link.toClient()).isEqualTo(new LossyLink.Counters(10, 20, 0, 10));
      assertThat(numbers(echo)).containsExactlyInAnyOrder(0, 0, 1, 1, 2, 2, 3, 3, 4, 4);
    }
  }

  @Test
  void theSameSeedLosesTheSameDatagrams() throws Exception {
    List<List<Integer>> delivered = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (UdpResponder agent = UdpResponder.loopback((r, req) -> {});
          LossyLink link = LossyLink.builder(agent.endpoint()).lossToAgent(0.5).seed(42).start();
          DatagramChannel client = client()) {
        for (int i = 0; i < 200; i++) {
          send(client, link, i);
        }
        await(() -> link.toAgent().received() == 200, "every datagram received");
        await(() -> agent.requests.size() == link.toAgent().relayed(), "every relayed datagram arrived");
        delivered.add(numbers(agent));
      }
    }
    assertThat(delivered.get(0)).hasSizeBetween(60, 140).isEqualTo(delivered.get(1));
  }

  @Test
  void aRandomExtraDelayLetsLaterDatagramsOvertakeEarlierOnes() throws Exception {
    try (UdpResponder agent = UdpResponder.loopback((r, req) -> {});
        LossyLink link = LossyLink.builder(agent.endpoint()).reorder(Duration.ofMillis(50)).start();
        DatagramChannel client = client()) {
      for (int i = 0; i < 50; i++) {
        send(client, link, i);
      }
      await(() -> agent.requests.size() == 50, "every datagram arrived");
      List<Integer> order = numbers(agent);
      assertThat(order).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
      assertThat(order).isNotEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }
  }

  @Test
  void aChanceOutsideZeroToOneIsRefused() throws Exception {
    LossyLink.Builder b = LossyLink.builder(Endpoint.of("127.0.0.1", 161));
    assertThatThrownBy(() -> b.loss(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessage("lossToAgent must be a chance in [0, 1], not 1.5");
    assertThatThrownBy(() -> b.duplicate(Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate must be a chance in [0, 1], not NaN");
    assertThatThrownBy(() -> b.reorder(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
