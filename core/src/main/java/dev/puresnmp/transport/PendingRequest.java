package dev.puresnmp.transport;

import java.util.concurrent.CompletableFuture;

/**
 * One outstanding request, and its future: one object per request, so that 100,000 of them stay small.
 * It sits in the {@link PendingTable} (by id), on the caller-to-selector hand-off stack, and in the {@link
 * TimeoutWheel}, through its own link fields. Only the selector thread touches the wheel links.
 */
final class PendingRequest extends CompletableFuture<byte[]> {
  final UdpTransport owner;
  final Endpoint endpoint;
  final byte[] packet;
  final long id;
  final long timeoutNanos;
  final int attempts;
  /** Judges a reply that matched by endpoint and id, on the I/O thread. */
  final ReplyCheck check;
  /** Completes on the I/O thread ({@link Sender#sendInternal}), not on the executor. */
  final boolean internal;
  /** The agent's round-trip estimate, when attempts wait what it says ({@code Sender.send} with an estimate); else null. */
  final RttEstimator rtt;
  int attemptsMade;
  /** How long the current attempt waits, before the retry jitter: {@link #timeoutNanos}, or less when adaptive. */
  long attemptNanos;
  /**
   * Where the id's last byte is in {@link #packet} when attempts are numbered in its low bits (adaptive, an
   * id from {@link UdpTransport#nextRequestId}, a v1/v2c packet); else -1: every attempt the same bytes.
   */
  final int tagAt;
  /** When each numbered attempt went out (System.nanoTime()), from the first retry on ({@link #nextAttemptNanos}); else null. */
  private long[] sentAt;

  /**
   * Set (under the table's lock) when the request leaves the table: answered, timed out, cancelled or
   * failed. The future itself completes later, on the executor, so the selector checks this instead.
   */
  volatile boolean retired;

  /** Absolute System.nanoTime() deadline of the current attempt. */
  long deadline;

  /** The next request with the same id in the table (to another endpoint). */
  PendingRequest sameId;

  /** Hand-off stack from callers to the selector thread. */
  PendingRequest nextNew;

  /** Wheel bucket links and the revolutions left before the deadline's tick. */
  PendingRequest wheelPrev;
  PendingRequest wheelNext;
  int wheelRounds; // an int suffices: 2^31 revolutions of the wheel outlast any Duration in nanoseconds
  int wheelBucket = -1;

  PendingRequest(UdpTransport owner, Endpoint endpoint, byte[] packet, long id, long timeoutNanos, int attempts, ReplyCheck check, boolean internal,
      RttEstimator rtt, int tagAt) {
    this.tagAt = tagAt;
    this.check = check;
    this.internal = internal;
    this.rtt = rtt;
    this.owner = owner;
    this.endpoint = endpoint;
    this.packet = packet;
    this.id = id;
    this.timeoutNanos = timeoutNanos;
    this.attempts = attempts;
  }

  /** The first attempt goes out at {@code now}: sets its deadline. */
  void firstAttempt(long now) {
    attemptsMade = 1;
    attemptNanos = rtt == null ? timeoutNanos : rtt.timeoutNanos(timeoutNanos);
    deadline = now + attemptNanos;
  }

  /**
   * The current attempt went unanswered: how long the next one waits, before the retry jitter. Adaptive,
   * the agent's timeout backs off and this request's doubles (RFC 6298 §5.5), up to {@link #timeoutNanos}.
   */
  long nextAttemptNanos() {
    if (tagAt >= 0 && sentAt == null) {
      sentAt = new long[Math.min(attempts, UdpTransport.ATTEMPT_NUMBERS)];
      sentAt[0] = deadline - attemptNanos; // still the first attempt's: its deadline has no jitter
    }
    if (rtt != null) {
      rtt.timedOut(attemptNanos);
      attemptNanos = rtt.retryTimeoutNanos(timeoutNanos, attemptNanos);
    }
    return attemptNanos;
  }

  /**
   * The bytes of the attempt just counted in {@link #attemptsMade}, sent at {@code now}: the packet itself,
   * or a copy with the attempt's number (0 for the first) in the id's low bits, which the reply echoes.
   */
  byte[] attemptPacket(long now) {
    if (tagAt < 0) {
      return packet;
    }
    int n = attemptsMade - 1;
    if (n == 0) {
      return packet;
    }
    if (n < sentAt.length) { // sentAt: made by nextAttemptNanos, before this attempt's timing replaced the first's
      sentAt[n] = now;
    }
    byte[] copy = packet.clone();
    copy[tagAt] = (byte) ((copy[tagAt] & ~UdpTransport.ATTEMPT_MASK) | (n & UdpTransport.ATTEMPT_MASK));
    return copy;
  }

  /** The last attempt went unanswered too: the agent's timeout backs off for the requests after it. */
  void lastAttemptTimedOut() {
    if (rtt != null) {
      rtt.timedOut(attemptNanos);
    }
  }

  /**
   * The reply to attempt {@code attempt} (numbered from 0; 0 too when attempts are not numbered) came at
   * {@code now}: a round-trip sample for the agent's estimate when it is known which attempt it answers.
   * Unnumbered, only a request sent once is (Karn's rule); numbered, every attempt is, until the numbers
   * wrap.
   */
  void answered(long now, int attempt) {
    if (rtt == null) {
      return;
    }
    if (attemptsMade == 1) {
      rtt.sample(now - (deadline - attemptNanos)); // the first attempt's deadline has no jitter
    } else if (sentAt != null && attemptsMade <= UdpTransport.ATTEMPT_NUMBERS) {
      rtt.sample(now - sentAt[attempt]);
    }
  }

  /** Cancelling forgets the request: its id is free again and a late reply is dropped. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      owner.forget(this);
    }
    return cancelled;
  }

  /** Dependent stages are plain futures, not requests. */
  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
