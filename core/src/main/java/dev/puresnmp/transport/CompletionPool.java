package dev.puresnmp.transport;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The pool a {@link UdpTransport} completes futures on when given no executor: one daemon thread per
 * core, named after the transport ("puresnmp-complete-3-0"), in FIFO mode. Not the common pool, whose
 * workers drop their thread-locals after every task (see {@link UdpTransport.Builder#executor}).
 */
final class CompletionPool {
  private CompletionPool() {}

  /** A pool for the transport numbered {@code transport}. */
  static ForkJoinPool create(int transport) {
    // counted here: a worker's pool index is set only once the pool registers it, after the factory returns
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    ForkJoinPool.ForkJoinWorkerThreadFactory daemons =
        pool -> {
          ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          t.setDaemon(true);
          t.setName("puresnmp-complete-" + transport + "-" + made.getAndIncrement());
          return t;
        };
    return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), daemons, null, true);
  }
}
