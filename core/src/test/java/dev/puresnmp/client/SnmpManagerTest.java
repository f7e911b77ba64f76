package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Sender;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.TransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SnmpManagerTest {
  private static final Credentials PUBLIC = Credentials.v2c("public");

  private LoopbackAgent agent;

  @BeforeEach
  void startAgent() {
    agent = new LoopbackAgent();
  }

  @AfterEach
  void stopAgent() throws Exception {
    agent.close();
  }

  private Endpoint agentEndpoint() {
    return agent.endpoint();
  }

  private static int threads() {
    return Thread.getAllStackTraces().size();
  }

  @Test
  void aThousandClientsOnTheDefaultManagerStartNoThreadOfTheirOwn() throws Exception {
    Endpoint where = agentEndpoint();
    // Warm up: the default manager starts its I/O thread and fills its completion pool.
    poll(where, 50);
    int before = threads();
    poll(where, 1000);
    int afterThousand = threads();
    poll(where, 1000);
    assertThat(afterThousand).as("threads after 1,000 clients, before: " + before).isLessThanOrEqualTo(before + 2);
    assertThat(threads()).as("threads after 2,000 clients").isLessThanOrEqualTo(afterThousand + 2);
  }

  /** {@code n} clients built the naive way, each with one GET in flight at once. */
  private static void poll(Endpoint where, int n) {
    List<CompletableFuture<?>> gets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SnmpClient c = SnmpClient.builder(where, Credentials.v2c("c" + i)).build();
      gets.add(c.get("1.3.6.1.2.1.1.5.0"));
    }
    gets.forEach(CompletableFuture::join);
  }

  @Test
  void theDefaultManagerCannotBeClosedByAccident() throws Exception {
    try (SnmpManager m = SnmpManager.defaultManager()) {
      assertThat(m).isSameAs(SnmpManager.defaultManager());
    }
    assertThat(SnmpClient.builder(agentEndpoint(), PUBLIC).build().blocking().get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("ok");
  }

  @Test
  void pacingKeepsAtMostTheLimitInFlightToAnAgentAndSendsTheRestInOrder() throws Exception {
    List<byte[]> sent = new CopyOnWriteArrayList<>();
    List<CompletableFuture<byte[]>> held = new CopyOnWriteArrayList<>();
    Sender holding =
        (endpoint, packet, timeout, attempts) -> {
          sent.add(packet);
          CompletableFuture<byte[]> f = new CompletableFuture<>();
          held.add(f);
          return f;
        };
    try (SnmpManager m = SnmpManager.builder().build()) {
      SnmpClient c = m.clientBuilder(agentEndpoint(), PUBLIC).sender(holding).maxOutstandingPerAgent(3).build();
      List<CompletableFuture<List<VarBind>>> gets = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        gets.add(c.multiget("1.3.6.1.2.1.1." + i + ".0"));
      }
      assertThat(sent).hasSize(3);
      assertThat(m.waiting()).isEqualTo(7);
      answer(held.get(0), sent.get(0));
      assertThat(sent).hasSize(4);
      for (int i = 1; i < 10; i++) {
        answer(held.get(i), sent.get(i));
      }
      for (int i = 0; i < 10; i++) {
        assertThat(gets.get(i).join().get(0).oid().toString()).isEqualTo("1.3.6.1.2.1.1." + i + ".0");
      }
      assertThat(sent).hasSize(10);
      for (int i = 0; i < 10; i++) {
        // in the order they were asked for
        assertThat(((CommunityMessage) MessageCodec.decode(sent.get(i))).pdu().varBinds().get(0).oid().toString()).isEqualTo("1.3.6.1.2.1.1." + i + ".0");
      }
      assertThat(m.waiting()).isZero();
    }
  }

  private static void answer(CompletableFuture<byte[]> f, byte[] request) {
    CommunityMessage req = (CommunityMessage) MessageCodec.decode(request);
    StandardPdu pdu = (StandardPdu) req.pdu();
    f.complete(MessageCodec.encode(new CommunityMessage(req.version(), req.community(), StandardPdu.response(pdu.requestId(), ErrorStatus.NO_ERROR, 0, pdu.varBinds()))));
  }

  @Test
  void aRequestThatWaitedLongerThanItsWholeBudgetTimesOutWhenItsTurnComes() throws Exception {
    List<CompletableFuture<byte[]>> held = new CopyOnWriteArrayList<>();
    Sender holding =
        (endpoint, packet, timeout, attempts) -> {
          CompletableFuture<byte[]> f = new CompletableFuture<>();
          held.add(f);
          return f;
        };
    try (SnmpManager m = SnmpManager.builder().build()) {
      SnmpClient c = m.clientBuilder(agentEndpoint(), PUBLIC).sender(holding).maxOutstandingPerAgent(1).timeout(Duration.ofMillis(20)).retries(1).build();
      CompletableFuture<?> first = c.get("1.3.6.1.2.1.1.5.0");
      CompletableFuture<?> second = c.get("1.3.6.1.2.1.1.5.0");
      Thread.sleep(60); // longer than 20 ms x 2 attempts
      held.get(0).completeExceptionally(new SnmpTimeoutException(agentEndpoint(), 2, Duration.ofMillis(20)));
      assertThatThrownBy(second::join).hasCauseInstanceOf(SnmpTimeoutException.class);
      assertThat(held).hasSize(1); // never sent
      assertThat(first).isCompletedExceptionally();
    }
  }

  @Test
  void twoThousandConcurrentGetsToOneAgentAllComplete() throws Exception {
    try (SnmpManager m = SnmpManager.builder().build()) {
      SnmpClient c = m.client(agentEndpoint(), PUBLIC);
      List<CompletableFuture<List<VarBind>>> gets = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        gets.add(c.multiget("1.3.6.1.2.1.1.5." + i));
      }
      for (int i = 0; i < 2000; i++) {
        VarBind vb = gets.get(i).join().get(0);
        assertThat(vb.oid().toString()).isEqualTo("1.3.6.1.2.1.1.5." + i);
        assertThat(vb.value().asText()).isEqualTo("ok");
      }
    }
  }

  @Test
  void aHostNameIsLookedUpWhenARequestIsSentAndKeptForTheTtl() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HostLookup inventory =
        host -> {
          lookups.incrementAndGet();
          if (host.equals("agent.test")) {
            return InetAddress.getLoopbackAddress();
          }
          throw new UnknownHostException(host);
        };
    try (SnmpManager m = SnmpManager.builder().hostLookup(inventory).build()) {
      SnmpClient c = m.client("agent.test:" + agentEndpoint().port(), PUBLIC);
      assertThat(lookups).hasValue(0);
      List<CompletableFuture<?>> gets = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        gets.add(c.get("1.3.6.1.2.1.1.5.0"));
      }
      gets.forEach(CompletableFuture::join);
      assertThat(lookups).hasValue(1);
      assertThat(c.agent().host()).isEqualTo("agent.test");
    }
  }

  @Test
  void anUnknownHostFailsTheFutureNamingTheHost() {
    HostLookup none = host -> {
      throw new UnknownHostException(host);
    };
    try (SnmpManager m = SnmpManager.builder().hostLookup(none).build()) {
      SnmpClient c = m.client("router-7.test", PUBLIC);
      CompletableFuture<?> f = c.get("1.3.6.1.2.1.1.5.0");
      assertThatThrownBy(f::join).cause().isInstanceOf(TransportException.class).hasMessageContaining("unknown host \"router-7.test\"");
      assertThatThrownBy(() -> c.blocking().walk("1.3.6.1.2.1.1"))
          .isInstanceOf(IncompleteWalkException.class)
          .hasMessageContaining("router-7.test");
    }
  }

  @Test
  void closingAManagerFailsItsRequestsInFlightAndWaiting() throws Exception {
    try (DatagramChannel silent = DatagramChannel.open()) {
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      SnmpManager m = SnmpManager.builder().build();
      SnmpClient c = m.clientBuilder(Endpoint.of((InetSocketAddress) silent.getLocalAddress()), PUBLIC).maxOutstandingPerAgent(2).timeout(Duration.ofSeconds(30)).build();
      List<CompletableFuture<?>> gets = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        gets.add(c.get("1.3.6.1.2.1.1.5.0"));
      }
      assertThat(m.waiting()).isEqualTo(3);
      m.close();
      for (CompletableFuture<?> g : gets) {
        assertThatThrownBy(g::join).cause().isInstanceOf(TransportException.class).hasMessageContaining("closed");
      }
      assertThatThrownBy(() -> c.get("1.3.6.1.2.1.1.5.0").join()).cause().isInstanceOf(TransportException.class);
      assertThat(m.transport().counters().pending()).isZero();
    }
  }

  @Test
  void closingAManagerStopsItsThreads() throws Exception {
    Thread io;
    try (SnmpManager m = SnmpManager.builder().build()) {
      SnmpClient c = m.client(agentEndpoint(), PUBLIC);
      assertThat(c.blocking().get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("ok");
      io = ioThreadOf(m);
      assertThat(io.isAlive()).isTrue();
    }
    io.join(5000);
    assertThat(io.isAlive()).isFalse();
  }

  /** The manager's selector thread: the one thread started since the transport was built, by name. */
  private static Thread ioThreadOf(SnmpManager m) {
    int port = m.transport().localPort();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("puresnmp-udp-"))
        .max(java.util.Comparator.comparingInt(t -> Integer.parseInt(t.getName().substring("puresnmp-udp-".length()))))
        .orElseThrow(() -> new AssertionError("no I/O thread for the transport on port " + port));
  }

  @Test
  void aClosedClientRefusesNewRequestsAndClosesNothingShared() throws Exception {
    SnmpClient c = SnmpClient.builder(agentEndpoint(), PUBLIC).build();
    SnmpClient sibling = c.newBuilder().build();
    c.close();
    assertThatThrownBy(() -> c.get("1.3.6.1.2.1.1.5.0")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(sibling.blocking().get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("ok");
  }

  @Test
  void newBuilderDerivesAClientOfAnotherAgentOnTheSameManager() throws Exception {
    try (SnmpManager m = SnmpManager.builder().build()) {
      SnmpClient nowhere = m.clientBuilder("127.0.0.1:1", PUBLIC).retries(1).timeout(Duration.ofMillis(300)).build();
      SnmpClient here = nowhere.newBuilder().agent(agentEndpoint()).build();
      assertThat(here.manager()).isSameAs(m);
      assertThat(here.retries()).isEqualTo(1);
      assertThat(here.timeout()).isEqualTo(Duration.ofMillis(300));
      assertThat(here.agent().port()).isEqualTo(agentEndpoint().port());
      assertThat(here.blocking().get("1.3.6.1.2.1.1.5.0").asText()).isEqualTo("ok");
      assertThat(nowhere.newBuilder().agent("[::1]:1161").build().agent()).isEqualTo(new dev.puresnmp.transport.HostAndPort("::1", 1161));
    }
  }

  @Test
  void aCollectedWalkReadsItsPagesOnTheIoThreadAndHandsItsResultOverOnce() throws Exception {
    AtomicInteger handOffs = new AtomicInteger();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.Executor counting =
        task -> {
          handOffs.incrementAndGet();
          pool.execute(task);
        };
    try (SnmpManager m = SnmpManager.builder().executor(counting).build()) {
      SnmpClient c = m.clientBuilder(agentEndpoint(), PUBLIC).maxRepetitions(3).build();
      WalkResult rows = c.bulkwalk("1.3.6.1.2.1.1").get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(rows).hasSize(15); // five pages of three
      assertThat(rows.end()).isEqualTo(WalkEnd.END_OF_SUBTREE);
      assertThat(handOffs).as("hand-offs to the executor for a walk of five pages").hasValue(1);
      // A streaming walk hands each page to the user's consumer on the executor: one hand-off per page.
      handOffs.set(0);
      List<String> threads = new CopyOnWriteArrayList<>();
      c.bulkwalk(dev.puresnmp.smi.Oid.parse("1.3.6.1.2.1.1"), (java.util.function.Consumer<VarBind>) vb -> threads.add(Thread.currentThread().getName())).get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(threads).hasSize(15).noneMatch(name -> name.startsWith("puresnmp-udp-"));
      assertThat(handOffs.get()).isEqualTo(6); // five pages and the end
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aSlowListenerHasAtMostOnePageFetchedAhead() throws Exception {
    try (SnmpManager m = SnmpManager.builder().build()) {
      SnmpClient c = m.clientBuilder(agentEndpoint(), PUBLIC).maxRepetitions(3).build();
      List<Integer> aheadWhenDone = new CopyOnWriteArrayList<>();
      AtomicInteger heard = new AtomicInteger();
      WalkEnd end =
          c.bulkwalk(
                  dev.puresnmp.smi.Oid.parse("1.3.6.1.2.1.1"),
                  (java.util.function.Consumer<VarBind>)
                      vb -> {
                        if (heard.incrementAndGet() % 3 != 0) {
                          return;
                        }
                        int page = heard.get() / 3;
                        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
                        while (agent.answered.get() < page + 1 && System.nanoTime() < deadline) {
                          Thread.onSpinWait();
                        }
                        sleepQuietly(100); // time enough for a page more, were it asked for
                        aheadWhenDone.add(agent.answered.get() - page);
                      })
              .get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(end).isEqualTo(WalkEnd.END_OF_SUBTREE);
      // While the listener sat on each of the five pages, exactly the next one was fetched.
      assertThat(aheadWhenDone).containsExactly(1, 1, 1, 1, 1);
      assertThat(agent.answered).hasValue(6);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void builderChecksItsArguments() {
    SnmpManager.Builder b = SnmpManager.builder();
    assertThatThrownBy(() -> b.maxOutstandingPerAgent(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxOutstanding(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.hostTtl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.hostLookup(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.executor(null)).isInstanceOf(NullPointerException.class);
    try (SnmpManager m = b.build()) {
      assertThat(m.maxOutstandingPerAgent()).isEqualTo(SnmpManager.DEFAULT_MAX_OUTSTANDING_PER_AGENT);
    }
  }
}
