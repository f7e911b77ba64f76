package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Bytes;
import org.junit.jupiter.api.Test;

class SenderClocksTest {
  static final Bytes ENGINE = Bytes.decodeHex("8000000001020304");
  long now;
  final SenderClocks clocks = new SenderClocks(3, () -> now);

  void advanceSeconds(long s) {
    now += s * 1_000_000_000L;
  }

  @Test
  void theFirstTrapOfAnEngineSetsItsClockAndTheSameTrapWithinTheWindowIsAccepted() {
    assertThat(clocks.heard(ENGINE, 1, 1_000)).isTrue();
    advanceSeconds(150);
    assertThat(clocks.heard(ENGINE, 1, 1_000)).isTrue();
  }

  @Test
  void aTrapReplayedMoreThan150SecondsLaterIsOutsideTheWindow() {
    assertThat(clocks.heard(ENGINE, 1, 1_000)).isTrue();
    advanceSeconds(151);
    assertThat(clocks.heard(ENGINE, 1, 1_000)).isFalse();
    assertThat(clocks.heard(ENGINE, 1, 1_151)).isTrue(); // the engine's own next trap
  }

  @Test
  void lowerBootsAreRefusedAndHigherBootsFollowARestart() {
    assertThat(clocks.heard(ENGINE, 5, 90_000)).isTrue();
    assertThat(clocks.heard(ENGINE, 4, 90_001)).isFalse();
    assertThat(clocks.heard(ENGINE, 6, 3)).isTrue(); // restarted: time starts over
    assertThat(clocks.heard(ENGINE, 5, 90_002)).isFalse();
  }

  @Test
  void bootsAtTheirMaximumAreAlwaysOutsideTheWindow() {
    assertThat(clocks.heard(ENGINE, Integer.MAX_VALUE, 0)).isFalse();
  }

  @Test
  void enginesAreKeptPerIdAndTheLeastRecentlyHeardIsForgottenBeyondTheBound() {
    Bytes[] engines = new Bytes[4];
    for (int i = 0; i < engines.length; i++) {
      engines[i] = Bytes.decodeHex("80000000010203040" + i);
    }
    assertThat(clocks.heard(engines[0], 9, 500)).isTrue();
    assertThat(clocks.heard(engines[1], 1, 10)).isTrue(); // another engine's clock is its own
    assertThat(clocks.heard(engines[2], 1, 10)).isTrue();
    assertThat(clocks.heard(engines[0], 8, 500)).isFalse(); // engine 0 heard most recently now
    assertThat(clocks.heard(engines[3], 1, 10)).isTrue(); // engine 1 forgotten
    assertThat(clocks.size()).isEqualTo(3);
    assertThat(clocks.heard(engines[0], 8, 500)).isFalse(); // engine 0 still known
    assertThat(clocks.heard(engines[1], 0, 1)).isTrue(); // engine 1 starts over
  }
}
