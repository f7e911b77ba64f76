package dev.puresnmp.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link UdpTransport}'s requests complete: the executor their futures complete on (the caller's,
 * or a {@link CompletionPool} of the transport's own, which {@link #close} shuts down), and the requests
 * that ended in the current selector cycle, kept as two lists: the users' ones, completed in one task on
 * the executor, and the library's internal ones ({@link Sender#sendInternal}), completed on the I/O
 * thread after the users' batch went to the executor.
 *
 * <p>Threads: {@link #add} and {@link #flush} are the I/O thread's (the lists are not shared); {@link
 * #completeOnExecutor} and {@link #failOnExecutor} run on any thread; {@link #close} on the closing one.
 * It logs as {@code UdpTransport}, whose part it is.
 */
final class Completions {
  private static final Logger log = LoggerFactory.getLogger(UdpTransport.class);

  private final Executor executor;
  private final ForkJoinPool ownExecutor; // null when the caller gave one

  private final List<PendingRequest> doneRequests = new ArrayList<>();
  private final List<Object> doneResults = new ArrayList<>();
  /** This cycle's {@link Sender#sendInternal} requests that ended: completed on the I/O thread. */
  private final List<PendingRequest> doneInternal = new ArrayList<>();
  private final List<Object> doneInternalResults = new ArrayList<>();

  /** Completes on {@code executor}, or when it is null on a pool of its own for the transport numbered {@code transport}. */
  Completions(Executor executor, int transport) {
    this.ownExecutor = executor == null ? CompletionPool.create(transport) : null;
    this.executor = executor != null ? executor : ownExecutor;
  }

  /** Where futures complete (but those of internal requests). */
  Executor executor() {
    return executor;
  }

  /** I/O thread: {@code p} ended, with {@code reply} or else {@code failure}; it completes at the next {@link #flush}. */
  void add(PendingRequest p, byte[] reply, Throwable failure) {
    (p.internal ? doneInternal : doneRequests).add(p);
    (p.internal ? doneInternalResults : doneResults).add(failure != null ? failure : reply);
  }

  /** Completes this cycle's requests: users' in one task on the executor (user code never runs here), then the library's own. */
  void flush() {
    if (!doneRequests.isEmpty()) {
      PendingRequest[] requests = doneRequests.toArray(new PendingRequest[0]);
      Object[] results = doneResults.toArray();
      doneRequests.clear();
      doneResults.clear();
      completeOnExecutor(requests, results);
    }
    // The user's results went to the executor first; the library's own steps run here, on the I/O
    // thread: no hand-off, and what they send next goes out in this same cycle.
    if (!doneInternal.isEmpty()) {
      PendingRequest[] requests = doneInternal.toArray(new PendingRequest[0]);
      Object[] results = doneInternalResults.toArray();
      doneInternal.clear();
      doneInternalResults.clear();
      complete(requests, results);
    }
  }

  private static void complete(PendingRequest[] requests, Object[] results) {
    for (int i = 0; i < requests.length; i++) {
      try {
        if (results[i] instanceof Throwable t) {
          requests[i].completeExceptionally(t);
        } else {
          requests[i].complete((byte[]) results[i]);
        }
      } catch (RuntimeException e) {
        log.warn("a completion step failed on {}; going on", Thread.currentThread().getName(), e);
      }
    }
  }

  /** Fails {@code p} with {@code failure} on the executor. */
  void failOnExecutor(PendingRequest p, Throwable failure) {
    completeOnExecutor(new PendingRequest[] {p}, new Object[] {failure});
  }

  /**
   * Completes each request with its result (a reply, or a {@link Throwable} to fail it with) in one task
   * on the executor; if the executor refuses the task, on a new daemon thread.
   */
  void completeOnExecutor(PendingRequest[] requests, Object[] results) {
    Runnable task = () -> complete(requests, results);
    try {
      executor.execute(task);
    } catch (RuntimeException e) {
      log.warn("completion executor refused the task ({}); completing on a new thread", e.toString());
      Thread t = new Thread(task, "puresnmp-complete");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * Shuts down the pool of its own, if any, and waits (at most 5 s) for it to run what it was given,
   * unless called from that pool. A caller's executor is left alone.
   */
  void close() {
    if (ownExecutor != null) {
      ownExecutor.shutdown(); // the failures of pending requests are queued already; they still run
      boolean onItsWorker = Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == ownExecutor;
      if (!onItsWorker) {
        try {
          ownExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
