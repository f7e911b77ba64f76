package dev.puresnmp.bench.mib;

import dev.puresnmp.mib.Mib;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long our parser takes to load every module of a search path (leniently, as {@code snmptranslate -m ALL}
 * reads them), in this JVM: the first load (a fresh JVM's, class loading and
 * the interpreter included) and then WARM more, each a whole new {@link Mib}. Part (2) of {@code bench/mib-bench.sh}:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.mib.MibParseTime DIR[:DIR…] WARM
 * first MS FILES MODULES OBJECTS PROBLEMS
 * warm I MS
 * </pre>
 */
public final class MibParseTime {
  private MibParseTime() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: MibParseTime DIR[:DIR…] WARM");
      System.exit(2);
    }
    Path[] dirs = MibFixtures.dirs(args[0]);
    int warm = Integer.parseInt(args[1]);
    long t0 = System.nanoTime();
    List<Path> files = MibFixtures.files(dirs);
    Mib mib = MibFixtures.loadAll(dirs);
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "first %.3f %d %d %d %d%n", (t1 - t0) / 1e6, files.size(), mib.modules().size(), mib.objects().size(), mib.problems().size());
    for (int i = 1; i <= warm; i++) {
      long s = System.nanoTime();
      Mib again = MibFixtures.loadAll(dirs);
      long e = System.nanoTime();
      if (again.objects().size() != mib.objects().size()) {
        throw new IllegalStateException("load " + i + " gave " + again.objects().size() + " objects, the first " + mib.objects().size());
      }
      System.out.printf(Locale.ROOT, "warm %d %.3f%n", i, (e - s) / 1e6);
    }
  }
}
