package dev.puresnmp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints {@link CodecBenchmark} results from JMH JSON files ({@code -rf json}, with {@code -prof gc}) as a
 * Markdown table, puresnmp against SNMP4J, then checks the codec targets of our issue.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.CodecReport bench/target/codec   # a directory
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.CodecReport results.json         # one JMH run
 * }</pre>
 *
 * <p>codec-bench.sh runs each benchmark as its own JMH run, in rounds, our codec and SNMP4J back to back
 * (files {@code r<round>-<message>-<method>.json}): the machine's speed drifts by 2x within minutes, so
 * a ratio is only taken between two measurements made seconds apart. Each round gives one ratio per
 * message and operation; the table shows their median and range.
 *
 * <p>The JSON is read with the small parser below rather than a library, so the bench module needs no
 * dependency beyond JMH and SNMP4J.
 */
public final class CodecReport {
  /** Where the targets apply: the two responses a manager decodes most. */
  private static final List<String> TARGET_MESSAGES = List.of("v2c-get-response-10", "v2c-getbulk-response-50");

  private static final double DECODE_SPEED = 3.0; // ours/SNMP4J ops/s, at least
  private static final double DECODE_ALLOC = 1.0 / 3; // ours/SNMP4J B/op, at most
  private static final double ENCODE_SPEED = 2.0; // ours/SNMP4J ops/s, at least

