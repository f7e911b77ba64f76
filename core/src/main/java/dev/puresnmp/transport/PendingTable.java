package dev.puresnmp.transport;

/**
 * Outstanding requests by correlation id: open addressing over a primitive long key (no boxed key per
 * request), with the rare requests that share an id (to different endpoints) chained behind each other.
 * Callers insert, the selector thread removes; one lock, held for a few dozen nanoseconds.
 */
final class PendingTable {
  private static final long EMPTY = Long.MIN_VALUE;
  private static final long DELETED = Long.MIN_VALUE + 1;

  private long[] keys;
  private PendingRequest[] values;
  private int size;
  private int used; // live + deleted slots

  PendingTable() {
    keys = new long[64];
    values = new PendingRequest[64];
    java.util.Arrays.fill(keys, EMPTY);
  }

  synchronized int size() {
    return size;
  }

  /** Adds {@code p}; false if a request with its id is already pending to the same endpoint. */
  synchronized boolean add(PendingRequest p) {
    int slot = find(p.id);
    if (slot >= 0) {
      for (PendingRequest q = values[slot]; q != null; q = q.sameId) {
        if (q.endpoint.equals(p.endpoint)) {
          return false;
        }
      }
      p.sameId = values[slot];
      values[slot] = p;
      size++;
      return true;
    }
    if ((used + 1) * 2 > keys.length) {
      // grow when live entries fill a quarter; otherwise the slots are tombstones, so rebuild in place
      rehash(size * 4 >= keys.length ? keys.length * 2 : keys.length);
    }
    int mask = keys.length - 1;
    int i = mix(p.id) & mask;
    while (keys[i] != EMPTY && keys[i] != DELETED) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      used++;
    }
    keys[i] = p.id;
    p.sameId = null;
    values[i] = p;
    size++;
    return true;
  }

  /** The request with {@code id} to {@code from}, left in the table, or null. */
  synchronized PendingRequest find(long id, Endpoint from) {
    int slot = find(id);
    for (PendingRequest q = slot < 0 ? null : values[slot]; q != null; q = q.sameId) {
      if (q.endpoint.equals(from)) {
        return q;
      }
    }
    return null;
  }

  /** Removes exactly {@code p}, if present. */
  synchronized boolean remove(PendingRequest p) {
    int slot = find(p.id);
    if (slot < 0) {
      return false;
    }
    PendingRequest prev = null;
    for (PendingRequest q = values[slot]; q != null; prev = q, q = q.sameId) {
      if (q == p) {
        unlink(slot, prev, q);
        return true;
      }
    }
    return false;
  }

  /** True if some request with {@code id} is pending (to any endpoint). */
  synchronized boolean containsId(long id) {
    return find(id) >= 0;
  }

  /** Removes and returns everything (for close). */
  synchronized java.util.List<PendingRequest> clear() {
    java.util.List<PendingRequest> all = new java.util.ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) {
      for (PendingRequest q = values[i]; q != null; q = q.sameId) {
        q.retired = true;
        all.add(q);
      }
    }
    keys = new long[64];
    values = new PendingRequest[64];
    java.util.Arrays.fill(keys, EMPTY);
    size = 0;
    used = 0;
    return all;
  }

  private void unlink(int slot, PendingRequest prev, PendingRequest q) {
    if (prev != null) {
      prev.sameId = q.sameId;
    } else if (q.sameId != null) {
      values[slot] = q.sameId;
    } else {
      keys[slot] = DELETED;
      values[slot] = null;
    }
    q.sameId = null;
    q.retired = true;
    size--;
    if (size == 0 && used > 0) {
      java.util.Arrays.fill(keys, EMPTY); // cheap moment to drop tombstones
      java.util.Arrays.fill(values, null);
      used = 0;
    }
  }

  private int find(long id) {
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (true) {
      long k = keys[i];
      if (k == id) {
        return i;
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    PendingRequest[] oldValues = values;
    keys = new long[capacity];
    values = new PendingRequest[capacity];
    java.util.Arrays.fill(keys, EMPTY);
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
    used = size == 0 ? 0 : countLiveSlots();
  }

  private int countLiveSlots() {
    int n = 0;
    for (PendingRequest v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  private static int mix(long id) {
    long h = id * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
