package dev.puresnmp.transport;

/**
 * Whether a datagram that carries a pending request's correlation id, and comes from the endpoint the
 * request went to, really is that request's reply: the community, the SNMPv3 digest and time window, all
 * that the transport, which reads the id only, cannot judge. A datagram it refuses is dropped and counted
 * ({@link UdpTransport.Counters#rejected()}); the request goes on waiting for its true reply, so that a
 * forged reply that arrives first neither completes nor fails it.
 *
 * <pre>{@code
 * ReplyCheck sameCommunity = reply -> Arrays.equals(communityOf(reply), community);
 * udp.send(agent, packet, Duration.ofSeconds(1), 3, sameCommunity, false);
 * }</pre>
 *
 * <p>It runs on the transport's I/O thread: it must be quick and never block, and must not throw.
 */
@FunctionalInterface
public interface ReplyCheck {
  /** Accepts every reply: the transport's matching by endpoint and id alone. */
  ReplyCheck ANY = reply -> true;

  /** True to complete the request with {@code reply}; false to drop it and keep waiting. */
  boolean accepts(byte[] reply);
}
