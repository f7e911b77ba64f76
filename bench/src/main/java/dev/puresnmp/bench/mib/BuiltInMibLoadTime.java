package dev.puresnmp.bench.mib;

import dev.puresnmp.mib.Mib;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long the first {@link Mib#builtIn} takes in a fresh JVM. With {@code --runs N} it starts N JVMs
 * one after the other, each timing one first call, and prints each figure and the median; {@code
 * --after-lambda} first runs one lambda, as any application has by then (Mib.builtIn() runs none and
 * concatenates no string on its way, so this only shows a JVM that has warmed up a little more).
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.mib.BuiltInMibLoadTime --runs 15
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.mib.BuiltInMibLoadTime --runs 15 --after-lambda
 * }</pre>
 */
public final class BuiltInMibLoadTime {
  private BuiltInMibLoadTime() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean afterLambda = rest.remove("--after-lambda");
    if (rest.size() == 2 && rest.get(0).equals("--runs")) {
      runs(Integer.parseInt(rest.get(1)), afterLambda);
      return;
    }
    if (afterLambda) {
      Supplier<String> warm = () -> "lambda";
      warm.get();
    }
    long start = System.nanoTime();
    Mib mib = Mib.builtIn();
    long ready = System.nanoTime();
    mib.name(mib.oid("ifDescr.1"));
    long named = System.nanoTime();
    System.out.printf(Locale.ROOT, "%.2f ms to Mib.builtIn() (%d objects), %.2f ms more to the first oid() and name()%n",
        (ready - start) / 1e6, mib.objects().size(), (named - ready) / 1e6);
  }

  private static void runs(int n, boolean afterLambda) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        BuiltInMibLoadTime.class.getName()));
    if (afterLambda) {
      cmd.add("--after-lambda");
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("run " + (i + 1) + " failed: " + out);
      }
      System.out.println(out);
      ms[i] = Double.parseDouble(out.substring(0, out.indexOf(' ')));
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%d fresh JVMs%s: min %.2f, median %.2f, max %.2f ms%n", n,
        afterLambda ? " after one lambda" : "", ms[0], ms[n / 2], ms[n - 1]);
  }
}
