package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.TransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A manager whose executor is {@code Runnable::run}: every callback runs on the transport's I/O thread,
 * end to end, against a real agent on loopback.
 */
@Timeout(30)
class IoThreadCallbacksTest {
  private static final Credentials PUBLIC = Credentials.v2c("public");
  private static final String IO_THREAD = "puresnmp-udp-";
  private static final Oid SYSTEM = Oid.parse("1.3.6.1.2.1.1");

  private final LoopbackAgent agent = new LoopbackAgent();
  private SnmpManager manager;
  private SnmpClient client;

  @BeforeEach
  void start() {
    agent.delayMillis = 5; // each callback is attached before its answer comes
    manager = SnmpManager.builder().executor(Runnable::run).build();
    client = manager.clientBuilder(agent.endpoint(), PUBLIC).maxRepetitions(3).build();
  }

  @AfterEach
  void stop() throws Exception {
    manager.close();
    agent.close();
  }

  private static CompletableFuture<String> threadOf(CompletableFuture<?> f) {
    return f.handle((v, e) -> Thread.currentThread().getName());
  }

  @Test
  void everyOperationCompletesOnTheIoThread() throws Exception {
    List<CompletableFuture<String>> threads =
        List.of(
            threadOf(client.get("1.3.6.1.2.1.1.5.0")),
            threadOf(client.multiget("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0")),
            threadOf(client.getnext("1.3.6.1.2.1.1.5.0")),
            threadOf(client.bulkwalk(SYSTEM)),
            threadOf(client.bulkwalk(List.of(SYSTEM, SYSTEM))),
            threadOf(client.bulktable(SYSTEM)));
    for (CompletableFuture<String> t : threads) {
      assertThat(t.get(10, TimeUnit.SECONDS)).startsWith(IO_THREAD);
    }
  }

  @Test
  void aStreamingWalkHearsEveryPageOnTheIoThreadAndCompletes() throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();
    CompletableFuture<WalkEnd> walk = client.bulkwalk(SYSTEM, (Consumer<VarBind>) vb -> threads.add(Thread.currentThread().getName()));
    CompletableFuture<String> completedOn = threadOf(walk);
    // Waited for through a dependent: a thread that waits on a future may run its callbacks itself.
    assertThat(completedOn.get(10, TimeUnit.SECONDS)).startsWith(IO_THREAD);
    assertThat(walk.join()).isEqualTo(WalkEnd.END_OF_SUBTREE);
    assertThat(threads).hasSize(15).allMatch(name -> name.startsWith(IO_THREAD));
  }

  @Test
  void aTimeoutFailsOnTheIoThread() throws Exception {
    try (DatagramChannel silent = DatagramChannel.open()) {
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      SnmpClient nobody = manager.clientBuilder(Endpoint.of((InetSocketAddress) silent.getLocalAddress()), PUBLIC).timeout(Duration.ofMillis(50)).retries(0).build();
      CompletableFuture<?> get = nobody.get("1.3.6.1.2.1.1.5.0");
      CompletableFuture<String> failedOn = threadOf(get);
      CompletableFuture<?> walk = nobody.walk(SYSTEM, (Consumer<VarBind>) vb -> {});
      CompletableFuture<String> walkFailedOn = threadOf(walk);
      assertThat(failedOn.get(10, TimeUnit.SECONDS)).startsWith(IO_THREAD);
      assertThat(walkFailedOn.get(10, TimeUnit.SECONDS)).startsWith(IO_THREAD);
      assertThatThrownBy(get::join).cause().isInstanceOf(SnmpTimeoutException.class);
      assertThatThrownBy(walk::join).cause().isInstanceOf(SnmpTimeoutException.class);
    }
  }

  @Test
  void closingTheManagerFailsWhatIsPendingWithoutDeadlock() throws Exception {
    try (DatagramChannel silent = DatagramChannel.open()) {
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      SnmpClient nobody = manager.clientBuilder(Endpoint.of((InetSocketAddress) silent.getLocalAddress()), PUBLIC).timeout(Duration.ofSeconds(30)).build();
      CompletableFuture<?> get = nobody.get("1.3.6.1.2.1.1.5.0");
      CompletableFuture<?> walk = nobody.bulkwalk(SYSTEM, (Consumer<VarBind>) vb -> {});
      CompletableFuture<?> collected = nobody.bulkwalk(SYSTEM);
      manager.close();
      for (CompletableFuture<?> f : List.of(get, walk)) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TransportException.class);
      }
      assertThatThrownBy(() -> collected.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IncompleteWalkException.class).cause().isInstanceOf(TransportException.class);
    }
  }

  @Test
  void closingTheManagerFromACallbackOnTheIoThreadReturns() throws Exception {
    CompletableFuture<String> closedOn =
        client.get("1.3.6.1.2.1.1.5.0")
            .thenApply(
                v -> {
                  manager.close();
                  return Thread.currentThread().getName();
                });
    assertThat(closedOn.get(10, TimeUnit.SECONDS)).startsWith(IO_THREAD);
    assertThatThrownBy(() -> client.get("1.3.6.1.2.1.1.5.0").get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TransportException.class);
  }

  @Test
  void aBlockingCallFromACallbackOnTheIoThreadThrowsInsteadOfHanging() {
    CompletableFuture<?> nested = client.get("1.3.6.1.2.1.1.5.0").thenApply(v -> client.blocking().get("1.3.6.1.2.1.1.6.0"));
    assertThatThrownBy(() -> nested.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("I/O thread")
        .hasMessageContaining("must not block");
    CompletableFuture<WalkEnd> walk = client.bulkwalk(SYSTEM, (Consumer<VarBind>) vb -> client.blocking().get(vb.oid()));
    assertThatThrownBy(() -> walk.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class);
    // The manager still works.
    assertThat(client.blocking().get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("ok");
  }
}
