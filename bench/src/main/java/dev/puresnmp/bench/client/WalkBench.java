package dev.puresnmp.bench.client;

import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.UdpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TreeEvent;
import org.snmp4j.util.TreeUtils;

/**
 * Part (a) of {@code bench/client-bench.sh}: bulk-walks snmpd's big table (bigtable.c, community
 * bigtable-ROWS, 4 columns: ROWS x 4 varbinds) with one client library, in one JVM. First untimed walks
 * until the JIT has gone quiet (at most MAX-WARMUP, see {@link CpuClock#warmUp}), so that the timed ones
 * measure compiled code and not the compiler (a fresh JVM per walk would mostly measure the interpreter);
 * then RUNS timed walks, one result line each on stdout:
 *
 * <pre>
 * warmup CLIENT ROWS REPS WALKS
 * walk CLIENT ROWS REPS RUN WALL_NS CPU_NS VARBINDS ALLOCATED_BYTES AGENT_CPU_NS
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.WalkBench puresnmp|snmp4j PORT ROWS REPS MAX-WARMUP RUNS [AGENT-PID]
 * </pre>
 *
 * <p>Both libraries use their synchronous "give me the whole subtree" call, which keeps every varbind in a
 * list: puresnmp {@code blocking().bulkwalk(oid)}, SNMP4J {@code TreeUtils.getSubtree} with GETBULK. CPU is
 * the whole process's (GC and JIT threads included), see {@link CpuClock}; no System.gc() between walks,
 * so a walk pays for the collections its garbage (or the last walk's) causes, as in real use. AGENT_CPU_NS: the
 * CPU the agent (AGENT-PID, snmpd) spent during the walk, from /proc (-1 without a PID): what bounds a walk
 * that the client cannot speed up. Timeout 1 s
 * and 5 retries for both, as snmpbulkwalk's defaults. {@code -Dpuresnmp.executor=thread|direct} changes
 * where puresnmp completes its futures (see {@link Ours#transport()}): a diagnosis, not the result.
 */
public final class WalkBench {
  static final String TABLE = "1.3.6.1.4.1.8072.9999.9999.7";

  private WalkBench() {}

  /** One library's walk of the table; returns the number of varbinds it got. */
  interface Walker extends AutoCloseable {
    long walk() throws Exception;

    @Override
    void close() throws IOException;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 6 && args.length != 7) {
      System.err.println("usage: WalkBench puresnmp|snmp4j PORT ROWS REPS MAX-WARMUP RUNS [AGENT-PID]");
      System.exit(2);
    }
    String lib = args[0];
    int port = Integer.parseInt(args[1]);
    int rows = Integer.parseInt(args[2]);
    int reps = Integer.parseInt(args[3]);
    int maxWarmup = Integer.parseInt(args[4]);
    int runs = Integer.parseInt(args[5]);
    String community = "bigtable-" + rows;
    long expected = rows * 4L;
    CpuClock cpu = CpuClock.self();
    CpuClock agent = args.length == 7 ? new CpuClock(Long.parseLong(args[6])) : null;
    try (Walker w = lib.equals("puresnmp") ? new Ours(port, community, reps) : new Snmp4jWalker(port, community, reps)) {
      // quiet for ~120,000 varbinds in a row: 3 walks of the 10k table, 1 of the 100k one
      int quiet = (int) Math.max(1, 120_000 / expected);
      int warm = CpuClock.warmUp(() -> {
        long n = w.walk();
        if (n != expected) {
          System.err.printf("WalkBench %s: a warm-up walk got %d varbinds, expected %d%n", lib, n, expected);
        }
      }, 2, Math.max(2, maxWarmup), quiet);
      System.out.printf("warmup %s %d %d %d%n", lib, rows, reps, warm);
      for (int i = 1; i <= runs; i++) {
        long b0 = CpuClock.allocatedBytes();
        long a0 = agent == null ? -1 : agent.nanos();
        long c0 = cpu.nanos();
        long t0 = System.nanoTime();
        long n = w.walk();
        long t1 = System.nanoTime();
        long c1 = cpu.nanos();
        long a1 = agent == null ? -1 : agent.nanos();
        long b1 = CpuClock.allocatedBytes();
        System.out.printf("walk %s %d %d %d %d %d %d %d %d%n", lib, rows, reps, i, t1 - t0, c1 - c0, n, b1 - b0, a0 < 0 || a1 < 0 ? -1 : a1 - a0);
        System.out.flush();
      }
    }
  }

  /** puresnmp: one client on its own transport; the walk is what a user writes. */
  static final class Ours implements Walker {
    private final UdpTransport udp = transport();
    private final SnmpManager manager = SnmpManager.builder().transport(udp).build();
    private final BlockingSnmpClient client;
    private final Oid root = Oid.parse(TABLE);

    Ours(int port, String community, int reps) {
      client = SnmpClient.builder(Endpoint.of("127.0.0.1", port), Credentials.v2c(community)).manager(manager).maxRepetitions(reps).build().blocking();
    }

    /**
     * The default transport; {@code -Dpuresnmp.executor=thread|direct} completes futures on one dedicated thread or
     * on the I/O thread instead of the common pool, to see what the hand-off costs (a diagnosis, not the result).
     */
    static UdpTransport transport() {
      String how = System.getProperty("puresnmp.executor", "default");
      UdpTransport.Builder b = UdpTransport.builder();
      if (how.equals("thread")) {
        b.executor(java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "completions");
          t.setDaemon(true);
          return t;
        }));
      } else if (how.equals("direct")) {
        b.executor(Runnable::run);
      }
      return b.build();
    }

    @Override
    public long walk() {
      return client.bulkwalk(root).size();
    }

    @Override
    public void close() {
      udp.close();
    }
  }

  /** SNMP4J 3.8.2: TreeUtils over GETBULK, as its documentation shows. */
  static final class Snmp4jWalker implements Walker {
    private final Snmp snmp;
    private final CommunityTarget<UdpAddress> target;
    private final TreeUtils tree;
    private final OID root = new OID(TABLE);

    Snmp4jWalker(int port, String community, int reps) throws IOException {
      snmp = new Snmp(new DefaultUdpTransportMapping());
      snmp.listen();
      target = new CommunityTarget<>(new UdpAddress(InetAddress.getLoopbackAddress(), port), new OctetString(community));
      target.setVersion(SnmpConstants.version2c);
      target.setTimeout(1000);
      target.setRetries(5);
      tree = new TreeUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
      tree.setMaxRepetitions(reps);
    }

    @Override
    public long walk() {
      List<TreeEvent> events = tree.getSubtree(target, root);
      long n = 0;
      for (TreeEvent e : events) {
        if (e.isError()) {
          throw new IllegalStateException("SNMP4J walk failed: " + e.getErrorMessage());
        }
        VariableBinding[] vbs = e.getVariableBindings();
        if (vbs != null) {
          n += vbs.length;
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      snmp.close();
    }
  }
}
