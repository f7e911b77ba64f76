package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport and the pacer feeding and following an agent's {@link RttEstimator}. */
@Timeout(60)
class AdaptiveRetransmissionTest {
  private static final long MS = 1_000_000;
  private final UdpTransport udp = UdpTransport.builder().build();

  @AfterEach
  void stopTransport() {
    udp.close();
  }

  @Test
  void aRequestAnsweredAtItsFirstAttemptIsARoundTripSample() throws Exception {
    try (UdpResponder agent = UdpResponder.loopback((r, req) -> r.reply(req, UdpResponder.responseTo(req.data())))) {
      RttEstimator rtt = new RttEstimator();
      int id = udp.nextRequestId();
      byte[] reply = udp.send(agent.endpoint(), UdpResponder.get(id), Duration.ofSeconds(1), 3, ReplyCheck.ANY, false, rtt).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      assertThat(rtt.smoothedRtt()).isPresent();
      assertThat(rtt.timeout()).isPresent();
    }
  }

  @Test
  void aRetryNumbersItsAttemptInTheIdSoThatItsReplyIsASampleAndComesBackUnderTheFirstId() throws Exception {
    try (UdpResponder second = UdpResponder.loopback((r, req) -> {
      if (r.requests.size() == 2) {
        r.reply(req, UdpResponder.responseTo(req.data())); // only the retransmission is answered
      }
    })) {
      RttEstimator rtt = new RttEstimator();
      int id = udp.nextRequestId();
      byte[] reply = udp.send(second.endpoint(), UdpResponder.get(id), Duration.ofMillis(200), 3, ReplyCheck.ANY, true, rtt).join();
      assertThat(second.requests).extracting(r -> requestId(r.data())).startsWith(id, id + 1);
      assertThat(UdpResponder.text(reply)).as("the agent answered the id it saw").isEqualTo("reply-to-" + (id + 1));
      assertThat(requestId(reply)).as("the caller sees its own id").isEqualTo(id);
      assertThat(rtt.smoothedRtt()).as("measured from the second attempt, not the first (200 ms before)").hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofMillis(150)));
    }
  }

  @Test
  void aLateReplyToTheFirstAttemptCompletesTheRequestAndIsMeasuredFromThatAttempt() throws Exception {
    try (UdpResponder slow = UdpResponder.loopback((r, req) -> {
      if (r.requests.size() == 1) {
        sleep(300);
        r.reply(req, UdpResponder.responseTo(req.data()));
      }
    })) {
      RttEstimator rtt = new RttEstimator();
      rtt.sample(5 * MS); // attempts of 20, 40, 80, 160 ms...: the reply comes during the fourth or fifth
      int id = udp.nextRequestId();
      byte[] reply = udp.send(slow.endpoint(), UdpResponder.get(id), Duration.ofSeconds(2), 8, ReplyCheck.ANY, false, rtt).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      assertThat(slow.requests).hasSizeGreaterThanOrEqualTo(3);
      // SRTT = 7/8 × 5 + 1/8 × R with R ≥ 300 ms from the first attempt: ≥ 41.9 ms. Measured from any retry
      // (the first goes out ≥ 20 ms after it) R ≤ 280 ms and SRTT ≤ 39.4 ms
      assertThat(rtt.smoothedRtt()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(41)));
    }
  }

  @Test
  void aRequestIdNotFromTheTransportIsResentUnchangedAndKarnsRuleHolds() throws Exception {
    try (UdpResponder second = UdpResponder.loopback((r, req) -> {
      if (r.requests.size() == 2) {
        r.reply(req, UdpResponder.responseTo(req.data()));
      }
    })) {
      RttEstimator rtt = new RttEstimator();
      int id = 12_345; // low bits in use: the caller's own numbering
      byte[] reply = udp.send(second.endpoint(), UdpResponder.get(id), Duration.ofMillis(100), 3, ReplyCheck.ANY, true, rtt).join();
      assertThat(second.requests.get(1).data()).isEqualTo(second.requests.get(0).data());
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      assertThat(rtt.smoothedRtt()).as("Karn's rule: the reply may answer either attempt").isEmpty();
    }
  }

  @Test
  void aReplyNumberedForAnAttemptNotYetSentIsDropped() throws Exception {
    try (UdpResponder ahead = UdpResponder.loopback((r, req) -> {
      if (r.requests.size() == 1) {
        r.reply(req, UdpResponder.responseTo(req.data(), 3)); // claims to answer a fourth attempt
      }
    })) {
      int id = udp.nextRequestId();
      CompletableFuture<byte[]> f = udp.send(ahead.endpoint(), UdpResponder.get(id), Duration.ofMillis(100), 2, ReplyCheck.ANY, false, new RttEstimator());
      assertThat(catchThrowableOfType(CompletionException.class, f::join).getCause()).isInstanceOf(SnmpTimeoutException.class);
      assertThat(udp.counters().unmatched()).isEqualTo(1);
    }
  }

  private static int requestId(byte[] message) {
    return ((dev.puresnmp.pdu.StandardPdu) dev.puresnmp.message.MessageCodec.decode(message).pdu()).requestId();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aSilentAgentCostsTheGivenAttemptsEachWaitingTwiceThePrevious() throws Exception {
    try (UdpResponder silent = UdpResponder.loopback((r, req) -> {})) {
      RttEstimator rtt = new RttEstimator();
      rtt.sample(1 * MS); // RTO 1 + max(10, 2) ms, raised to the 20 ms floor
      CompletableFuture<byte[]> f = udp.send(silent.endpoint(), UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 4, ReplyCheck.ANY, false, rtt);
      CompletionException e = catchThrowableOfType(CompletionException.class, f::join);
      assertThat(e.getCause()).isInstanceOfSatisfying(SnmpTimeoutException.class, t -> {
        assertThat(t.attempts()).isEqualTo(4);
        assertThat(t.adaptive()).isTrue();
        assertThat(t).hasMessageStartingWith("timeout after 4 adaptive attempts of at most 1 s to ");
      });
      assertThat(silent.requests).hasSize(4);
      assertThat(udp.counters().retransmitted()).isEqualTo(3);
      // attempts of 20, 40, 80 and 160 ms, each unanswered one doubling the agent's timeout (RFC 6298 §5.5)
      assertThat(rtt.timeout()).contains(Duration.ofMillis(320));
    }
  }

  @Test
  void thePacerKeepsOneEstimatePerAgentFedOnlyByAdaptiveRequests() throws Exception {
    try (UdpResponder agent = UdpResponder.loopback((r, req) -> r.reply(req, UdpResponder.responseTo(req.data())))) {
      AgentPacer pacer = new AgentPacer(udp, 4);
      Endpoint at = agent.endpoint();
      pacer.send(udp, at, UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 2, 4, ReplyCheck.ANY, false, false).join();
      assertThat(pacer.roundTrip(at)).hasValueSatisfying(rtt -> assertThat(rtt.smoothedRtt()).isEmpty());
      pacer.send(udp, at, UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 2, 4, ReplyCheck.ANY, false, true).join();
      pacer.send(udp, at, UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 2, 4, ReplyCheck.ANY, true, true).join();
      assertThat(pacer.roundTrip(at)).hasValueSatisfying(rtt -> assertThat(rtt.smoothedRtt()).isPresent());
      assertThat(pacer.roundTrip(Endpoint.of("127.0.0.1", 9))).isEmpty();
    }
  }

  @Test
  void aSenderThatDoesNotTimeItsAttemptsIgnoresTheEstimate() {
    Sender recorded = (endpoint, packet, timeout, attempts) -> CompletableFuture.completedFuture(new byte[] {7});
    RttEstimator rtt = new RttEstimator();
    byte[] reply = recorded.send(Endpoint.of("127.0.0.1", 161), new byte[] {1}, Duration.ofSeconds(1), 1, ReplyCheck.ANY, false, rtt).join();
    assertThat(reply).containsExactly(7);
    assertThat(rtt.smoothedRtt()).isEmpty();
  }
}
