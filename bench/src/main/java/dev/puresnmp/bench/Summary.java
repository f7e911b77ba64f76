package dev.puresnmp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The top of BENCHMARKS.md and the charts: reads the machine-readable results every part of
 * {@code ./run-benchmarks} writes ({@code PART/results.tsv}: key, median, min, max), prints the targets table in
 * Markdown (each target, the measured value, the ratio taken round by round, met or not, and what bounds it
 * where it is not met) and writes the SVG charts ({@link SvgCharts}) into CHART-DIR.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.Summary WORK-DIR CHART-DIR LINK-PREFIX "2026-11-30 19:36 UTC" [quick]
 * </pre>
 *
 * WORK-DIR holds codec/, transport/, simulator/, client/, v3/, notif/ and mib/; LINK-PREFIX is how BENCHMARKS.md reaches CHART-DIR
 * (docs/benchmarks). A part that did not run (or failed) leaves its rows out, which the table says.
 */
public final class Summary {
  /** A figure: the median over rounds (or runs) and its range. */
  record Value(double med, double min, double max) {
    boolean ranged() {
      return min != max;
    }
  }

  private final Map<String, Value> v = new LinkedHashMap<>();
  private final List<String[]> rows = new ArrayList<>(); // target, measured, ratio, verdict, bound
  private final List<String[]> info = new ArrayList<>();
  private int met;
  private int judged;

  private Summary() {}

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Path work = Path.of(args[0]);
    Path charts = Path.of(args[1]);
    String link = args[2];
    String date = args[3];
    boolean quick = args.length > 4 && args[4].equals("quick");
    Summary s = new Summary();
    for (String part : List.of("codec", "transport", "simulator", "client", "v3", "notif", "mib", "lossy")) {
      Path f = work.resolve(part).resolve("results.tsv");
      if (Files.exists(f)) {
        s.read(f);
      }
    }
    s.transportRows();
    s.walkRows();
    s.pollRow();
    s.v3Rows();
    s.notifRows();
    s.codecRows();
    s.mibRows();
    s.lossyRow();
    s.cliRow();
    s.infoRows();
    StringBuilder o = new StringBuilder();
    o.append("## Targets\n\n");
    o.append("Each target, the measured value (median, with min–max over rounds), the ratio taken round by round (median (min–max) over the rounds' ratios), ")
        .append("whether it is met (judged on the median ratio), and what bounds it: the measured ceiling where one applies. Detail in the parts below.\n\n");
    o.append("| target | measured | ratio, round by round | verdict | what bounds it |\n|---|---|---|---|---|\n");
    for (String[] r : s.rows) {
      o.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    o.append('\n').append(String.format("**%d of %d targets met.**%n%n", s.met, s.judged));
    if (!s.info.isEmpty()) {
      o.append("Rows without a target:\n\n| row | measured | ratio, round by round |\n|---|---|---|\n");
      for (String[] r : s.info) {
        o.append("| ").append(String.join(" | ", r)).append(" |\n");
      }
      o.append('\n');
    }
    Files.createDirectories(charts);
    SvgCharts c = new SvgCharts(s.v, date, quick);
    o.append("## Charts\n\n");
    for (String target : List.of("c", "snmpd")) {
      // a chart of requests/s against requests in flight needs two windows at least (snmpd is run at 256 only)
      if (java.util.stream.IntStream.of(1, 16, 256, 1024).filter(w -> s.has("transport." + target + "." + w + ".ours.rps")).count() >= 2) {
        String name = "transport-" + target + ".svg";
        Files.writeString(charts.resolve(name), c.transport(target));
        o.append(String.format("![requests/s against requests in flight, %s](%s/%s)%n%n", target.equals("c") ? "C responder" : "snmpd", link, name));
      }
    }
    if (s.v.keySet().stream().anyMatch(k -> k.startsWith("walk.") && k.endsWith(".wall_ms"))) {
      Files.writeString(charts.resolve("walks.svg"), c.walks());
      o.append(String.format("![bulk walk time, puresnmp, SNMP4J and snmpbulkwalk](%s/walks.svg)%n%n", link));
    }
    System.out.print(o);
  }

  private void read(Path f) throws IOException {
    for (String line : Files.readAllLines(f)) {
      String[] p = line.split("\t");
      if (p.length < 2 || p[0].isBlank()) {
        continue;
      }
      double m = Double.parseDouble(p[1]);
      v.put(p[0], new Value(m, p.length > 2 ? Double.parseDouble(p[2]) : m, p.length > 3 ? Double.parseDouble(p[3]) : m));
    }
  }

  private boolean has(String key) {
    return v.containsKey(key);
  }

  private Value get(String key) {
    return v.get(key);
  }

