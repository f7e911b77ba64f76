package dev.puresnmp.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A set of {@link Fault}s in force, with the counts they need (rows served, requests answered since they
 * were set). Replaced whole when the faults change, so the counts start again. Shared by the agent's
 * socket threads, hence the atomics.
 */
final class ActiveFaults {
  static final ActiveFaults NONE = new ActiveFaults(List.of());

  private final List<Fault> faults;
  final double dropShare;
  final long delayMillis;
  final boolean duplicate;
  final boolean wrongRequestId;
  final boolean garbage;
  final int nonIncreasingAfter;
  final int loopBackAfter;
  final int endOfMibViewAfter;
  final int tooBigAbove;
  final int silentAfter;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicInteger loopStart = new AtomicInteger(-1);

  ActiveFaults(List<Fault> faults) {
    this.faults = List.copyOf(faults);
    double drop = 0;
    long delay = 0;
    boolean dup = false;
    boolean wrong = false;
    boolean garb = false;
    int nonInc = -1;
    int loop = -1;
    int end = -1;
    int big = -1;
    int silent = -1;
    for (Fault f : this.faults) {
      if (f instanceof Fault.Drop d) {
        drop = d.share();
      } else if (f instanceof Fault.Delay d) {
        delay = d.delay().toMillis();
      } else if (f instanceof Fault.Duplicate) {
        dup = true;
      } else if (f instanceof Fault.WrongRequestId) {
        wrong = true;
      } else if (f instanceof Fault.Garbage) {
        garb = true;
      } else if (f instanceof Fault.NonIncreasingAfter n) {
        nonInc = n.rows();
      } else if (f instanceof Fault.LoopBackAfter n) {
        loop = n.rows();
      } else if (f instanceof Fault.EndOfMibViewAfter n) {
        end = n.rows();
      } else if (f instanceof Fault.TooBigAbove n) {
        big = n.varBinds();
      } else if (f instanceof Fault.SilentAfter n) {
        silent = n.requests();
      }
    }
    dropShare = drop;
    delayMillis = delay;
    duplicate = dup;
    wrongRequestId = wrong;
    garbage = garb;
    nonIncreasingAfter = nonInc;
    loopBackAfter = loop;
    endOfMibViewAfter = end;
    tooBigAbove = big;
    silentAfter = silent;
  }

  List<Fault> faults() {
    return faults;
  }

  boolean isEmpty() {
    return faults.isEmpty();
  }

  /** True if any fault changes which rows a GETNEXT/GETBULK returns. */
  boolean bendsWalks() {
    return nonIncreasingAfter >= 0 || loopBackAfter >= 0 || endOfMibViewAfter >= 0;
  }

  /** Decides whether to answer this request at all (drop, silent-after), counting it if so. */
  boolean admit() {
    if (silentAfter >= 0 && requests.get() >= silentAfter) {
      return false;
    }
    if (dropShare > 0 && ThreadLocalRandom.current().nextDouble() < dropShare) {
      return false;
    }
    requests.incrementAndGet();
    return true;
  }

  Duration delay() {
    return Duration.ofMillis(delayMillis);
  }

  /** What to do with the next row of a walk. */
  enum RowAction {
    SERVE,
    REPEAT,
    LOOP_BACK,
    END
  }

  /** Counts one row of a GETNEXT/GETBULK and says how to bend it; {@code index} is the row it would serve. */
  RowAction nextRow(int index) {
    long n = rows.incrementAndGet();
    loopStart.compareAndSet(-1, index);
    if (endOfMibViewAfter >= 0 && n > endOfMibViewAfter) {
      return RowAction.END;
    }
    if (nonIncreasingAfter >= 0 && n > nonIncreasingAfter) {
      return RowAction.REPEAT;
    }
    if (loopBackAfter >= 0 && n > loopBackAfter) {
      rows.set(0); // serve the same rows again, and loop again: a walk that never ends
      return RowAction.LOOP_BACK;
    }
    return RowAction.SERVE;
  }

  /** The row a loop goes back to: the first one served since the faults were set. */
  int loopStart() {
    return Math.max(0, loopStart.get());
  }
}
