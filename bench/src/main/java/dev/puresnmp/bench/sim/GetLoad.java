package dev.puresnmp.bench.sim;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.UdpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GET throughput of an agent with WINDOW requests outstanding, from one socket (puresnmp's UdpTransport):
 * requests/s, latency percentiles, timeouts, and (given its PID) the agent's CPU time per request from
 * /proc. A yardstick for sim-bench.sh, not part of the product.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.sim.GetLoad 127.0.0.1 1161 public 1.3.6.1.2.1.1.5.0 100000 64 [AGENT-PID]
 * </pre>
 */
public final class GetLoad {
  private GetLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: GetLoad HOST PORT COMMUNITY OID COUNT WINDOW [AGENT-PID]");
      System.exit(2);
    }
    Endpoint agent = Endpoint.of(args[0], Integer.parseInt(args[1]));
    String community = args[2];
    Oid oid = Oid.parse(args[3]);
    int count = Integer.parseInt(args[4]);
    int window = Integer.parseInt(args[5]);
    long pid = args.length > 6 ? Long.parseLong(args[6]) : -1;
    try (UdpTransport udp = UdpTransport.builder().build()) {
      run(udp, agent, community, oid, Math.min(count, 2000), window, -1); // warm-up, not reported
      run(udp, agent, community, oid, count, window, pid);
    }
  }

  private static void run(UdpTransport udp, Endpoint agent, String community, Oid oid, int count, int window, long pid) throws Exception {
    Semaphore slots = new Semaphore(window);
    CountDownLatch done = new CountDownLatch(count);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long[] latencies = new long[count];
    long cpuBefore = cpuTicks(pid);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (!slots.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no free slot in 10 s: the agent stopped answering");
      }
      byte[] get = MessageCodec.encode(CommunityMessage.v2c(community, StandardPdu.get(udp.nextRequestId(), List.of(oid))));
      long sent = System.nanoTime();
      int n = i;
      udp.send(agent, get, Duration.ofSeconds(2), 1).whenComplete((reply, error) -> {
        latencies[n] = System.nanoTime() - sent;
        (error == null ? ok : failed).incrementAndGet();
        slots.release();
        done.countDown();
      });
    }
    done.await(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuAfter = cpuTicks(pid);
    if (pid == -1 && count <= 2000) {
      return;
    }
    Arrays.sort(latencies);
    double agentCpu = pid > 0 ? (cpuAfter - cpuBefore) / 100.0 : Double.NaN; // USER_HZ is 100 on Linux
    System.out.printf("requests %d ok %d timeouts %d wall_s %.3f req_per_s %.0f p50_us %.0f p99_us %.0f agent_cpu_s %.2f agent_us_per_req %.1f%n",
        count, ok.get(), failed.get(), seconds, ok.get() / seconds, latencies[count / 2] / 1e3, latencies[(int) (count * 0.99)] / 1e3,
        agentCpu, agentCpu * 1e6 / Math.max(1, ok.get()));
  }

  /** utime + stime of a process, in clock ticks; -1 without a PID. */
  private static long cpuTicks(long pid) throws Exception {
    if (pid <= 0) {
      return -1;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
