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
 * script (snmpbulkwalk, probe, notes) wrote into one file, prints the tables with medians, min–max and ratios,
 * and the verdicts against the targets. Ratios compare figures of the same run only.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.ClientReport bench/target/client/results.txt
 * </pre>
 */
public final class ClientReport {
  private static final String OURS = "puresnmp";
  private static final List<String> WALKERS = List.of(OURS, "snmp4j", "snmpbulkwalk");
  private static final Map<String, String> NAMES = Map.of(OURS, "puresnmp", "snmp4j", "SNMP4J 3.8.2", "snmpbulkwalk", "snmpbulkwalk 5.9.3");

  private ClientReport() {}

  /** One timed run: wall and CPU in ms, and whether its result was right. */
  record Run(double wallMs, double cpuMs, boolean right, double agentMs, long timeouts, double allocatedMb) {}

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Map<String, List<Run>> walks = new LinkedHashMap<>(); // "rows reps client"
    Map<String, List<Run>> polls = new LinkedHashMap<>(); // client
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> warmups = new LinkedHashMap<>();
    TreeSet<String> configs = new TreeSet<>((a, b) -> {
      String[] x = a.split(" "), y = b.split(" ");
      int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
      return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    });
    int devices = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "walk" -> {
          long rows = Long.parseLong(f[2]);
          configs.add(f[2] + " " + f[3]);
          walks.computeIfAbsent(f[2] + " " + f[3] + " " + f[1], k -> new ArrayList<>())
              .add(new Run(Long.parseLong(f[5]) / 1e6, Long.parseLong(f[6]) / 1e6, Long.parseLong(f[7]) == rows * 4, 0, 0, f.length > 8 ? Long.parseLong(f[8]) / 1e6 : Double.NaN));
        }
        case "poll" -> {
          devices = Integer.parseInt(f[2]);
          boolean right = Long.parseLong(f[8]) == 0;
          polls.computeIfAbsent(f[1], k -> new ArrayList<>())
              .add(new Run(Long.parseLong(f[4]) / 1e6, Long.parseLong(f[5]) / 1e6, right, Long.parseLong(f[6]) / 1e6, Long.parseLong(f[7]), Long.parseLong(f[9]) / 1e6));
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
    }
    System.out.println("### Targets\n");
    verdicts.forEach(System.out::println);
    System.out.println();
    notes.forEach(n -> System.out.println("- " + n));
    warmups.forEach((client, w) -> System.out.println("- untimed warm-up runs until the JIT went quiet, " + NAMES.get(client) + ": " + String.join(", ", w)));
  }

  private static void walkTables(Map<String, List<Run>> walks, TreeSet<String> configs, List<String> verdicts) {
    System.out.println("### (a) Bulk walk of snmpd's big table (bigtable.c), 4 columns\n");
    Map<String, String[]> cells = new LinkedHashMap<>(); // config -> wall ÷ SNMP4J, wall ÷ snmpbulkwalk, CPU ÷ …, CPU ÷ …
    int met = 0, compared = 0;
    for (String what : List.of("wall", "CPU")) {
      boolean wall = what.equals("wall");
      System.out.println(wall
          ? "Wall time per walk, ms: median (min–max) of the timed runs; ratio = puresnmp ÷ peer (≤ 1.00 meets the target)\n"
          : "Client CPU time per walk, ms (whole client process: user + sys, GC and JIT included): median (min–max)\n");
      System.out.println("| table | -Cr | varbinds | puresnmp | SNMP4J 3.8.2 | snmpbulkwalk | ÷ SNMP4J | ÷ snmpbulkwalk |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (String c : configs) {
        String[] rr = c.split(" ");
        long rows = Long.parseLong(rr[0]);
        StringBuilder sb = new StringBuilder(String.format("| %,d rows | %s | %,d ", rows, rr[1], rows * 4));
        double ours = Double.NaN;
        double[] med = new double[WALKERS.size()];
        for (int i = 0; i < WALKERS.size(); i++) {
          List<Run> runs = walks.getOrDefault(c + " " + WALKERS.get(i), List.of());
          List<Double> v = runs.stream().map(r -> wall ? r.wallMs : r.cpuMs).toList();
          med[i] = median(v);
          sb.append(String.format("| %s ", v.isEmpty() ? "—" : String.format("%.0f (%.0f–%.0f)", med[i], Collections.min(v), Collections.max(v))));
        }
        ours = med[0];
        sb.append(String.format("| %s | %s |", ratio(ours, med[1]), ratio(ours, med[2])));
        System.out.println(sb);
        for (int i = 1; i < WALKERS.size(); i++) {
          String cell = "—";
          if (!Double.isNaN(med[i]) && !Double.isNaN(ours)) {
            compared++;
            met += ours <= med[i] ? 1 : 0;
            cell = ratio(ours, med[i]) + (ours <= med[i] ? " met" : " **not met**");
          }
          cells.computeIfAbsent(c, k -> new String[4])[(wall ? 0 : 2) + i - 1] = cell;
        }
      }
      System.out.println();
    }
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
    verdicts.add(String.format("(a) puresnmp's median wall time and client CPU ≤ SNMP4J's and ≤ snmpbulkwalk's: met in %d of %d comparisons (puresnmp ÷ peer):%n", met, compared));
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
      double kb = median(runs.stream().map(Run::allocatedMb).toList()) * 1000 / devices;
      System.out.printf("| %s | %d | %.1f (%.1f–%.1f) | %.0f | %.1f (%.1f–%.1f) | %.1f | %.1f | %.1f | %d | %d |%n",
          NAMES.get(client), runs.size(), w, Collections.min(wall), Collections.max(wall), 1000 / w, c, Collections.min(cpu), Collections.max(cpu), c * 1000 / devices, kb, a, timeouts, wrong);
    }
    System.out.println();
    double[] o = med.get(OURS), s = med.get("snmp4j");
    if (o != null && s != null) {
      System.out.printf("puresnmp ÷ SNMP4J: cycle time %s (speed-up %.2fx), client CPU %s.%n%n", ratio(o[0], s[0]), s[0] / o[0], ratio(o[1], s[1]));
      verdicts.add(String.format("- (b) cycles/s, puresnmp ≥ 2x SNMP4J: %.2fx: %s", s[0] / o[0], s[0] / o[0] >= 2 ? "MET" : "NOT MET"));
      verdicts.add(String.format("- (b) client CPU per cycle: SNMP4J ÷ puresnmp = %.2fx (for information)", s[1] / o[1]));
      verdicts.add(String.format("- (b) timeouts: puresnmp %d, SNMP4J %d", (long) o[2], (long) s[2]));
    }
  }

  private static String ratio(double ours, double peer) {
    return Double.isNaN(ours) || Double.isNaN(peer) ? "—" : String.format("%.2f", ours / peer);
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
