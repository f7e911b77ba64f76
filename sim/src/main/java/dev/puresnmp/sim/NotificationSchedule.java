package dev.puresnmp.sim;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A notification sent again and again by {@link Notifier#schedule}: a given number of times, or until
 * closed. Closing it (or the simulator) stops it; informs already sent still wait for their
 * acknowledgement, and {@link #done()} completes when the last has its answer.
 *
 * <pre>{@code
 * try (NotificationSchedule s = sim.notifier().schedule(NotificationType.linkDown(2), target, Duration.ofSeconds(1), 0)) {
 *   ...                                              // one linkDown a second until here
 * }
 * sim.notifier().schedule(NotificationType.coldStart(), target, Duration.ofMillis(100), 5).done().join();
 * }</pre>
 */
public final class NotificationSchedule implements AutoCloseable {
  private final int times;
  private final Supplier<CompletableFuture<Void>> send;
  private final Runnable forget;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile boolean stopped;
  private volatile ScheduledFuture<?> task;

  NotificationSchedule(int times, Supplier<CompletableFuture<Void>> send, Runnable forget) {
    this.times = times;
    this.send = send;
    this.forget = forget;
  }

  /** Sends the next one; false once it has sent them all or was stopped. On the caller's thread for the first, then the notifier's. */
  boolean fire() {
    if (stopped) {
      return false;
    }
    pending.incrementAndGet();
    CompletableFuture<Void> f;
    try {
      f = send.get();
    } catch (RuntimeException e) {
      pending.decrementAndGet();
      done.completeExceptionally(e);
      close();
      throw e;
    }
    int n = sent.incrementAndGet();
    f.whenComplete((v, e) -> {
      pending.decrementAndGet();
      finishIfIdle();
    });
    if (times > 0 && n >= times) {
      close();
      return false;
    }
    return true;
  }

  void start(ScheduledFuture<?> task) {
    this.task = task;
    if (stopped) {
      task.cancel(false);
    }
  }

  /** How many it has sent so far (informs count when sent, acknowledged or not). */
  public int sent() {
    return sent.get();
  }

  /** The number it stops after; 0: until closed. */
  public int times() {
    return times;
  }

  /**
   * Completes once it has stopped (all sent, or closed) and every inform it sent was acknowledged or
   * failed (see {@link Notifier#counters()} for which); fails if a send threw.
   */
  public CompletableFuture<Void> done() {
    return done;
  }

  /** Stops sending; what was sent goes on. Does nothing the second time. */
  @Override
  public void close() {
    stopped = true;
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
    forget.run();
    finishIfIdle();
  }

  private void finishIfIdle() {
    if (stopped && pending.get() == 0) {
      done.complete(null);
    }
  }

  @Override
  public String toString() {
    return "NotificationSchedule[" + sent() + (times > 0 ? " of " + times : "") + " sent" + (stopped ? ", stopped" : "") + "]";
  }
}
