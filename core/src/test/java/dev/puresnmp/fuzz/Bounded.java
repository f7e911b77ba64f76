package dev.puresnmp.fuzz;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The fuzz targets' property: a call on an input either returns or throws what the component documents,
 * and allocates at most {@code perByte · length + fixed} bytes on its thread (measured with
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, which counts every object the
 * thread allocated, kept or not). Each target names its two constants and says why they are what they are.
 */
public final class Bounded {
  /**
   * {@code ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes()},
   * looked up by name: core's tests run inside the module dev.puresnmp.core, which does not read
   * java.management (a public lookup needs no readability, and invokeExact boxes nothing).
   */
  private static final MethodHandle ALLOCATED;

  static {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
      Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
      type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
      ALLOCATED = MethodHandles.publicLookup()
          .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
          .bindTo(bean);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Bytes this thread has allocated so far. */
  static long allocated() {
    try {
      return (long) ALLOCATED.invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private Bounded() {}

  /** A call that may throw the documented exception (caught by the caller around {@link #run}). */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  /**
   * Runs {@code call}; fails with an {@link AssertionError} naming the sizes when it allocated more than
   * {@code perByte · length + fixed}. Exceptions of the call pass through (the bound is checked first).
   *
   * <p>A call over the bound is run once more and judged by that second run: under the fuzzer, the first
   * call that loads a class also pays for Jazzer instrumenting it on this thread (megabytes), which is no
   * allocation of the input's making. The code under test is deterministic, so a real excess repeats.
   */
  public static void run(String what, int length, long perByte, long fixed, Call call) throws Exception {
    long before = allocated();
    try {
      call.run();
    } catch (Exception | Error e) {
      check(what, length, perByte, fixed, allocated() - before, call, e);
      throw e;
    }
    check(what, length, perByte, fixed, allocated() - before, call, null);
  }

  private static void check(String what, int length, long perByte, long fixed, long allocated, Call call, Throwable thrown) {
    long bound = perByte * length + fixed;
    if (allocated <= bound) {
      return;
    }
    long before = allocated();
    try {
      call.run();
    } catch (Exception | Error e) {
      // the first run's outcome is the one reported
    }
    long again = allocated() - before;
    if (again > bound) {
      throw new AssertionError(what + " allocated " + again + " bytes on a " + length
          + "-byte input: more than " + perByte + " · " + length + " + " + fixed + " = " + bound, thrown);
    }
  }
}
