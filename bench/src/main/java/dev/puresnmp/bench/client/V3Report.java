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

/**
 * The Markdown report of {@code bench/v3-bench.sh}: reads the lines V3Load and the script ("round N", "note")
 * wrote into one file; prints the table (per window and client: req/s median (min–max) over rounds, client and
 * snmpd CPU per request, timeouts) and the ratios taken round by round (each round's two figures, then the
 * median (min–max) over rounds); writes RESULTS-TSV (key, median, min, max).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.V3Report OUT/results.txt OUT/results.tsv
 * </pre>
 */
public final class V3Report {
  static final List<String> CLIENTS = List.of("puresnmp-v2c", "puresnmp-v3", "snmp4j-v2c", "snmp4j-v3");

  private V3Report() {}

  /** One JVM's window: requests/s, client and agent CPU µs per request, timeouts, errors. */
  record Run(int round, double rps, double cpuUs, double agentUs, long timeouts, long errors, double warmup) {}

  private static final StringBuilder TSV = new StringBuilder();

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Map<String, Run> runs = new LinkedHashMap<>(); // "W CLIENT ROUND"
    Map<String, Double> warm = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    List<Integer> windows = new ArrayList<>();
    int round = 1;
    int rounds = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "round" -> {
          round = Integer.parseInt(f[1]);
          rounds = Math.max(rounds, round);
        }
        case "warmup" -> warm.put(f[2] + " " + f[1] + " " + round, Double.parseDouble(f[3]));
        case "v3load" -> {
          int w = Integer.parseInt(f[2]);
          if (!windows.contains(w)) {
            windows.add(w);
          }
          double n = Math.max(1, Long.parseLong(f[3]));
          double wallS = Long.parseLong(f[4]) / 1e9;
          runs.put(w + " " + f[1] + " " + round, new Run(round, Long.parseLong(f[3]) / wallS, Long.parseLong(f[5]) / 1e3 / n, Long.parseLong(f[6]) / 1e3 / n,
              Long.parseLong(f[7]), Long.parseLong(f[8]), warm.getOrDefault(w + " " + f[1] + " " + round, -1.0)));
        }
        case "note" -> notes.add(line.trim().substring(5));
        default -> { }
      }
    }
    Collections.sort(windows);
    StringBuilder o = new StringBuilder();
    o.append("### SNMPv3 round trips (GET of sysName.0 against snmpd, closed loop)\n\n");
    o.append("SNMPv3 authPriv is user usr-sha256-aes (HMAC-SHA-256 + AES-128); v2c is community public; the same snmpd on 127.0.0.1. ")
        .append("Median (min–max) over ").append(rounds).append(" round(s), one JVM per client, window and round. CPU per request: the client's whole process; ")
        .append("snmpd's from /proc/PID/task/*/schedstat over the same window. Timeouts: requests sent in the window and not answered in 2 s (no retries).\n\n");
    o.append("| in flight | client | requests/s | client CPU µs/req | snmpd CPU µs/req | snmpd ceiling (1e6 ÷ its µs/req) | timeouts | errors |\n|---|---|---|---|---|---|---|---|\n");
    for (int w : windows) {
      for (String c : CLIENTS) {
        List<Run> rs = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          Run x = runs.get(w + " " + c + " " + r);
          if (x != null) {
            rs.add(x);
          }
        }
        if (rs.isEmpty()) {
          continue;
        }
        String k = "v3." + w + "." + c + ".";
        double[] rps = stat(k + "rps", rs.stream().mapToDouble(Run::rps).toArray());
        double[] cpu = stat(k + "cpu_us", rs.stream().mapToDouble(Run::cpuUs).toArray());
        double[] agent = stat(k + "agent_cpu_us", rs.stream().mapToDouble(Run::agentUs).toArray());
        long timeouts = rs.stream().mapToLong(Run::timeouts).sum();
        long errors = rs.stream().mapToLong(Run::errors).sum();
        tsv(k + "timeouts", timeouts, timeouts, timeouts);
        o.append(String.format("| %d | %s | %s | %s | %s | %,.0f | %d | %d |%n", w, c, fmt(rps, "%,.0f"), fmt(cpu, "%.1f"), fmt(agent, "%.1f"), 1e6 / agent[0], timeouts, errors));
      }
    }
    o.append("\nRatios, round by round (each round's figures, then the median (min–max) over rounds):\n\n| ratio | value |\n|---|---|\n");
    for (int w : windows) {
      ratio(o, runs, rounds, "our v3 client CPU per request ÷ our v2c's, " + w + " in flight", "v3.ratio.cpu.v3/v2c." + w, w, "puresnmp-v3", "puresnmp-v2c", Run::cpuUs);
      ratio(o, runs, rounds, "SNMP4J's v3 client CPU per request ÷ its v2c's, " + w + " in flight (reference)", "v3.ratio.cpu.snmp4j-v3/v2c." + w, w, "snmp4j-v3", "snmp4j-v2c", Run::cpuUs);
      ratio(o, runs, rounds, "our v3 client CPU per request ÷ SNMP4J's v3, " + w + " in flight", "v3.ratio.cpu.ours/snmp4j." + w, w, "puresnmp-v3", "snmp4j-v3", Run::cpuUs);
      ratio(o, runs, rounds, "our v3 requests/s ÷ SNMP4J's v3, " + w + " in flight", "v3.ratio.rps.ours/snmp4j." + w, w, "puresnmp-v3", "snmp4j-v3", Run::rps);
    }
    o.append('\n');
    if (!warm.isEmpty()) {
      o.append(String.format("Warm-up per JVM (until the JIT was quiet, capped): %.1f–%.1f s.%n%n", Collections.min(warm.values()), Collections.max(warm.values())));
    }
    for (String n : notes) {
      o.append("- ").append(n).append('\n');
    }
    System.out.print(o);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), TSV);
    }
  }

  interface Field {
    double of(Run r);
  }

  private static void ratio(StringBuilder o, Map<String, Run> runs, int rounds, String label, String key, int w, String a, String b, Field f) {
    List<Double> rs = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      Run x = runs.get(w + " " + a + " " + r);
      Run y = runs.get(w + " " + b + " " + r);
      if (x != null && y != null && f.of(y) > 0) {
        rs.add(f.of(x) / f.of(y));
      }
    }
    if (rs.isEmpty()) {
      return;
    }
    double[] s = stat(key, rs.stream().mapToDouble(Double::doubleValue).toArray());
    StringBuilder each = new StringBuilder();
    for (double d : rs) {
      each.append(each.length() == 0 ? "" : ", ").append(String.format("%.2f", d));
    }
    o.append(String.format("| %s | %s (rounds: %s) |%n", label, fmt(s, "%.2f"), each));
  }

  /** Median, min, max; written to the TSV under {@code key}. */
  private static double[] stat(String key, double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    double med = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    tsv(key, med, s[0], s[s.length - 1]);
    return new double[] {med, s[0], s[s.length - 1]};
  }

  private static void tsv(String key, double med, double min, double max) {
    TSV.append(String.format("%s\t%.6g\t%.6g\t%.6g%n", key, med, min, max));
  }

  private static String fmt(double[] s, String f) {
    return s[1] == s[2] ? String.format(f, s[0]) : String.format(f, s[0]) + " (" + String.format(f, s[1]) + "–" + String.format(f, s[2]) + ")";
  }
}
