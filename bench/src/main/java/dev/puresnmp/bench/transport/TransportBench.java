package dev.puresnmp.bench.transport;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.UdpTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transport load harness: GET round trips on loopback, closed loop with N requests in flight, for
 * puresnmp (UdpTransport + codec), SNMP4J (default and 4 MiB receive buffer) and a raw NIO ceiling,
 * against the fast C responder and snmpd; rounds interleave the clients; prints a Markdown table with
 * medians (min–max), ratios and the issue's verdicts. Started by {@code bench/transport-bench.sh}, which
 * owns the peer processes. {@code memory} as first argument runs {@link MemoryTest} instead.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.transport.TransportBench \
 *   --target c=127.0.0.1:13101:PID --target snmpd=127.0.0.1:13102:PID \
 *   --udpbench /tmp/udpbench --echo-port 13103 --rounds 3 --warmup-ms 1000 --measure-ms 3000
 * </pre>
 */
public final class TransportBench {
  private static final String OID = "1.3.6.1.2.1.1.5.0"; // sysName.0

  private record Target(String name, String host, int port, long pid) {}

  /** One measured run. */
  private record Run(double rps, double p50us, double p99us, double cpuUsPerReq, double serverCpuUsPerReq, double allocPerReq, double foreignCpus, long lost, long errors, boolean drained, String note) {}

  private final List<Target> targets = new ArrayList<>();
  private final List<String> clients = new ArrayList<>(List.of("ours", "ours-direct", "snmp4j-default", "snmp4j-4MiB", "raw-nio"));
  /** Configurations not run, "client@window" (e.g. snmp4j-4MiB@1: a bigger buffer changes nothing with 1 in flight). */
  private final java.util.Set<String> skip = new java.util.HashSet<>();
  /** Where the machine-readable results go (TSV: key, median, min, max), or null. */
  private Path resultsFile;
  private int[] windows = {1, 16, 256, 1024};
  private int rounds = 3;
  private long warmupMs = 1000;
  private long measureMs = 3000;
  private long jvmWarmupMs = 2000;
  private String udpbench;
  private int echoPort;
  private Path memoryReport;
  private String mode = "full";

  /** results.get(target).get(window).get(client) = one Run per round. */
  private final Map<String, Map<Integer, Map<String, List<Run>>>> results = new LinkedHashMap<>();