  /** "1.86 (1.73–1.87)", or "1.86" without rounds; "—" when missing. */
  private String ratio(String key) {
    Value x = v.get(key);
    if (x == null) {
      return "—";
    }
    return x.ranged() ? String.format("%.2f (%.2f–%.2f)", x.med, x.min, x.max) : String.format("%.2f", x.med);
  }

  private static String rate(double r) {
    return r >= 1e6 ? String.format("%,.2fM", r / 1e6) : r >= 1000 ? String.format("%,.1fk", r / 1000) : String.format("%.0f", r);
  }

  /** A rate (req/s) with its range. */
  private String rps(String key) {
    Value x = v.get(key);
    if (x == null) {
      return "—";
    }
    return rate(x.med) + (x.ranged() ? " (" + rate(x.min) + "–" + rate(x.max) + ")" : "");
  }

  /** Any figure with its range, {@code fmt} for each number. */
  private String num(String key, String fmt) {
    Value x = v.get(key);
    if (x == null) {
      return "—";
    }
    String m = String.format(fmt, x.med);
    return x.ranged() ? m + " (" + String.format(fmt, x.min) + "–" + String.format(fmt, x.max) + ")" : m;
  }

  private void row(String target, String measured, String ratio, boolean ok, String bound) {
    judged++;
    met += ok ? 1 : 0;
    rows.add(new String[] {target, measured, ratio, ok ? "met" : "**not met**", ok ? "" : bound});
  }

  private void missing(String target, String why) {
    judged++;
    rows.add(new String[] {target, "not measured", "—", "**not measured**", why});
  }

  /**
   * The allocation target's bound: what a decoded message is made of, per varbind (its count ends the
   * fixture's name), against ⅓ of SNMP4J's bytes per varbind.
   */
  private String objectsPerVarBind(String message, String k) {
    int varBinds = Integer.parseInt(message.substring(message.lastIndexOf('-') + 1));
    return String.format(Locale.ROOT,
        "the objects a decoded message is, its OIDs and strings views of the datagram: per varbind a VarBind (24 B), an Oid (24 B)"
            + " and a value (0–40 B: a small Integer32 is cached, a counter 24 B, a string 40 B with its view); per message the reader,"
            + " the message, the community, the PDU and the list (~190 B): %.0f B per varbind all in, where ⅓ of SNMP4J's bytes is"
            + " %.0f B per varbind; below that needs fewer objects per varbind (a VarBind made on access, values read on demand),"
            + " an API question",
        get(k + "decode.puresnmp_bytes").med / varBinds, get(k + "decode.snmp4j_bytes").med / 3 / varBinds);
  }

  /** What separates ours from ours-direct, said where a transport target is not met. */
  private static final String HANDOFF =
      "the hand-off: ours gives each select cycle's results to the completion pool, a second thread woken, where SNMP4J"
          + " calls its listener on its receive thread as ours-direct (the documented option) does";

