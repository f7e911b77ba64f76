package dev.puresnmp.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The network seam: sends one packet to an endpoint and completes with the raw reply, trying up to
 * {@code attempts} times, each waiting {@code timeout}. Everything above the transport talks to a
 * {@code Sender}; {@link UdpTransport} is the real one, and a unit test passes a lambda:
 *
 * <pre>{@code
 * Sender recorded = (endpoint, packet, timeout, attempts) ->
 *     CompletableFuture.completedFuture(Bytes.decodeHex(RECORDED_REPLY).toByteArray());
 * }</pre>
 *
 * <p>The future fails with {@link SnmpTimeoutException} when no reply came after the last attempt and with
 * {@link TransportException} when the packet could not be sent.
 */
@FunctionalInterface
public interface Sender {
  /**
   * @param attempts how many times to send in all (at least 1), as the {@code retries} of the original
   *     puresnmp's {@code send_udp}
   */
  CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts);

  /**
   * {@link #send}, for a library-internal step that never blocks (a walk's next page): the future may
   * complete on the transport's I/O thread, sparing a hand-off to the executor. Never give user code such
   * a future. By default the same as {@link #send}.
   */
  default CompletableFuture<byte[]> sendInternal(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return send(endpoint, packet, timeout, attempts);
  }

  /**
   * {@link #send} (or {@link #sendInternal} when {@code internal}), completing only with a reply that
   * {@code check} accepts: one it refuses is dropped and the request waits on for its true reply; with an
   * {@code rtt} (null: fixed timeouts), each attempt waits what the agent's measured round trip says, never
   * longer than {@code timeout}, and feeds it: the adaptive retransmission of {@code
   * SnmpClient.Builder.adaptiveTimeout}. By default neither the check is run (a recorded-reply lambda has
   * one reply only: the caller checks the reply it gets as well) nor {@code rtt} used. {@link UdpTransport}
   * does both.
   */
  default CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts, ReplyCheck check, boolean internal,
      RttEstimator rtt) {
    return internal ? sendInternal(endpoint, packet, timeout, attempts) : send(endpoint, packet, timeout, attempts);
  }

  /**
   * Sends one packet that no answer follows (a trap), once; the future completes when it left, or fails
   * with {@link TransportException}. By default unsupported: a Sender of requests only.
   */
  default CompletableFuture<Void> sendOnly(Endpoint endpoint, byte[] packet) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("this Sender only sends requests"));
  }
}
