package dev.puresnmp.bench.notification;

import dev.puresnmp.bench.client.CpuClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load and the measurement of {@code bench/notif-bench.sh}, one round: for each kind (v2c traps, v3
 * authPriv traps, v2c informs) and each receiver in the order given (reversed on every other kind), it
 * starts the receiver in its own JVM ({@link NotifReceiver}), warms it up, and measures it with the load
 * from 1 and from 100 sockets of this process (127.0.0.1 only). One line per result on stdout (the report,
 * {@link NotifReport}, reads them):
 *
 * <pre>
 * step ROUND RECEIVER KIND SOCKETS TARGET SENT SEND_NS COUNTED RECV_CPU_NS SEND_CPU_NS SOCK_DROPS RCVBUF_ERRORS IN_ERRORS QUEUE_FULL
 * search ROUND RECEIVER KIND SOCKETS BEST_RATE BEST_CPU_NS OVERFLOW_RATE NOT_KERNEL SENDER_BOUND SAT_OFFERED SAT_DELIVERED SAT_CPU_NS SAT_DROPS SAT_NOT_KERNEL SEND_CPU_NS QUEUE_FULL SAT_KERNEL_SHARE
 * inform ROUND RECEIVER SOCKETS WINDOW ACKED WINDOW_NS RETRANSMITTED LOST COUNTED RECV_CPU_NS SOCK_DROPS QUEUE_FULL SEND_CPU_NS ACKED_ALL
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.notification.NotifBench ROUND ours,ours-direct,snmp4j PORT STEP_S WARMUP_S BISECTIONS WINDOW [KINDS]
 * </pre>
 *
 * Traps: a step sends at a fixed offered rate ({@link TrapSender}) for STEP_S seconds, then waits until the
 * receiver's count and its socket's queue are still (at most 2 s); loss is sent − counted. The rate starts
 * at 10,000/s and doubles while nothing is lost, then BISECTIONS steps bisect between the highest rate
 * without loss and the lowest with: BEST_RATE is the offered rate (as achieved) of the best step without
 * loss, BEST_CPU_NS the receiver's CPU per notification in it. OVERFLOW_RATE is the lowest offered rate at
 * which the kernel dropped datagrams at the receiver's socket (-1: never), NOT_KERNEL the loss that the
 * socket's drops do not explain (the receiver's own; QUEUE_FULL: those ours counted as dropped for a full
 * queue to its handler, over the search and saturation; -1 for SNMP4J), SENDER_BOUND 1 when this process
 * could not offer more (nothing lost at the most it sent, twice: BEST_RATE is then a lower bound),
 * SAT_KERNEL_SHARE the part of the receiver's CPU at saturation spent in the kernel (system ÷ user +
 * system time of /proc/PID/stat, in 10 ms ticks: a rough figure). Then one step at saturation,
 * as fast as this process sends: SAT_DELIVERED is counted ÷ sending time. Informs: {@link InformSender},
 * a window of WINDOW outstanding per socket for STEP_S seconds: acknowledged informs/s, retransmissions
 * (after 500 ms), informs never acknowledged, and what the receiver's handler counted against the informs
 * acknowledged in all (ACKED_ALL: ACKED and those sent in the window but acknowledged after it).
 */
public final class NotifBench {
  static final int START_RATE = 10_000;
  static final int MAX_DOUBLINGS = 7; // 10k .. 1.28M
  static final int[] SOCKETS = {1, 100};

  private final int round;
  private final int port;
  private final double stepS;
  private final double warmupS;
  private final int bisections;
  private final int window;
  private final PrintStream out = System.out;
  private final CpuClock self = CpuClock.self();

