package dev.puresnmp.sim;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.ValueCodec;
import dev.puresnmp.smi.VarBind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A device's recorded MIB, immutable and sorted: what the simulator serves for one community. Every
 * varbind is kept pre-encoded (BER, OID and value) in one byte array with an array of offsets, so a GET is
 * a binary search that decodes no OID into objects, a GETNEXT or GETBULK walks the array by index, and a
 * response is mostly copied bytes. About 35 bytes per entry: 1,000,000 entries fit in ~40 MB.
 *
 * <pre>{@code
 * Recording r = Recording.load(Path.of("cisco-3750.snmprec"));      // or .walk (snmpwalk -On output)
 * Recording small = Recording.builder()
 *     .add(Oid.parse("1.3.6.1.2.1.1.5.0"), OctetString.of("router-1"))
 *     .addComputed(Oid.parse("1.3.6.1.2.1.1.3.0"), ComputedValue.UPTIME)
 *     .build();
 * int i = r.indexOf(Oid.parse("1.3.6.1.2.1.1.5.0"));                  // >= 0: found
 * }</pre>
 *
 * <p>A recording can be shared by many simulators and threads; SETs go to each simulator's own overlay.
 */
public final class Recording {
  private final String source;
  private final byte[] data;
  private final int[] offsets;
  private final int[] computedIndexes;
  private final ComputedValue[] computed;
  private final BitSet writable;
  private final List<RecordingProblem> problems;

  Recording(
      String source,
      byte[] data,
      int[] offsets,
      int[] computedIndexes,
      ComputedValue[] computed,
      BitSet writable,
      List<RecordingProblem> problems) {
    this.source = source;
    this.data = data;
    this.offsets = offsets;
    this.computedIndexes = computedIndexes;
    this.computed = computed;
    this.writable = writable;
    this.problems = List.copyOf(problems);
  }

  /** A builder for a recording made in code. */
  public static RecordingBuilder builder() {
    return new RecordingBuilder("builder");
  }

  /**
   * Reads a {@code .snmprec} file, or Net-SNMP {@code snmpwalk -On} output (any other extension), leniently:
   * bad lines are skipped and listed in {@link #problems()}, and logged.
   */
  public static Recording load(Path file) {
    return RecordingReader.lenient().read(file);
  }

  /** Where it came from: a file name, a resource, or "builder". */
  public String source() {
    return source;
  }

  /** The number of OIDs. */
  public int size() {
    return offsets.length - 1;
  }

  /** Lines that were skipped or only partly understood when it was read; empty for a clean file. */
  public List<RecordingProblem> problems() {
    return problems;
  }

  /** The index of {@code oid}, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch(int[], int)}. */
  public int indexOf(Oid oid) {
    int lo = 0;
    int hi = size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareEntryTo(mid, oid);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** The index of the first OID after {@code oid} (its lexicographic successor), or {@link #size()} if none. */
  public int nextIndex(Oid oid) {
    int i = indexOf(oid);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The varbind at {@code index}; a computed value as it is after {@code uptime}. */
  public VarBind varBind(int index, Duration uptime) {
    ComputedValue c = computedAt(index);
    Oid oid = oid(index);
    return c != null ? new VarBind(oid, c.at(uptime)) : decode(index);
  }

  /** The varbind at {@code index}, computed values as they are at uptime 0. */
  public VarBind varBind(int index) {
    return varBind(index, Duration.ZERO);
  }

  /** Every varbind, in order (computed ones at uptime 0); for small recordings and tests. */
  public List<VarBind> varBinds() {
    List<VarBind> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(varBind(i));
    }
    return out;
  }

  /** The OID at {@code index}. */
  public Oid oid(int index) {
    return VarBind.decodeOid(data, start(index), end(index) - start(index));
  }

  private VarBind decode(int index) {
    return VarBind.decode(data, start(index), end(index) - start(index));
  }

  /** True when the file marked this OID writable (snmpsim's {@code writecache} variation). */
  public boolean isMarkedWritable(int index) {
    return writable.get(index);
  }

  // --- for the responder: the raw store

  byte[] data() {
    return data;
  }

  int start(int index) {
    return offsets[index];
  }

  int end(int index) {
    return offsets[index + 1];
  }

  boolean hasComputed() {
    return computed.length > 0;
  }

  /** The computed value at {@code index}, or null for a plain one. */
  ComputedValue computedAt(int index) {
    if (computed.length == 0) {
      return null;
    }
    int i = Arrays.binarySearch(computedIndexes, index);
    return i >= 0 ? computed[i] : null;
  }

  /** Where the OID's content (after its tag and length) starts in {@link #data()}. */
  int oidContentStart(int index) {
    int p = offsets[index] + 1;
    int b = data[p++];
    if (b < 0) {
      p += b & 0x7F;
    }
    p++; // the OID's tag
    b = data[p++];
    if (b < 0) {
      p += b & 0x7F;
    }
    return p;
  }

  /** The length of the OID's content. */
  int oidContentLength(int index) {
    int p = offsets[index] + 1;
    int b = data[p++];
    if (b < 0) {
      p += b & 0x7F;
    }
    p++;
    b = data[p++];
    if (b >= 0) {
      return b;
    }
    int n = b & 0x7F;
    int length = 0;
    for (int i = 0; i < n; i++) {
      length = length << 8 | (data[p++] & 0xFF);
    }
    return length;
  }

  /** Compares the stored OID at {@code index} with {@code oid}, arc by arc, unsigned; a prefix sorts first. */
  int compareEntryTo(int index, Oid oid) {
    int p = oidContentStart(index);
    int end = p + oidContentLength(index);
    return ValueCodec.compareOidContent(data, p, end, oid);
  }

  /**
   * Compares two encoded OID contents by sub-identifier value. With the first two arcs in their BER ranges
   * (0..2, and below 40 unless the first is 2), 40 * X + Y preserves the arcs' order, so no split is needed.
   */
  static int compareEncoded(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
    while (ap < aEnd && bp < bEnd) {
      long va = 0;
      int x;
      do {
        x = a[ap++];
        va = (va << 7) | (x & 0x7F);
      } while (x < 0 && ap < aEnd);
      long vb = 0;
      do {
        x = b[bp++];
        vb = (vb << 7) | (x & 0x7F);
      } while (x < 0 && bp < bEnd);
      if (va != vb) {
        return Long.compare(va, vb);
      }
    }
    return Boolean.compare(ap < aEnd, bp < bEnd);
  }

  @Override
  public String toString() {
    return "Recording[" + source + ", " + size() + " OIDs]";
  }
}