  private void transportRows() {
    String t = "transport.c.";
    if (!has(t + "1.ours.rps") && !has(t + "256.ours.rps")) {
      missing("GETs against the C responder (1, 16, 256, 1,024 in flight)", "the transport part did not run");
      return;
    }
    String k1 = t + "1.ratio.rps.ours/snmp4j-default";
    if (has(k1)) {
      row("GET, 1 in flight (C responder): requests/s ≥ 1.0x SNMP4J",
          "ours " + rps(t + "1.ours.rps") + " req/s; SNMP4J " + rps(t + "1.snmp4j-default.rps"),
          ratio(k1), get(k1).med >= 1.0,
          "the same run's ceiling: raw NIO (no codec, no futures) " + rps(t + "1.raw-nio.rps") + " req/s, ours ÷ raw " + ratio(t + "1.ratio.rps.ours/raw-nio")
              + "; ours-direct ÷ SNMP4J " + ratio(t + "1.ratio.rps.ours-direct/snmp4j-default") + "; one request in flight is mostly vCPU wake-ups (the probe at the top)");
      String kc = t + "1.ratio.cpu.ours/snmp4j-default";
      row("GET, 1 in flight (C responder): client CPU per request ≤ SNMP4J's",
          "ours " + num(t + "1.ours.cpu_us", "%.2f") + " µs; SNMP4J " + num(t + "1.snmp4j-default.cpu_us", "%.2f") + " µs",
          ratio(kc), get(kc).med <= 1.0,
          "raw NIO needs " + num(t + "1.raw-nio.cpu_us", "%.2f") + " µs per request (a socket, no codec, no futures): ours is "
              + ratio(t + "1.ratio.cpu.ours/raw-nio") + "x that; " + HANDOFF + ": ours-direct ÷ SNMP4J " + ratio(t + "1.ratio.cpu.ours-direct/snmp4j-default"));
    }
    for (String peer : List.of("snmp4j-default", "snmp4j-4MiB")) {
      String k = t + "256.ratio.rps.ours/" + peer;
      if (!has(k)) {
        continue;
      }
      row("GETs, 256 in flight (C responder): ≥ 2x SNMP4J (" + (peer.endsWith("default") ? "default buffer" : "4 MiB buffer") + ")",
          "ours " + rps(t + "256.ours.rps") + " req/s; SNMP4J " + rps(t + "256." + peer + ".rps"),
          ratio(k), get(k).med >= 2.0,
          ceiling(t + "256.") + "; " + HANDOFF + ": ours-direct ÷ SNMP4J " + ratio(t + "256.ratio.rps.ours-direct/" + peer));
    }
    for (int w : new int[] {16, 256, 1024}) {
      String k = t + w + ".ratio.rps.ours/raw-nio";
      if (!has(k)) {
        continue;
      }
      row(String.format("GETs, %,d in flight (C responder): ≥ 80%% of raw NIO", w),
          "ours " + rps(t + w + ".ours.rps") + " req/s; raw NIO " + rps(t + w + ".raw-nio.rps"),
          ratio(k), get(k).med >= 0.8,
          "the client's own CPU: ours " + num(t + w + ".ours.cpu_us", "%.2f") + " µs per request against raw NIO's " + num(t + w + ".raw-nio.cpu_us", "%.2f")
              + " on 2 vCPUs shared with the responder (" + num(t + w + ".ours.server_cpu_us", "%.2f") + " µs per request); " + HANDOFF + ": ours-direct ÷ raw " + ratio(t + w + ".ratio.rps.ours-direct/raw-nio"));
    }
    if (has("memory.pass")) {
      row("100,000 outstanding on one UdpTransport: < 300 bytes of heap each, one I/O thread",
          String.format("%.0f bytes per request (used heap), %.0f (class histogram)", get("memory.bytes_per_request_heap").med, get("memory.bytes_per_request_histogram").med),
          "—", get("memory.pass").med == 1, "see the memory test in the transport part");
    }
  }

  /** The round-trip ceiling at one window: raw NIO's rate and the responder's CPU per request. */
  private String ceiling(String w) {
    String s = "raw NIO " + rps(w + "raw-nio.rps") + " req/s (ours ÷ raw " + ratio(w + "ratio.rps.ours/raw-nio") + ")";
    Value srv = get(w + "raw-nio.server_cpu_us");
    if (srv != null && srv.med > 0) {
      s += String.format("; the responder spends %.2f µs of CPU per request (at most ~%s req/s on its vCPU)", srv.med, rate(1e6 / srv.med));
    }
    return s + "; our client's CPU " + num(w + "ours.cpu_us", "%.2f") + " µs per request";
  }

  private void walkRows() {
    boolean any = false;
    for (String rows : List.of("10000", "100000")) {
      for (String reps : List.of("10", "50")) {
        String k = "walk." + rows + "." + reps + ".";
        if (!has(k + "puresnmp.wall_ms")) {
          continue;
        }
        any = true;
        int ok = 0;
        int n = 0;
        StringBuilder r = new StringBuilder();
        for (String what : List.of("wall", "cpu")) {
          for (String peer : List.of("snmp4j", "snmpbulkwalk")) {
            String rk = k + "ratio." + what + "." + peer;
            if (has(rk)) {
              n++;
              ok += get(rk).med <= 1.0 ? 1 : 0;
              r.append(r.length() == 0 ? "" : "; ").append(what.equals("wall") ? "wall" : "CPU").append(" ÷ ").append(peer.equals("snmp4j") ? "SNMP4J" : "snmpbulkwalk").append(' ').append(ratio(rk));
            }
          }
        }
        Value wall = get(k + "puresnmp.wall_ms");
        Value agent = get(k + "puresnmp.agent_ms");
        Value cpu = get(k + "puresnmp.cpu_ms");
        String bound = agent == null ? "agent CPU not measured"
            : String.format("snmpd spent %.0f ms of CPU per walk of the %.0f ms wall (%.0f %%); the client's CPU %.0f ms (%.0f %%); snmpbulkwalk's walk %s ms, SNMP4J's %s ms",
                agent.med, wall.med, 100 * agent.med / wall.med, cpu.med, 100 * cpu.med / wall.med, num(k + "snmpbulkwalk.wall_ms", "%.0f"), num(k + "snmp4j.wall_ms", "%.0f"));
        judged += n;
        met += ok;
        this.rows.add(new String[] {String.format("Bulk walk, %,d rows × 4 columns, -Cr%s: wall and client CPU ≤ SNMP4J and ≤ snmpbulkwalk", Long.parseLong(rows), reps),
            "ours " + num(k + "puresnmp.wall_ms", "%.0f") + " ms wall, " + num(k + "puresnmp.cpu_ms", "%.0f") + " ms CPU", r.toString(),
            ok == n ? "met (" + n + " of " + n + ")" : "**" + ok + " of " + n + " met**", ok == n ? "" : bound});
      }
    }
    if (!any) {
      missing("Bulk walks of 10k/100k rows at -Cr10/-Cr50", "the client part did not run");
    }
  }

