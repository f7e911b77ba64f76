package dev.puresnmp.bench.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Markdown report of {@code bench/client-bench.sh}: reads the result lines that WalkBench, PollBench and the
 * script (snmpbulkwalk, probe, notes, "round N" markers) wrote into one file, prints the tables with medians,
 * min–max and ratios, and the verdicts against the targets. A ratio is taken round by round (the median of
 * each client's runs in that round, puresnmp ÷ peer), then shown as the median (min–max) over rounds. With a
 * second argument it also writes the machine-readable results there (TSV: key, median, min, max).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.ClientReport bench/target/client/results.txt [results.tsv]
 * </pre>
 */
public final class ClientReport {
  private static final String OURS = "puresnmp";
  private static final List<String> WALKERS = List.of(OURS, "snmp4j", "snmpbulkwalk");
  private static final Map<String, String> NAMES = Map.of(OURS, "puresnmp", "snmp4j", "SNMP4J 3.8.2", "snmpbulkwalk", "snmpbulkwalk 5.9.3");

  private ClientReport() {}

  /** One timed run: wall and CPU in ms, and whether its result was right. */
  record Run(int round, double wallMs, double cpuMs, boolean right, double agentMs, long timeouts, double allocatedMb) {}

  /** The machine-readable results, written at the end when asked for. */
  private static final StringBuilder TSV = new StringBuilder();

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Map<String, List<Run>> walks = new LinkedHashMap<>(); // "rows reps client"
    Map<String, List<Run>> polls = new LinkedHashMap<>(); // client
    Map<String, List<Double>> kernelShares = new LinkedHashMap<>(); // client: system ÷ (user + system) CPU over each run's timed cycles
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> warmups = new LinkedHashMap<>();
    TreeSet<String> configs = new TreeSet<>((a, b) -> {
      String[] x = a.split(" "), y = b.split(" ");
      int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
      return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    });
    int devices = 0;
    int round = 1;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "round" -> round = Integer.parseInt(f[1]);
        case "walk" -> {
          long rows = Long.parseLong(f[2]);
          configs.add(f[2] + " " + f[3]);
          walks.computeIfAbsent(f[2] + " " + f[3] + " " + f[1], k -> new ArrayList<>())
              .add(new Run(round, Long.parseLong(f[5]) / 1e6, Long.parseLong(f[6]) / 1e6, Long.parseLong(f[7]) == rows * 4, optionalMs(f, 9), 0, optionalMs(f, 8)));
        }
        case "poll" -> {
          devices = Integer.parseInt(f[2]);
          boolean right = Long.parseLong(f[8]) == 0;
          polls.computeIfAbsent(f[1], k -> new ArrayList<>())
              .add(new Run(round, Long.parseLong(f[4]) / 1e6, Long.parseLong(f[5]) / 1e6, right, Long.parseLong(f[6]) / 1e6, Long.parseLong(f[7]), Long.parseLong(f[9]) / 1e6));
        }
        case "cpusplit" -> {
          double user = Double.parseDouble(f[2]);
          double system = Double.parseDouble(f[3]);
          if (user + system > 0) {
            kernelShares.computeIfAbsent(f[1], k -> new ArrayList<>()).add(system / (user + system));
          }
        }
        case "note" -> notes.add(line.trim().substring(5));
        case "warmup" -> warmups.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f.length > 4 ? f[4] + " walks (" + f[2] + " rows -Cr" + f[3] + ")" : f[3] + " poll cycles");
        default -> { }
      }
    }
    List<String> verdicts = new ArrayList<>();
    if (!walks.isEmpty()) {
      walkTables(walks, configs, verdicts);
    }
    if (!polls.isEmpty()) {
      pollTable(polls, devices, verdicts);
      kernelShares.forEach((client, shares) -> tsv("poll." + client + ".kernel_share", shares));
      if (!kernelShares.isEmpty()) {
        System.out.print("The kernel's share of each client's CPU over the timed cycles (system ÷ user + system, /proc/self/stat), median of the runs:");
        kernelShares.forEach((client, shares) -> System.out.printf(" %s %.0f %%;", NAMES.get(client), 100 * median(shares)));
        System.out.println(" on loopback a send also delivers the datagram to the agent's socket, in the sender's system time.\n");
      }
    }
    System.out.println("### Verdicts of the client part\n");
    verdicts.forEach(System.out::println);
    System.out.println();
    notes.forEach(n -> System.out.println("- " + n));
    warmups.forEach((client, w) -> System.out.println("- untimed warm-up runs until the JIT went quiet, " + NAMES.get(client) + ": " + String.join(", ", w)));
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), TSV.toString());
    }
  }

  /** Field i in ns as ms; NaN when absent or negative (not measured). */
  private static double optionalMs(String[] f, int i) {
    if (f.length <= i) {
      return Double.NaN;
    }
    long v = Long.parseLong(f[i]);
    return v < 0 ? Double.NaN : v / 1e6;
  }

  /**
   * Ratios a ÷ b taken round by round: in each round both ran, the median of a's runs over the median of b's.
   * {@code invert}: b ÷ a instead (a speed-up).
   */
  private static List<Double> roundRatios(List<Run> a, List<Run> b, java.util.function.ToDoubleFunction<Run> f, boolean invert) {
    List<Double> r = new ArrayList<>();
    if (a == null || b == null) {
      return r;
    }
    TreeSet<Integer> rounds = new TreeSet<>();
    a.forEach(x -> rounds.add(x.round));
    for (int round : rounds) {
      double ma = median(a.stream().filter(x -> x.round == round).map(x -> f.applyAsDouble(x)).toList());
      double mb = median(b.stream().filter(x -> x.round == round).map(x -> f.applyAsDouble(x)).toList());
      if (!Double.isNaN(ma) && !Double.isNaN(mb)) {
        r.add(invert ? mb / ma : ma / mb);
      }
    }
    return r;
  }

  /** "0.93 (0.90–0.97)": the median and range of per-round ratios; "—" when there are none. */
  private static String range(List<Double> r) {
    if (r.isEmpty()) {
      return "—";
    }
    return r.size() == 1 ? String.format("%.2f", r.get(0)) : String.format("%.2f (%.2f–%.2f)", median(r), Collections.min(r), Collections.max(r));
  }

  private static void tsv(String key, List<Double> v) {
    List<Double> s = v.stream().filter(x -> !Double.isNaN(x)).toList();
    if (!s.isEmpty()) {
      TSV.append(String.format("%s\t%.6g\t%.6g\t%.6g%n", key, median(s), Collections.min(s), Collections.max(s)));
    }
  }

  private static void walkTables(Map<String, List<Run>> walks, TreeSet<String> configs, List<String> verdicts) {
    System.out.println("### (a) Bulk walk of snmpd's big table (bigtable.c), 4 columns\n");
    Map<String, String[]> cells = new LinkedHashMap<>(); // config -> wall ÷ SNMP4J, wall ÷ snmpbulkwalk, CPU ÷ …, CPU ÷ …
    int met = 0, compared = 0;
    for (String what : List.of("wall", "CPU")) {
      boolean wall = what.equals("wall");
      System.out.println(wall
          ? "Wall time per walk, ms: median (min–max) of the timed runs; ratio = puresnmp ÷ peer, taken round by round: median (min–max) over rounds (≤ 1.00 meets the target)\n"
          : "Client CPU time per walk, ms (whole client process: user + sys, GC and JIT included): median (min–max); ratio as above\n");
      System.out.println("| table | -Cr | varbinds | puresnmp | SNMP4J 3.8.2 | snmpbulkwalk | ÷ SNMP4J | ÷ snmpbulkwalk |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (String c : configs) {
        String[] rr = c.split(" ");
        long rows = Long.parseLong(rr[0]);
        StringBuilder sb = new StringBuilder(String.format("| %,d rows | %s | %,d ", rows, rr[1], rows * 4));
        java.util.function.ToDoubleFunction<Run> metric = r -> wall ? r.wallMs : r.cpuMs;
        String k = "walk." + rr[0] + "." + rr[1] + ".";
        for (int i = 0; i < WALKERS.size(); i++) {
          List<Run> runs = walks.getOrDefault(c + " " + WALKERS.get(i), List.of());
          List<Double> v = runs.stream().map(r -> metric.applyAsDouble(r)).toList();
          sb.append(String.format("| %s ", v.isEmpty() ? "—" : String.format("%.0f (%.0f–%.0f)", median(v), Collections.min(v), Collections.max(v))));
          tsv(k + WALKERS.get(i) + (wall ? ".wall_ms" : ".cpu_ms"), v);
          if (wall) {
            tsv(k + WALKERS.get(i) + ".agent_ms", runs.stream().map(Run::agentMs).toList());
          }
        }
        List<Run> ours = walks.get(c + " " + OURS);
        List<List<Double>> ratios = new ArrayList<>();
        for (int i = 1; i < WALKERS.size(); i++) {
          List<Double> r = roundRatios(ours, walks.get(c + " " + WALKERS.get(i)), metric, false);
          ratios.add(r);
          tsv(k + "ratio." + (wall ? "wall." : "cpu.") + WALKERS.get(i), r);
        }
        sb.append(String.format("| %s | %s |", range(ratios.get(0)), range(ratios.get(1))));
        System.out.println(sb);
        for (int i = 1; i < WALKERS.size(); i++) {
          List<Double> r = ratios.get(i - 1);
          String cell = "—";
          if (!r.isEmpty()) {
            compared++;
            boolean ok = median(r) <= 1.0;
            met += ok ? 1 : 0;
            cell = range(r) + (ok ? " met" : " **not met**");
          }
          cells.computeIfAbsent(c, x -> new String[4])[(wall ? 0 : 2) + i - 1] = cell;
        }
      }
      System.out.println();
    }
    System.out.println("What bounds a walk: the agent's own CPU. snmpd's CPU time per walk, ms (from /proc, during each timed walk): median; "
        + "its share of puresnmp's wall time: the rest is the client, the kernel and the waits between them\n");
    System.out.println("| table | -Cr | during puresnmp's walks | during SNMP4J's | during snmpbulkwalk's | puresnmp wall | snmpd's share of it |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (String c : configs) {
      String[] rr = c.split(" ");
      double[] a = new double[WALKERS.size()];
      for (int i = 0; i < WALKERS.size(); i++) {
        a[i] = median(walks.getOrDefault(c + " " + WALKERS.get(i), List.of()).stream().map(Run::agentMs).filter(x -> !Double.isNaN(x)).toList());
      }
      double w = median(walks.getOrDefault(c + " " + OURS, List.of()).stream().map(Run::wallMs).toList());
      System.out.printf("| %,d rows | %s | %.0f | %.0f | %.0f | %.0f | %.0f %% |%n", Long.parseLong(rr[0]), rr[1], a[0], a[1], a[2], w, 100 * a[0] / w);
    }
    System.out.println();
    System.out.println("Java heap allocated per walk, MB (all threads; a hint at GC cost): median\n");
    System.out.println("| table | -Cr | puresnmp | SNMP4J 3.8.2 |");
    System.out.println("|---|---:|---:|---:|");
    for (String c : configs) {
      String[] rr = c.split(" ");
      System.out.printf("| %,d rows | %s | %.1f | %.1f |%n", Long.parseLong(rr[0]), rr[1],
          median(walks.getOrDefault(c + " " + OURS, List.of()).stream().map(Run::allocatedMb).toList()),
          median(walks.getOrDefault(c + " snmp4j", List.of()).stream().map(Run::allocatedMb).toList()));
    }
    System.out.println();
    StringBuilder check = new StringBuilder("Varbind counts (every timed run must return rows × 4): ");
    List<String> parts = new ArrayList<>();
    for (String c : configs) {
      for (String w : WALKERS) {
        List<Run> runs = walks.getOrDefault(c + " " + w, List.of());
        long ok = runs.stream().filter(Run::right).count();
        if (ok != runs.size()) {
          parts.add(String.format("%s at %s: %d of %d runs WRONG", NAMES.get(w), c.replace(" ", " rows -Cr"), runs.size() - ok, runs.size()));
        }
      }
    }
    long total = walks.values().stream().mapToLong(List::size).sum();
    check.append(parts.isEmpty() ? "all " + total + " timed runs right." : String.join("; ", parts) + ".");
    System.out.println(check + "\n");
    verdicts.add(String.format("(a) puresnmp's wall time and client CPU ≤ SNMP4J's and ≤ snmpbulkwalk's (median of the per-round ratios ≤ 1): met in %d of %d comparisons (puresnmp ÷ peer):%n", met, compared));
    TSV.append(String.format("walk.met\t%d%nwalk.compared\t%d%n", met, compared));
    verdicts.add("| table | -Cr | wall ÷ SNMP4J | wall ÷ snmpbulkwalk | CPU ÷ SNMP4J | CPU ÷ snmpbulkwalk |");
    verdicts.add("|---|---:|---:|---:|---:|---:|");
    cells.forEach((c, v) -> verdicts.add(String.format("| %,d rows | %s | %s |", Long.parseLong(c.split(" ")[0]), c.split(" ")[1], String.join(" | ", v))));
    verdicts.add("");
    verdicts.add(parts.isEmpty() ? "- (a) every walk returned the right number of varbinds" : "- (a) WRONG VARBIND COUNTS: " + String.join("; ", parts));
  }

  private static void pollTable(Map<String, List<Run>> polls, int devices, List<String> verdicts) {
    System.out.printf("### (b) Polling %,d simulated devices at once, GET of 20 varbinds each, one socket%n%n", devices);
    System.out.println("A cycle = one GET to every device, all in flight, until all answered (2 s timeout, no retry). Median (min–max) of the timed cycles.\n");
    System.out.println("| client | cycles | cycle ms | cycles/s | client CPU ms/cycle | client CPU µs/request | heap KB/request | agent CPU ms/cycle | timeouts | wrong answers |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Map<String, double[]> med = new LinkedHashMap<>();
    for (String client : List.of(OURS, "snmp4j")) {
      List<Run> runs = polls.getOrDefault(client, List.of());
      if (runs.isEmpty()) {
        continue;
      }
      List<Double> wall = runs.stream().map(Run::wallMs).toList();
      List<Double> cpu = runs.stream().map(Run::cpuMs).toList();
      double w = median(wall), c = median(cpu), a = median(runs.stream().map(Run::agentMs).toList());
      long timeouts = runs.stream().mapToLong(Run::timeouts).sum();
      long wrong = runs.stream().filter(r -> !r.right).count();
      med.put(client, new double[] {w, c, timeouts});
      tsv("poll." + client + ".cycle_ms", wall);
      tsv("poll." + client + ".cpu_ms", cpu);
      tsv("poll." + client + ".agent_ms", runs.stream().map(Run::agentMs).toList());
      tsv("poll." + client + ".timeouts", List.of((double) timeouts));
      double kb = median(runs.stream().map(Run::allocatedMb).toList()) * 1000 / devices;
      System.out.printf("| %s | %d | %.1f (%.1f–%.1f) | %.0f | %.1f (%.1f–%.1f) | %.1f | %.1f | %.1f | %d | %d |%n",
          NAMES.get(client), runs.size(), w, Collections.min(wall), Collections.max(wall), 1000 / w, c, Collections.min(cpu), Collections.max(cpu), c * 1000 / devices, kb, a, timeouts, wrong);
    }
    System.out.println();
    double[] o = med.get(OURS), s = med.get("snmp4j");
    if (o != null && s != null) {
      List<Double> speed = roundRatios(polls.get(OURS), polls.get("snmp4j"), Run::wallMs, true);
      List<Double> cpu = roundRatios(polls.get(OURS), polls.get("snmp4j"), Run::cpuMs, false);
      tsv("poll.ratio.speed.snmp4j", speed);
      tsv("poll.ratio.cpu.snmp4j", cpu);
      System.out.printf("Round by round, median (min–max) over rounds: cycles/s puresnmp ÷ SNMP4J %s; client CPU per cycle puresnmp ÷ SNMP4J %s.%n%n", range(speed), range(cpu));
      double sp = median(speed);
      verdicts.add(String.format("- (b) cycles/s, puresnmp ≥ 2x SNMP4J: %s: %s", range(speed), sp >= 2 ? "MET" : "NOT MET"));
      verdicts.add(String.format("- (b) client CPU per cycle, puresnmp ÷ SNMP4J: %s (the alternative target where the agent's CPU bounds the cycle: ≤ 0.5; the agent spent %.1f ms of CPU per cycle of puresnmp's %.1f ms)", range(cpu), median(polls.get(OURS).stream().map(Run::agentMs).toList()), o[0]));
      verdicts.add(String.format("- (b) timeouts: puresnmp %d, SNMP4J %d", (long) o[2], (long) s[2]));
    }
  }

  private static double median(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