  private final List<String> notes = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("memory")) {
      MemoryTest.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    TransportBench b = new TransportBench();
    b.parse(args);
    b.runAll();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--target" -> {
          String[] nameRest = v.split("=", 2);
          String[] p = nameRest[1].split(":");
          targets.add(new Target(nameRest[0], p[0], Integer.parseInt(p[1]), p.length > 2 ? Long.parseLong(p[2]) : -1));
          i++;
        }
        case "--clients" -> {
          clients.clear();
          clients.addAll(List.of(v.split(",")));
          i++;
        }
        case "--skip" -> {
          if (!v.isBlank()) {
            skip.addAll(List.of(v.split(",")));
          }
          i++;
        }
        case "--results" -> {
          resultsFile = Path.of(v);
          i++;
        }
        case "--windows" -> {
          windows = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
          i++;
        }
        case "--rounds" -> {
          rounds = Integer.parseInt(v);
          i++;
        }
        case "--warmup-ms" -> {
          warmupMs = Long.parseLong(v);
          i++;
        }
        case "--measure-ms" -> {
          measureMs = Long.parseLong(v);
          i++;
        }
        case "--jvm-warmup-ms" -> {
          jvmWarmupMs = Long.parseLong(v);
          i++;
        }
        case "--udpbench" -> {
          udpbench = v;
          i++;
        }
        case "--echo-port" -> {
          echoPort = Integer.parseInt(v);
          i++;
        }
        case "--memory-report" -> {
          memoryReport = Path.of(v);
          i++;
        }
        case "--mode" -> {
          mode = v;
          i++;
        }
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no --target name=host:port[:pid]");
    }
  }

  private void runAll() throws Exception {
    long started = System.nanoTime();
    // JIT warm-up of every client's code before anything is recorded
    for (String c : clients) {
      runOne(targets.get(0), c, 256, jvmWarmupMs, 100);
    }
    String probeStart = probe();
    for (int r = 0; r < rounds; r++) {
      for (Target t : targets) {
        for (int w : windows) {
          for (int k = 0; k < clients.size(); k++) {
            String c = clients.get((k + r) % clients.size()); // a different client goes first each round
            if (skip.contains(c + "@" + w) || skip.contains(t.name + "@" + w)) { // a client, or every client against a target
              continue;
            }
            Run run = runOne(t, c, w, warmupMs, measureMs);
            results.computeIfAbsent(t.name, x -> new LinkedHashMap<>()).computeIfAbsent(w, x -> new LinkedHashMap<>()).computeIfAbsent(c, x -> new ArrayList<>()).add(run);
            if (!run.note.isEmpty() && notes.size() < 30) {
              notes.add(String.format(Locale.ROOT, "round %d, `%s`, %,d outstanding, %s: %s", r + 1, t.name, w, c, run.note));
            }
            System.err.printf(Locale.ROOT, "round %d %-6s N=%-5d %-15s %9.0f req/s p50 %7.1f µs p99 %8.1f µs cpu %5.2f µs/req alloc %4.0f B/req lost %d other load %.2f vCPU%s%n", r + 1, t.name, w, c, run.rps, run.p50us, run.p99us, run.cpuUsPerReq, run.allocPerReq, run.lost, run.foreignCpus, run.note.isEmpty() ? "" : " (" + run.note + ")");
          }
        }
      }
    }
    String probeEnd = probe();
    double minutes = (System.nanoTime() - started) / 60e9;
    print(probeStart, probeEnd, minutes);
  }

  private ClosedLoop create(Target t, String client) throws IOException {
    Oid oid = Oid.parse(OID);
    return switch (client) {
      case "ours" -> new OursClient(t.host, t.port, oid);
      // the documented option "callbacks on the I/O thread": executor(Runnable::run), no completion pool hand-off
      case "ours-direct", "ours-inline" -> new OursClient(t.host, t.port, oid, client, true, true);
      case "ours-nodecode" -> new OursClient(t.host, t.port, oid, client, false, false);
      case "ours-inline-nodecode" -> new OursClient(t.host, t.port, oid, client, true, false);
      // completions on a ForkJoinPool of our own: its workers keep their ThreadLocals (the JDK 17 common
      // pool's workers erase them after every task: the codec's writer, the JDK's temporary direct buffers)
      case "ours-ownpool" -> new OursClient(t.host, t.port, oid, client,
          new java.util.concurrent.ForkJoinPool(Runtime.getRuntime().availableProcessors(), java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true), true);
      case "ours-1thread" -> new OursClient(t.host, t.port, oid, client, java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread th = new Thread(r, "ours-complete");
        th.setDaemon(true);
        return th;
      }), true);
      case "snmp4j-default" -> new Snmp4jClient(t.host, t.port, OID, 0);
      case "snmp4j-4MiB" -> new Snmp4jClient(t.host, t.port, OID, 4 << 20);
      case "raw-nio" -> new RawNioClient(t.host, t.port, oid);
      case "raw-nio-unconnected" -> new RawNioClient(t.host, t.port, oid, false);
      default -> throw new IllegalArgumentException("unknown client " + client);
    };
  }

  private Run runOne(Target t, String clientName, int window, long warmupMs, long measureMs) throws Exception {
    System.gc(); // the previous run's garbage is not this run's cost
    Thread.sleep(50);
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (ClosedLoop c = create(t, clientName)) {
      c.start(window);
      Thread.sleep(warmupMs);
      long ok0 = c.ok.get();
      long err0 = c.errors.get();
      c.histogram.reset();
      long srv0 = serverCpuNanos(t.pid);
      long machine0 = machineBusyNanos();
      Map<Long, Long> alloc0 = allocatedBytes();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      c.recording = true;
      Thread.sleep(measureMs);
      c.recording = false;
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      long srv1 = serverCpuNanos(t.pid);
      long machine1 = machineBusyNanos();
      Map<Long, Long> alloc1 = allocatedBytes();
      long ok1 = c.ok.get();
      c.stop();
      boolean drained = c.awaitDrained(ClosedLoop.TIMEOUT_MILLIS + 1000);
      long n = ok1 - ok0;
      double secs = (t1 - t0) / 1e9;
      String note = "";
      if (!drained) {
        note = c.inFlight.get() + " still in flight after drain";
      }
      if (c.errors.get() > err0) {
        note += (note.isEmpty() ? "" : "; ") + (c.errors.get() - err0) + " errors, first: " + c.firstError;
      }
      if (c instanceof OursClient o && o.transport() != null) {
        UdpTransport.Counters k = o.transport().counters();
        if (k.unmatched() + k.wrongSource() + k.unparsable() + k.sendFailures() > 0) {
          note += (note.isEmpty() ? "" : "; ") + "counters " + k;
        }
      }
      if (c instanceof Snmp4jClient s && window == windows[0] && t == targets.get(0)) {
        String g = s.name() + ": SO_RCVBUF of its socket as the JDK reports it: " + String.format(Locale.ROOT, "%,d", s.grantedReceiveBuffer()) + " bytes";
        if (!notes.contains(g)) {
          notes.add(g);
        }
      }
      return new Run(
          n / secs,
          c.histogram.quantile(0.50) / 1e3,
          c.histogram.quantile(0.99) / 1e3,
          n == 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / n,
          n == 0 || srv0 < 0 ? Double.NaN : (srv1 - srv0) / 1e3 / n,
          n == 0 ? Double.NaN : allocatedDelta(alloc0, alloc1) / (double) n,
          machine0 < 0 || srv0 < 0 ? Double.NaN : Math.max(0, (machine1 - machine0) - (cpu1 - cpu0) - (srv1 - srv0)) / 1e9 / secs,
          c.lost.get(), // the whole run: warm-up, window and drain (a burst lost at start times out near the window's edge)
          c.errors.get() - err0,
          drained,
          note);
    }
  }

  /** utime + stime of a process from /proc, in nanoseconds (USER_HZ = 100 assumed); -1 if unknown. */
  private static long serverCpuNanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Bytes allocated so far by each live thread (HotSpot's per-thread counter). */
  private static Map<Long, Long> allocatedBytes() {
    com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = tm.getAllThreadIds();
    long[] bytes = tm.getThreadAllocatedBytes(ids);
    Map<Long, Long> m = new java.util.HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        m.put(ids[i], bytes[i]);
      }
    }
    return m;
  }

  /** Allocated between two snapshots by threads alive at the second (those born in between count from 0). */
  private static long allocatedDelta(Map<Long, Long> a, Map<Long, Long> b) {
    long d = 0;
    for (var e : b.entrySet()) {
      d += e.getValue() - a.getOrDefault(e.getKey(), 0L);
    }
    return d;
  }

  /** CPU time all vCPUs spent busy (not idle, not iowait) since boot, from /proc/stat; -1 if unknown. */
  private static long machineBusyNanos() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** A 1-second `udpbench ping` (WINDOW 1, 64 bytes) against the echo server: the wake-up regime. */
  private String probe() {
    if (udpbench == null || echoPort == 0) {
      return "not run";
    }
    try {
      Process p = new ProcessBuilder(udpbench, "ping", "127.0.0.1", String.valueOf(echoPort), "64", "1", "1").redirectErrorStream(true).start();
      StringBuilder out = new StringBuilder();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          out.append(line);
        }
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "probe hung";
      }
      Matcher m = Pattern.compile("pps=(\\d+) p50_us=([\\d.]+) p99_us=([\\d.]+) lost=(\\d+)").matcher(out);
      if (m.find()) {
        return String.format(Locale.ROOT, "%,d round trips/s, p50 %s µs, p99 %s µs, lost %s", Long.parseLong(m.group(1)), m.group(2), m.group(3), m.group(4));
      }
      return out.toString();
    } catch (IOException e) {
      return "probe failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  // ---- report ----

  private static double median(double[] v) {
    double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (s.length == 0) {
      return Double.NaN;
    }
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
  }

  private static String fmtRate(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v >= 1000 ? String.format(Locale.ROOT, "%,.1fk", v / 1000) : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String medRange(double[] v, int decimals) {
    if (Double.isNaN(median(v))) {
      return "–";
    }
    return fmt(median(v), decimals) + " (" + fmt(min(v), decimals) + "–" + fmt(max(v), decimals) + ")";
  }

  private static double[] field(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    return runs == null ? new double[0] : runs.stream().mapToDouble(f).toArray();
  }

  /** Per-round ratio a/b of a field, paired by round. */
  private static double[] ratio(List<Run> a, List<Run> b, java.util.function.ToDoubleFunction<Run> f) {
    if (a == null || b == null) {
      return new double[0];
    }
    int n = Math.min(a.size(), b.size());
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i));
    }
    return r;
  }

  private void print(String probeStart, String probeEnd, double minutes) throws IOException {
    StringBuilder o = new StringBuilder();
    o.append("### Transport load: GET round trips on loopback\n\n");
    o.append(String.format(Locale.ROOT, "- %s, %d vCPUs, %s %s; mode %s: %d round(s), each configuration %.2f s warm-up + %.2f s measured (after %.1f s of JIT warm-up per client); the clients interleaved (a different one first each round); harness %.1f min\n",
        ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), mode, rounds, warmupMs / 1e3, measureMs / 1e3, jvmWarmupMs / 1e3, minutes));
    o.append("- JVM flags: `").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())).append("`\n");
    o.append("- closed loop: each completion (reply or 1 s timeout, no retry) sends the next GET of sysName.0, v2c `public`; ");
    o.append("targets: ");
    for (Target t : targets) {
      o.append('`').append(t.name).append("` ").append(t.host).append(':').append(t.port).append(t.name.equals("c") ? " (udpbench snmp, the fast C responder)" : t.name.equals("snmpd") ? " (Net-SNMP snmpd, ~97k req/s ceiling)" : "").append("; ");
    }
    o.append("\n- clients: `ours` UdpTransport (defaults: 4 MiB SO_RCVBUF, its own completion pool) + MessageCodec encode/decode with id check; ");
    o.append("`ours-direct` the same with the documented option `UdpTransport.builder().executor(Runnable::run)`: callbacks (and so the next send) on the I/O thread, no hand-off to a completion pool; ");
    o.append("`snmp4j-default`/`snmp4j-4MiB` SNMP4J 3.8.2 async `Snmp.send` over DefaultUdpTransportMapping, OS default or 4 MiB receive buffer; ");
    o.append("`raw-nio` one connected non-blocking DatagramChannel, pre-encoded GETs, no codec, no futures (the ceiling)\n");
    // only what would have run: a client or target of this run
    java.util.Set<String> skipped = new java.util.TreeSet<>();
    for (String k : skip) {
      String who = k.substring(0, Math.max(0, k.indexOf('@')));
      if (clients.contains(who) || targets.stream().anyMatch(t -> t.name.equals(who))) {
        skipped.add(k);
      }
    }
    if (!skipped.isEmpty()) {
      o.append("- not run (to keep the whole command within its time): ").append(String.join(", ", skipped).replace("@", " at ")).append(" in flight (a target's name: every client against it)\n");
    }
    for (String n : notes) {
      o.append("- ").append(n).append('\n');
    }
    o.append("- wake-up regime probe (`udpbench ping`, WINDOW 1, 1 s): start: ").append(probeStart).append("; end: ").append(probeEnd).append('\n');
    o.append("- req/s, client CPU (whole JVM process CPU time / replies), client alloc (bytes allocated by all JVM threads / replies, median) and server CPU (responder process) per request: median (min–max) over rounds; p50/p99 latency: median over rounds; lost = requests timed out in a round's run (warm-up, window and drain alike), median (max) and total; ");
    o.append("other load = vCPUs busy with anything but this JVM and the responder during the window (/proc/stat), median (max): more than ~0.2 means a neighbour took CPU and the row is disturbed\n\n");

    o.append("| target | outstanding | client | req/s | p50 µs | p99 µs | client CPU µs/req | client alloc B/req | server CPU µs/req | lost/round (max) | lost total | other load vCPU (max) |\n");
    o.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var te : results.entrySet()) {
      for (var we : te.getValue().entrySet()) {
        for (String c : clients) {
          List<Run> runs = we.getValue().get(c);
          if (runs == null) {
            continue;
          }
          double[] rps = field(runs, Run::rps);
          long lostTotal = runs.stream().mapToLong(Run::lost).sum();
          o.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s (%s–%s) | %s | %s | %s | %s | %s | %s (%s) | %,d | %s (%s) |\n",
              te.getKey(), we.getKey(), c, fmtRate(median(rps)), fmtRate(min(rps)), fmtRate(max(rps)),
              fmt(median(field(runs, Run::p50us)), 1), fmt(median(field(runs, Run::p99us)), 1),
              medRange(field(runs, Run::cpuUsPerReq), 2), fmt(median(field(runs, Run::allocPerReq)), 0), fmt(median(field(runs, Run::serverCpuUsPerReq)), 2),
              fmt(median(field(runs, r -> r.lost)), 0), fmt(max(field(runs, r -> r.lost)), 0), lostTotal,
              fmt(median(field(runs, Run::foreignCpus)), 2), fmt(max(field(runs, Run::foreignCpus)), 2)));
        }
      }
    }

    o.append("\n#### Ratios, paired by round: median (min–max)\n\n");
    o.append("| target | outstanding | client | req/s ÷ snmp4j-default | req/s ÷ snmp4j-4MiB | req/s ÷ raw | CPU/req ÷ snmp4j-default | CPU/req ÷ raw |\n");
    o.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
    for (var te : results.entrySet()) {
      for (var we : te.getValue().entrySet()) {
        Map<String, List<Run>> m = we.getValue();
        for (String ours : List.of("ours", "ours-direct")) {
          if (m.get(ours) == null) {
            continue;
          }
          o.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s |\n", te.getKey(), we.getKey(), ours,
              medRange(ratio(m.get(ours), m.get("snmp4j-default"), Run::rps), 2),
              medRange(ratio(m.get(ours), m.get("snmp4j-4MiB"), Run::rps), 2),
              medRange(ratio(m.get(ours), m.get("raw-nio"), Run::rps), 2),
              medRange(ratio(m.get(ours), m.get("snmp4j-default"), Run::cpuUsPerReq), 2),
              medRange(ratio(m.get(ours), m.get("raw-nio"), Run::cpuUsPerReq), 2)));
        }
      }
    }

    o.append("\n#### Verdicts (targets from the issue)\n\n");
    String first = targets.get(0).name;
    Map<Integer, Map<String, List<Run>>> c = results.getOrDefault(first, Map.of());
    Map<String, List<Run>> at256 = c.get(256);
    if (at256 != null && at256.get("ours") != null) {
      double r1 = median(ratio(at256.get("ours"), at256.get("snmp4j-default"), Run::rps));
      double r2 = median(ratio(at256.get("ours"), at256.get("snmp4j-4MiB"), Run::rps));
      boolean pass = r1 >= 2 && (Double.isNaN(r2) || r2 >= 2);
      o.append(String.format(Locale.ROOT, "- %s ours ≥ 2× SNMP4J at 256 outstanding (`%s`): %s× SNMP4J default buffer, %s× SNMP4J 4 MiB\n", verdict(pass), first, fmt(r1, 2), fmt(r2, 2)));
    }
    StringBuilder raw = new StringBuilder();
    boolean rawPass = true;
    for (var we : c.entrySet()) {
      if (we.getKey() < 16) {
        continue; // 1 in flight measures vCPU wake-ups, not software
      }
      double r = median(ratio(we.getValue().get("ours"), we.getValue().get("raw-nio"), Run::rps));
      rawPass &= r >= 0.8;
      raw.append(String.format(Locale.ROOT, "%s%,d: %.0f %%", raw.length() == 0 ? "" : ", ", we.getKey(), r * 100));
    }
    if (raw.length() > 0) {
      o.append(String.format(Locale.ROOT, "- %s ours ≥ 80 %% of the raw NIO ceiling (`%s`, 16+ outstanding): %s\n", verdict(rawPass), first, raw));
    }
    StringBuilder lost = new StringBuilder();
    boolean lostPass = true;
    for (var te : results.entrySet()) {
      Map<String, List<Run>> m = te.getValue().get(1024);
      if (m == null || m.get("ours") == null) {
        continue;
      }
      long l = m.get("ours").stream().mapToLong(Run::lost).sum();
      boolean isFirst = te.getKey().equals(first);
      if (isFirst) {
        lostPass &= l == 0;
        lost.append(String.format(Locale.ROOT, "`%s`: %d lost in %d rounds", te.getKey(), l, m.get("ours").size()));
      } else {
        long rawLost = m.get("raw-nio") == null ? -1 : m.get("raw-nio").stream().mapToLong(Run::lost).sum();
        lost.append(String.format(Locale.ROOT, " (not judged: `%s` %d lost, raw-nio %d lost there too: what the agent drops%s)", te.getKey(), l, rawLost,
            te.getKey().equals("snmpd") ? " from its default 208 KiB receive buffer" : ""));
      }
    }
    if (lost.length() > 0) {
      o.append(String.format(Locale.ROOT, "- %s zero lost requests at 1,024 outstanding (ours): %s\n", verdict(lostPass), lost));
    }

    String memory = null;
    if (memoryReport != null && Files.exists(memoryReport)) {
      memory = Files.readString(memoryReport);
      for (String line : memory.split("\n")) {
        if (line.startsWith("VERDICT: ")) {
          o.append("- ").append(line.substring(9)).append('\n');
        }
      }
    } else {
      o.append("- (memory test not run)\n");
    }
    if (memory != null) {
      o.append('\n');
      for (String line : memory.split("\n")) {
        if (!line.startsWith("VERDICT: ")) {
          o.append(line).append('\n');
        }
      }
    }
    System.out.print(o);
    System.out.flush();
    if (resultsFile != null) {
      writeResults(memory);
    }
  }

  /**
   * The machine-readable results: one line per figure, "key TAB median TAB min TAB max" over rounds
   * (run-benchmarks builds its summary and charts from these). Keys: transport.TARGET.WINDOW.CLIENT.rps|cpu_us|
   * server_cpu_us|lost, transport.TARGET.WINDOW.ratio.rps|cpu.CLIENT/PEER (paired by round), memory.*.
   */
  private void writeResults(String memory) throws IOException {
    StringBuilder o = new StringBuilder();
    for (var te : results.entrySet()) {
      for (var we : te.getValue().entrySet()) {
        String k = "transport." + te.getKey() + "." + we.getKey() + ".";
        Map<String, List<Run>> m = we.getValue();
        for (var ce : m.entrySet()) {
          tsv(o, k + ce.getKey() + ".rps", field(ce.getValue(), Run::rps));
          tsv(o, k + ce.getKey() + ".cpu_us", field(ce.getValue(), Run::cpuUsPerReq));
          tsv(o, k + ce.getKey() + ".server_cpu_us", field(ce.getValue(), Run::serverCpuUsPerReq));
          tsv(o, k + ce.getKey() + ".lost", new double[] {ce.getValue().stream().mapToLong(Run::lost).sum()});
        }
        for (String ours : List.of("ours", "ours-direct")) {
          for (String peer : List.of("snmp4j-default", "snmp4j-4MiB", "raw-nio")) {
            if (m.get(ours) != null && m.get(peer) != null) {
              tsv(o, k + "ratio.rps." + ours + "/" + peer, ratio(m.get(ours), m.get(peer), Run::rps));
              tsv(o, k + "ratio.cpu." + ours + "/" + peer, ratio(m.get(ours), m.get(peer), Run::cpuUsPerReq));
            }
          }
        }
      }
    }
    if (memory != null) {
      Matcher mm = Pattern.compile("VERDICT: \\*\\*(PASS|FAIL)\\*\\* ([\\d,]+) outstanding .*?: ([\\d.]+) bytes \\(used heap\\) / ([\\d.]+) bytes \\(histogram\\)").matcher(memory);
      if (mm.find()) {
        o.append("memory.outstanding\t").append(mm.group(2).replace(",", "")).append('\n');
        o.append("memory.bytes_per_request_heap\t").append(mm.group(3)).append('\n');
        o.append("memory.bytes_per_request_histogram\t").append(mm.group(4)).append('\n');
        o.append("memory.pass\t").append(mm.group(1).equals("PASS") ? 1 : 0).append('\n');
      }
    }
    Files.writeString(resultsFile, o.toString());
  }

  private static void tsv(StringBuilder o, String key, double[] v) {
    if (v.length == 0 || Double.isNaN(median(v))) {
      return;
    }
    o.append(key).append('\t').append(String.format(Locale.ROOT, "%.6g\t%.6g\t%.6g", median(v), min(v), max(v))).append('\n');
  }

  private static String verdict(boolean pass) {
    return pass ? "**PASS**" : "**FAIL**";
  }
}