  /** A bulk walk through a lossy link (bench/lossy-bench.sh): ours with --adaptive-timeout against snmpbulkwalk, the same -t/-r. */
  private void lossyRow() {
    String speed = "lossy.ratio.speed.snmpbulkwalk";
    String target = String.format(Locale.ROOT, "Bulk walk of the 10,000-row table (%s) through a lossy link (20%% lost each way, 5%% duplicated, up to 20 ms reordering;"
        + " -t 0.5 -r 8 -Cr50), outputs identical: ours with --adaptive-timeout ≥ 3x snmpbulkwalk's speed",
        has("lossy.varbinds") ? String.format(Locale.ROOT, "%,.0f varbinds", get("lossy.varbinds").med) : "varbinds not recorded");
    if (!has(speed)) {
      missing(target, "the lossy part did not run");
      return;
    }
    String measured = String.format("ours %s s, snmpbulkwalk %s s per walk", num("lossy.ours.wall_s", "%.1f"), num("lossy.snmpbulkwalk.wall_s", "%.1f"));
    row(target, measured, "snmpbulkwalk's time ÷ ours " + ratio(speed), get(speed).med >= 3,
        "every page still crosses the link's delay (up to 20 ms each way), and a lost datagram costs ours an adaptive timeout (SRTT + 4·RTTVAR, at least 20 ms, doubled per loss in a row)");
  }

  private void pollRow() {
    String speed = "poll.ratio.speed.snmp4j";
    if (!has(speed)) {
      missing("1,000 devices polled: ≥ 2x SNMP4J cycles/s", "the client part did not run");
      return;
    }
    Value s = get(speed);
    Value cpu = get("poll.ratio.cpu.snmp4j");
    Value cycle = get("poll.puresnmp.cycle_ms");
    Value agent = get("poll.puresnmp.agent_ms");
    Value client = get("poll.puresnmp.cpu_ms");
    boolean bySpeed = s.med >= 2.0;
    boolean byCpu = cpu != null && cpu.med <= 0.5;
    String measured = String.format("ours %s ms per cycle (%.0f cycles/s), SNMP4J %s ms; client CPU ours %s ms, SNMP4J %s ms per cycle",
        num("poll.puresnmp.cycle_ms", "%.1f"), 1000 / cycle.med, num("poll.snmp4j.cycle_ms", "%.1f"), num("poll.puresnmp.cpu_ms", "%.1f"), num("poll.snmp4j.cpu_ms", "%.1f"));
    String bound = String.format("the agent (our simulator, on the same 2 vCPUs) spent %.1f ms of CPU per cycle of %.1f ms (%.0f %%), our client %.1f ms: %.1f of 2 vCPUs busy per cycle",
        agent.med, cycle.med, 100 * agent.med / cycle.med, client.med, (agent.med + client.med) / cycle.med);
    if (has("poll.puresnmp.kernel_share") && has("poll.snmp4j.cpu_ms")) {
      double kernel = get("poll.puresnmp.kernel_share").med * client.med;
      double half = get("poll.snmp4j.cpu_ms").med / 2;
      bound += String.format(Locale.ROOT,
          "; at least %.0f %% of our client's CPU is the kernel's (%.1f ms per cycle: UDP sends, which on loopback deliver to the agent too, and"
              + " receives), and 0.5x SNMP4J is %.1f ms per cycle: that leaves %.1f ms for the library's own work, which takes %.1f ms now",
          100 * get("poll.puresnmp.kernel_share").med, kernel, half, half - kernel, client.med - kernel);
    }
    judged++;
    met += bySpeed || byCpu ? 1 : 0;
    rows.add(new String[] {"1,000 devices polled: ≥ 2x SNMP4J cycles/s, or, where the agent's CPU bounds the cycle, ≤ 0.5x SNMP4J's client CPU per cycle", measured,
        "cycles/s ÷ SNMP4J " + ratio(speed) + "; client CPU ÷ SNMP4J " + ratio("poll.ratio.cpu.snmp4j"),
        bySpeed ? "met" : byCpu ? "met (client CPU)" : "**not met**", bySpeed ? "" : bound});
  }

