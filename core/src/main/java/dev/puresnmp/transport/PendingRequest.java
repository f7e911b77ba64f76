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
  int attemptsMade;

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
  long wheelRounds;
  int wheelBucket = -1;

  PendingRequest(UdpTransport owner, Endpoint endpoint, byte[] packet, long id, long timeoutNanos, int attempts, ReplyCheck check, boolean internal) {
    this.check = check;
    this.internal = internal;
    this.owner = owner;
    this.endpoint = endpoint;
    this.packet = packet;
    this.id = id;
    this.timeoutNanos = timeoutNanos;
    this.attempts = attempts;
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
