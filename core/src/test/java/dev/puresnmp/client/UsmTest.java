package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.AuthoritativeEngine;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.security.Received;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UsmTest {
  static final Bytes ENGINE = Bytes.decodeHex("80001f8880640b9e64f9e50d6b00000000");
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");
  static final Endpoint AGENT = Endpoint.of("127.0.0.1", 161);

  @Test
  void anEngineTakesNewerBootsOrTimeAndRefusesWhatLiesOutsideTheWindow() {
    Usm.Engine e = new Usm.Engine(ENGINE, 5, 1_000);
    assertThat(e.heard(5, 1_001)).isTrue();
    assertThat(e.boots()).isEqualTo(5);
    assertThat(e.time()).isBetween(1_001, 1_002);
    assertThat(e.heard(5, 1_000 - Usm.TIME_WINDOW_SECONDS + 10)).isTrue(); // older, yet inside the window
    assertThat(e.heard(5, 1_000 - Usm.TIME_WINDOW_SECONDS - 10)).isFalse();
    assertThat(e.heard(4, 5_000)).isFalse(); // fewer boots: a replay from before a restart
    assertThat(e.heard(6, 3)).isTrue();
    assertThat(e.boots()).isEqualTo(6);
    assertThat(e.time()).isBetween(3, 4);
  }

  /** A noAuthNoPriv agent in a Sender: a discovery gets a Report with its engine, a request a Response (or {@code report}). */
  static final class FakeV3Agent implements Sender {
    final AtomicInteger discoveries = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    volatile Oid report;

    @Override
    public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
      V3Message m = (V3Message) MessageCodec.decode(packet);
      int id = ((StandardPdu) m.pdu()).requestId();
      UsmParameters agent = new UsmParameters(ENGINE, 1, 100, m.usm().userName(), Bytes.EMPTY, Bytes.EMPTY);
      StandardPdu pdu;
      if (m.usm().engineId().size() == 0) {
        discoveries.incrementAndGet();
        pdu = StandardPdu.of(PduType.REPORT, id, List.of(VarBind.of(Oid.parse("1.3.6.1.6.3.15.1.1.4.0"), new Counter32(1))));
      } else if (report != null) {
        pdu = StandardPdu.of(PduType.REPORT, id, List.of(VarBind.of(report, new Counter32(1))));
      } else {
        requests.incrementAndGet();
        pdu = StandardPdu.response(id, ErrorStatus.NO_ERROR, 0, List.of(VarBind.of(SYS_NAME, OctetString.of("fake"))));
      }
      V3Message reply = new V3Message(m.msgId(), 65_507, 0, agent, new ScopedPdu(ENGINE, Bytes.EMPTY, pdu), null);
      return CompletableFuture.completedFuture(MessageCodec.encode(reply));
    }
  }

  @Test
  void oneDiscoveryServesEveryClientOfAManager() {
    FakeV3Agent agent = new FakeV3Agent();
    try (SnmpManager manager = SnmpManager.builder().build()) {
      List<CompletableFuture<?>> gets = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        SnmpClient c = SnmpClient.builder(AGENT, Credentials.v3("user-" + i)).manager(manager).sender(agent).build();
        gets.add(c.get(SYS_NAME));
      }
      CompletableFuture.allOf(gets.toArray(new CompletableFuture[0])).join();
      assertThat(agent.discoveries).hasValue(1);
      assertThat(agent.requests).hasValue(10);
    }
  }

  @Test
  void aReportOfACounterNoRfcNamesIsAFaultyAgent() {
    FakeV3Agent agent = new FakeV3Agent();
    agent.report = Oid.parse("1.3.6.1.4.1.99999.1.0");
    try (SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient c = SnmpClient.builder(AGENT, Credentials.v3("u")).manager(manager).sender(agent).build();
      assertThatThrownBy(() -> c.blocking().get(SYS_NAME))
          .isInstanceOf(FaultyAgentException.class)
          .hasMessageContaining("a Report of .1.3.6.1.4.1.99999.1.0 instead of a Response");
    }
  }

  @Test
  void anUnknownEngineIdReportIsAnsweredByANewDiscoveryAndOneMoreTry() {
    FakeV3Agent agent = new FakeV3Agent();
    agent.report = UsmException.Reason.UNKNOWN_ENGINE_ID.counter();
    try (SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient c = SnmpClient.builder(AGENT, Credentials.v3("u")).manager(manager).sender(agent).build();
      assertThatThrownBy(() -> c.blocking().get(SYS_NAME))
          .isInstanceOf(UsmException.class)
          .extracting(x -> ((UsmException) x).reason())
          .isEqualTo(UsmException.Reason.UNKNOWN_ENGINE_ID);
      assertThat(agent.discoveries).hasValue(2); // the first, and one more after the Report
    }
  }

  /** An agent in a Sender: RFC 3414's authoritative side ({@link AuthoritativeEngine}) answering every GET with sysName. */
  static final class EngineAgent implements Sender {
    final AuthoritativeEngine engine;
    final AtomicInteger reports = new AtomicInteger();

    EngineAgent(AuthoritativeEngine engine) {
      this.engine = engine;
    }

    @Override
    public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
      Received r = engine.receive(packet, 0, packet.length);
      if (r instanceof Received.Refused refused) {
        reports.incrementAndGet();
        return CompletableFuture.completedFuture(refused.report().toByteArray());
      }
      Received.Request request = (Received.Request) r;
      int id = ((StandardPdu) request.scopedPdu().pdu()).requestId();
      StandardPdu answer = StandardPdu.response(id, ErrorStatus.NO_ERROR, 0, List.of(VarBind.of(SYS_NAME, OctetString.of("engine"))));
      return CompletableFuture.completedFuture(engine.respond(request, answer));
    }
  }

  @Test
  void aClockThatDriftedOutOfTheWindowIsResyncedByTheAgentsReportAndTheRequestSucceeds() {
    Credentials.V3 user = Credentials.v3("drifter").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
    EngineAgent agent = new EngineAgent(AuthoritativeEngine.builder().engineBoots(7).user(user).build());
    try (SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient c = SnmpClient.builder(AGENT, user).manager(manager).sender(agent).build();
      assertThat(c.blocking().get(SYS_NAME).asText()).isEqualTo("engine");
      Usm.Engine known = manager.usm.engine(AGENT, 1, wire -> CompletableFuture.failedFuture(new AssertionError("no new discovery"))).join();
      known.resync(known.boots(), known.time() + 1_000); // our idea of the agent's clock runs 1,000 s ahead
      int reportsBefore = agent.reports.get();
      assertThat(c.blocking().get(SYS_NAME).asText()).isEqualTo("engine");
      assertThat(agent.reports.get() - reportsBefore).isEqualTo(1); // one notInTimeWindow, then the resent request
      int agentTime = agent.engine.engineTime();
      assertThat(known.time()).isBetween(agentTime - 1, agentTime + 1); // whole seconds on two clocks: one apart at most
      assertThat(known.boots()).isEqualTo(7);
    }
  }
}