  /**
   * SNMPv3 authPriv against v2c (client CPU per request) and against SNMP4J's v3 (requests/s at 256 in
   * flight); where not met, snmpd's CPU per request and the ceiling it implies, and our CPU per request ÷ SNMP4J's v3.
   */
  private void v3Rows() {
    String k = "v3.";
    if (!has(k + "ratio.cpu.v3/v2c.1") && !has(k + "ratio.cpu.v3/v2c.256")) {
      missing("SNMPv3 authPriv: client CPU per request ≤ 1.3x v2c; ≥ 2x SNMP4J's v3 requests/s at 256 in flight", "the v3 part did not run");
      return;
    }
    String clientSide = "our v3 CPU per request ÷ SNMP4J's v3: " + ratio(k + "ratio.cpu.ours/snmp4j.1") + " (1 in flight), " + ratio(k + "ratio.cpu.ours/snmp4j.256")
        + " (256); SNMP4J's own v3 ÷ v2c: " + ratio(k + "ratio.cpu.snmp4j-v3/v2c.1") + " (1), " + ratio(k + "ratio.cpu.snmp4j-v3/v2c.256") + " (256)";
    boolean ok = true;
    StringBuilder measured = new StringBuilder();
    StringBuilder r = new StringBuilder();
    for (String w : List.of("1", "256")) {
      String rk = k + "ratio.cpu.v3/v2c." + w;
      if (!has(rk)) {
        continue;
      }
      ok &= get(rk).med <= 1.3;
      measured.append(measured.length() == 0 ? "" : "; ").append(w).append(" in flight: v3 ").append(num(k + w + ".puresnmp-v3.cpu_us", "%.1f"))
          .append(" µs, v2c ").append(num(k + w + ".puresnmp-v2c.cpu_us", "%.1f")).append(" µs");
      r.append(r.length() == 0 ? "" : "; ").append(w).append(": ").append(ratio(rk));
    }
    row("SNMPv3 authPriv (SHA-256 + AES-128): client CPU per request ≤ 1.3x our v2c's (1 and 256 in flight)", "ours " + measured, r.toString(), ok,
        "less the v3 work (two HMAC-SHA-256, two AES-128-CFB passes: ~5 µs a request) than the kernel: a perf profile puts 74–81 % of our"
            + " client's v3 CPU in the kernel, a third of it in context switches, since snmpd answers v3 more slowly (fewer answers per"
            + " wake-up) and the default hands each batch to the completion pool (docs/performance.md); "
            + clientSide);
    String rk = k + "ratio.rps.ours/snmp4j.256";
    if (has(rk)) {
      Value agent = get(k + "256.puresnmp-v3.agent_cpu_us");
      Value ours = get(k + "256.puresnmp-v3.rps");
      String bound = clientSide;
      if (agent != null && agent.med > 0 && ours != null) {
        double busy = agent.med * ours.med / 1e6;
        boolean sameRate = get(rk).med > 0.8 && get(rk).med < 1.25;
        Value cpu = get(k + "256.puresnmp-v3.cpu_us");
        double machine = busy + (cpu == null ? 0 : cpu.med * ours.med / 1e6);
        bound = (busy >= 0.8 || sameRate ? "snmpd bounds it: " : "") + String.format(Locale.ROOT,
            "snmpd spends %.1f µs of CPU per v3 request (at most ~%s req/s on its one vCPU), %.2f of a vCPU busy at our rate%s;"
                + " our client and snmpd together keep %.1f of the 2 vCPUs busy; ",
            agent.med, rate(1e6 / agent.med), busy, sameRate ? ", and both clients run at about the same rate" : "", machine) + clientSide;
      }
      row("SNMPv3 authPriv, 256 in flight: ≥ 2x SNMP4J's v3 requests/s", "ours " + rps(k + "256.puresnmp-v3.rps") + " req/s; SNMP4J " + rps(k + "256.snmp4j-v3.rps") + " req/s",
          ratio(rk), get(rk).med >= 2.0, bound);
    }
  }

