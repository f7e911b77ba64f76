package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpTransportTest {
  private final UdpTransport udp = UdpTransport.builder().build();

  @AfterEach
  void close() {
    udp.close();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("completed normally");
  }

  @Test
  void repliesCompleteTheirRequest() throws Exception {
    try (UdpResponder agent = UdpResponder.loopback((r, req) -> r.reply(req, UdpResponder.responseTo(req.data())))) {
      int id = udp.nextRequestId();
      byte[] reply = udp.send(agent.endpoint(), UdpResponder.get(id), Duration.ofSeconds(1), 1).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      assertThat(udp.counters().matched()).isEqualTo(1);
      assertThat(udp.outstanding()).isZero();
    }
  }

  @Test
  void noReplyTimesOutAfterExactlyTheAttemptsAtTheRightTimes() throws Exception {
    try (UdpResponder silent = UdpResponder.loopback((r, req) -> {})) {
      long start = System.nanoTime();
      CompletableFuture<byte[]> f = udp.send(silent.endpoint(), UdpResponder.get(udp.nextRequestId()), Duration.ofMillis(200), 3);
      Throwable t = failure(f);
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(t)
          .isInstanceOf(SnmpTimeoutException.class)
          .hasMessage("timeout after 3 attempts of 200 ms to " + silent.endpoint() + "; check address, port and community/credentials");
      SnmpTimeoutException e = (SnmpTimeoutException) t;
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.endpoint()).isEqualTo(silent.endpoint());
      assertThat(silent.requests).hasSize(3);
      // Attempts leave one timeout apart (the wheel ticks every 10 ms).
      for (int i = 1; i < 3; i++) {
        double gapMs = (silent.requests.get(i).nanos() - silent.requests.get(i - 1).nanos()) / 1e6;
        assertThat(gapMs).isCloseTo(200, within(40.0));
      }
      assertThat(elapsedMs).isBetween(590L, 900L);
      assertThat(silent.requests.get(0).data()).isEqualTo(silent.requests.get(2).data()); // same bytes, same id
      assertThat(udp.counters().timedOut()).isEqualTo(1);
      assertThat(udp.counters().retransmitted()).isEqualTo(2);
      assertThat(udp.outstanding()).isZero();
    }
  }

  @Test
  void lateReplyToTheFirstAttemptCompletesTheRequestDuringTheSecond() throws Exception {
    try (UdpResponder slow =
        UdpResponder.loopback(
            (r, req) -> {
              if (r.requests.size() == 1) {
                new Thread(() -> {
                      sleep(300); // past attempt 1's 200 ms: attempt 2 is out by then
                      r.reply(req, UdpResponder.responseTo(req.data()));
                    })
                    .start();
              }
            })) {
      int id = udp.nextRequestId();
      byte[] reply = udp.send(slow.endpoint(), UdpResponder.get(id), Duration.ofMillis(200), 3).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      assertThat(slow.requests).hasSize(2);
      assertThat(udp.counters().retransmitted()).isEqualTo(1);
    }
  }

  @Test
  void duplicateReplyIsDroppedAndCounted() throws Exception {
    try (UdpResponder twice =
        UdpResponder.loopback(
            (r, req) -> {
              byte[] reply = UdpResponder.responseTo(req.data());
              r.reply(req, reply);
              r.reply(req, reply);
            })) {
      byte[] reply = udp.send(twice.endpoint(), UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 1).join();
      assertThat(reply).isNotEmpty();
      awaitCounter(() -> udp.counters().unmatched(), 1);
      assertThat(udp.counters().matched()).isEqualTo(1);
    }
  }

  @Test
  void replyFromAnotherPortOrWithAnotherIdIsDroppedAndCounted() throws Exception {
    try (UdpResponder tricky =
        UdpResponder.loopback(
            (r, req) -> {
              r.replyFromOtherPort(req, UdpResponder.responseTo(req.data()));
              r.reply(req, UdpResponder.responseTo(req.data(), 1));
              r.reply(req, new byte[] {0x30, 0x03, 0x02, 0x01});
              sleep(50);
              r.reply(req, UdpResponder.responseTo(req.data()));
            })) {
      int id = udp.nextRequestId();
      byte[] reply = udp.send(tricky.endpoint(), UdpResponder.get(id), Duration.ofSeconds(2), 1).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      UdpTransport.Counters c = udp.counters();
      assertThat(c.wrongSource()).isEqualTo(1);
      assertThat(c.unmatched()).isEqualTo(1);
      assertThat(c.unparsable()).isEqualTo(1);
      assertThat(c.matched()).isEqualTo(1);
    }
  }

  @Test
  void repliesUpToTheLargestUdpPayloadArriveWhole() throws Exception {
    byte[] big = new byte[UdpTransport.MESSAGE_MAX_SIZE];
    try (UdpResponder agent =
        UdpResponder.loopback(
            (r, req) -> {
              // Any bytes do, as long as they begin like a message with the request's id.
              byte[] head = UdpResponder.responseTo(req.data());
              System.arraycopy(head, 0, big, 0, head.length);
              for (int i = head.length; i < big.length; i++) {
                big[i] = (byte) i;
              }
              r.reply(req, big);
            })) {
      byte[] reply = udp.send(agent.endpoint(), UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(2), 1).join();
      assertThat(reply).hasSize(65_507).isEqualTo(big);
    }
  }

  @Test
  void aClosedPortIsRetriedLikeALostPacketAndTimesOut() throws Exception {
    Endpoint closed;
    try (UdpResponder gone = UdpResponder.loopback((r, req) -> {})) {
      closed = gone.endpoint();
    }
    // The kernel answers with ICMP port unreachable, which an unconnected socket never sees.
    Throwable t = failure(udp.send(closed, UdpResponder.get(udp.nextRequestId()), Duration.ofMillis(100), 2));
    assertThat(t).isInstanceOf(SnmpTimeoutException.class);
    assertThat(((SnmpTimeoutException) t).attempts()).isEqualTo(2);
    assertThat(udp.counters().sendFailures()).isZero();
  }

  @Test
  void worksOverIpv6() throws Exception {
    try (UdpResponder agent = new UdpResponder(InetAddress.getByName("::1"), (r, req) -> r.reply(req, UdpResponder.responseTo(req.data())))) {
      assertThat(agent.endpoint().toString()).startsWith("[0:0:0:0:0:0:0:1]:");
      int id = udp.nextRequestId();
      byte[] reply = udp.send(agent.endpoint(), UdpResponder.get(id), Duration.ofSeconds(1), 2).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
    }
  }

  @Test
  void tenThousandConcurrentRequestsAnsweredInRandomOrderEachGetTheirOwnReply() throws Exception {
    int n = 10_000;
    try (UdpResponder agent =
        UdpResponder.loopback(
            (r, req) -> {
              if (r.requests.size() == n) {
                for (UdpResponder.Request q : r.shuffledRequests()) {
                  r.reply(q, UdpResponder.responseTo(q.data()));
                }
              }
            })) {
      Endpoint e = agent.endpoint();
      List<CompletableFuture<byte[]>> futures = new ArrayList<>(n);
      List<Integer> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int id = udp.nextRequestId();
        ids.add(id);
        // one attempt: the responder answers only once it has all n, so a retry would not help
        futures.add(udp.send(e, UdpResponder.get(id), Duration.ofSeconds(20), 1));
      }
      for (int i = 0; i < n; i++) {
        assertThat(UdpResponder.text(futures.get(i).join())).isEqualTo("reply-to-" + ids.get(i));
      }
      assertThat(udp.outstanding()).isZero();
      assertThat(udp.counters().matched()).isEqualTo(n);
    }
  }

  @Test
  void whenHalfIsAnsweredTheOtherHalfTimesOutAndNothingLeaks() throws Exception {
    int n = 2_000;
    try (UdpResponder half =
        UdpResponder.loopback(
            (r, req) -> {
              int id = ((dev.puresnmp.pdu.StandardPdu) dev.puresnmp.message.MessageCodec.decode(req.data()).pdu()).requestId();
              if (id % 2 == 0) {
                r.reply(req, UdpResponder.responseTo(req.data()));
              }
            })) {
      List<CompletableFuture<byte[]>> futures = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int id = udp.nextRequestId();
        ids.add(id);
        futures.add(udp.send(half.endpoint(), UdpResponder.get(id), Duration.ofMillis(300), 2));
      }
      int answered = 0;
      int timedOut = 0;
      for (int i = 0; i < n; i++) {
        if (ids.get(i) % 2 == 0) {
          assertThat(UdpResponder.text(futures.get(i).join())).isEqualTo("reply-to-" + ids.get(i));
          answered++;
        } else {
          assertThat(failure(futures.get(i))).isInstanceOf(SnmpTimeoutException.class);
          timedOut++;
        }
      }
      assertThat(answered + timedOut).isEqualTo(n);
      assertThat(udp.outstanding()).isZero();
      assertThat(udp.counters().timedOut()).isEqualTo(timedOut);
    }
    udp.close();
    assertThat(udp.ioThread().isAlive()).isFalse();
  }

  @Test
  void closeStopsTheThreadAndFailsPendingRequests() throws Exception {
    UdpTransport mine = UdpTransport.builder().build();
    try (UdpResponder silent = UdpResponder.loopback((r, req) -> {})) {
      CompletableFuture<byte[]> f = mine.send(silent.endpoint(), UdpResponder.get(mine.nextRequestId()), Duration.ofSeconds(30), 1);
      java.util.concurrent.atomic.AtomicReference<Thread> completer = new java.util.concurrent.atomic.AtomicReference<>();
      f.whenComplete((reply, e) -> completer.set(Thread.currentThread()));
      mine.close();
      assertThat(mine.ioThread().isAlive()).isFalse();
      assertThat(completer.get()).as("the pending request failed before close returned, on the transport's pool").isNotNull();
      completer.get().join(1000); // a pool worker's last steps after its last task
      assertThat(completer.get().isAlive()).as("and the pool's thread is gone").isFalse();
      assertThat(failure(f)).isInstanceOf(TransportException.class).hasMessageContaining("closed");
      assertThat(mine.outstanding()).isZero();
      Throwable after = failure(mine.send(silent.endpoint(), UdpResponder.get(1), Duration.ofSeconds(1), 1));
      assertThat(after).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void backPressureKeepsAtMostMaxOutstandingInFlight() throws Exception {
    UdpTransport limited = UdpTransport.builder().maxOutstanding(8).build();
    AtomicInteger unanswered = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    try (limited;
        UdpResponder agent =
            UdpResponder.loopback(
                (r, req) -> {
                  maxSeen.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
                  new Thread(() -> {
                        sleep(5);
                        unanswered.decrementAndGet(); // before the reply: the client frees a slot on it
                        r.reply(req, UdpResponder.responseTo(req.data()));
                      })
                      .start();
                })) {
      List<CompletableFuture<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(limited.send(agent.endpoint(), UdpResponder.get(limited.nextRequestId()), Duration.ofSeconds(5), 1));
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
      assertThat(agent.requests).hasSize(200);
      assertThat(maxSeen.get()).isLessThanOrEqualTo(8);
      assertThat(limited.outstanding()).isZero();
    }
  }

  @Test
  void cancellingForgetsTheRequest() throws Exception {
    try (UdpResponder silent = UdpResponder.loopback((r, req) -> {})) {
      int id = udp.nextRequestId();
      CompletableFuture<byte[]> f = udp.send(silent.endpoint(), UdpResponder.get(id), Duration.ofSeconds(30), 1);
      assertThat(udp.outstanding()).isEqualTo(1);
      f.cancel(true);
      assertThat(udp.outstanding()).isZero();
      // the id is free again
      assertThat(udp.send(silent.endpoint(), UdpResponder.get(id), Duration.ofSeconds(30), 1)).isNotDone();
    }
  }

  @Test
  void aSecondRequestWithAPendingIdToTheSameEndpointIsRefused() throws Exception {
    try (UdpResponder silent = UdpResponder.loopback((r, req) -> {})) {
      udp.send(silent.endpoint(), UdpResponder.get(42), Duration.ofSeconds(30), 1);
      assertThatThrownBy(() -> udp.send(silent.endpoint(), UdpResponder.get(42), Duration.ofSeconds(30), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("request-id 42 is already pending to " + silent.endpoint());
      assertThatThrownBy(() -> udp.send(silent.endpoint(), new byte[] {1, 2}, Duration.ofSeconds(1), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no request-id");
    }
  }

  @Test
  void futuresNeverCompleteOnTheSelectorThread() throws Exception {
    try (UdpResponder agent = UdpResponder.loopback((r, req) -> r.reply(req, UdpResponder.responseTo(req.data())))) {
      String thread = udp.send(agent.endpoint(), UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 1).thenApply(b -> Thread.currentThread().getName()).join();
      assertThat(thread).doesNotStartWith("puresnmp-udp");
    }
  }

  private static void awaitCounter(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
    for (int i = 0; i < 200 && counter.getAsLong() < expected; i++) {
      Thread.sleep(10);
    }
    assertThat(counter.getAsLong()).isEqualTo(expected);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
