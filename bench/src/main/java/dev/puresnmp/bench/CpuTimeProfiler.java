package dev.puresnmp.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * {@code -prof dev.puresnmp.bench.CpuTimeProfiler}: operations per second of the benchmark JVM's CPU
 * time (the benchmark thread, and the GC threads its garbage keeps busy), as the secondary result
 * {@code cpu.thrpt}. On this 2-vCPU machine shared with neighbours, wall-clock ops/s swing 2x between
 * two runs a minute apart because the benchmark thread is descheduled; CPU time does not count the time
 * it waits, so ratios of {@code cpu.thrpt} hold much better (hence: report CPU per request). It also charges each codec for the GC work its allocation causes on the other core.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long cpuAtStart;

  @Override
  public String getDescription() {
    return "operations per second of the JVM's CPU time (benchmark and GC threads)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    cpuAtStart = OS.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long cpuNanos = OS.getProcessCpuTime() - cpuAtStart;
    long ops = result.getMetadata().getAllOps(); // every operation run in the window, as CPU was spent on all
    if (cpuNanos <= 0 || ops <= 0) {
      return List.of();
    }
    return List.of(new ScalarResult("cpu.thrpt", ops * 1e9 / cpuNanos, "ops/cpu-s", AggregationPolicy.AVG));
  }
}
