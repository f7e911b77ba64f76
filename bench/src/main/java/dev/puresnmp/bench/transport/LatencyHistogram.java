package dev.puresnmp.bench.transport;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Log-linear latency histogram in nanoseconds (32 sub-buckets per power of two: about 3 % resolution),
 * safe to record from several threads, allocation-free. Percentiles are bucket midpoints.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS;
  private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    counts.getAndIncrement(index(nanos < 0 ? 0 : nanos));
  }

  void reset() {
    for (int i = 0; i < BUCKETS; i++) {
      counts.set(i, 0);
    }
  }

  long count() {
    long n = 0;
    for (int i = 0; i < BUCKETS; i++) {
      n += counts.get(i);
    }
    return n;
  }

  /** The q-quantile (0..1) in nanoseconds, or NaN when empty. */
  double quantile(double q) {
    long n = count();
    if (n == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(q * n);
    if (rank < 1) {
      rank = 1;
    }
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return mid(i);
      }
    }
    return mid(BUCKETS - 1);
  }

  static int index(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int msb = 63 - Long.numberOfLeadingZeros(v);
    int shift = msb - SUB_BITS;
    return (shift + 1) * SUB + (int) ((v >>> shift) & (SUB - 1));
  }

  static double mid(int index) {
    if (index < SUB) {
      return index;
    }
    int shift = index / SUB - 1;
    long base = (long) (SUB + index % SUB) << shift;
    return base + ((1L << shift) - 1) / 2.0;
  }
}
