package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 6298's arithmetic, Karn's backed-off timer and the bounds, on numbers worked by hand. */
class RttEstimatorTest {
  private static final long MS = 1_000_000;
  private static final long CEILING = 1000 * MS;

  @Test
  void beforeAnySampleEveryAttemptWaitsTheCeiling() {
    RttEstimator rtt = new RttEstimator();
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(CEILING);
    assertThat(rtt.retryTimeoutNanos(CEILING, CEILING)).isEqualTo(CEILING);
    rtt.timedOut(CEILING);
    assertThat(rtt.timeout()).isEmpty();
    assertThat(rtt.smoothedRtt()).isEmpty();
  }

  @Test
  void theFirstSampleSetsSrttToItAndRttvarToHalfOfIt() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(40 * MS); // RFC 6298 §2.2: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4·RTTVAR
    assertThat(rtt.smoothedRtt()).contains(Duration.ofMillis(40));
    assertThat(rtt.rttVariation()).contains(Duration.ofMillis(20));
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(120 * MS);
  }

  @Test
  void laterSamplesUpdateRttvarWithTheOldSrttThenSrtt() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(40 * MS);
    rtt.sample(80 * MS);
    // RFC 6298 §2.3: RTTVAR = 3/4·20 + 1/4·|40 − 80| = 25; SRTT = 7/8·40 + 1/8·80 = 45; RTO = 45 + 100
    assertThat(rtt.rttVariation()).contains(Duration.ofMillis(25));
    assertThat(rtt.smoothedRtt()).contains(Duration.ofMillis(45));
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(145 * MS);
  }

  @Test
  void aSteadyRoundTripConvergesToSrttPlusTheClockGranularity() {
    RttEstimator rtt = new RttEstimator();
    for (int i = 0; i < 200; i++) {
      rtt.sample(50 * MS);
    }
    // RTTVAR decays to 0, so RTO = SRTT + max(G, 4·RTTVAR) = 50 + 10
    assertThat(rtt.smoothedRtt()).contains(Duration.ofMillis(50));
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(60 * MS);
  }

  @Test
  void theTimeoutNeverGoesBelowTheFloorNorAboveTheCeiling() {
    RttEstimator rtt = new RttEstimator();
    for (int i = 0; i < 200; i++) {
      rtt.sample(100_000); // 0.1 ms: a loopback agent
    }
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(RttEstimator.MIN_TIMEOUT.toNanos());
    rtt.sample(5000 * MS);
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(CEILING);
    assertThat(rtt.timeoutNanos(10 * MS)).as("a ceiling below the floor wins").isEqualTo(10 * MS);
  }

  @Test
  void aTimeoutDoublesTheAgentsTimeoutOncePerRound() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(40 * MS); // RTO 120 ms
    rtt.timedOut(120 * MS);
    assertThat(rtt.timeout()).contains(Duration.ofMillis(240)); // RFC 6298 §5.5
    rtt.timedOut(120 * MS); // sent before the doubling, lost with the first: no second doubling
    assertThat(rtt.timeout()).contains(Duration.ofMillis(240));
    rtt.timedOut(240 * MS);
    assertThat(rtt.timeout()).contains(Duration.ofMillis(480));
  }

  @Test
  void backingOffStopsAtSixtySecondsAndAtEachRequestsCeiling() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(40 * MS);
    for (int i = 0; i < 40; i++) {
      rtt.timedOut(rtt.timeout().orElseThrow().toNanos());
    }
    assertThat(rtt.timeout()).contains(Duration.ofSeconds(60)); // RFC 6298 §2.5
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(CEILING);
  }

  @Test
  void aSampleEndsTheBackingOff() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(40 * MS);
    rtt.timedOut(120 * MS);
    rtt.timedOut(240 * MS);
    rtt.sample(40 * MS); // RTTVAR = 3/4·20 + 0 = 15, SRTT 40: RTO = 40 + 60
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(100 * MS);
  }

  @Test
  void aRetryWaitsAtLeastTwiceItsPreviousAttemptUpToTheCeiling() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(40 * MS); // RTO 120 ms
    assertThat(rtt.retryTimeoutNanos(CEILING, 120 * MS)).isEqualTo(240 * MS);
    assertThat(rtt.retryTimeoutNanos(CEILING, 20 * MS)).as("never below the agent's timeout").isEqualTo(120 * MS);
    assertThat(rtt.retryTimeoutNanos(CEILING, 800 * MS)).isEqualTo(CEILING);
    assertThat(rtt.retryTimeoutNanos(CEILING, Long.MAX_VALUE / 2 + 1)).as("no overflow").isEqualTo(CEILING);
  }

  @Test
  void aNonPositiveSampleCountsAsTheShortestRoundTrip() {
    RttEstimator rtt = new RttEstimator();
    rtt.sample(-5);
    assertThat(rtt.smoothedRtt()).contains(Duration.ofNanos(1));
    assertThat(rtt.timeoutNanos(CEILING)).isEqualTo(RttEstimator.MIN_TIMEOUT.toNanos());
  }
}
