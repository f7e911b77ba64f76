package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest {
  @Test
  void everyFaultReadsBackFromItsCommandLineForm() {
    List<Fault> all = List.of(Fault.drop(0.3), Fault.delay(Duration.ofMillis(200)), Fault.duplicate(), Fault.wrongRequestId(),
        Fault.garbage(), Fault.nonIncreasingAfter(5), Fault.loopBackAfter(6), Fault.endOfMibViewAfter(7), Fault.tooBigAbove(8),
        Fault.silentAfter(9));
    for (Fault f : all) {
      assertThat(Fault.parse(f.spec())).isEqualTo(f);
    }
    assertThat(Fault.parse("delay=2s")).isEqualTo(Fault.delay(Duration.ofSeconds(2)));
    assertThat(Fault.parse("DELAY=150")).isEqualTo(Fault.delay(Duration.ofMillis(150)));
  }

  @Test
  void aBadFaultSaysWhatWasExpected() {
    assertThatThrownBy(() -> Fault.parse("explode")).hasMessageStartingWith("unknown fault \"explode\"; expected one of drop=SHARE");
    assertThatThrownBy(() -> Fault.parse("drop=lots")).hasMessage("drop needs a share 0..1, not \"lots\"");
    assertThatThrownBy(() -> Fault.parse("drop=1.5")).hasMessage("drop share must be 0..1, not 1.5");
    assertThatThrownBy(() -> Fault.parse("silent-after")).hasMessage("silent-after needs a value: silent-after=...");
    assertThatThrownBy(() -> Fault.parse("garbage=1")).hasMessage("garbage takes no value, but got \"1\"");
  }
}
