package dev.puresnmp.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport functions of the original puresnmp, by their names and defaults: {@code sendUdp},
 * {@code listen}, {@code defaultTrapHandler}, {@code MESSAGE_MAX_SIZE}. They run on one shared {@link
 * UdpTransport}, started on first use (a daemon thread), so thousands of concurrent {@link #sendUdpAsync}
 * calls share one socket; at most {@value AgentPacer#DEFAULT_MAX_OUTSTANDING_PER_AGENT} of them are in
 * flight to one agent at a time, the rest wait their turn ({@link AgentPacer}).
 *
 * <pre>{@code
 * byte[] reply = Transport.sendUdp(Endpoint.of("127.0.0.1", 161), packet);             // 1 s, 10 attempts
 * CompletableFuture<byte[]> f = Transport.sendUdpAsync(agent, packet, Duration.ofMillis(500), 3);
 * try (TrapListener l = Transport.listen("0.0.0.0", 11162, r -> handle(r))) { ... }
 * }</pre>
 *
 * <p>{@code retries} is the number of attempts in all, as in the original: {@code retries = 3} sends the
 * packet at most three times, waiting {@code timeout} after each.
 */
public final class Transport {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);

  /** The largest UDP payload over IPv4 (65,535 − 8 − 20), as the original's MESSAGE_MAX_SIZE. */
  public static final int MESSAGE_MAX_SIZE = UdpTransport.MESSAGE_MAX_SIZE;

  /** The original's defaults: 1 s per attempt, 10 attempts. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  public static final int DEFAULT_RETRIES = 10;

  private Transport() {}

  /** The shared transport behind these functions, started on first use. */
  public static UdpTransport shared() {
    return Shared.INSTANCE;
  }

  /**
   * The per-agent pacing in front of {@link #shared()}: what these functions send through, and the
   * default manager's clients too, so that all of them share each agent's lane.
   */
  public static AgentPacer sharedPacer() {
    return Shared.PACER;
  }

  private static final class Shared {
    static final UdpTransport INSTANCE = UdpTransport.builder().build();
    static final AgentPacer PACER = new AgentPacer(INSTANCE, AgentPacer.DEFAULT_MAX_OUTSTANDING_PER_AGENT);
  }

  /** Sends and waits for the reply, with the defaults (1 s, 10 attempts). */
  public static byte[] sendUdp(Endpoint endpoint, byte[] packet) {
    return sendUdp(endpoint, packet, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
  }

  /**
   * Sends and waits for the reply.
   *
   * @throws SnmpTimeoutException after {@code retries} attempts without a reply
   * @throws TransportException if the packet cannot be sent
   */
  public static byte[] sendUdp(Endpoint endpoint, byte[] packet, Duration timeout, int retries) {
    CompletableFuture<byte[]> f = sendUdpAsync(endpoint, packet, timeout, retries);
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        r.addSuppressed(new Exception("awaited here"));
        throw r;
      }
      throw e;
    }
  }

  /** Sends without waiting, with the defaults (1 s, 10 attempts). */
  public static CompletableFuture<byte[]> sendUdpAsync(Endpoint endpoint, byte[] packet) {
    return sendUdpAsync(endpoint, packet, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
  }

  /** Sends without waiting; the future fails with {@link SnmpTimeoutException} or {@link TransportException}. */
  public static CompletableFuture<byte[]> sendUdpAsync(Endpoint endpoint, byte[] packet, Duration timeout, int retries) {
    return sharedPacer().send(endpoint, packet, timeout, retries);
  }

  /** Listens on 0.0.0.0:162 and logs every datagram ({@link #defaultTrapHandler}). Port 162 needs root. */
  public static TrapListener listen() {
    return listen("0.0.0.0", 162, Transport::defaultTrapHandler);
  }

  /** Hands every datagram received on {@code bindAddress:port} to {@code callback}, on its own thread. */
  public static TrapListener listen(String bindAddress, int port, Consumer<SocketResponse> callback) {
    return TrapListener.start(bindAddress, port, java.util.Objects.requireNonNull(callback, "callback"), TrapListener.DEFAULT_QUEUE_CAPACITY);
  }

  /** Listens on {@code bindAddress:port}; iterate over the listener (or its stream) to take datagrams. */
  public static TrapListener listen(String bindAddress, int port) {
    return TrapListener.start(bindAddress, port, null, TrapListener.DEFAULT_QUEUE_CAPACITY);
  }

  /** The default callback: logs the source and the bytes at DEBUG, and does nothing else. */
  public static void defaultTrapHandler(SocketResponse response) {
    if (log.isDebugEnabled()) {
      log.debug("datagram of {} bytes from {}:{}\n{}", response.data().length, response.info().address(), response.info().port(), Hexdump.of(response.data(), 0, response.data().length));
    }
  }
}
