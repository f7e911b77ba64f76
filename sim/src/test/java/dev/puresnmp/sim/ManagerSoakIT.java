package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A soak of one {@link SnmpManager}: a million requests (system property {@code soak.requests}), thousands
 * in flight through the async API, answered by the in-process simulator, timed out by a device that never
 * answers, or cancelled before their answer. After {@code close()} nothing of the manager's may be left:
 * no pending request, no thread, no file descriptor, and no heap beyond {@link #HEAP_BOUND} (8 bytes a
 * request at a million) while the test still holds the closed manager and its clients.
 *
 * <pre>{@code
 * mvn -B -o -pl core,sim -am verify -Dtest=none -Dit.test=ManagerSoakIT -Dsoak.requests=1000000 ...
 * }</pre>
 */
class ManagerSoakIT {
  static final int REQUESTS = Integer.getInteger("soak.requests", 1_000_000);
  /** Requests the test keeps in flight at once, over both agents. */
  static final int IN_FLIGHT = Integer.getInteger("soak.inFlight", 4096);

  static final long HEAP_BOUND = 8L << 20;
  static final int FD_BOUND = 2;
  static final Oid SYS_DESCR = Oid.parse("1.3.6.1.2.1.1.1.0");

  /** What the test meant a request to meet. Of every 20: 14 answers, 3 timeouts, 3 cancellations. */
  enum Plan {
    ANSWER,
    TIMEOUT,
    CANCEL_ANSWERING, // cancelled at once; the simulator's answer comes too late (or, rarely, first)
    CANCEL_SILENT; // cancelled at once, to the device that never answers

    static Plan of(int i) {
      int k = i % 20;
      return k < 14 ? ANSWER : k < 17 ? TIMEOUT : k < 19 ? CANCEL_ANSWERING : CANCEL_SILENT;
    }
  }

  enum Outcome {
    ANSWERED,
    TIMED_OUT,
    CANCELLED,
    OTHER
  }

  /** Outcomes by plan, and the first few unexpected failures. */
  static final class Tally {
    final LongAdder[][] counts = new LongAdder[Plan.values().length][Outcome.values().length];
    final List<Throwable> others = Collections.synchronizedList(new ArrayList<>());

    Tally() {
      for (LongAdder[] row : counts) {
        for (int o = 0; o < row.length; o++) {
          row[o] = new LongAdder();
        }
      }
    }

    void add(Plan plan, Object value, Throwable failure) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      Outcome o =
          cause == null ? Outcome.ANSWERED
              : cause instanceof CancellationException ? Outcome.CANCELLED
              : cause instanceof SnmpTimeoutException ? Outcome.TIMED_OUT
              : Outcome.OTHER;
      counts[plan.ordinal()][o.ordinal()].increment();
      if (o == Outcome.OTHER && others.size() < 5) {
        others.add(cause);
      }
    }

    long count(Plan plan, Outcome outcome) {
      return counts[plan.ordinal()][outcome.ordinal()].sum();
    }

    long count(Outcome outcome) {
      long n = 0;
      for (Plan p : Plan.values()) {
        n += count(p, outcome);
      }
      return n;
    }

