package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScriptedAgentTest {
  private static final byte[] GET = MessageCodec.encode(CommunityMessage.v2c("public", Probe.get("1.3.6.1.2.1.1.5.0")));

  @Test
  void enqueuedRepliesAnswerRequestsInOrderAndRequestsCanBeTaken() {
    try (ScriptedAgent agent = ScriptedAgent.start(); Probe p = new Probe(agent.endpoint())) {
      agent.enqueue(ScriptedReply.varBinds(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("scripted"))));
      agent.enqueue(ScriptedReply.error(ErrorStatus.NO_SUCH_NAME, 1));
      StandardPdu first = p.v2c("public", Probe.get("1.3.6.1.2.1.1.5.0"));
      assertThat(first.varBinds()).containsExactly(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("scripted")));
      assertThat(first.requestId()).isEqualTo(1);
      StandardPdu second = p.v1("private", Probe.getNext("1.3.6.1.2.1.1"));
      assertThat(second.errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
      assertThat(second.varBinds()).extracting(VarBind::oid).containsExactly(Oid.parse("1.3.6.1.2.1.1"));

      RecordedRequest r1 = agent.takeRequest(Duration.ofSeconds(1));
      assertThat(r1.pdu().type()).isEqualTo(PduType.GET_REQUEST);
      assertThat(r1.community()).isEqualTo("public");
      RecordedRequest r2 = agent.takeRequest(Duration.ofSeconds(1));
      assertThat(r2.pdu().type()).isEqualTo(PduType.GET_NEXT_REQUEST);
      assertThat(r2.community()).isEqualTo("private");
    }
  }

  @Test
  void aLostFirstAttemptIsRetriedAndTheRetryAnsweredFromTheRecording() {
    try (ScriptedAgent agent = ScriptedAgent.builder().recording(ShippedDevices.linuxHost()).start()) {
      agent.enqueue(ScriptedReply.noResponse());
      byte[] reply = Transport.sendUdp(agent.endpoint(), GET, Duration.ofMillis(200), 3);
      assertThat(MessageCodec.decode(reply).pdu().varBinds().get(0).value().asText()).isEqualTo("linux-host");
      assertThat(agent.requestCount()).isEqualTo(2);
      assertThat(agent.takeRequest(Duration.ofSeconds(1)).bytes().toByteArray()).isEqualTo(GET);
      assertThat(agent.takeRequest(Duration.ofSeconds(1)).bytes().toByteArray()).as("a retry resends the same bytes").isEqualTo(GET);
    }
  }

  @Test
  void faultsAndDelaysApplyToOneReply() {
    try (ScriptedAgent agent = ScriptedAgent.builder().recording(ShippedDevices.linuxHost()).start(); Probe p = new Probe(agent.endpoint())) {
      agent.enqueue(ScriptedReply.fromRecording(Fault.wrongRequestId()).after(Duration.ofMillis(200)));
      long start = System.nanoTime();
      p.send(GET);
      byte[] reply = p.receive(1000).orElseThrow();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
      assertThat(((StandardPdu) MessageCodec.decode(reply).pdu()).requestId()).isEqualTo(2);
      assertThat(p.v2c("x", Probe.get("1.3.6.1.2.1.1.5.0")).requestId()).as("the next reply is clean").isEqualTo(1);
    }
  }

  @Test
  void rawBytesAndUndecodableRequestsAreRecordedToo() {
    try (ScriptedAgent agent = ScriptedAgent.start(); Probe p = new Probe(agent.endpoint())) {
      agent.enqueue(ScriptedReply.bytes(new byte[] {1, 2, 3}));
      p.send(new byte[] {(byte) 0xFF, 0});
      assertThat(p.receive(1000)).hasValue(new byte[] {1, 2, 3});
      RecordedRequest r = agent.takeRequest(Duration.ofSeconds(1));
      assertThat(r.message()).isEmpty();
      assertThatThrownBy(r::pdu).hasMessage("2 bytes that are not an SNMP message: ff00");
    }
  }

  @Test
  void takeRequestFailsClearlyWhenNothingCame() {
    try (ScriptedAgent agent = ScriptedAgent.start()) {
      assertThatThrownBy(() -> agent.takeRequest(Duration.ofMillis(50))).isInstanceOf(AssertionError.class)
          .hasMessage("no request within 50 ms (0 received in all)");
    }
  }
}
