package dev.puresnmp.bench.mib;

import dev.puresnmp.bench.client.CpuClock;
import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.UdpTransport;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Part (4) of {@code bench/mib-bench.sh}: our client bulk-walks snmpd's whole tree ({@code .1}, -Cr10 as
 * snmpbulkwalk's default) and prints every varbind as it arrives, as snmpbulkwalk does: with names
 * ({@code mib.format(vb)}, the MIBs of SEARCH-PATH loaded as {@code -m ALL} does) or numerically
 * ({@code NetSnmpFormat.format(vb)}), one line each into OUT-FILE (/dev/null in the benchmark) through a 64 KiB
 * buffer. WARMUP untimed pairs of walks first, then RUNS timed pairs, the order alternating (numeric first on
 * odd runs); one line per timed walk:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.mib.MibWalkPrint run PORT SEARCH-PATH WARMUP RUNS OUT-FILE [AGENT-PID]
 * walk names|numeric RUN WALL_NS CPU_NS VARBINDS AGENT_CPU_NS
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.mib.MibWalkPrint record PORT FILE
 * </pre>
 *
 * {@code record} keeps one walk's varbinds for the formatting benchmark ({@link MibBenchmark}). CPU is the whole
 * process's ({@link CpuClock}); AGENT_CPU_NS the agent's during the walk (-1 without its PID).
 */
public final class MibWalkPrint {
  private static final Oid ROOT = Oid.of(1);

  private MibWalkPrint() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("record")) {
      try (UdpTransport udp = UdpTransport.builder().build()) {
        List<VarBind> all = client(udp, Integer.parseInt(args[1])).bulkwalk(ROOT);
        MibFixtures.write(Path.of(args[2]), all);
        System.out.println("recorded " + all.size() + " varbinds");
      }
      return;
    }
    if ((args.length != 6 && args.length != 7) || !args[0].equals("run")) {
      System.err.println("usage: MibWalkPrint run PORT SEARCH-PATH WARMUP RUNS OUT-FILE [AGENT-PID] | record PORT FILE");
      System.exit(2);
    }
    int port = Integer.parseInt(args[1]);
    Mib mib = MibFixtures.mib(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int runs = Integer.parseInt(args[4]);
    String outFile = args[5];
    CpuClock self = CpuClock.self();
    CpuClock agent = args.length == 7 ? new CpuClock(Long.parseLong(args[6])) : null;
    Function<VarBind, String> names = mib::format;
    Function<VarBind, String> numeric = NetSnmpFormat::format;
    List<String> lines = new ArrayList<>();
    try (UdpTransport udp = UdpTransport.builder().build();
        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(outFile), StandardCharsets.UTF_8), 1 << 16)) {
      BlockingSnmpClient client = client(udp, port);
      for (int i = 0; i < warmup; i++) {
        walk(client, numeric, out);
        walk(client, names, out);
      }
      for (int run = 1; run <= runs; run++) {
        boolean numericFirst = run % 2 == 1;
        for (int k = 0; k < 2; k++) {
          boolean named = numericFirst == (k == 1);
          long a0 = agent == null ? -1 : agent.nanos();
          long c0 = self.nanos();
          long t0 = System.nanoTime();
          long n = walk(client, named ? names : numeric, out);
          long t1 = System.nanoTime();
          long c1 = self.nanos();
          long a1 = agent == null ? -1 : agent.nanos();
          lines.add(String.format("walk %s %d %d %d %d %d", named ? "names" : "numeric", run, t1 - t0, c1 - c0, n, a0 < 0 || a1 < 0 ? -1 : a1 - a0));
        }
      }
    }
    lines.forEach(System.out::println);
  }

  private static BlockingSnmpClient client(UdpTransport udp, int port) {
    SnmpManager manager = SnmpManager.builder().transport(udp).build();
    return SnmpClient.builder(Endpoint.of("127.0.0.1", port), Credentials.v2c("public")).manager(manager).maxRepetitions(10).build().blocking();
  }

  /** One walk, each varbind printed as it arrives; the output flushed before it counts as done. */
  private static long walk(BlockingSnmpClient client, Function<VarBind, String> format, Writer out) throws IOException {
    long[] n = {0};
    client.bulkwalk(ROOT, vb -> {
      try {
        out.write(format.apply(vb));
        out.write('\n');
        n[0]++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    out.flush();
    return n[0];
  }
}
