package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.SimulatorData;
import dev.puresnmp.sim.SimulatorExtension;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PortInventory against simulated agents, which the extension starts on free ports and stops after each test. */
@ExtendWith(SimulatorExtension.class)
class PortInventoryTest {
  /** A recording beside this class: the community is its file name, "branch-router". */
  @SimulatorData("branch-router.snmprec")
  AgentSimulator router;

  @Test
  void findsTheDownPortOfARecordedRouter() {
    PortInventory inventory = new PortInventory(client(router, "branch-router"));

    assertThat(inventory.portsDown()).containsExactly("Serial0/1");
  }

  @Test
  void findsEveryEighthPortOfTheShippedSwitchDown(@SimulatorData("switch-48") AgentSimulator sw) {
    PortInventory inventory = new PortInventory(client(sw, "switch-48"));

    assertThat(inventory.portsDown()).containsExactly(
        "GigabitEthernet1/0/8", "GigabitEthernet1/0/16", "GigabitEthernet1/0/24",
        "GigabitEthernet1/0/32", "GigabitEthernet1/0/40", "GigabitEthernet1/0/48");
  }

  @Test
  void getsTheSameAnswerWhenAThirdOfTheRepliesAreLost(@SimulatorData(value = "switch-48", faults = "drop=0.3") AgentSimulator sw) {
    SnmpClient patient = client(sw, "switch-48").newBuilder().timeout(Duration.ofMillis(50)).retries(10).maxRepetitions(50).build();

    assertThat(new PortInventory(patient).portsDown()).hasSize(6);
    assertThat(sw.counters().dropped()).as("replies the fault dropped").isPositive();
  }

  @Test
  void failsWithATimeoutWhenTheAgentNeverAnswers(@SimulatorData(value = "switch-48", faults = "drop=1") AgentSimulator sw) {
    SnmpClient impatient = client(sw, "switch-48").newBuilder().timeout(Duration.ofMillis(50)).retries(1).build();

    assertThatThrownBy(() -> new PortInventory(impatient).portsDown()).hasRootCauseInstanceOf(SnmpTimeoutException.class);
  }

  private static SnmpClient client(AgentSimulator agent, String community) {
    return SnmpClient.builder(agent.endpoint(), Credentials.v2c(community)).mib(Mib.builtIn()).build();
  }
}
