package dev.puresnmp.bench.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report of {@code bench/notif-bench.sh}: reads the lines {@link NotifBench} and the script
 * ("round N", "note") wrote into one file; prints the trap table (per kind, sender count and receiver: the
 * highest rate without loss, where the kernel's buffer overflowed, the rate delivered at saturation,
 * the receiver's CPU per 1,000 notifications, loss that was not the kernel's), the inform table, the ratios
 * ours ÷ SNMP4J taken round by round with a verdict per kind and sender count; writes RESULTS-TSV (key,
 * median, min, max).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.notification.NotifReport OUT/results.txt OUT/results.tsv
 * </pre>
 */
public final class NotifReport {
  static final List<String> RECEIVERS = List.of("ours", "ours-direct", "snmp4j");
  /** Ours as built by default, and with the handler on the receive thread, each against SNMP4J. */
  static final List<String> OURS = List.of("ours", "ours-direct");
  static final List<String> TRAPS = List.of("v2c-trap", "v3-trap");

  private NotifReport() {}

  /** A trap search: rates per second, CPU in µs per notification (= ms per 1,000). */
  record Search(double best, double bestCpu, double overflow, long notKernel, boolean senderBound, double satOffered, double satDelivered, double satCpu,
      long satDrops, long satNotKernel, double sendCpu, long queueFull, double kernelShare) {}

  /** An inform run. */
  record Inform(int window, double ackedRps, long retransmitted, long lost, long counted, long ackedAll, double cpu, long drops, double sendCpu) {}

