package dev.puresnmp.bench.mib;

import dev.puresnmp.mib.Mib;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first {@link Mib#builtIn} of a JVM, single shot: each fork is a fresh JVM that calls it once (it
 * is cached after), so the score is the cold cost in a JVM that has already run JMH's own code (lambdas,
 * resources), as an application has. {@link #relinkBuiltInModules} is what {@code
 * Mib.builder().builtIn()} costs first: the same modules linked again rather than read as a tree.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar BuiltInMibBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(20)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BuiltInMibBenchmark {
  @Benchmark
  public Mib firstBuiltIn() {
    return Mib.builtIn();
  }

  @Benchmark
  public Mib relinkBuiltInModules() {
    return Mib.builder().builtIn().build();
  }
}
