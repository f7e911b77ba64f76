package dev.puresnmp.notification;

import dev.puresnmp.smi.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notification receiver knows of the clocks of the engines that send it authenticated SNMPv3 traps
 * (RFC 3414 §2.3, §3.2 step 7b, the receiver being non-authoritative): each engine's boots and the latest
 * time it sent, against which a replayed trap falls outside the time window. The first trap of an engine
 * sets its clock. At most {@code maxEngines} engines are kept, the least recently heard forgotten first (a
 * forgotten engine's next trap sets its clock again): bounded memory, an O(1) lookup. One thread only.
 */
final class SenderClocks {
  /** RFC 3414 §2.2.3: a trap more than this behind the sender's time as we reckon it is refused. */
  static final int TIME_WINDOW_SECONDS = 150;

  /** The engine's boots, the latest time it sent, and our monotonic clock's reading when it did. */
  private record Clock(int boots, int latest, long at) {
    long timeNow(long now) {
      return latest + (now - at) / 1_000_000_000L;
    }
  }

  private final Map<Bytes, Clock> clocks;
  private final LongClock nanos;

  /** The monotonic clock, in nanoseconds; a seam for tests. */
  interface LongClock {
    long nanoTime();
  }

  SenderClocks(int maxEngines) {
    this(maxEngines, System::nanoTime);
  }

  SenderClocks(int maxEngines, LongClock nanos) {
    this.nanos = nanos;
    this.clocks =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes, Clock> eldest) {
            return size() > maxEngines;
          }
        };
  }

  /**
   * False when an authenticated message from {@code engineId} with {@code boots} and {@code time} lies
   * outside the time window (boots at its maximum, lower boots than before, or the same boots and a time
   * more than 150 s behind the engine's as we reckon it); else true, taking newer boots or time.
   */
  boolean heard(Bytes engineId, int boots, int time) {
    long now = nanos.nanoTime();
    Clock c = clocks.get(engineId);
    if (boots == Integer.MAX_VALUE) {
      return false;
    }
    if (c == null || boots > c.boots() || (boots == c.boots() && time > c.latest())) {
      clocks.put(engineId.compact(), new Clock(boots, time, now)); // kept long: not a view of the datagram
      return true;
    }
    return boots == c.boots() && c.timeNow(now) - time <= TIME_WINDOW_SECONDS;
  }

  int size() {
    return clocks.size();
  }
}
