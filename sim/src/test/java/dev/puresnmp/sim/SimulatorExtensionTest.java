package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension in use, as a user's test would use it. */
@ExtendWith(SimulatorExtension.class)
class SimulatorExtensionTest {
  static final List<AgentSimulator> SEEN = new ArrayList<>();

  @SimulatorData("small.snmprec")
  AgentSimulator small;

  @SimulatorData(value = "linux-host", community = "public")
  static AgentSimulator shared;

  @Test
  void aFieldGetsARunningSimulatorServingTheResourceUnderItsFileName() {
    SEEN.add(small);
    try (Probe p = new Probe(small.endpoint())) {
      assertThat(small.communities()).containsExactly("small");
      assertThat(small.endpoint().ip().isLoopbackAddress()).isTrue();
      assertThat(p.v2c("small", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds()).containsExactly(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("small")));
    }
  }

  @Test
  void aParameterGetsItsOwnSimulator(@SimulatorData(value = {"linux-host", "switch-48"}, ipv6 = true, faults = "duplicate") AgentSimulator sim) {
    SEEN.add(sim);
    assertThat(sim).isNotSameAs(small);
    assertThat(sim.communities()).containsExactly("linux-host", "switch-48");
    assertThat(sim.endpoints()).extracting(Endpoint::ip).anyMatch(ip -> ip instanceof Inet6Address);
    try (Probe p = new Probe(sim.endpoints().get(1))) {
      assertThat(p.v2c("switch-48", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("switch-48");
      assertThat(p.receive(500)).as("the duplicate fault from the annotation").isPresent();
    }
  }

  @Test
  void aStaticFieldIsSharedByTheClassWithItsCommunityRenamed() {
    try (Probe p = new Probe(shared.endpoint())) {
      assertThat(p.v2c("public", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("linux-host");
    }
  }

  @Test
  void snmpV3UsersComeFromTheAnnotation(@SimulatorData(value = "small.snmprec", users = "usr:SHA-256:authpass123:AES:privpass123") AgentSimulator sim) {
    SEEN.add(sim);
    assertThat(sim.engine().users()).containsExactly(UserSpec.parse("usr:SHA-256:authpass123:AES:privpass123"));
    SnmpClient client = SnmpClient.builder(sim.endpoint(), sim.engine().users().get(0)).build();
    assertThat(client.blocking().get("1.3.6.1.2.1.1.5.0")).isEqualTo(OctetString.of("small"));
  }

  @Test
  void aScriptedAgentCanBeInjectedToo(@SimulatorData("small.snmprec") ScriptedAgent agent) {
    try (Probe p = new Probe(agent.endpoint())) {
      agent.enqueue(ScriptedReply.noResponse());
      p.send(new byte[] {0});
      assertThat(p.v2c("any", Probe.get("1.3.6.1.2.1.1.5.0")).varBinds().get(0).value().asText()).isEqualTo("small");
      assertThat(agent.takeRequest(Duration.ofSeconds(1)).message()).isEmpty();
    }
  }

  @Nested
  class InANestedClass {
    @Test
    void theOuterFieldsAreInjectedAsWell() {
      assertThat(small).isNotNull();
      assertThat(small.communities()).containsExactly("small");
    }
  }

  /** A stopped simulator has let its port go: binding it succeeds (a probe asking it could be given that very port and hear itself). */
  @AfterAll
  static void everySimulatorWasStoppedAfterItsTest() throws java.io.IOException {
    for (AgentSimulator s : SEEN) {
      for (Endpoint e : s.endpoints()) {
        try (java.net.DatagramSocket again = new java.net.DatagramSocket(e.toSocketAddress())) {
          assertThat(again.getLocalPort()).isEqualTo(e.port());
        } catch (java.net.BindException stillBound) {
          throw new AssertionError("not stopped after its test: " + s + " still holds " + e, stillBound);
        }
      }
    }
  }
}
