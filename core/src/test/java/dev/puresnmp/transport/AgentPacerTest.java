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
  void underConcurrentSendersAndCompletionsTheLimitHoldsAndEveryRequestGoesOut() throws Exception {
    java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService completer = java.util.concurrent.Executors.newFixedThreadPool(2);
    Sender async =
        (endpoint, packet, timeout, attempts) -> {
          most.accumulateAndGet(now.incrementAndGet(), Math::max);
          CompletableFuture<byte[]> f = new CompletableFuture<>();
          completer.execute(
              () -> {
                now.decrementAndGet();
                f.complete(packet);
              });
          return f;
        };
    AgentPacer pacer = new AgentPacer(async, 8);
    Endpoint where = agent(1);
    List<CompletableFuture<byte[]>> all = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread[] senders = new Thread[4];
    for (int t = 0; t < senders.length; t++) {
      senders[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 5_000; i++) {
                  all.add(pacer.send(where, new byte[] {1}, Duration.ofSeconds(30), 1));
                }
              });
      senders[t].start();
    }
    for (Thread t : senders) {
      t.join();
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(30, java.util.concurrent.TimeUnit.SECONDS);
    completer.shutdown();
    assertThat(all).hasSize(20_000);
    assertThat(most.get()).isBetween(1, 8);
    assertThat(pacer.waiting()).isZero();
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
