package dev.puresnmp.bench.client;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a whole process (every thread: application, GC, JIT compiler), in nanoseconds, from
 * {@code /proc/PID/task/TID/schedstat}. Why not {@code OperatingSystemMXBean.getProcessCpuTime()}: on
 * Linux it comes from times(2) and moves in 10 ms steps, a quarter of a 40 ms walk; schedstat counts
 * nanoseconds. A read costs ~0.2 ms (one pread per thread, files kept open), small next to what it
 * measures. The CPU of a thread that ended between two reads is lost: none do in these benchmarks.
 */
public final class CpuClock {
  private final long pid;
  private final Map<String, Task> tasks = new HashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(128);
  private long jit;

  /** One thread: its open schedstat file, and whether it is a JIT compiler thread. */
  private record Task(FileChannel schedstat, boolean compiler) {}

  public CpuClock(long pid) {
    this.pid = pid;
  }

  /** This JVM. */
  public static CpuClock self() {
    return new CpuClock(ProcessHandle.current().pid());
  }

  /**
   * Bytes allocated so far by this JVM's live Java threads (TLABs included): what a walk or a cycle costs
   * the garbage collector.
   */
  static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, b);
    }
    return sum;
  }

  /** Nanoseconds on CPU so far, summed over the live threads; -1 if the process is gone. */
  public long nanos() {
    String[] tids = new File("/proc/" + pid + "/task").list();
    if (tids == null) {
      return -1;
    }
    long sum = 0;
    long compilers = 0;
    for (String tid : tids) {
      Task t = tasks.get(tid);
      try {
        if (t == null) {
          String comm = Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/comm"));
          t = new Task(FileChannel.open(Path.of("/proc/" + pid + "/task/" + tid + "/schedstat")), comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler"));
          tasks.put(tid, t);
        }
        buffer.clear();
        int n = t.schedstat.read(buffer, 0);
        long v = 0; // the first field: time on CPU in ns
        for (int i = 0; i < n && buffer.get(i) != ' '; i++) {
          v = v * 10 + (buffer.get(i) - '0');
        }
        sum += v;
        if (t.compiler) {
          compilers += v;
        }
      } catch (IOException e) {
        tasks.remove(tid); // the thread ended
        if (t != null) {
          try {
            t.schedstat.close();
          } catch (IOException ignored) {
            // nothing to free
          }
        }
      }
    }
    jit = compilers;
    return sum;
  }

  /** Of the last {@link #nanos()}, the part spent by the JIT compiler threads. */
  public long jitNanos() {
    return jit;
  }

  /**
   * Runs {@code unit} (a walk, a poll cycle) until the JIT has gone quiet: at least {@code min} times, then
   * until {@code quiet} runs in a row during which the compiler threads used less than 1% of the run's
   * wall time (or 0.5 ms), at most {@code max} times. A fixed count is either too short for one library
   * (SNMP4J's walk needs ~30 walks of the 10k table here before its CPU settles) or wastes minutes.
   * Returns how many runs it took.
   */
  static int warmUp(Unit unit, int min, int max, int quiet) throws Exception {
    CpuClock cpu = self();
    int inARow = 0;
    for (int i = 1; i <= max; i++) {
      cpu.nanos();
      long jit0 = cpu.jitNanos();
      long t0 = System.nanoTime();
      unit.run();
      long wall = System.nanoTime() - t0;
      cpu.nanos();
      inARow = cpu.jitNanos() - jit0 < Math.max(500_000, wall / 100) ? inARow + 1 : 0;
      if (i >= min && inARow >= quiet) {
        return i;
      }
    }
    return max;
  }

  interface Unit {
    void run() throws Exception;
  }
}
