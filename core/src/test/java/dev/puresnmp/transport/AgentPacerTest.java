package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentPacerTest {
  private final List<CompletableFuture<byte[]>> held = new ArrayList<>();
  private final List<byte[]> sent = new ArrayList<>();
  private final Sender holding =
      (endpoint, packet, timeout, attempts) -> {
        sent.add(packet);
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        held.add(f);
        return f;
      };

  private static Endpoint agent(int i) throws Exception {
    return new Endpoint(InetAddress.getByAddress(new byte[] {127, 0, (byte) (i >> 8), (byte) i}), 161);
  }

  @Test
  void eachAgentHasItsOwnLimit() throws Exception {
    AgentPacer pacer = new AgentPacer(holding, 2);
    for (int i = 0; i < 3; i++) {
      pacer.send(agent(1), new byte[] {1}, Duration.ofSeconds(1), 1);
      pacer.send(agent(2), new byte[] {2}, Duration.ofSeconds(1), 1);
    }
    assertThat(sent).hasSize(4);
    assertThat(pacer.waiting()).isEqualTo(2);
  }

  @Test
  void aRequestCancelledWhileWaitingIsNeverSent() throws Exception {
    AgentPacer pacer = new AgentPacer(holding, 1);
    pacer.send(agent(1), new byte[] {1}, Duration.ofSeconds(1), 1);
    CompletableFuture<byte[]> second = pacer.send(agent(1), new byte[] {2}, Duration.ofSeconds(1), 1);
    CompletableFuture<byte[]> third = pacer.send(agent(1), new byte[] {3}, Duration.ofSeconds(1), 1);
    second.cancel(true);
    held.get(0).complete(new byte[0]);
    assertThat(sent).extracting(p -> p[0]).containsExactly((byte) 1, (byte) 3);
    assertThat(third).isNotDone();
  }

  @Test
  void idleLanesOfManyAgentsAreForgotten() throws Exception {
    AgentPacer pacer = new AgentPacer(holding, 4);
    for (int i = 0; i < 3000; i++) {
      pacer.send(agent(i), new byte[] {1}, Duration.ofSeconds(1), 1);
      held.get(i).complete(new byte[0]);
    }
    assertThat(pacer.lanes()).isLessThanOrEqualTo(AgentPacer.KEPT_IDLE_LANES + 1);
  }

  @Test
  void closingFailsTheWaitingRequestsAndRefusesNewOnes() throws Exception {
    AgentPacer pacer = new AgentPacer(holding, 1);
    pacer.send(agent(1), new byte[] {1}, Duration.ofSeconds(1), 1);
    CompletableFuture<byte[]> waiting = pacer.send(agent(1), new byte[] {2}, Duration.ofSeconds(1), 1);
    pacer.close();
    assertThatThrownBy(waiting::join).hasCauseInstanceOf(TransportException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> pacer.send(agent(1), new byte[] {3}, Duration.ofSeconds(1), 1).join()).hasCauseInstanceOf(TransportException.class);
    assertThatThrownBy(() -> new AgentPacer(holding, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
