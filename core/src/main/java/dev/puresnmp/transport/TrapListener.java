package dev.puresnmp.transport;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives datagrams on a UDP port (162 for traps) and hands each, with its source, to a callback, or
 * to whoever iterates over it. The receive loop (a {@link DatagramReceiver}) only copies datagrams into
 * a bounded queue; the callback runs on its own thread, so a slow or throwing callback neither stops the
 * loop nor loses datagrams until the queue ({@value #DEFAULT_QUEUE_CAPACITY} by default) is full; drops
 * past it are counted.
 *
 * <pre>{@code
 * try (TrapListener l = Transport.listen("0.0.0.0", 11162, r -> System.out.println(r))) {
 *   ...
 * }
 * try (TrapListener l = Transport.listen("127.0.0.1", 11162)) {   // no callback: iterate
 *   for (SocketResponse r : l) { ... }
 * }
 * }</pre>
 */
public final class TrapListener implements AutoCloseable, Iterable<SocketResponse> {
  private static final Logger log = LoggerFactory.getLogger(TrapListener.class);

  /** Datagrams waiting for the callback (or the iterator) at most. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  private static final SocketResponse END = new SocketResponse(new byte[0], new SocketInfo("", 0));

  private final DatagramReceiver receiver;
  private final ThreadPoolExecutor callbacks; // null in iterator mode
  private final BlockingQueue<SocketResponse> iteratorQueue; // null in callback mode
  private final Consumer<SocketResponse> callback;
  private volatile boolean closed;

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong callbackFailures = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  private TrapListener(Endpoint where, Consumer<SocketResponse> callback, int queueCapacity) {
    this.callback = callback;
    if (callback != null) {
      this.callbacks =
          new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> daemon(r, "puresnmp-trap-callback"));
      this.iteratorQueue = null;
    } else {
      this.callbacks = null;
      this.iteratorQueue = new ArrayBlockingQueue<>(queueCapacity);
    }
    try {
      this.receiver = DatagramReceiver.bind(where, "puresnmp-trap-listener", (data, from, r) -> hand(data, from));
    } catch (TransportException e) {
      if (callbacks != null) {
        callbacks.shutdown();
      }
      throw e;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Listens on {@code bindAddress:port} ("0.0.0.0" or "::" for all; port 0 picks a free one).
   *
   * @param callback runs for every datagram, or null to iterate over the listener instead
   * @throws TransportException if the port cannot be bound, naming it and saying why
   */
  static TrapListener start(String bindAddress, int port, Consumer<SocketResponse> callback, int queueCapacity) {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be positive, not " + queueCapacity);
    }
    return new TrapListener(Endpoint.of(bindAddress, port), callback, queueCapacity);
  }

  /** On the receiver's thread: queue it for the callback or the iterator, or count it dropped. */
  private void hand(byte[] data, Endpoint from) {
    SocketResponse r = new SocketResponse(data, new SocketInfo(from.ip().getHostAddress(), from.port()));
    if (callbacks != null) {
      try {
        callbacks.execute(() -> deliver(r));
      } catch (RejectedExecutionException e) {
        dropped.incrementAndGet();
        log.debug("dropped a datagram from {}: callback queue full", r.info());
      }
    } else if (!iteratorQueue.offer(r)) {
      dropped.incrementAndGet();
      log.debug("dropped a datagram from {}: nobody is iterating fast enough", r.info());
    }
  }

  private void deliver(SocketResponse r) {
    try {
      callback.accept(r);
      delivered.incrementAndGet();
    } catch (RuntimeException e) {
      callbackFailures.incrementAndGet();
      log.warn("trap callback failed on {} bytes from {}:{}: {}; listening on", r.data().length, r.info().address(), r.info().port(), e.toString());
      log.debug("trap callback failure", e);
    }
  }

  /** The port bound (the one chosen when listening on port 0). */
  public int localPort() {
    return receiver.localEndpoint().port();
  }

  /** The address bound. */
  public InetAddress localAddress() {
    return receiver.localEndpoint().ip();
  }

  /** Datagrams received, handed to the callback without it throwing, failed in the callback, dropped. */
  public record Counters(long received, long delivered, long callbackFailures, long dropped) {}

  public Counters counters() {
    return new Counters(receiver.counters().received(), delivered.get(), callbackFailures.get(), dropped.get());
  }

  /**
   * The received datagrams, blocking until each arrives; ends when the listener is closed. Only for a
   * listener without a callback; one iterator at a time.
   */
  @Override
  public Iterator<SocketResponse> iterator() {
    if (iteratorQueue == null) {
      throw new IllegalStateException("this listener hands datagrams to its callback");
    }
    return new Iterator<>() {
      private SocketResponse next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = iteratorQueue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
          if (next == END) {
            iteratorQueue.offer(END); // every later hasNext() ends too
          }
        }
        return next != END;
      }

      @Override
      public SocketResponse next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        SocketResponse r = next;
        next = null;
        delivered.incrementAndGet();
        return r;
      }
    };
  }

  /** {@link #iterator()} as a sequential stream. */
  public Stream<SocketResponse> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Stops receiving, lets queued callbacks finish (up to 5 s), ends iterators. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    receiver.close();
    if (iteratorQueue != null) {
      iteratorQueue.clear();
      iteratorQueue.offer(END);
      return;
    }
    callbacks.shutdown();
    try {
      callbacks.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
