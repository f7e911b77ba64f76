package dev.puresnmp.transport;

import java.util.function.Consumer;

/**
 * Deadlines of outstanding requests, as a hashed wheel (Varghese and Lauck): O(1) to schedule and to
 * remove, one pass over a bucket per tick. Owned by the selector thread alone, so it needs no lock; the
 * entries are the requests themselves (intrusive links), so it allocates nothing.
 */
final class TimeoutWheel {
  private final PendingRequest[] buckets;
  private final int mask;
  private final long tickNanos;
  private final long origin;
  private long tick; // the next tick to process
  private int size;

  TimeoutWheel(long tickNanos, int bucketCount, long now) {
    if (Integer.bitCount(bucketCount) != 1) {
      throw new IllegalArgumentException("bucket count must be a power of two");
    }
    this.buckets = new PendingRequest[bucketCount];
    this.mask = bucketCount - 1;
    this.tickNanos = tickNanos;
    this.origin = now;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Files {@code p} under its {@code deadline}. */
  void schedule(PendingRequest p) {
    long due = Math.max(ceilDiv(p.deadline - origin, tickNanos), tick);
    p.wheelRounds = (int) ((due - tick) / buckets.length);
    int b = (int) (due & mask);
    p.wheelBucket = b;
    p.wheelPrev = null;
    p.wheelNext = buckets[b];
    if (buckets[b] != null) {
      buckets[b].wheelPrev = p;
    }
    buckets[b] = p;
    size++;
  }

  /** Takes {@code p} out, if it is in. */
  void remove(PendingRequest p) {
    int b = p.wheelBucket;
    if (b < 0) {
      return;
    }
    if (p.wheelPrev != null) {
      p.wheelPrev.wheelNext = p.wheelNext;
    } else {
      buckets[b] = p.wheelNext;
    }
    if (p.wheelNext != null) {
      p.wheelNext.wheelPrev = p.wheelPrev;
    }
    p.wheelPrev = null;
    p.wheelNext = null;
    p.wheelBucket = -1;
    size--;
  }

  /** Processes every tick up to {@code now}, handing each request whose deadline passed to {@code expired}. */
  void advance(long now, Consumer<PendingRequest> expired) {
    long last = Math.floorDiv(now - origin, tickNanos);
    while (tick <= last) {
      int b = (int) (tick & mask);
      PendingRequest p = buckets[b];
      while (p != null) {
        PendingRequest next = p.wheelNext;
        if (p.wheelRounds > 0) {
          p.wheelRounds--;
        } else {
          remove(p);
          expired.accept(p); // may schedule p again, always in a later tick
        }
        p = next;
      }
      tick++;
    }
  }

  /** Nanoseconds from {@code now} to the start of the next unprocessed tick. */
  long nanosToNextTick(long now) {
    return Math.max(0, origin + tick * tickNanos - now);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