  /**
   * Notifications received (bench/notif-bench.sh): per kind and sender count, ≥ 2x SNMP4J's highest rate
   * without loss and no loss but the kernel's, the rate where the kernel's buffer overflows stated; informs:
   * ≥ 2x SNMP4J's acknowledged informs/s with no retransmission. Where not met: the sender's ceiling, each
   * receiver's CPU per notification and the vCPUs busy.
   */
  private void notifRows() {
    String n = "notif.";
    if (!has(n + "v2c-trap.1.ratio.zero_loss.ours/snmp4j") && !has(n + "v3-trap.1.ratio.zero_loss.ours/snmp4j")
        && !has(n + "v2c-inform.1.ratio.acked.ours/snmp4j")) {
      missing("Notifications received: ≥ 2x SNMP4J's rate, zero loss below the kernel buffer's overflow rate, that rate stated", "the notification part did not run");
      return;
    }
    for (String kind : List.of("v2c-trap", "v3-trap")) {
      for (String s : List.of("1", "100")) {
        String k = n + kind + "." + s + ".";
        String rk = k + "ratio.zero_loss.ours/snmp4j";
        if (!has(rk)) {
          continue;
        }
        boolean bound = has(k + "ours.sender_bound_rounds") && get(k + "ours.sender_bound_rounds").med > 0;
        String overflow = has(k + "ours.overflow_rps") ? "its kernel buffer overflows at " + rps(k + "ours.overflow_rps") + " traps/s offered"
            : "its kernel buffer did not overflow" + (bound ? " up to the sender's most" : "");
        boolean clean = !has(k + "ours.not_kernel") || get(k + "ours.not_kernel").med == 0;
        double ours = get(k + "ours.sat_cpu_us").med;
        double theirs = get(k + "snmp4j.sat_cpu_us").med;
        String why = (bound ? String.format(Locale.ROOT, "the sender: one thread offers at most ~%s/s (%.1f µs of its CPU per datagram, the kernel's loopback delivery"
            + " included) and ours lost nothing there; ", rate(get(k + "ours.zero_loss_rps").max), get(k + "ours.send_cpu_us").med) : "")
            + String.format(Locale.ROOT, "sender and receiver share 2 vCPUs (at our saturation they kept %.1f busy); receiver CPU per notification at saturation ours %.2f µs"
                + " (%.0f %% of it the kernel's),"
                + " SNMP4J %.2f µs (SNMP4J ÷ ours %.2f: their ceilings on a vCPU of their own ~%s/s and ~%s/s; 2x SNMP4J's rate on the same CPU needs ≤ %.2f µs)",
                (get(k + "ours.sat_offered_rps").med * get(k + "ours.send_cpu_us").med + get(k + "ours.sat_rps").med * ours) / 1e6,
                ours, has(k + "ours.sat_kernel_share") ? 100 * get(k + "ours.sat_kernel_share").med : -1, theirs, theirs / ours, rate(1e6 / ours), rate(1e6 / theirs), theirs / 2)
            + (clean ? "" : "; ours lost " + num(k + "ours.not_kernel", "%.0f") + " notifications beyond the kernel's drops, "
                + (get(k + "ours.queue_full").med > 0
                    ? num(k + "ours.queue_full", "%.0f") + " of them because its queue to the handler (10,000) was full: the handler's thread, the third"
                        + " busy one on 2 vCPUs with the receive thread and the sender, fell behind"
                    : "none of them for a full queue to the handler"));
        row(String.format("Notifications, %s from %s socket%s: ≥ 2x SNMP4J's highest rate without loss, no loss but the kernel buffer's (its overflow rate stated)",
                kind.equals("v2c-trap") ? "v2c traps" : "v3 authPriv traps", s, s.equals("1") ? "" : "s"),
            "ours " + rps(k + "ours.zero_loss_rps") + " traps/s" + (bound ? " (sender-bound)" : "") + ", " + overflow + (clean ? ", no other loss" : "")
                + "; SNMP4J " + rps(k + "snmp4j.zero_loss_rps") + " traps/s" + direct(k, "zero_loss"),
            ratio(rk), get(rk).med >= 2.0 && clean, why);
      }
    }
    for (String s : List.of("1", "100")) {
      String k = n + "v2c-inform." + s + ".";
      String rk = k + "ratio.acked.ours/snmp4j";
      if (!has(rk)) {
        continue;
      }
      boolean clean = get(k + "ours.retransmitted").med == 0 && get(k + "ours.lost").med == 0;
      row(String.format("v2c informs acknowledged, %s socket%s with 16 outstanding each: ≥ 2x SNMP4J's informs/s, none retransmitted", s, s.equals("1") ? "" : "s"),
          "ours " + rps(k + "ours.acked_rps") + " informs/s, " + num(k + "ours.retransmitted", "%.0f") + " retransmitted; SNMP4J " + rps(k + "snmp4j.acked_rps") + " informs/s"
              + direct(k, "acked"),
          ratio(rk), get(rk).med >= 2.0 && clean,
          String.format(Locale.ROOT, "the machine: per acknowledged inform the receiver spends %.1f µs of CPU (SNMP4J %.1f) and the sender %.1f µs, on the same 2 vCPUs",
              get(k + "ours.cpu_us").med, get(k + "snmp4j.cpu_us").med, get(k + "ours.send_cpu_us").med));
    }
  }

