package dev.puresnmp.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound UDP port (IPv4 or IPv6) with its own thread, which receives datagrams and hands each, exactly
 * its bytes and its source, to a handler; answers go out from the same port with {@link #send}. A handler
 * that throws costs a counter and a log line, never the loop: no input stops it. {@link #close()} ends
 * the thread. The trap listener and the agent simulator listen through one each.
 *
 * <pre>{@code
 * try (DatagramReceiver echo = DatagramReceiver.bind(Endpoint.of("127.0.0.1", 0), "echo",
 *     (data, from, port) -> port.send(data, from))) {
 *   Endpoint where = echo.localEndpoint();   // 127.0.0.1 and the port it got
 * }
 * }</pre>
 */
public final class DatagramReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatagramReceiver.class);

  /** Asked of the kernel for the socket's receive and send buffers: bursts of requests are not dropped. */
  public static final int DEFAULT_BUFFER_SIZE = UdpTransport.DEFAULT_BUFFER_SIZE;

  /** How long {@link #close()} waits for a handler that is still running. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  /** What to do with each datagram. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Runs on the receiver's thread, one datagram at a time. {@code data} is exactly the datagram, the
     * handler's to keep; {@code receiver} is where to {@link #send} an answer from.
     */
    void onDatagram(byte[] data, Endpoint from, DatagramReceiver receiver);
  }

  /** Datagrams received, and those on which the handler threw. */
  public record Counters(long received, long handlerFailures) {}

  private final DatagramChannel channel;
  private final Endpoint local;
  private final Handler handler;
  private final Thread thread;
  private final DatagramReader reader = new DatagramReader();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong handlerFailures = new AtomicLong();
  private volatile SendTarget lastTarget;
  private volatile boolean closed;

  /** The last destination and its socket address, so that answering the same peer allocates nothing. */
  private record SendTarget(Endpoint endpoint, InetSocketAddress address) {}

  private DatagramReceiver(DatagramChannel channel, Endpoint local, String name, Handler handler) {
    this.channel = channel;
    this.local = local;
    this.handler = handler;
    this.thread = new Thread(this::loop, name + "-" + local);
    thread.setDaemon(true);
  }

  /**
   * Binds {@code where} (port 0: a free one; "0.0.0.0" or "::" for every address) and starts the thread,
   * named {@code threadName} and the bound endpoint.
   *
   * @throws TransportException if the port cannot be bound, naming it and saying why
   */
  public static DatagramReceiver bind(Endpoint where, String threadName, Handler handler) {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(handler, "handler");
    DatagramChannel ch = null;
    Endpoint local;
    try {
      ch = DatagramChannel.open(where.ip() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
      ch.setOption(StandardSocketOptions.SO_RCVBUF, DEFAULT_BUFFER_SIZE);
      ch.setOption(StandardSocketOptions.SO_SNDBUF, DEFAULT_BUFFER_SIZE);
      ch.bind(where.toSocketAddress());
      local = Endpoint.of((InetSocketAddress) ch.getLocalAddress());
    } catch (IOException e) {
      closeQuietly(ch);
      throw new TransportException(where, bindFailure(where, e), e);
    }
    DatagramReceiver r = new DatagramReceiver(ch, local, threadName, handler);
    r.thread.start();
    return r;
  }

  static String bindFailure(Endpoint where, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String lower = why.toLowerCase(Locale.ROOT);
    String hint = "";
    if (e instanceof BindException && where.port() < 1024 && lower.contains("permission")) {
      hint = "; ports below 1024 need root or CAP_NET_BIND_SERVICE (or listen on a port above 1023)";
    } else if (e instanceof BindException && lower.contains("in use")) {
      hint = "; another program listens there" + (where.port() == 162 ? " (snmptrapd?)" : where.port() == 161 ? " (snmpd?)" : "");
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

  /** The address and port bound (the port chosen when binding port 0). */
  public Endpoint localEndpoint() {
    return local;
  }

  public Counters counters() {
    return new Counters(received.get(), handlerFailures.get());
  }

  /**
   * Sends {@code data} as one datagram to {@code to} from this port. Safe from any thread.
   *
   * @throws TransportException if it cannot be sent (this receiver is closed, the network refuses it)
   */
  public void send(byte[] data, Endpoint to) {
    SendTarget t = lastTarget;
    if (t == null || !t.endpoint.equals(to)) {
      t = new SendTarget(to, to.toSocketAddress());
      lastTarget = t;
    }
    try {
      channel.send(ByteBuffer.wrap(data), t.address);
    } catch (IOException e) {
      throw new TransportException(to, "cannot send " + data.length + " bytes from udp " + local + " to " + to + ": " + e, e);
    }
  }

  private void loop() {
    while (!closed) {
      byte[] data;
      try {
        data = reader.receive(channel);
      } catch (ClosedChannelException e) {
        break; // close()
      } catch (IOException e) {
        if (closed) {
          break;
        }
        log.debug("receive on udp {} failed: {}", local, e.toString());
        continue;
      }
      if (data == null) {
        continue; // only a non-blocking channel says "nothing yet"; ours blocks
      }
      received.incrementAndGet();
      try {
        handler.onDatagram(data, reader.source(), this);
      } catch (RuntimeException e) {
        handlerFailures.incrementAndGet();
        log.warn("handler on udp {} failed on {} bytes from {}: {}; receiving on", local, data.length, reader.source(), e.toString());
        log.debug("handler failure", e);
      }
    }
  }

  /**
   * Closes the port and ends the thread, waiting (up to 5 s) for a handler still running; from the
   * handler itself it does not wait. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(channel); // wakes the blocked receive with an AsynchronousCloseException
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "DatagramReceiver[udp " + local + "]";
  }
}