  /** One benchmark run's figures: throughput, throughput per CPU second, bytes allocated per operation. */
  record Result(double opsPerSec, double opsPerCpuSec, double bytesPerOp) {}

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String a : args.length > 0 ? args : new String[] {"bench/target/codec"}) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (var s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }

    // key: message + " " + method name (decodePuresnmp, encodeSnmp4j, ...); one Result per round, in
    // file-name order, which is round order.
    Map<String, List<Result>> results = new LinkedHashMap<>();
    Map<?, ?> first = null;
    for (Path file : files) {
      for (Object o : (List<?>) new Json(Files.readString(file)).value()) {
        Map<?, ?> run = (Map<?, ?>) o;
        String benchmark = (String) run.get("benchmark");
        if (!benchmark.contains(".CodecBenchmark.")) {
          continue;
        }
        first = first == null ? run : first;
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String message = (String) ((Map<?, ?>) run.get("params")).get("message");
        Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
        Map<?, ?> alloc = secondary == null ? null : (Map<?, ?>) secondary.get("gc.alloc.rate.norm");
        Map<?, ?> cpu = secondary == null ? null : (Map<?, ?>) secondary.get("cpu.thrpt");
        results
            .computeIfAbsent(message + " " + method, k -> new ArrayList<>())
            .add(
                new Result(
                    number(((Map<?, ?>) run.get("primaryMetric")).get("score")),
                    cpu == null ? Double.NaN : number(cpu.get("score")),
                    alloc == null ? Double.NaN : number(alloc.get("score"))));
      }
    }
    if (first == null) {
      System.err.println("no CodecBenchmark results in " + files);
      System.exit(2);
    }
    int rounds = results.values().stream().mapToInt(List::size).max().orElse(0);
    System.out.printf(
        "JMH %s, %s %s; %d round(s) x %s fork(s) per benchmark, %s x %s warmup, %s x %s measurement%n%n",
        first.get("jmhVersion"), first.get("vmName"), first.get("vmVersion"), rounds, whole(first.get("forks")),
        whole(first.get("warmupIterations")), first.get("warmupTime"), whole(first.get("measurementIterations")),
        first.get("measurementTime"));
    String load = System.getProperty("codec.maxLoad");
    if (load != null) {
      double l = Double.parseDouble(load);
      System.out.printf(
          "Highest 1-minute load average seen between runs: %.2f on 2 vCPUs (this benchmark is 1 of it)%s%n%n",
          l, l > 2.0 ? ": neighbours took CPU, trust the CPU-time ratio more than the wall-clock one" : "");
    }

    System.out.println(
        "| message | operation | puresnmp ops/s | SNMP4J ops/s | ratio | ratio per CPU-s | puresnmp B/op | SNMP4J B/op | allocation ratio |");
    System.out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|");
    List<String> checks = new ArrayList<>();
    StringBuilder tsv = new StringBuilder(); // key TAB median TAB min TAB max, for run-benchmarks' summary
    int missed = 0;
    for (String message : CodecBenchmark.MESSAGES) {
      for (String op : List.of("decode", "encode")) {
        List<Result> ours = results.get(message + " " + op + "Puresnmp");
        List<Result> theirs = results.get(message + " " + op + "Snmp4j");
        if (ours == null && theirs == null) {
          continue; // a quick run measures only some messages
        }
        if (ours == null || theirs == null) {
          System.out.printf("| %s | %s | (not run) | | | | | | |%n", message, op);
          continue;
        }
        List<Double> ratios = ratios(ours, theirs, Result::opsPerSec);
        List<Double> cpuRatios = ratios(ours, theirs, Result::opsPerCpuSec);
        double speed = median(ratios, r -> r);
        double cpuSpeed = median(cpuRatios, r -> r);
        double ourBytes = median(ours, Result::bytesPerOp);
        double theirBytes = median(theirs, Result::bytesPerOp);
        double alloc = ourBytes / theirBytes;
        String k = "codec." + message + "." + op + ".";
        tsv.append(line(k + "ratio", ratios)).append(line(k + "cpu_ratio", cpuRatios)).append(line(k + "alloc_ratio", List.of(alloc)));
        tsv.append(line(k + "puresnmp_ops", ours.stream().map(Result::opsPerSec).toList())).append(line(k + "snmp4j_ops", theirs.stream().map(Result::opsPerSec).toList()));
        tsv.append(line(k + "puresnmp_bytes", List.of(ourBytes))).append(line(k + "snmp4j_bytes", List.of(theirBytes)));
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %,.0f | %,.0f | %s | %s | %s | %s | %.2f |%n",
            message, op, median(ours, Result::opsPerSec), median(theirs, Result::opsPerSec), ratio(ratios),
            ratio(cpuRatios), bytes(ourBytes), bytes(theirBytes), alloc);
        if (TARGET_MESSAGES.contains(message)) {
          double worst = Collections.min(ratios);
          String cpuNote = Double.isNaN(cpuSpeed) ? "" : String.format(Locale.ROOT, "; per CPU-s %.2fx", cpuSpeed);
          if (op.equals("decode")) {
            missed += check(checks, message + " decode speed", speed, worst, ">= 3x", DECODE_SPEED, true, cpuNote);
            missed +=
                check(checks, message + " decode allocation", alloc, alloc, "<= 0.33", DECODE_ALLOC, false, "");
          } else {
            missed += check(checks, message + " encode speed", speed, worst, ">= 2x", ENCODE_SPEED, true, cpuNote);
          }
        }
      }
    }
    System.out.println();
    System.out.println(
        "ops/s: median over rounds of each run's mean. ratio: puresnmp / SNMP4J, the median of the rounds'"
            + " ratios (range). ratio per CPU-s: the same with operations per second of the JVM's CPU time"
            + " (CpuTimeProfiler), which the neighbours do not distort. B/op: -prof gc's gc.alloc.rate.norm.");
    System.out.println();
    System.out.println("Targets (decode >= 3x SNMP4J ops/s with <= 1/3 of its bytes per op, encode >= 2x ops/s):");
    checks.forEach(System.out::println);
    System.out.println(missed == 0 ? "All targets met." : missed + " of " + checks.size() + " targets not met.");
    String resultsFile = System.getProperty("codec.results");
    if (resultsFile != null) {
      Files.writeString(Path.of(resultsFile), tsv.toString());
    }
  }

  /** A results line: key, then the median, min and max of the values. */
  private static String line(String key, List<Double> v) {
    double m = median(v, x -> x);
    if (Double.isNaN(m)) {
      return "";
    }
    return String.format(Locale.ROOT, "%s\t%.6g\t%.6g\t%.6g%n", key, m, Collections.min(v), Collections.max(v));
  }

  /** One target line; the median decides, and a round on the wrong side of the target is mentioned. */
  private static int check(
      List<String> checks, String what, double median, double worst, String target, double bound, boolean atLeast,
      String note) {
    boolean met = atLeast ? median >= bound : median <= bound;
    boolean allRounds = atLeast ? worst >= bound : worst <= bound;
    checks.add(
        String.format(
            Locale.ROOT, "- %-40s %6.2f (target %s): %s%s", what, median, target,
            !met ? "NOT MET" : allRounds ? "met" : "met (median; not in every round)", note));
    return met ? 0 : 1;
  }

  /** One ratio per round (the two runs seconds apart), when both sides have every round. */
  private static List<Double> ratios(List<Result> ours, List<Result> theirs, ToDoubleFunction<Result> f) {
    List<Double> ratios = new ArrayList<>();
    if (ours.size() == theirs.size()) {
      for (int i = 0; i < ours.size(); i++) {
        ratios.add(f.applyAsDouble(ours.get(i)) / f.applyAsDouble(theirs.get(i)));
      }
    } else {
      ratios.add(median(ours, f) / median(theirs, f));
    }
    return ratios;
  }

  /** "2.04x", with the range over rounds when there are several: "2.04x (1.88–2.20)". */
  private static String ratio(List<Double> ratios) {
    double m = median(ratios, r -> r);
    if (Double.isNaN(m)) {
      return "n/a";
    }
    return ratios.size() > 1
        ? String.format(Locale.ROOT, "%.2fx (%.2f–%.2f)", m, Collections.min(ratios), Collections.max(ratios))
        : String.format(Locale.ROOT, "%.2fx", m);
  }

  private static <T> double median(List<T> items, ToDoubleFunction<T> f) {
    double[] v = items.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "n/a (run with -prof gc)" : String.format(Locale.ROOT, "%,.0f", b);
  }

  private static Object whole(Object o) {
    return o instanceof Double d ? (Object) d.longValue() : o;
  }

  /** JMH writes "NaN" as a string where a number is undefined (a single fork's error, for one). */
  private static double number(Object o) {
    return o instanceof Double d ? d : o instanceof String s ? Double.parseDouble(s) : Double.NaN;
  }

  /** A minimal JSON reader for JMH's output: objects, arrays, strings, numbers, true/false/null. */
  static final class Json {
    private final String s;
    private int i;

    Json(String text) {
      this.s = text;
    }

    Object value() {
      skipSpace();
      char c = s.charAt(i);
      switch (c) {
        case '{':
          {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            skipSpace();
            if (s.charAt(i) == '}') {
              i++;
              return map;
            }
            do {
              skipSpace();
              String key = string();
              skipSpace();
              expect(':');
              map.put(key, value());
              skipSpace();
            } while (s.charAt(i++) == ',');
            expectPrevious('}');
            return map;
          }
        case '[':
          {
            List<Object> list = new ArrayList<>();
            i++;
            skipSpace();
            if (s.charAt(i) == ']') {
              i++;
              return list;
            }
            do {
              list.add(value());
              skipSpace();
            } while (s.charAt(i++) == ',');
            expectPrevious(']');
            return list;
          }
        case '"':
          return string();
        default:
          int start = i;
          while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
          }
          String word = s.substring(start, i);
          switch (word) {
            case "true":
              return Boolean.TRUE;
            case "false":
              return Boolean.FALSE;
            case "null":
              return null;
            default:
              return Double.parseDouble(word);
          }
      }
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      for (char c = s.charAt(i++); c != '"'; c = s.charAt(i++)) {
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> sb.append(e); // \" \\ \/
          }
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }

    private void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("JSON: expected '" + c + "' at " + i);
      }
      i++;
    }

    private void expectPrevious(char c) {
      if (s.charAt(i - 1) != c) {
        throw new IllegalArgumentException("JSON: expected '" + c + "' at " + (i - 1));
      }
    }
  }
}
