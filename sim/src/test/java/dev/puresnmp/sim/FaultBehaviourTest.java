package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault, seen from a raw socket. */
class FaultBehaviourTest {
  AgentSimulator sim;
  Probe probe;

  @BeforeEach
  void start() {
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).device("switch-48", ShippedDevices.switch48()).start();
    probe = new Probe(sim.endpoint());
  }

  @AfterEach
  void stop() {
    probe.close();
    sim.close();
  }

  private Optional<byte[]> ask(String community, StandardPdu pdu) {
    probe.send(MessageCodec.encode(CommunityMessage.v2c(community, pdu)));
    return probe.receive(500);
  }

  @Test
  void dropSwallowsTheGivenShareOfRequests() {
    sim.setFaults(Fault.drop(1.0));
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isEmpty();
    sim.setFaults(Fault.drop(0.0));
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isPresent();
    assertThat(sim.counters().dropped()).isEqualTo(1);
  }

  @Test
  void delaySendsTheReplyLate() {
    sim.setFaults(Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isPresent();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
  }

  @Test
  void duplicateSendsEachReplyTwice() {
    sim.setFaults(Fault.duplicate());
    byte[] first = ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")).orElseThrow();
    assertThat(probe.receive(500)).hasValueSatisfying(second -> assertThat(second).isEqualTo(first));
  }

  @Test
  void wrongRequestIdAnswersUnderAnotherId() {
    sim.setFaults(Fault.wrongRequestId());
    byte[] reply = ask("linux-host", StandardPdu.get(77, Probe.oids("1.3.6.1.2.1.1.5.0"))).orElseThrow();
    assertThat(((StandardPdu) MessageCodec.decode(reply).pdu()).requestId()).isEqualTo(78);
  }

  @Test
  void garbageRepliesWithBytesThatAreNoMessage() {
    sim.setFaults(Fault.garbage());
    byte[] reply = ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")).orElseThrow();
    assertThat(reply[0]).isEqualTo((byte) 0xFF);
    assertThat(MessageCodecAccess.decodes(reply)).isFalse();
  }

  @Test
  void nonIncreasingAfterNRowsReturnsTheAskedOidAgain() {
    sim.setFaults(Fault.nonIncreasingAfter(2));
    Oid a = probe.v2c("linux-host", Probe.getNext("1.3.6.1.2.1.1")).varBinds().get(0).oid();
    Oid b = probe.v2c("linux-host", Probe.getNext(a.toString())).varBinds().get(0).oid();
    Oid c = probe.v2c("linux-host", Probe.getNext(b.toString())).varBinds().get(0).oid();
    assertThat(b).isGreaterThan(a);
    assertThat(c).isEqualTo(b);
  }

  @Test
  void loopBackAfterNRowsGoesBackToTheFirstRow() {
    sim.setFaults(Fault.loopBackAfter(3));
    StandardPdu r = probe.v2c("linux-host", Probe.bulk(0, 5, "1.3.6.1.2.1.1"));
    assertThat(r.varBinds()).extracting(VarBind::oid).extracting(Oid::toString).containsExactly(
        "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0");
  }

  @Test
  void endOfMibViewAfterNRowsEndsTheWalkEarly() {
    sim.setFaults(Fault.endOfMibViewAfter(2));
    StandardPdu r = probe.v2c("linux-host", Probe.bulk(0, 4, "1.3.6.1.2.1.1"));
    assertThat(r.varBinds()).extracting(VarBind::value).containsSubsequence(EndOfMibView.INSTANCE);
    assertThat(r.varBinds().get(2)).isEqualTo(VarBind.of(Oid.parse("1.3.6.1.2.1.1.2.0"), EndOfMibView.INSTANCE));
    StandardPdu v1 = probe.v1("linux-host", Probe.getNext("1.3.6.1.2.1.1"));
    assertThat(v1.errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
  }

  @Test
  void tooBigAboveNVarbindsAnswersTooBig() {
    sim.setFaults(Fault.tooBigAbove(3));
    assertThat(probe.v2c("linux-host", Probe.bulk(0, 3, "1.3")).errorStatus()).isEqualTo(ErrorStatus.NO_ERROR);
    StandardPdu r = probe.v2c("linux-host", Probe.bulk(0, 4, "1.3"));
    assertThat(r.errorStatus()).isEqualTo(ErrorStatus.TOO_BIG);
    assertThat(r.varBinds()).isEmpty();
  }

  @Test
  void silentAfterNRequestsStopsAnswering() {
    sim.setFaults(Fault.silentAfter(2));
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isPresent();
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isPresent();
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isEmpty();
    sim.clearFaults();
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isPresent();
  }

  @Test
  void aDevicesOwnFaultsLeaveTheOthersAlone() {
    sim.setFaults("switch-48", Fault.drop(1.0));
    assertThat(ask("switch-48", Probe.get("1.3.6.1.2.1.1.5.0"))).isEmpty();
    assertThat(ask("linux-host", Probe.get("1.3.6.1.2.1.1.5.0"))).isPresent();
  }
}