  private static final StringBuilder TSV = new StringBuilder();

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Map<String, Search> searches = new LinkedHashMap<>(); // "KIND SOCKETS RECEIVER ROUND"
    Map<String, Inform> informs = new LinkedHashMap<>(); // "SOCKETS RECEIVER ROUND"
    List<String> notes = new ArrayList<>();
    long machineDrops = 0;
    long machineInErrors = 0;
    long socketDrops = 0;
    int rounds = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "round" -> rounds = Math.max(rounds, Integer.parseInt(f[1]));
        case "step" -> {
          socketDrops += Long.parseLong(f[11]);
          machineDrops += Long.parseLong(f[12]);
          machineInErrors += Long.parseLong(f[13]);
        }
        case "search" -> searches.put(f[3] + " " + f[4] + " " + f[2] + " " + f[1], new Search(d(f[5]), d(f[6]) / 1e3, d(f[7]), l(f[8]), f[9].equals("1"),
            d(f[10]), d(f[11]), d(f[12]) / 1e3, l(f[13]), l(f[14]), d(f[15]) / 1e3, l(f[16]), d(f[17])));
        case "inform" -> {
          double windowS = d(f[6]) / 1e9;
          long acked = l(f[5]);
          long all = l(f[14]);
          informs.put(f[3] + " " + f[2] + " " + f[1], new Inform(Integer.parseInt(f[4]), acked / windowS, l(f[7]), l(f[8]), l(f[9]), all,
              d(f[10]) / 1e3 / Math.max(1, all), l(f[11]), d(f[13]) / 1e3 / Math.max(1, all)));
        }
        case "note" -> notes.add(line.trim().substring(5));
        default -> { }
      }
    }
    StringBuilder o = new StringBuilder();
    o.append("### Notifications received per second (ours against SNMP4J's receiver)\n\n");
    o.append("Each receiver in its own JVM on 127.0.0.1 with a handler that only counts (ours: `TrapReceiver` as built by default, a delivery thread behind its queue; ours-direct: its handler on the receive thread, `handlerOnReceiveThread()`, as SNMP4J calls its responder; SNMP4J 3.8.2: `Snmp` with a `CommandResponder`), ")
        .append("both sockets with a 4 MiB receive buffer; the sender is one thread of another JVM, from 1 or from 100 sockets. Traps are pre-encoded ")
        .append("(v3: authPriv, HMAC-SHA-256 + AES-128, a pool of 65,536 sent in rotation, continued from sender to sender, so that a receiver never sees a trap again while it remembers it (it drops a replayed copy)) and offered at a fixed rate: 10,000/s doubling while nothing is lost, then bisected; ")
        .append("loss = sent − counted by the handler after a drain; the kernel's drops are the receiver socket's (`/proc/net/udp`). ")
        .append("Median (min–max) over ").append(rounds).append(" round(s); rates as offered (achieved). CPU: the receiver's whole process, ms per 1,000 notifications. ")
        .append("\"sender-bound\": nothing was lost at the most the sender offers, so the rate is a lower bound.\n\n");
    o.append("| kind | senders | receiver | highest rate without loss | kernel buffer overflows at | delivered at saturation (offered) | CPU ms / 1,000 at that rate | at saturation | its ceiling on one vCPU | loss not the kernel's |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String kind : TRAPS) {
      for (int s : NotifBench.SOCKETS) {
        for (String recv : RECEIVERS) {
          List<Search> rs = rounds(searches, kind + " " + s + " " + recv, rounds);
          if (rs.isEmpty()) {
            continue;
          }
          String k = "notif." + kind + "." + s + "." + recv + ".";
          double[] best = stat(k + "zero_loss_rps", rs, Search::best);
          double[] sat = stat(k + "sat_rps", rs, Search::satDelivered);
          double[] offered = stat(k + "sat_offered_rps", rs, Search::satOffered);
          double[] cpu = stat(k + "cpu_us", rs, Search::bestCpu);
          double[] satCpu = stat(k + "sat_cpu_us", rs, Search::satCpu);
          stat(k + "send_cpu_us", rs, Search::sendCpu);
          stat(k + "sat_kernel_share", rs, Search::kernelShare);
          List<Search> over = rs.stream().filter(x -> x.overflow() > 0).toList();
          String overflow = "not reached";
          if (!over.isEmpty()) {
            overflow = fmt(stat(k + "overflow_rps", over, Search::overflow), "%,.0f") + "/s" + (over.size() < rs.size() ? " (" + over.size() + " of " + rs.size() + " rounds)" : "");
          }
          long notKernel = rs.stream().mapToLong(x -> x.notKernel() + x.satNotKernel()).sum();
          long bound = rs.stream().filter(Search::senderBound).count();
          long queueFull = rs.stream().mapToLong(x -> Math.max(0, x.queueFull())).sum();
          String own = notKernel == 0 ? "0" : notKernel + (recv.startsWith("ours") ? " (its queue to the handler full: " + queueFull + ")" : "");
          tsv(k + "not_kernel", notKernel, notKernel, notKernel);
          tsv(k + "queue_full", queueFull, queueFull, queueFull);
          tsv(k + "sender_bound_rounds", bound, bound, bound);
          o.append(String.format("| %s | %d | %s | %s/s%s | %s | %s/s (%s/s) | %s | %s | %,.0f/s | %s |%n", kind, s, recv, fmt(best, "%,.0f"),
              bound > 0 ? " (sender-bound in " + bound + " of " + rs.size() + ")" : "", overflow, fmt(sat, "%,.0f"), fmt(offered, "%,.0f"),
              fmt(cpu, "%.2f"), fmt(satCpu, "%.2f"), 1e6 / satCpu[0], own));
        }
      }
    }
    o.append("\n### Informs acknowledged per second (v2c, a window of outstanding informs per socket)\n\n");
    o.append("A raw sender (pre-encoded informs, a new request-id each, the Response's request-id read with our codec), one thread, each socket keeping its window ")
        .append("of informs outstanding, each acknowledgement sending the next; an inform unacknowledged for ").append(InformSender.RETRANSMIT_MS)
        .append(" ms is retransmitted with its request-id. Acknowledged/s counts first acknowledgements in the window; \"delivered\" is what the handler counted, against the informs ")
        .append("acknowledged in all (those sent in the window; ours delivers a retransmitted inform once, SNMP4J's responder sees it again). CPU per 1,000 acknowledged.\n\n");
    o.append("| senders | window per socket | receiver | acknowledged informs/s | retransmissions | never acknowledged | delivered | CPU ms / 1,000 | kernel drops |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (int s : NotifBench.SOCKETS) {
      for (String recv : RECEIVERS) {
        List<Inform> rs = rounds(informs, s + " " + recv, rounds);
        if (rs.isEmpty()) {
          continue;
        }
        String k = "notif.v2c-inform." + s + "." + recv + ".";
        double[] rps = stat(k + "acked_rps", rs, Inform::ackedRps);
        double[] cpu = stat(k + "cpu_us", rs, Inform::cpu);
        stat(k + "send_cpu_us", rs, Inform::sendCpu);
        long re = rs.stream().mapToLong(Inform::retransmitted).sum();
        long lost = rs.stream().mapToLong(Inform::lost).sum();
        tsv(k + "retransmitted", re, re, re);
        tsv(k + "lost", lost, lost, lost);
        o.append(String.format("| %d | %d | %s | %s | %d | %d | %,d of %,d acknowledged | %s | %d |%n", s, rs.get(0).window(), recv, fmt(rps, "%,.0f"), re, lost,
            rs.stream().mapToLong(Inform::counted).sum(), rs.stream().mapToLong(Inform::ackedAll).sum(), fmt(cpu, "%.2f"), rs.stream().mapToLong(Inform::drops).sum()));
      }
    }
    o.append("\nOurs ÷ SNMP4J, round by round (each round's ratio, then the median (min–max) over rounds); the target is ≥ 2x SNMP4J's rate and no loss but the kernel's:\n\n")
        .append("| kind | senders | ours | rate ÷ SNMP4J | at saturation ÷ SNMP4J | CPU per notification ÷ SNMP4J's (at saturation) | verdict | what bounds it |\n|---|---|---|---|---|---|---|---|\n");
    for (String mine : OURS) {
      for (String kind : TRAPS) {
        for (int s : NotifBench.SOCKETS) {
          String k = "notif." + kind + "." + s + "." + (mine.equals("ours") ? "" : mine + ".");
          String rate = ratio(k + "ratio.zero_loss.ours/snmp4j", searches, kind + " " + s, mine, rounds, Search::best);
          if (rate == null) {
            continue;
          }
          String sat = ratio(k + "ratio.sat.ours/snmp4j", searches, kind + " " + s, mine, rounds, Search::satDelivered);
          String cpu = ratio(k + "ratio.cpu.ours/snmp4j", searches, kind + " " + s, mine, rounds, Search::satCpu);
          List<Search> ours = rounds(searches, kind + " " + s + " " + mine, rounds);
          double med = medianRatio(searches, kind + " " + s, mine, rounds, Search::best);
          long notKernel = ours.stream().mapToLong(x -> x.notKernel() + x.satNotKernel()).sum();
          long queueFull = ours.stream().mapToLong(x -> Math.max(0, x.queueFull())).sum();
          boolean met = med >= 2.0 && notKernel == 0;
          o.append(String.format("| %s | %d | %s | %s | %s | %s | %s | %s |%n", kind, s, mine, rate, sat, cpu,
              met ? "met" : "**not met**" + (notKernel == 0 ? " (no loss but the kernel's: met)"
                  : " (ours lost " + notKernel + " beyond the kernel's drops, " + queueFull + " of them for its full queue to the handler)"),
              met ? "" : trapBound(ours, rounds(searches, kind + " " + s + " snmp4j", rounds))));
        }
      }
      for (int s : NotifBench.SOCKETS) {
        String k = "notif.v2c-inform." + s + "." + (mine.equals("ours") ? "" : mine + ".");
        String rate = ratio(k + "ratio.acked.ours/snmp4j", informs, String.valueOf(s), mine, rounds, Inform::ackedRps);
        if (rate == null) {
          continue;
        }
        String cpu = ratio(k + "ratio.cpu.ours/snmp4j", informs, String.valueOf(s), mine, rounds, Inform::cpu);
        List<Inform> ours = rounds(informs, s + " " + mine, rounds);
        List<Inform> theirs = rounds(informs, s + " snmp4j", rounds);
        double med = medianRatio(informs, String.valueOf(s), mine, rounds, Inform::ackedRps);
        long re = ours.stream().mapToLong(x -> x.retransmitted() + x.lost()).sum();
        boolean met = med >= 2.0 && re == 0;
        String bound = String.format("the machine: per acknowledged inform the receiver spends %.1f µs (SNMP4J %.1f) and the sender %.1f µs (a send, a receive, a decode) on the same 2 vCPUs",
            median(ours, Inform::cpu), median(theirs, Inform::cpu), median(ours, Inform::sendCpu));
        o.append(String.format("| v2c-inform (acknowledged/s) | %d | %s | %s | — | %s | %s | %s |%n", s, mine, rate, cpu,
            met ? "met" : "**not met**" + (re == 0 ? " (no retransmission needed: met)" : " (ours needed " + re + " retransmissions)"), met ? "" : bound));
      }
    }
    o.append(String.format("%nKernel drops at the receivers' sockets over all trap steps: %,d; the machine's `Udp: RcvbufErrors` over the same steps: %,d, "
        + "`InErrors` %,d (the machine's counts include every other process's sockets).%n", socketDrops, machineDrops, machineInErrors));
    for (String n : notes) {
      o.append("- ").append(n).append('\n');
    }
    System.out.print(o);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), TSV);
    }
  }

  /** What bounds a trap comparison: the sender, or each receiver's own CPU. */
  private static String trapBound(List<Search> ours, List<Search> theirs) {
    double ourCpu = median(ours, Search::satCpu);
    double theirCpu = median(theirs, Search::satCpu);
    String s = ours.stream().anyMatch(Search::senderBound)
        ? String.format("the sender: nothing of ours was lost at the most one sender thread offers (%,.0f/s, %.1f µs of its CPU per datagram, the kernel's loopback delivery included), on the same 2 vCPUs as the receiver; ",
            median(ours, Search::best), median(ours, Search::sendCpu))
        : "";
    double busy = (median(ours, Search::satOffered) * median(ours, Search::sendCpu) + median(ours, Search::satDelivered) * ourCpu) / 1e6;
    return s + String.format("receiver CPU per notification ours %.2f µs (%.0f %% of it the kernel's: receiving, waking), SNMP4J %.2f µs (%.0f %%) at saturation:"
        + " their ceilings on one vCPU ~%,.0f/s and ~%,.0f/s, ratio %.2f;"
        + " at our saturation the sender and our receiver kept %.1f of the 2 vCPUs busy; 2x SNMP4J's rate on the same CPU needs at most %.2f µs per notification",
        ourCpu, 100 * median(ours, Search::kernelShare), theirCpu, 100 * median(theirs, Search::kernelShare), 1e6 / ourCpu, 1e6 / theirCpu, theirCpu / ourCpu,
        busy, theirCpu / 2);
  }

  private static <T> List<T> rounds(Map<String, T> m, String prefix, int rounds) {
    List<T> out = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      T x = m.get(prefix + " " + r);
      if (x != null) {
        out.add(x);
      }
    }
    return out;
  }

  private static <T> List<Double> ratios(Map<String, T> m, String prefix, String mine, int rounds, ToDoubleFunction<T> f) {
    List<Double> rs = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      T x = m.get(prefix + " " + mine + " " + r);
      T y = m.get(prefix + " snmp4j " + r);
      if (x != null && y != null && f.applyAsDouble(y) > 0) {
        rs.add(f.applyAsDouble(x) / f.applyAsDouble(y));
      }
    }
    return rs;
  }

  private static <T> double medianRatio(Map<String, T> m, String prefix, String mine, int rounds, ToDoubleFunction<T> f) {
    double[] s = ratios(m, prefix, mine, rounds, f).stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length == 0 ? 0 : med(s);
  }

  /** "1.86 (1.73–1.87) (rounds: 1.73, 1.87)", written to the TSV under {@code key}; null without a pair. */
  private static <T> String ratio(String key, Map<String, T> m, String prefix, String mine, int rounds, ToDoubleFunction<T> f) {
    List<Double> rs = ratios(m, prefix, mine, rounds, f);
    if (rs.isEmpty()) {
      return null;
    }
    double[] s = stat(key, rs, Double::doubleValue);
    StringBuilder each = new StringBuilder();
    for (double d : rs) {
      each.append(each.length() == 0 ? "" : ", ").append(String.format("%.2f", d));
    }
    return fmt(s, "%.2f") + " (rounds: " + each + ")";
  }

  private static <T> double median(List<T> xs, ToDoubleFunction<T> f) {
    return xs.isEmpty() ? 0 : med(xs.stream().mapToDouble(f).sorted().toArray());
  }

  private static double med(double[] s) {
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Median, min, max of {@code f} over {@code xs}; written to the TSV under {@code key}. */
  private static <T> double[] stat(String key, List<T> xs, ToDoubleFunction<T> f) {
    double[] s = xs.stream().mapToDouble(f).toArray();
    Arrays.sort(s);
    tsv(key, med(s), s[0], s[s.length - 1]);
    return new double[] {med(s), s[0], s[s.length - 1]};
  }

  private static void tsv(String key, double med, double min, double max) {
    TSV.append(String.format("%s\t%.6g\t%.6g\t%.6g%n", key, med, min, max));
  }

  private static String fmt(double[] s, String f) {
    return s[1] == s[2] ? String.format(f, s[0]) : String.format(f, s[0]) + " (" + String.format(f, s[1]) + "–" + String.format(f, s[2]) + ")";
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }

  private static long l(String s) {
    return Long.parseLong(s);
  }
}
