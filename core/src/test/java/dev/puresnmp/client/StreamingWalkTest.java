package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Sender;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streaming walks ({@code walk(root, listener)}, the blocking stream) against a {@link FakeAgent} that
 * answers at once: one page of look-ahead, pages heard in order on the executor, one task per page.
 */
@Timeout(30)
class StreamingWalkTest {
  private static final Oid IF_INDEX = Oid.parse("1.3.6.1.2.1.2.2.1.1");
  private static final Credentials PUBLIC = Credentials.v2c("public");

  /** ifIndex.1 .. ifIndex.9, then one scalar outside the column. */
  private final FakeAgent agent = new FakeAgent().put("1.3.6.1.2.1.4.1.0", new Integer32(2));

  {
    for (int i = 1; i <= 9; i++) {
      agent.put(IF_INDEX + "." + i, new Integer32(i));
    }
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "user-pool"));
  private final AtomicInteger handOffs = new AtomicInteger();
  private final Executor counting =
      task -> {
        handOffs.incrementAndGet();
        pool.execute(task);
      };
  private final SnmpManager manager = SnmpManager.builder().executor(counting).build();

  @AfterEach
  void stop() {
    manager.close();
    pool.shutdownNow();
  }

  private SnmpClient client(Sender sender) {
    return manager.clientBuilder("127.0.0.1:161", PUBLIC).sender(sender).build();
  }

  @Test
  void theNextRequestLeavesWhileTheListenerHearsAPageAndNoFurther() throws Exception {
    List<Integer> requestsWhenHeard = new CopyOnWriteArrayList<>();
    WalkEnd end = client(agent).walk(IF_INDEX, (vb, verdict, previous) -> requestsWhenHeard.add(agent.requests.size())).get(10, TimeUnit.SECONDS);
    assertThat(end).isEqualTo(WalkEnd.END_OF_SUBTREE);
    // GETNEXT: a page is a varbind; while page k is heard, page k+1 was requested, page k+2 not yet.
    assertThat(requestsWhenHeard).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 10);
    assertThat(agent.requests).hasSize(10);
  }

  @Test
  void pagesAreHeardInOrderOnTheExecutorOneTaskAPageNeverTwoAtOnce() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    AtomicInteger inListener = new AtomicInteger();
    List<Integer> overlaps = new CopyOnWriteArrayList<>();
    SnmpClient bulk = client(agent).newBuilder().maxRepetitions(2).build();
    WalkEnd end =
        bulk.bulkwalk(
                IF_INDEX,
                (vb, verdict, previous) -> {
                  overlaps.add(inListener.incrementAndGet());
                  heard.add(vb.oid() + " " + verdict);
                  threads.add(Thread.currentThread().getName());
                  sleep(2);
                  inListener.decrementAndGet();
                })
            .get(10, TimeUnit.SECONDS);
    assertThat(end).isEqualTo(WalkEnd.END_OF_SUBTREE);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      expected.add(IF_INDEX + "." + i + " ROW");
    }
    expected.add("1.3.6.1.2.1.4.1.0 OUTSIDE_SUBTREE");
    assertThat(heard).containsExactlyElementsOf(expected);
    assertThat(threads).allMatch("user-pool"::equals);
    assertThat(overlaps).containsOnly(1);
    // Five responses of two varbinds: five pages, each handed to the executor once; the end comes with the last.
    assertThat(agent.requests).hasSize(5);
    assertThat(handOffs).hasValue(5);
  }

  @Test
  void aFailedRequestFailsTheWalkAfterTheRowsBeforeIt() {
    Sender thirdTimesOut =
        (endpoint, packet, timeout, attempts) ->
            agent.requests.size() == 2
                ? CompletableFuture.failedFuture(new SnmpTimeoutException(endpoint, attempts, timeout))
                : agent.send(endpoint, packet, timeout, attempts);
    List<String> rows = new CopyOnWriteArrayList<>();
    CompletableFuture<WalkEnd> walk = client(thirdTimesOut).walk(IF_INDEX, (Consumer<VarBind>) vb -> rows.add(vb.oid().toString()));
    assertThatThrownBy(() -> walk.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isInstanceOf(SnmpTimeoutException.class);
    assertThat(rows).containsExactly(IF_INDEX + ".1", IF_INDEX + ".2");
    assertThat(handOffs).as("two pages and the failure").hasValue(3);
  }

  @Test
  void aListenerThatThrowsFailsTheWalkWithItsExceptionAndStopsIt() {
    IllegalArgumentException boom = new IllegalArgumentException("listener failed");
    List<Oid> heard = new CopyOnWriteArrayList<>();
    CompletableFuture<WalkEnd> walk =
        client(agent).walk(
            IF_INDEX,
            (vb, verdict, previous) -> {
              heard.add(vb.oid());
              if (heard.size() == 3) {
                throw boom;
              }
            });
    assertThatThrownBy(() -> walk.get(10, TimeUnit.SECONDS)).cause().isSameAs(boom);
    assertThat(heard).hasSize(3);
    assertThat(agent.requests).as("the page heard and the one ahead, no more").hasSize(4);
  }

  @Test
  void cancellingTheWalkCancelsTheRequestInFlightAndNoFurtherPageIsHeard() throws Exception {
    HeldAnswers held = new HeldAnswers(agent);
    CountDownLatch hearing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Oid> heard = new CopyOnWriteArrayList<>();
    CompletableFuture<WalkEnd> walk =
        client(held).walk(
            IF_INDEX,
            (vb, verdict, previous) -> {
              heard.add(vb.oid());
              hearing.countDown();
              await(release);
            });
    held.answer(0);
    assertThat(hearing.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(held.wires).hasSize(2); // the page heard, and the next one in flight
    walk.cancel(true);
    assertThat(held.wires.get(1)).isCancelled();
    release.countDown();
    Thread.sleep(50);
    assertThat(heard).containsExactly(Oid.parse(IF_INDEX + ".1"));
    assertThat(held.wires).hasSize(2);
  }

  @Test
  void theBlockingStreamFetchesOnePageAheadOfItsReader() {
    List<Integer> requestsWhenRead = new ArrayList<>();
    try (Stream<VarBind> rows = client(agent).blocking().walkStream(IF_INDEX)) {
      Iterator<VarBind> it = rows.iterator();
      while (it.hasNext()) {
        it.next();
        requestsWhenRead.add(agent.requests.size());
      }
    }
    // While row k is read, row k+1 was requested; the tenth request finds the end.
    assertThat(requestsWhenRead).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void closingTheBlockingStreamCancelsThePageInFlight() {
    HeldAnswers held = new HeldAnswers(agent);
    held.answeredAtOnce = 1;
    Stream<VarBind> rows = client(held).newBuilder().maxRepetitions(2).build().blocking().bulkwalkStream(IF_INDEX);
    assertThat(rows.iterator().next().oid()).isEqualTo(Oid.parse(IF_INDEX + ".1"));
    assertThat(held.wires).hasSize(2);
    assertThat(held.wires.get(1)).isNotDone();
    rows.close();
    assertThat(held.wires.get(1)).isCancelled();
    assertThat(held.wires).hasSize(2);
  }

  @Test
  void anExecutorThatRunsTasksAtOnceWalksALongSubtreeWithoutGrowingTheStack() throws Exception {
    FakeAgent big = new FakeAgent();
    for (int i = 1; i <= 20_000; i++) {
      big.put("1.3.6.1.4.1.9." + i, new Integer32(i));
    }
    try (SnmpManager direct = SnmpManager.builder().executor(Runnable::run).build()) {
      SnmpClient c = direct.clientBuilder("127.0.0.1:161", PUBLIC).sender(big).build();
      AtomicInteger rows = new AtomicInteger();
      WalkEnd end = c.walk(Oid.parse("1.3.6.1.4.1.9"), (Consumer<VarBind>) vb -> rows.incrementAndGet()).get(20, TimeUnit.SECONDS);
      assertThat(end).isEqualTo(WalkEnd.END_OF_MIB_VIEW);
      assertThat(rows).hasValue(20_000);
      assertThat(c.walk(Oid.parse("1.3.6.1.4.1.9")).get(20, TimeUnit.SECONDS)).hasSize(20_000);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The {@link FakeAgent}'s answers, held back until the test lets each go. */
  private static final class HeldAnswers implements Sender {
    private final FakeAgent agent;
    final List<CompletableFuture<byte[]>> wires = new CopyOnWriteArrayList<>();
    private final List<byte[]> packets = new CopyOnWriteArrayList<>();
    /** How many of the first requests are answered as they are sent. */
    volatile int answeredAtOnce;

    HeldAnswers(FakeAgent agent) {
      this.agent = agent;
    }

    @Override
    public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
      CompletableFuture<byte[]> wire = new CompletableFuture<>();
      wires.add(wire);
      packets.add(packet);
      if (wires.size() <= answeredAtOnce) {
        answer(wires.size() - 1);
      }
      return wire;
    }

    void answer(int k) {
      wires.get(k).complete(agent.send(null, packets.get(k), null, 1).join());
    }
  }
}