  private NotifBench(String[] a) {
    round = Integer.parseInt(a[0]);
    port = Integer.parseInt(a[2]);
    stepS = Double.parseDouble(a[3]);
    warmupS = Double.parseDouble(a[4]);
    bisections = Integer.parseInt(a[5]);
    window = Integer.parseInt(a[6]);
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (args.length != 7 && args.length != 8) {
      System.err.println("usage: NotifBench ROUND ours,ours-direct,snmp4j PORT STEP_S WARMUP_S BISECTIONS WINDOW [v2c-trap,v3-trap,v2c-inform]");
      System.exit(2);
    }
    NotifBench b = new NotifBench(args);
    List<String> order = List.of(args[1].split(","));
    List<String> kinds = List.of((args.length > 7 ? args[7] : "v2c-trap,v3-trap,v2c-inform").split(","));
    for (int k = 0; k < kinds.size(); k++) {
      List<String> o = new ArrayList<>(order);
      if (k % 2 == 1) {
        java.util.Collections.reverse(o);
      }
      for (String receiver : o) {
        b.measure(receiver, kinds.get(k));
      }
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  private void measure(String receiver, String kind) throws Exception {
    try (Receiver r = Receiver.start(receiver, port)) {
      out.printf("receiver %d %s %s %d%n", round, receiver, kind, r.pid);
      System.err.printf("round %d: %s receiving %s (pid %d)%n", round, receiver, kind, r.pid);
      double warm = warmupS; // the first sender count warms the receiver's JIT up; the second needs less
      for (int sockets : SOCKETS) {
        if (kind.equals("v2c-inform")) {
          try (InformSender s = new InformSender(port, sockets, window)) {
            s.run((long) (warm * 1e9)); // untimed
            informs(r, s, sockets);
          }
        } else {
          try (TrapSender s = new TrapSender(port, sockets, kind.equals("v3-trap"))) {
            s.send(20_000, (long) (warm * 1e9)); // untimed, at a rate both receivers take
            drain(r);
            search(r, s, receiver, kind, sockets);
          }
        }
        warm = Math.min(warm, 0.3);
      }
    }
  }

  /** One step's figures. */
  private record Step(double target, long sent, long sendNs, long counted, long recvCpu, long sendCpu, long sockDrops, long selfDrops, double kernelShare) {
    double offered() {
      return sent * 1e9 / sendNs;
    }

    long lost() {
      return sent - counted;
    }

    long notKernel() {
      return Math.max(0, lost() - sockDrops);
    }
  }

  private Step step(Receiver r, TrapSender s, String receiver, String kind, int sockets, double rate) throws IOException, InterruptedException {
    long[] c0 = r.count();
    long cpu0 = r.cpu.nanos();
    long[] ticks0 = r.ticks();
    long self0 = self.nanos();
    KernelUdp.Socket k0 = KernelUdp.socket(port);
    KernelUdp.Machine m0 = KernelUdp.machine();
    long sent = s.send(rate, (long) (stepS * 1e9));
    long sendNs = s.lastSendNanos();
    long self1 = self.nanos();
    long[] c1 = drain(r);
    long cpu1 = r.cpu.nanos();
    long[] ticks1 = r.ticks();
    KernelUdp.Socket k1 = KernelUdp.socket(port);
    KernelUdp.Machine m1 = KernelUdp.machine();
    long user = ticks1[0] - ticks0[0];
    long system = ticks1[1] - ticks0[1];
    Step st = new Step(rate, sent, sendNs, c1[0] - c0[0], cpu1 - cpu0, self1 - self0, k1.drops() - k0.drops(), c1[1] < 0 ? -1 : c1[1] - c0[1],
        user + system == 0 ? -1 : (double) system / (user + system));
    out.printf("step %d %s %s %d %.0f %d %d %d %d %d %d %d %d %d%n", round, receiver, kind, sockets, rate, sent, sendNs, st.counted, st.recvCpu, st.sendCpu,
        st.sockDrops, m1.rcvbufErrors() - m0.rcvbufErrors(), m1.inErrors() - m0.inErrors(), st.selfDrops);
    return st;
  }

  private void search(Receiver r, TrapSender s, String receiver, String kind, int sockets) throws IOException, InterruptedException {
    Step best = null;
    double good = 0;
    double bad = Double.POSITIVE_INFINITY;
    double overflow = Double.POSITIVE_INFINITY;
    long notKernel = 0;
    boolean senderBound = false;
    List<Step> steps = new ArrayList<>();
    double rate = START_RATE;
    for (int i = 0; i <= MAX_DOUBLINGS; i++, rate *= 2) {
      Step st = step(r, s, receiver, kind, sockets, rate);
      if (st.lost() == 0 && st.offered() < 0.9 * rate) {
        steps.add(st); // short of the rate: this process's ceiling, or a stall (other processes ran); a second try tells
        st = step(r, s, receiver, kind, sockets, rate);
      }
      steps.add(st);
      if (st.lost() > 0) {
        bad = rate;
        break;
      }
      good = rate;
      best = st;
      if (st.offered() < 0.9 * rate) {
        senderBound = true; // nothing lost at the most this process sends
        break;
      }
    }
    if (!senderBound && bad < Double.POSITIVE_INFINITY) {
      for (int i = 0; i < bisections; i++) {
        double mid = good == 0 ? bad / 2 : (good + bad) / 2;
        Step st = step(r, s, receiver, kind, sockets, mid);
        steps.add(st);
        if (st.lost() > 0) {
          bad = mid;
        } else {
          good = mid;
          best = st;
        }
      }
    }
    long selfDrops = 0;
    for (Step st : steps) {
      notKernel += st.notKernel();
      selfDrops += Math.max(0, st.selfDrops);
      if (st.sockDrops > 0) {
        overflow = Math.min(overflow, st.offered());
      }
    }
    Step sat = step(r, s, receiver, kind, sockets, 0); // as fast as this process sends
    if (sat.sockDrops > 0) {
      overflow = Math.min(overflow, sat.offered());
    }
    selfDrops += Math.max(0, sat.selfDrops);
    out.printf("search %d %s %s %d %.0f %d %.0f %d %d %.0f %.0f %d %d %d %d %d %.3f%n", round, receiver, kind, sockets,
        best == null ? 0 : best.offered(), best == null ? -1 : best.recvCpu / Math.max(1, best.counted),
        overflow == Double.POSITIVE_INFINITY ? -1 : overflow, notKernel, senderBound ? 1 : 0,
        sat.offered(), sat.counted * 1e9 / sat.sendNs, sat.recvCpu / Math.max(1, sat.counted), sat.sockDrops, sat.notKernel(),
        sat.sendCpu / Math.max(1, sat.sent), sat.selfDrops < 0 ? -1 : selfDrops, sat.kernelShare);
  }

  private void informs(Receiver r, InformSender s, int sockets) throws IOException, InterruptedException {
    long[] c0 = r.count();
    long cpu0 = r.cpu.nanos();
    KernelUdp.Socket k0 = KernelUdp.socket(port);
    long self0 = self.nanos();
    InformSender.Result x = s.run((long) (stepS * 1e9));
    long self1 = self.nanos();
    long[] c1 = drain(r);
    long cpu1 = r.cpu.nanos();
    KernelUdp.Socket k1 = KernelUdp.socket(port);
    out.printf("inform %d %s %d %d %d %d %d %d %d %d %d %d %d %d%n", round, r.name, sockets, window, x.acked(), x.windowNanos(), x.retransmitted(), x.lost(),
        c1[0] - c0[0], cpu1 - cpu0, k1.drops() - k0.drops(), c1[1] < 0 ? -1 : c1[1] - c0[1], self1 - self0, x.ackedAll());
  }

  /**
   * Waits until the receiver's count stood still for 60 ms with nothing in its socket's queue nor in its own
   * (ours says what it holds), at most 2 s; the last count.
   */
  private long[] drain(Receiver r) throws IOException, InterruptedException {
    long end = System.nanoTime() + 2_000_000_000L;
    long[] last = r.count();
    int still = 0;
    while (still < 3 && System.nanoTime() < end) {
      Thread.sleep(20);
      long[] c = r.count();
      still = c[0] == last[0] && c[2] == 0 && KernelUdp.socket(port).queued() == 0 ? still + 1 : 0;
      last = c;
    }
    return last;
  }

  /** A receiver's JVM: started with this JVM's java and class path, talked to over its stdin and stdout. */
  static final class Receiver implements AutoCloseable {
    final String name;
    final Process process;
    final long pid;
    final CpuClock cpu;
    private final BufferedReader in;
    private final Writer cmd;

    private Receiver(String name, Process p) throws IOException {
      this.name = name;
      this.process = p;
      this.in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
      this.cmd = p.outputWriter(StandardCharsets.US_ASCII);
      String ready = in.readLine();
      if (ready == null || !ready.startsWith("ready ")) {
        p.destroy();
        throw new IOException(name + " receiver did not start (see its stderr): " + ready);
      }
      this.pid = Long.parseLong(ready.substring(6).trim());
      this.cpu = new CpuClock(pid);
    }

    static Receiver start(String name, int port) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          NotifReceiver.class.getName(), name, String.valueOf(port))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new Receiver(name, p);
    }

    /** The receiver's user and system CPU time so far, in clock ticks ({@code /proc/PID/stat} fields 14 and 15). */
    long[] ticks() {
      try {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3, the state
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
      } catch (IOException | RuntimeException e) {
        return new long[] {0, 0};
      }
    }

    /** The handler's count, what the receiver dropped itself (-1: it does not say) and what it holds undelivered. */
    long[] count() throws IOException {
      cmd.write("count\n");
      cmd.flush();
      String line = in.readLine();
      if (line == null || !line.startsWith("count ")) {
        throw new IOException(name + " receiver ended: " + line);
      }
      String[] f = line.split(" ");
      return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    }

    @Override
    public void close() throws InterruptedException {
      try {
        cmd.write("quit\n");
        cmd.flush();
      } catch (IOException ignored) {
        // it has gone already
      }
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly(); // this process started it: stopped by its handle, that is its PID
        process.waitFor();
      }
    }
  }
}
