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
  void aReplyToARetransmittedRequestGivesNoSample() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (UdpResponder second = UdpResponder.loopback((r, req) -> {
      if (!seen.add(java.util.Arrays.toString(req.data()))) {
        r.reply(req, UdpResponder.responseTo(req.data())); // only the retransmission is answered
      }
    })) {
      RttEstimator rtt = new RttEstimator();
      int id = udp.nextRequestId();
      byte[] reply = udp.send(second.endpoint(), UdpResponder.get(id), Duration.ofMillis(100), 3, ReplyCheck.ANY, true, rtt).join();
      assertThat(UdpResponder.text(reply)).isEqualTo("reply-to-" + id);
      assertThat(second.requests).hasSizeGreaterThanOrEqualTo(2);
      assertThat(rtt.smoothedRtt()).as("Karn's rule: the reply may answer either attempt").isEmpty();
    }
  }

  @Test
  void aSilentAgentCostsTheGivenAttemptsEachWaitingTwiceThePrevious() throws Exception {
    try (UdpResponder silent = UdpResponder.loopback((r, req) -> {})) {
      RttEstimator rtt = new RttEstimator();
      rtt.sample(1 * MS); // RTO 1 + max(10, 2) ms, raised to the 20 ms floor
      CompletableFuture<byte[]> f = udp.send(silent.endpoint(), UdpResponder.get(udp.nextRequestId()), Duration.ofSeconds(1), 4, ReplyCheck.ANY, false, rtt);
      CompletionException e = catchThrowableOfType(CompletionException.class, f::join);
      assertThat(e.getCause()).isInstanceOfSatisfying(SnmpTimeoutException.class, t -> assertThat(t.attempts()).isEqualTo(4));
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
