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
      RttEstimator rtt) {
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
    if (rtt != null) {
      rtt.timedOut(attemptNanos);
      attemptNanos = rtt.retryTimeoutNanos(timeoutNanos, attemptNanos);
    }
    return attemptNanos;
  }

  /** The last attempt went unanswered too: the agent's timeout backs off for the requests after it. */
  void lastAttemptTimedOut() {
    if (rtt != null) {
      rtt.timedOut(attemptNanos);
    }
  }

  /**
   * The reply came at {@code now}: a round-trip sample for the agent's estimate, unless the request was
   * resent (Karn's rule: the same id on every attempt, so the reply may answer any of them).
   */
  void answered(long now) {
    if (rtt != null && attemptsMade == 1) {
      rtt.sample(now - (deadline - attemptNanos)); // the first attempt's deadline has no jitter
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