  /** Ours with the handler on the receive thread (ours-direct), where it ran: "; ours-direct N/s, R x SNMP4J". */
  private String direct(String k, String what) {
    String rk = k + "ours-direct.ratio." + what + ".ours/snmp4j";
    String rate = k + "ours-direct." + (what.equals("acked") ? "acked_rps" : "zero_loss_rps");
    return has(rk) && has(rate) ? "; ours with the handler on the receive thread " + rps(rate) + "/s, " + ratio(rk) + " SNMP4J's" : "";
  }

  private void codecRows() {
    boolean any = false;
    for (String m : List.of("v2c-get-response-10", "v2c-getbulk-response-50")) {
      String k = "codec." + m + ".";
      if (!has(k + "decode.ratio") && !has(k + "encode.ratio")) {
        continue;
      }
      any = true;
      String cpuNote = "not bound by a peer: the codec's own CPU (ratio per CPU-second ";
      if (has(k + "decode.ratio")) {
        row("Decode " + m + ": ≥ 3x SNMP4J ops/s", "ours " + num(k + "decode.puresnmp_ops", "%,.0f") + " ops/s; SNMP4J " + num(k + "decode.snmp4j_ops", "%,.0f"),
            ratio(k + "decode.ratio"), get(k + "decode.ratio").med >= 3.0, cpuNote + ratio(k + "decode.cpu_ratio") + ")");
        row("Decode " + m + ": ≤ ⅓ of SNMP4J's bytes per op", "ours " + num(k + "decode.puresnmp_bytes", "%,.0f") + " B/op; SNMP4J " + num(k + "decode.snmp4j_bytes", "%,.0f"),
            ratio(k + "decode.alloc_ratio"), get(k + "decode.alloc_ratio").med <= 1.0 / 3, objectsPerVarBind(m, k));
      }
      if (has(k + "encode.ratio")) {
        row("Encode " + m + ": ≥ 2x SNMP4J ops/s", "ours " + num(k + "encode.puresnmp_ops", "%,.0f") + " ops/s; SNMP4J " + num(k + "encode.snmp4j_ops", "%,.0f"),
            ratio(k + "encode.ratio"), get(k + "encode.ratio").med >= 2.0, cpuNote + ratio(k + "encode.cpu_ratio") + ")");
      }
    }
    if (!any) {
      missing("Decode ≥ 3x and ≤ ⅓ bytes, encode ≥ 2x SNMP4J", "the codec part did not run");
    }
  }

  /**
   * MIBs (bench/mib-bench.sh): the first {@code Mib.builtIn()} in a fresh JVM ≤ 20 ms; a walk of snmpd printed with
   * names at ≥ 0.9x the speed of numeric output. Where not met: what the first call costs in other settings, and
   * what formatting alone and snmpd take of a walk. Parsing, lookups and formatting alone as rows without a target.
   */
  private void mibRows() {
    String m = "mib.";
    if (!has(m + "builtin.first_ms") && !has(m + "walk.ratio.names/numeric")) {
      missing("MIBs: first Mib.builtIn() ≤ 20 ms; a walk printed with names at ≥ 0.9x numeric output's speed", "the MIB part did not run");
      return;
    }
    if (has(m + "builtin.first_ms")) {
      row("MIBs: the first Mib.builtIn() in a fresh JVM ≤ 20 ms (median over fresh JVMs)",
          num(m + "builtin.first_ms", "%.1f") + " ms; after one lambda " + num(m + "builtin.after_lambda_ms", "%.1f") + " ms; JMH single shot "
              + num(m + "builtin.jmh_single_shot_ms", "%.1f") + " ms",
          "—", get(m + "builtin.first_ms").med <= 20,
          "a cold JVM: the call loads the reader's and the tree's classes and runs them in the interpreter (no JIT yet);"
              + " without the JVM's one-time lambda bootstrap it takes " + num(m + "builtin.after_lambda_ms", "%.1f")
              + " ms, and after JMH's own code ran " + num(m + "builtin.jmh_single_shot_ms", "%.1f") + " ms");
    }
    String rk = m + "walk.ratio.names/numeric";
    if (has(rk)) {
      Value names = get(m + "walk.names_ms");
      Value agent = get(m + "walk.agent_ms");
      String bound = has(m + "format.ratio.names/numeric") ? String.format(Locale.ROOT,
          "formatting alone (JMH): names at %s of numeric output's speed, %.2f µs against %.2f µs per varbind: %.1f ms more per walk of %,.0f varbinds",
          ratio(m + "format.ratio.names/numeric"), 1e6 / get(m + "format.names_per_s").med, 1e6 / get(m + "format.numeric_per_s").med,
          (1 / get(m + "format.names_per_s").med - 1 / get(m + "format.numeric_per_s").med) * get(m + "walk.varbinds").med * 1e3,
          get(m + "walk.varbinds").med) : "formatting alone not measured";
      if (agent != null) {
        bound += String.format(Locale.ROOT, "; snmpd spends %.0f ms of CPU per walk of %.0f ms (%.0f %%)", agent.med, names.med, 100 * agent.med / names.med);
      }
      row(String.format(Locale.ROOT, "MIBs: a walk of snmpd (%,.0f varbinds, -Cr10) printed with names at ≥ 0.9x the speed of numeric output", get(m + "walk.varbinds").med),
          "names " + num(m + "walk.names_ms", "%.1f") + " ms, numeric " + num(m + "walk.numeric_ms", "%.1f") + " ms per walk; snmpbulkwalk -m ALL ÷ -On (speed) "
              + ratio(m + "netsnmp.ratio.names/numeric"),
          ratio(rk), get(rk).med >= 0.9, bound + "; snmpbulkwalk's own names ÷ numeric " + ratio(m + "netsnmp.ratio.names/numeric"));
    }
  }

