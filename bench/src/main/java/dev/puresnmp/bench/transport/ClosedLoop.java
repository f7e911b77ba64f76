package dev.puresnmp.bench.transport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the three clients share: a closed loop that keeps {@code window} requests in flight (each
 * completion, reply or timeout, sends the next one while the loop runs), counters, and a latency
 * histogram that records only while {@link #recording} is set.
 */
abstract class ClosedLoop implements AutoCloseable {
  /** Per-request timeout; no retries, so a lost request shows as lost. */
  static final long TIMEOUT_MILLIS = 1000;

  final LatencyHistogram histogram = new LatencyHistogram();
  final AtomicLong ok = new AtomicLong();
  final AtomicLong lost = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicInteger inFlight = new AtomicInteger();
  volatile boolean running;
  volatile boolean recording;
  volatile String firstError;

  /** Short name for the table. */
  abstract String name();

  /** Sends the first {@code window} requests; completions keep the window full until {@link #stop}. */
  abstract void start(int window) throws Exception;

  /** No more new requests; those in flight still complete or time out. */
  void stop() {
    running = false;
  }

  /** Waits until nothing is in flight; false if {@code millis} passed first. */
  boolean awaitDrained(long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (inFlight.get() > 0) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  final void onReply(long latencyNanos) {
    ok.incrementAndGet();
    if (recording) {
      histogram.record(latencyNanos);
    }
  }

  final void onLost() {
    lost.incrementAndGet();
  }

  final void onError(Throwable t) {
    errors.incrementAndGet();
    if (firstError == null) {
      firstError = String.valueOf(t);
    }
  }

  @Override
  public abstract void close() throws Exception;
}
