package dev.puresnmp.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
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
 * to whoever iterates over it. The receive loop only copies datagrams into a bounded queue; the callback
 * runs on its own thread, so a slow or throwing callback neither stops the loop nor loses datagrams
 * until the queue ({@value #DEFAULT_QUEUE_CAPACITY} by default) is full; drops past it are counted.
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

  private final DatagramChannel channel;
  private final Thread receiver;
  private final ThreadPoolExecutor callbacks; // null in iterator mode
  private final BlockingQueue<SocketResponse> iteratorQueue; // null in callback mode
  private final Consumer<SocketResponse> callback;
  private volatile boolean closed;

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong callbackFailures = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  private TrapListener(DatagramChannel channel, Consumer<SocketResponse> callback, int queueCapacity) {
    this.channel = channel;
    this.callback = callback;
    if (callback != null) {
      this.callbacks =
          new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> daemon(r, "puresnmp-trap-callback"));
      this.iteratorQueue = null;
    } else {
      this.callbacks = null;
      this.iteratorQueue = new ArrayBlockingQueue<>(queueCapacity);
    }
    this.receiver = daemon(this::receiveLoop, "puresnmp-trap-listener");
    receiver.start();
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
    Endpoint where = Endpoint.of(bindAddress, port);
    DatagramChannel ch = null;
    try {
      ch = DatagramChannel.open(where.ip() instanceof java.net.Inet6Address ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
      ch.setOption(StandardSocketOptions.SO_RCVBUF, UdpTransport.DEFAULT_BUFFER_SIZE);
      ch.bind(where.toSocketAddress());
    } catch (IOException e) {
      closeQuietly(ch);
      throw new TransportException(where, bindFailure(where, e), e);
    }
    return new TrapListener(ch, callback, queueCapacity);
  }

  private static String bindFailure(Endpoint where, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String hint = "";
    if (e instanceof BindException && where.port() < 1024 && why.toLowerCase(java.util.Locale.ROOT).contains("permission")) {
      hint = "; ports below 1024 need root or CAP_NET_BIND_SERVICE (or listen on a port above 1023)";
    } else if (e instanceof BindException && why.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
      hint = "; another program listens there (snmptrapd?)";
    }
    return "cannot listen on udp " + where + ": " + why + hint;
  }

  private static void closeQuietly(DatagramChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing to do: we are failing already
      }
    }
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
    while (!closed) {
      SocketAddress from;
      try {
        buffer.clear();
        from = channel.receive(buffer);
      } catch (ClosedChannelException e) {
        break;
      } catch (IOException e) {
        if (!closed) {
          log.warn("receiving on {}: {}", channel, e.toString());
        }
        continue;
      }
      buffer.flip();
      byte[] data = new byte[buffer.remaining()];
      buffer.get(data);
      InetSocketAddress source = (InetSocketAddress) from;
      received.incrementAndGet();
      hand(new SocketResponse(data, new SocketInfo(source.getAddress().getHostAddress(), source.getPort())));
    }
    if (iteratorQueue != null) {
      iteratorQueue.clear();
      iteratorQueue.offer(END);
    }
  }

  private void hand(SocketResponse r) {
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
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new TransportException(null, "listener closed", e);
    }
  }

  /** The address bound. */
  public InetAddress localAddress() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getAddress();
    } catch (IOException e) {
      throw new TransportException(null, "listener closed", e);
    }
  }

  /** Datagrams received, handed to the callback without it throwing, failed in the callback, dropped. */
  public record Counters(long received, long delivered, long callbackFailures, long dropped) {}

  public Counters counters() {
    return new Counters(received.get(), delivered.get(), callbackFailures.get(), dropped.get());
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
    closeQuietly(channel);
    try {
      receiver.join(5000);
      if (callbacks != null) {
        callbacks.shutdown();
        callbacks.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