  /** The CLI's start (bench/sim-bench.sh): ≤ 100 ms; where not met, how much of it is the JVM's own start. */
  private void cliRow() {
    if (has("cli.puresnmp.ms")) {
      String jvm = has("cli.jvm.ms") ? "; the JVM alone (java -version, same flags) " + num("cli.jvm.ms", "%.0f") + " ms" : "";
      row("CLI start: `./puresnmp get`, one GET from snmpd, ≤ 100 ms",
          "puresnmp " + num("cli.puresnmp.ms", "%.0f") + " ms; snmpget " + num("cli.snmpget.ms", "%.1f") + " ms" + jvm,
          ratio("cli.ratio.puresnmp/snmpget"), get("cli.puresnmp.ms").med <= 100,
          has("cli.jvm.ms") ? String.format(Locale.ROOT, "the JVM's own start is %.0f ms of it here; the command adds %.0f ms: picocli building the command's model "
              + "by reflection, the client's first request, class loading (docs/performance.md, CLI start)",
              get("cli.jvm.ms").med, get("cli.puresnmp.ms").med - get("cli.jvm.ms").med) : "the JVM's own start, not measured in this run");
    }
  }

  private void infoRows() {
    if (has("sim.walk.ours.wall_s")) {
      info.add(new String[] {"Simulator: snmpbulkwalk -Cr50 of the big table, time (ours ÷ snmpd, ours ÷ snmpsim)",
          "ours " + num("sim.walk.ours.wall_s", "%.3f") + " s; snmpd " + num("sim.walk.snmpd.wall_s", "%.3f") + " s; snmpsim " + num("sim.walk.snmpsim.wall_s", "%.3f") + " s",
          ratio("sim.walk.ratio.ours/snmpd") + "; " + ratio("sim.walk.ratio.ours/snmpsim")});
    }
    if (has("sim.get.ours.rps")) {
      info.add(new String[] {"Simulator: GETs, 64 outstanding, req/s (ours ÷ snmpd, ours ÷ snmpsim)",
          "ours " + rps("sim.get.ours.rps") + "; snmpd " + rps("sim.get.snmpd.rps") + "; snmpsim " + rps("sim.get.snmpsim.rps"),
          ratio("sim.get.ratio.ours/snmpd") + "; " + ratio("sim.get.ratio.ours/snmpsim")});
    }
    if (has("mib.parse.warm_ms")) {
      info.add(new String[] {String.format(Locale.ROOT, "MIBs: parsing every test MIB (%.0f files, %,.0f objects), ours in process against `snmptranslate -m ALL -On .1`, ms",
              get("mib.parse.files").med, get("mib.parse.objects").med),
          "ours first load in a fresh JVM " + num("mib.parse.first_ms", "%.0f") + ", warm " + num("mib.parse.warm_ms", "%.1f") + "; `puresnmp translate` "
              + num("mib.parse.translate.puresnmp_ms", "%.0f") + " (JVM start included); snmptranslate " + num("mib.parse.translate.snmptranslate_ms", "%.1f"),
          "warm ÷ snmptranslate " + ratio("mib.parse.ratio.warm/snmptranslate") + "; translate ÷ snmptranslate " + ratio("mib.parse.ratio.translate.puresnmp/snmptranslate")});
    }
    if (has("mib.lookup.name_per_s")) {
      info.add(new String[] {"MIBs: lookups per second over a walk of snmpd's names (JMH): OID → name, name → OID",
          rps("mib.lookup.name_per_s") + "; " + rps("mib.lookup.oid_per_s"), "—"});
    }
    if (has("mib.format.ratio.names/numeric")) {
      info.add(new String[] {"MIBs: formatting alone (JMH), varbinds/s with names against numeric output (speed ratio)",
          rps("mib.format.names_per_s") + "; " + rps("mib.format.numeric_per_s"), ratio("mib.format.ratio.names/numeric")});
    }
  }
}
