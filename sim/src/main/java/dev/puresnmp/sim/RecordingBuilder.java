package dev.puresnmp.sim;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Collects varbinds in any order and sorts them once at {@link #build()}. A repeated OID keeps its first
 * value and is reported as a problem.
 *
 * <pre>{@code
 * Recording r = Recording.builder().add(Oid.parse("1.3.6.1.2.1.1.5.0"), OctetString.of("sw-1")).build();
 * }</pre>
 */
public final class RecordingBuilder {
  private final String source;
  private byte[] buf = new byte[1 << 12];
  private int length;
  private int[] starts = new int[64];
  private int[] lines = new int[64];
  private int count;
  private boolean sorted = true;
  private final List<Integer> computedEntries = new ArrayList<>();
  private final List<ComputedValue> computedValues = new ArrayList<>();
  private final BitSet writableEntries = new BitSet();
  private final List<RecordingProblem> problems = new ArrayList<>();

  RecordingBuilder(String source) {
    this.source = source;
  }

  /** Adds {@code oid} with a fixed value. */
  public RecordingBuilder add(Oid oid, Value value) {
    return add(oid, value, 0, false);
  }

  /** Adds {@code oid} whose value is worked out per request (its type must not change). */
  public RecordingBuilder addComputed(Oid oid, ComputedValue value) {
    Objects.requireNonNull(value, "value");
    add(oid, value.at(Duration.ZERO), 0, false);
    computedEntries.add(count - 1);
    computedValues.add(value);
    return this;
  }

  /** Adds {@code oid} and marks it writable, as a {@code writecache} record in a file does. */
  public RecordingBuilder addWritable(Oid oid, Value value) {
    return add(oid, value, 0, true);
  }

  /** The number of entries added so far. */
  public int size() {
    return count;
  }

  RecordingBuilder add(Oid oid, Value value, int line, boolean markWritable) {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(value, "value");
    checkEncodable(oid);
    byte[] encoded = new VarBind(oid, value).encode();
    int n = encoded.length;
    if (length + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
    }
    System.arraycopy(encoded, 0, buf, length, n);
    if (count + 2 > starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
      lines = Arrays.copyOf(lines, lines.length * 2);
    }
    starts[count] = length;
    lines[count] = line;
    if (sorted && count > 0 && compareEntries(buf, starts[count - 1], length, length, length + n) >= 0) {
      sorted = false;
    }
    length += n;
    starts[count + 1] = length;
    if (markWritable) {
      writableEntries.set(count);
    }
    count++;
    return this;
  }

  void problem(int line, RecordingProblem.Severity severity, String message) {
    problems.add(new RecordingProblem(source, line, severity, message));
  }

  List<RecordingProblem> problems() {
    return problems;
  }

  /** BER puts the first two arcs in one sub-identifier: only 0..2 and, below 2, a second arc under 40 survive. */
  static void checkEncodable(Oid oid) {
    if (oid.size() < 2) {
      throw new IllegalArgumentException("OID " + oid + " has fewer than two arcs");
    }
    long first = Integer.toUnsignedLong(oid.arc(0));
    long second = Integer.toUnsignedLong(oid.arc(1));
    if (first > 2 || (first < 2 && second >= 40) || (first == 2 && second > 0xFFFF_FFFFL - 80)) {
      throw new IllegalArgumentException("OID " + oid + " cannot be encoded in BER (X.690 §8.19.4)");
    }
  }

  /** Sorts, drops repeated OIDs (the first wins) and freezes. */
  public Recording build() {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    if (!sorted) {
      mergeSort(order, new int[count], 0, count);
    }
    // drop repeated OIDs, keeping the first added (a stable sort keeps file order among equals)
    int kept = 0;
    int total = 0;
    int lastKept = -1;
    boolean[] keep = new boolean[count];
    for (int k = 0; k < count; k++) {
      int e = order[k];
      if (lastKept >= 0 && compareEntryNumbers(lastKept, e) == 0) {
        int firstLine = lines[lastKept];
        problem(lines[e], RecordingProblem.Severity.ERROR, "OID " + oidAt(e) + " repeats"
            + (firstLine > 0 ? " line " + firstLine : " an earlier entry") + "; the first value is kept");
        continue;
      }
      keep[k] = true;
      lastKept = e;
      kept++;
      total += starts[e + 1] - starts[e];
    }
    byte[] data;
    int[] offsets = new int[kept + 1];
    int[] newIndexOfEntry = new int[count];
    Arrays.fill(newIndexOfEntry, -1);
    if (sorted && kept == count) {
      data = Arrays.copyOf(buf, length);
      System.arraycopy(starts, 0, offsets, 0, count + 1);
      for (int i = 0; i < count; i++) {
        newIndexOfEntry[i] = i;
      }
    } else {
      data = new byte[total];
      int pos = 0;
      int j = 0;
      for (int k = 0; k < count; k++) {
        if (!keep[k]) {
          continue;
        }
        int e = order[k];
        int n = starts[e + 1] - starts[e];
        System.arraycopy(buf, starts[e], data, pos, n);
        offsets[j] = pos;
        newIndexOfEntry[e] = j;
        pos += n;
        j++;
      }
      offsets[kept] = pos;
    }
    BitSet writable = new BitSet();
    for (int e = writableEntries.nextSetBit(0); e >= 0; e = writableEntries.nextSetBit(e + 1)) {
      if (newIndexOfEntry[e] >= 0) {
        writable.set(newIndexOfEntry[e]);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int c = 0; c < computedEntries.size(); c++) {
      int idx = newIndexOfEntry[computedEntries.get(c)];
      if (idx >= 0) {
        pairs.add(new int[] {idx, c});
      }
    }
    pairs.sort((x, y) -> Integer.compare(x[0], y[0]));
    int[] computedIndexes = new int[pairs.size()];
    ComputedValue[] computed = new ComputedValue[pairs.size()];
    for (int c = 0; c < pairs.size(); c++) {
      computedIndexes[c] = pairs.get(c)[0];
      computed[c] = computedValues.get(pairs.get(c)[1]);
    }
    problems.sort((x, y) -> Integer.compare(x.line(), y.line()));
    return new Recording(source, data, offsets, computedIndexes, computed, writable, problems);
  }

  private Oid oidAt(int entry) {
    return VarBind.decodeOid(buf, starts[entry], starts[entry + 1] - starts[entry]);
  }

  /** Stable merge sort of entry numbers by OID (no boxing: a million entries sort in a few hundred ms). */
  private void mergeSort(int[] a, int[] tmp, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid);
    mergeSort(a, tmp, mid, to);
    if (compareEntryNumbers(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compareEntryNumbers(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }

  private int compareEntryNumbers(int x, int y) {
    return compareEntries(buf, starts[x], starts[x + 1], starts[y], starts[y + 1]);
  }

  /** Compares the OIDs of two varbind TLVs {@code buf[aStart..aEnd)} and {@code buf[bStart..bEnd)}. */
  private static int compareEntries(byte[] buf, int aStart, int aEnd, int bStart, int bEnd) {
    int ap = oidContent(buf, aStart);
    int bp = oidContent(buf, bStart);
    return Recording.compareEncoded(buf, ap, ap + oidLength(buf, aStart), buf, bp, bp + oidLength(buf, bStart));
  }

  private static int oidContent(byte[] buf, int tlv) {
    int p = tlv + 1;
    int b = buf[p++];
    if (b < 0) {
      p += b & 0x7F;
    }
    p++;
    b = buf[p++];
    if (b < 0) {
      p += b & 0x7F;
    }
    return p;
  }

  private static int oidLength(byte[] buf, int tlv) {
    int p = tlv + 1;
    int b = buf[p++];
    if (b < 0) {
      p += b & 0x7F;
    }
    p++;
    b = buf[p++];
    if (b >= 0) {
      return b;
    }
    int n = b & 0x7F;
    int len = 0;
    for (int i = 0; i < n; i++) {
      len = len << 8 | (buf[p++] & 0xFF);
    }
    return len;
  }
}