    long planned(Plan plan) {
      long n = 0;
      for (Outcome o : Outcome.values()) {
        n += count(plan, o);
      }
      return n;
    }
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void aMillionAnsweredTimedOutAndCancelledRequestsLeaveNoPendingRequestThreadDescriptorOrHeapBehind() throws Exception {
    try (AgentSimulator sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).start();
        DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      // A device that never answers: a bound socket nobody reads.
      Endpoint dead = new Endpoint(InetAddress.getLoopbackAddress(), ((InetSocketAddress) silent.getLocalAddress()).getPort());

      // Warm up first (classes, JIT, the JDK's lazy state), so that the baseline is what a second manager meets.
      Set<Thread> threadsBeforeWarmUp = liveThreads();
      try (SnmpManager warmUp = SnmpManager.builder().build()) {
        soak(warmUp, sim.endpoint(), dead, Math.min(REQUESTS, 20_000));
      }
      awaitNoManagerThreads(threadsBeforeWarmUp);

      Set<Thread> threadsBefore = liveThreads();
      int fdsBefore = openFds();
      long heapBefore = heapAfterGc();

      SnmpManager manager = SnmpManager.builder().build();
      long start = System.nanoTime();
      Tally tally = soak(manager, sim.endpoint(), dead, REQUESTS);
      long soakMillis = (System.nanoTime() - start) / 1_000_000;
      UdpTransport.Counters counters = manager.transport().counters();
      long pendingBeforeClose = manager.transport().outstanding();
      int waitingBeforeClose = manager.waiting();
      List<String> managerThreadsBeforeClose = managerThreadNames(threadsBefore);

      long closeStart = System.nanoTime();
      manager.close();
      long closeMillis = (System.nanoTime() - closeStart) / 1_000_000;
      List<String> leftAtClose = managerThreadNames(threadsBefore);
      long threadsGoneMillis = awaitNoManagerThreads(threadsBefore);
      int fdsAfter = openFds();
      long heapAfter = heapAfterGc();

      System.out.printf(
          "soak: %,d requests in %,d ms (%,.0f/s), %d in flight at most%n"
              + "  planned answer %,d: answered %,d, timed out %,d, other %,d%n"
              + "  planned timeout %,d: timed out %,d, other %,d%n"
              + "  planned cancel (simulator) %,d: cancelled %,d, answered first %,d; (silent) %,d: cancelled %,d%n"
              + "  transport: %s%n"
              + "  simulator: %s%n"
              + "  pending before close %d, waiting %d; after close pending %d, waiting %d%n"
              + "  manager threads before close %s; left when close() returned %s; all gone %,d ms after (close() took %,d ms)%n"
              + "  fds before %d, after %d%n"
              + "  heap after GC before %,d bytes, after %,d bytes (%+,d)%n",
          REQUESTS, soakMillis, REQUESTS * 1000.0 / Math.max(1, soakMillis), IN_FLIGHT,
          tally.planned(Plan.ANSWER), tally.count(Plan.ANSWER, Outcome.ANSWERED), tally.count(Plan.ANSWER, Outcome.TIMED_OUT), tally.count(Plan.ANSWER, Outcome.OTHER),
          tally.planned(Plan.TIMEOUT), tally.count(Plan.TIMEOUT, Outcome.TIMED_OUT), tally.count(Plan.TIMEOUT, Outcome.OTHER),
          tally.planned(Plan.CANCEL_ANSWERING), tally.count(Plan.CANCEL_ANSWERING, Outcome.CANCELLED), tally.count(Plan.CANCEL_ANSWERING, Outcome.ANSWERED),
          tally.planned(Plan.CANCEL_SILENT), tally.count(Plan.CANCEL_SILENT, Outcome.CANCELLED),
          counters, sim.counters(),
          pendingBeforeClose, waitingBeforeClose, manager.transport().outstanding(), manager.waiting(),
          managerThreadsBeforeClose, leftAtClose, threadsGoneMillis, closeMillis,
          fdsBefore, fdsAfter,
          heapBefore, heapAfter, heapAfter - heapBefore);

      assertThat(tally.others).as("failures other than timeouts and cancellations").isEmpty();
      assertThat(tally.planned(Plan.ANSWER) + tally.planned(Plan.TIMEOUT) + tally.planned(Plan.CANCEL_ANSWERING) + tally.planned(Plan.CANCEL_SILENT))
          .isEqualTo(REQUESTS);
      assertThat(tally.count(Plan.ANSWER, Outcome.ANSWERED)).as("answers").isEqualTo(tally.planned(Plan.ANSWER));
      assertThat(tally.count(Plan.TIMEOUT, Outcome.TIMED_OUT)).as("timeouts").isEqualTo(tally.planned(Plan.TIMEOUT));
      assertThat(tally.count(Plan.CANCEL_SILENT, Outcome.CANCELLED)).as("cancellations").isEqualTo(tally.planned(Plan.CANCEL_SILENT));
      assertThat(tally.count(Plan.CANCEL_ANSWERING, Outcome.CANCELLED) + tally.count(Plan.CANCEL_ANSWERING, Outcome.ANSWERED))
          .as("cancellations of answered requests: cancelled, or answered before the cancel")
          .isEqualTo(tally.planned(Plan.CANCEL_ANSWERING));
      assertThat(tally.count(Plan.CANCEL_ANSWERING, Outcome.CANCELLED)).as("cancellations that beat the answer").isPositive();

      assertThat(pendingBeforeClose).as("requests pending once every future is done").isZero();
      assertThat(waitingBeforeClose).as("requests waiting for their agent's turn once every future is done").isZero();
      assertThat(manager.transport().outstanding()).as("pending after close").isZero();
      assertThat(manager.waiting()).as("waiting after close").isZero();
      assertThat(managerThreadNames(threadsBefore)).as("the manager's threads after close").isEmpty();
      assertThat(fdsAfter).as("open file descriptors after close, before: " + fdsBefore).isLessThanOrEqualTo(fdsBefore + FD_BOUND);
      assertThat(heapAfter - heapBefore).as("heap growth after GC, bytes").isLessThan(HEAP_BOUND);
    }
  }

  /** Sends {@code requests} GETs, at most {@link #IN_FLIGHT} in flight; returns once every future is done. */
  static Tally soak(SnmpManager manager, Endpoint answering, Endpoint dead, int requests) throws InterruptedException {
    SnmpClient sim = manager.clientBuilder(answering, Credentials.v2c("linux-host"))
        .timeout(Duration.ofSeconds(2)).retries(3).maxOutstandingPerAgent(256).build();
    SnmpClient silent = manager.clientBuilder(dead, Credentials.v2c("public"))
        .timeout(Duration.ofMillis(50)).retries(1).maxOutstandingPerAgent(IN_FLIGHT).build();
    Tally tally = new Tally();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < requests; i++) {
      slots.acquire();
      Plan plan = Plan.of(i);
      CompletableFuture<?> f = (plan == Plan.ANSWER || plan == Plan.CANCEL_ANSWERING ? sim : silent).get(SYS_DESCR);
      f.whenComplete((v, e) -> {
        tally.add(plan, v, e);
        slots.release();
      });
      if (plan == Plan.CANCEL_ANSWERING || plan == Plan.CANCEL_SILENT) {
        f.cancel(true);
      }
    }
    assertThat(slots.tryAcquire(IN_FLIGHT, 5, TimeUnit.MINUTES)).as("every future completes").isTrue();
    return tally;
  }

  static Set<Thread> liveThreads() {
    Set<Thread> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(Thread.getAllStackTraces().keySet());
    return s;
  }

  /** Live threads of a manager (its I/O thread, its completion pool, its look-ups) not among {@code before}. */
  static List<String> managerThreadNames(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .map(Thread::getName)
        .filter(n -> n.startsWith("puresnmp-") && !n.startsWith("puresnmp-sim"))
        .sorted()
        .toList();
  }

  /**
   * Waits (at most 30 s) until no manager thread outside {@code before} is alive: a closed manager's pool
   * threads finish their last tasks after {@code close()} returns. Returns how long that took.
   */
  static long awaitNoManagerThreads(Set<Thread> before) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(30);
    while (!managerThreadNames(before).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  static int openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count();
    }
  }

  /** Used heap after a few full collections: the least seen, so that a collection's leftovers do not count. */
  static long heapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
