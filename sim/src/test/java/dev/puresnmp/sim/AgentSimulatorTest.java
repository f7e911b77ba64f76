package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.NoSuchInstance;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol rules, over a real socket on loopback: GET, GETNEXT, GETBULK, SET; v1 and v2c. */
class AgentSimulatorTest {
  AgentSimulator sim;
  Probe probe;

  @BeforeEach
  void start() {
    sim = AgentSimulator.builder()
        .device("small", SimulatorExtension.load("small.snmprec", getClass()))
        .device("linux-host", ShippedDevices.linuxHost())
        .writable("linux-host", Oid.parse("1.3.6.1.2.1.1"))
        .start();
    probe = new Probe(sim.endpoint());
  }

  @AfterEach
  void stop() {
    probe.close();
    sim.close();
  }

  private static List<String> lines(StandardPdu pdu) {
    return pdu.varBinds().stream().map(NetSnmpFormat::format).toList();
  }

  @Test
  void aGetAnswersRecordedValuesAndNoSuchInstanceForTheRest() {
    StandardPdu r = probe.v2c("small", Probe.get("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.9.9"));
    assertThat(r.type()).isEqualTo(PduType.RESPONSE);
    assertThat(r.requestId()).isEqualTo(1);
    assertThat(r.varBinds()).containsExactly(
        VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("small")),
        VarBind.of("1.3.6.1.2.1.1.2.0", NoSuchInstance.INSTANCE),
        VarBind.of("1.3.6.1.9.9", NoSuchInstance.INSTANCE));
  }

  @Test
  void aV1GetOfAMissingOidIsNoSuchNameWithItsIndexAndTheRequestsVarbinds() {
    StandardPdu r = probe.v1("small", Probe.get("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.1"));
    assertThat(r.errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
    assertThat(r.errorIndex()).isEqualTo(2);
    assertThat(r.varBinds()).extracting(VarBind::oid).containsExactly(Oid.parse("1.3.6.1.2.1.1.5.0"), Oid.parse("1.3.6.1.2.1.1.5.1"));
  }

  @Test
  void v1CannotCarryCounter64SoGetFailsAndGetNextStepsOverIt() {
    assertThat(probe.v1("small", Probe.get("1.3.6.1.4.1.1.1.0")).errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
    assertThat(lines(probe.v1("small", Probe.getNext("1.3.6.1.4.1.1")))).containsExactly(".1.3.6.1.4.1.1.2.0 = Counter32: 4294967295");
    assertThat(lines(probe.v2c("small", Probe.getNext("1.3.6.1.4.1.1")))).containsExactly(".1.3.6.1.4.1.1.1.0 = Counter64: 18446744073709551615");
  }

  @Test
  void getNextPastTheLastOidIsEndOfMibViewInV2cAndNoSuchNameInV1() {
    assertThat(probe.v2c("small", Probe.getNext("1.3.6.1.4.1.1.10.0")).varBinds())
        .containsExactly(VarBind.of("1.3.6.1.4.1.1.10.0", EndOfMibView.INSTANCE));
    StandardPdu v1 = probe.v1("small", Probe.getNext("1.3.6.1.2.1.1.1.0", "1.3.6.1.4.1.1.10.0"));
    assertThat(v1.errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
    assertThat(v1.errorIndex()).isEqualTo(2);
  }

  @Test
  void getBulkGivesNonRepeatersOneSuccessorAndRepeatsTheRest() {
    StandardPdu r = probe.v2c("small", Probe.bulk(1, 3, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2.2.1.2", "1.3.6.1.4.1.1.7.0"));
    assertThat(lines(r)).containsExactly(
        ".1.3.6.1.2.1.1.3.0 = Timeticks: (12345) 0:02:03.45",
        ".1.3.6.1.2.1.2.2.1.2.1 = STRING: \"lo\"",
        ".1.3.6.1.4.1.1.8.0 = \"\"",
        ".1.3.6.1.2.1.2.2.1.2.2 = STRING: \"eth0\"",
        ".1.3.6.1.4.1.1.9.0 = STRING: \"writable\"",
        ".1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 12 79 62 F9 40 ",
        ".1.3.6.1.4.1.1.10.0 = INTEGER: 42");
  }

  @Test
  void getBulkPastTheEndRepeatsEndOfMibViewUnderTheLastNameAsSnmpsimDoes() {
    StandardPdu r = probe.v2c("small", Probe.bulk(0, 4, "1.3.6.1.4.1.1.8.0"));
    assertThat(r.varBinds()).containsExactly(
        VarBind.of("1.3.6.1.4.1.1.9.0", OctetString.of("writable")),
        VarBind.of("1.3.6.1.4.1.1.10.0", Integer32.of(42)),
        VarBind.of("1.3.6.1.4.1.1.10.0", EndOfMibView.INSTANCE),
        VarBind.of("1.3.6.1.4.1.1.10.0", EndOfMibView.INSTANCE));
  }

  @Test
  void getBulkRepeatsAtMost64VarbindsAsSnmpsimDoes() {
    assertThat(probe.v2c("linux-host", Probe.bulk(0, 100, "1.3")).varBinds()).hasSize(64);
    assertThat(probe.v2c("linux-host", Probe.bulk(1, 100, "1.3", "1.3", "1.3")).varBinds()).hasSize(1 + 2 * 32);
  }

  @Test
  void getBulkDropsTrailingVarbindsToFitTheMessageSize() {
    try (AgentSimulator small = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).maxMessageSize(484).start();
        Probe p = new Probe(small.endpoint())) {
      byte[] request = MessageCodec.encode(CommunityMessage.v2c("linux-host", Probe.bulk(0, 1000, "1.3")));
      p.send(request);
      byte[] reply = p.receive(1000).orElseThrow();
      StandardPdu r = (StandardPdu) MessageCodec.decode(reply).pdu();
      assertThat(reply.length).isLessThanOrEqualTo(484);
      assertThat(r.errorStatus()).isEqualTo(ErrorStatus.NO_ERROR);
      assertThat(r.varBinds()).hasSizeBetween(5, 40);
      assertThat(r.varBinds().get(0).oid()).isEqualTo(Oid.parse("1.3.6.1.2.1.1.1.0"));
    }
  }

  @Test
  void aGetWhoseResponseWouldNotFitIsTooBigWithNoVarbinds() {
    try (AgentSimulator small = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).maxMessageSize(484).start();
        Probe p = new Probe(small.endpoint())) {
      List<Oid> oids = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        oids.add(Oid.parse("1.3.6.1.2.1.1.9.1.3." + i));
      }
      StandardPdu r = p.v2c("linux-host", StandardPdu.get(5, oids));
      assertThat(r.errorStatus()).isEqualTo(ErrorStatus.TOO_BIG);
      assertThat(r.errorIndex()).isZero();
      assertThat(r.varBinds()).isEmpty();
    }
  }

  @Test
  void aSetOfAWritableOidIsKeptInMemoryAndReadBack() {
    VarBind name = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("renamed"));
    StandardPdu r = probe.v2c("linux-host", StandardPdu.of(PduType.SET_REQUEST, 9, List.of(name)));
    assertThat(r.errorStatus()).isEqualTo(ErrorStatus.NO_ERROR);
    assertThat(r.varBinds()).containsExactly(name);
    assertThat(probe.v2c("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds()).containsExactly(name);
    assertThat(sim.recording("linux-host").varBind(sim.recording("linux-host").indexOf(name.oid())).value().asText())
        .as("the recording itself is untouched").isEqualTo("linux-host");
    sim.resetWrites();
    assertThat(probe.v2c("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("linux-host");
  }

  @Test
  void aSetIsAllOrNothingAndNamesTheFirstFailingVarbind() {
    List<VarBind> vbs = List.of(
        VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("ok")),
        VarBind.of("1.3.6.1.2.1.2.2.1.2.1", OctetString.of("read-only")));
    StandardPdu r = probe.v2c("linux-host", StandardPdu.of(PduType.SET_REQUEST, 9, vbs));
    assertThat(r.errorStatus()).isEqualTo(ErrorStatus.NOT_WRITABLE);
    assertThat(r.errorIndex()).isEqualTo(2);
    assertThat(r.varBinds()).isEqualTo(vbs);
    assertThat(probe.v2c("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("linux-host");
  }

  @Test
  void setErrorsFollowRfc3416AndMapToV1AsRfc2576Says() {
    VarBind wrongType = VarBind.of("1.3.6.1.2.1.1.5.0", Integer32.of(5));
    VarBind absent = VarBind.of("1.3.6.1.2.1.1.99.0", OctetString.of("x"));
    VarBind readOnly = VarBind.of("1.3.6.1.2.1.2.1.0", Integer32.of(1));
    assertThat(probe.v2c("linux-host", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(wrongType))).errorStatus()).isEqualTo(ErrorStatus.WRONG_TYPE);
    assertThat(probe.v2c("linux-host", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(absent))).errorStatus()).isEqualTo(ErrorStatus.NO_CREATION);
    assertThat(probe.v2c("linux-host", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(readOnly))).errorStatus()).isEqualTo(ErrorStatus.NOT_WRITABLE);
    assertThat(probe.v1("linux-host", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(wrongType))).errorStatus()).isEqualTo(ErrorStatus.BAD_VALUE);
    assertThat(probe.v1("linux-host", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(absent))).errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
    assertThat(probe.v1("linux-host", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(readOnly))).errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME);
  }

  @Test
  void writecacheRecordsAreWritableWithoutAnyPrefix() {
    VarBind vb = VarBind.of("1.3.6.1.4.1.1.10.0", Integer32.of(7));
    assertThat(probe.v2c("small", StandardPdu.of(PduType.SET_REQUEST, 1, List.of(vb))).varBinds()).containsExactly(vb);
    assertThat(probe.v2c("small", Probe.get("1.3.6.1.4.1.1.10.0")).varBinds()).containsExactly(vb);
  }

  @Test
  void anUnknownCommunityGetsNoAnswerAndIsCounted() {
    probe.send(MessageCodec.encode(CommunityMessage.v2c("nobody", Probe.get("1.3.6.1.2.1.1.5.0"))));
    assertThat(probe.receive(300)).isEmpty();
    assertThat(sim.counters().unknownCommunity()).isEqualTo(1);
  }

  @Test
  void aV1GetBulkIsNotAnsweredButCounted() {
    probe.send(MessageCodec.encode(CommunityMessage.v1("small", BulkPdu.of(1, 0, 5, List.of(Oid.parse("1.3"))))));
    assertThat(probe.receive(300)).isEmpty();
    assertThat(sim.counters().unsupported()).isEqualTo(1);
  }

  @Test
  void theSyntheticSwitchCountersGrowWithUptime() throws InterruptedException {
    try (AgentSimulator sw = AgentSimulator.builder().device("switch-48", ShippedDevices.switch48()).start();
        Probe p = new Probe(sw.endpoint())) {
      String inOctets = "1.3.6.1.2.1.2.2.1.10.3";
      long first = p.v2c("switch-48", Probe.get(inOctets)).varBinds().get(0).value().asLong();
      long firstTicks = p.v2c("switch-48", Probe.get("1.3.6.1.2.1.1.3.0")).varBinds().get(0).value().asLong();
      Thread.sleep(120);
      long second = p.v2c("switch-48", Probe.get(inOctets)).varBinds().get(0).value().asLong();
      assertThat(second).isGreaterThan(first);
      assertThat(p.v2c("switch-48", Probe.get("1.3.6.1.2.1.1.3.0")).varBinds().get(0).value().asLong()).isGreaterThan(firstTicks);
      assertThat(p.v2c("switch-48", Probe.get("1.3.6.1.2.1.2.1.0")).varBinds()).containsExactly(VarBind.of("1.3.6.1.2.1.2.1.0", Integer32.of(48)));
      assertThat(p.v2c("switch-48", Probe.get("1.3.6.1.2.1.2.2.1.10.8")).varBinds().get(0).value()).as("port 8 is down: no traffic")
          .isEqualTo(new Counter32(8_000_000));
    }
  }

  @Test
  void oneSimulatorServesEachRecordingUnderItsCommunity() {
    assertThat(sim.communities()).containsExactly("small", "linux-host");
    assertThat(probe.v2c("small", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("small");
    assertThat(probe.v2c("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("linux-host");
  }

  @Test
  void everyBoundAddressAnswersAtTheSameTimeFromItsOwnLoop() throws Exception {
    try (AgentSimulator both = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).bind("127.0.0.1").bind("::1").start()) {
      List<java.util.concurrent.Callable<Integer>> clients = new ArrayList<>();
      for (dev.puresnmp.transport.Endpoint e : both.endpoints()) {
        clients.add(() -> {
          try (Probe p = new Probe(e)) {
            List<VarBind> first = p.v2c("linux-host", Probe.bulk(0, 20, "1.3.6.1.2.1.2")).varBinds();
            for (int i = 0; i < 200; i++) {
              assertThat(p.v2c("linux-host", Probe.bulk(0, 20, "1.3.6.1.2.1.2")).varBinds()).isEqualTo(first);
            }
            return first.size();
          }
        });
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients.size());
      try {
        for (java.util.concurrent.Future<Integer> f : pool.invokeAll(clients)) {
          assertThat(f.get()).isEqualTo(20);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(both.counters().answered()).isEqualTo(2 * 201);
    }
  }

  @Test
  void aPortInUseIsRefusedNamingTheAddressAndPort() {
    dev.puresnmp.transport.Endpoint taken = sim.endpoint();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AgentSimulator.builder().device("small", ShippedDevices.linuxHost()).port(taken.port()).start())
        .isInstanceOf(dev.puresnmp.transport.TransportException.class)
        .hasMessageStartingWith("cannot listen on udp 127.0.0.1:" + taken.port() + ": Address already in use");
  }
}
