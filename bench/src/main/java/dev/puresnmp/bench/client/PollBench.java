package dev.puresnmp.bench.client;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Part (b) of {@code bench/client-bench.sh}: polls DEVICES simulated devices at once, a GET of the same 20
 * varbinds to each, from one socket and one I/O thread. A cycle sends all DEVICES requests back to back
 * and ends when every one is answered or timed out (2 s, no retry: a lost datagram shows as a timeout, not
 * as a silently slower cycle). Untimed cycles until the JIT has gone quiet (at least 50, at most MAX-WARMUP,
 * see {@link CpuClock#warmUp}), then CYCLES timed ones, one line each on stdout:
 *
 * <pre>
 * warmup CLIENT DEVICES CYCLES
 * poll CLIENT DEVICES CYCLE WALL_NS CPU_NS AGENT_CPU_NS TIMEOUTS BAD ALLOCATED_BYTES
 * cpusplit CLIENT USER_MS SYSTEM_MS CYCLES      (over all the timed cycles: the kernel's share)
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.PollBench generate DIR DEVICES
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.PollBench puresnmp|snmp4j PORT DEVICES MAX-WARMUP CYCLES AGENT-PID
 * </pre>
 *
 * <p>The devices are {@code puresnmp sim} in another JVM, one community per device (device-0000 …) on one
 * port: the agent's CPU is not the client's, and is reported next to it (AGENT_CPU_NS, from /proc). BAD
 * counts answers that are not the 20 expected values (wrong count or noSuchObject).
 */
public final class PollBench {
  /** sysDescr, sysUpTime, sysName, sysLocation, then ifInOctets, ifOutOctets, ifHCInOctets, ifHCOutOctets of ifIndex 1-4. */
  static final List<String> OIDS = oids();

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private PollBench() {}

  private static List<String> oids() {
    List<String> l = new ArrayList<>(List.of("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0"));
    for (String column : List.of("1.3.6.1.2.1.2.2.1.10", "1.3.6.1.2.1.2.2.1.16", "1.3.6.1.2.1.31.1.1.1.6", "1.3.6.1.2.1.31.1.1.1.10")) {
      for (int ifIndex = 1; ifIndex <= 4; ifIndex++) {
        l.add(column + "." + ifIndex);
      }
    }
    return List.copyOf(l);
  }

  static String community(int device) {
    return String.format("device-%04d", device);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
      return;
    }
    if (args.length != 6) {
      System.err.println("usage: PollBench generate DIR DEVICES | PollBench puresnmp|snmp4j PORT DEVICES MAX-WARMUP CYCLES AGENT-PID");
      System.exit(2);
    }
    String lib = args[0];
    int port = Integer.parseInt(args[1]);
    int devices = Integer.parseInt(args[2]);
    int maxWarmup = Integer.parseInt(args[3]);
    int cycles = Integer.parseInt(args[4]);
    CpuClock agent = new CpuClock(Long.parseLong(args[5]));
    CpuClock cpu = CpuClock.self();
    try (Poller p = lib.equals("puresnmp") ? new Ours(port, devices) : new Snmp4jPoller(port, devices)) {
      int warm = CpuClock.warmUp(p::cycle, Math.min(50, maxWarmup), maxWarmup, 20);
      System.out.printf("warmup %s %d %d%n", lib, devices, warm);
      long[] times0 = userAndSystemMs();
      for (int i = 1; i <= cycles; i++) {
        long b0 = CpuClock.allocatedBytes();
        long a0 = agent.nanos();
        long c0 = cpu.nanos();
        long t0 = System.nanoTime();
        Result r = p.cycle();
        long t1 = System.nanoTime();
        long c1 = cpu.nanos();
        long a1 = agent.nanos();
        long b1 = CpuClock.allocatedBytes();
        System.out.printf("poll %s %d %d %d %d %d %d %d %d%n", lib, devices, i, t1 - t0, c1 - c0, a1 - a0, r.timeouts, r.bad, b1 - b0);
        System.out.flush();
      }
      long[] times1 = userAndSystemMs();
      System.out.printf("cpusplit %s %d %d %d%n", lib, times1[0] - times0[0], times1[1] - times0[1], cycles);
    }
  }

  /**
   * This process's user and system (kernel) CPU time, ms, from /proc/self/stat (clock ticks of 10 ms:
   * USER_HZ is 100 on Linux): over the timed cycles, the kernel's share of the client's CPU.
   */
  static long[] userAndSystemMs() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[11]) * 10, Long.parseLong(f[12]) * 10}; // fields 14 and 15 of the line
  }

  /** 20 varbinds per device, in OID order, with values that differ per device. */
  static void generate(Path dir, int devices) throws IOException {
    Files.createDirectories(dir);
    for (int d = 0; d < devices; d++) {
      StringBuilder sb = new StringBuilder();
      sb.append("1.3.6.1.2.1.1.1.0|4|Simulated switch ").append(d).append(", 4 ports\n");
      sb.append("1.3.6.1.2.1.1.3.0|67|").append(1_000_000 + d).append('\n');
      sb.append("1.3.6.1.2.1.1.5.0|4|").append(community(d)).append('\n');
      sb.append("1.3.6.1.2.1.1.6.0|4|rack ").append(d / 40).append('\n');
      for (int k = 4; k < OIDS.size(); k++) {
        boolean hc = OIDS.get(k).startsWith("1.3.6.1.2.1.31"); // ifXTable: Counter64, else Counter32
        long value = 123_456_789L * (d + 1) * (hc ? 1_000 : 1) + k;
        sb.append(OIDS.get(k)).append('|').append(hc ? "70" : "65").append('|').append(hc ? value : value & 0xFFFF_FFFFL).append('\n');
      }
      Files.writeString(dir.resolve(community(d) + ".snmprec"), sb);
    }
  }

  record Result(int timeouts, int bad) {}

  interface Poller extends AutoCloseable {
    /** One GET to every device, all in flight at once; returns when all are answered or timed out. */
    Result cycle() throws Exception;
  }

  /**
   * puresnmp: a client per device, all on one manager; multiget and allOf. The simulated devices share
   * one agent endpoint here, so per-agent pacing is set to the device count: every device's request goes
   * at once, as with one agent per device.
   */
  static final class Ours implements Poller {
    private final UdpTransport udp = WalkBench.Ours.transport();
    private final SnmpManager manager = SnmpManager.builder().transport(udp).build();
    private final List<SnmpClient> clients = new ArrayList<>();
    private final List<Oid> oids = OIDS.stream().map(Oid::parse).toList();

    Ours(int port, int devices) {
      Endpoint agent = Endpoint.of("127.0.0.1", port);
      for (int d = 0; d < devices; d++) {
        clients.add(SnmpClient.builder(agent, Credentials.v2c(community(d))).manager(manager).maxOutstandingPerAgent(devices).timeout(TIMEOUT).retries(0).build());
      }
    }

    @Override
    public Result cycle() {
      AtomicInteger timeouts = new AtomicInteger();
      AtomicInteger bad = new AtomicInteger();
      CompletableFuture<?>[] all = new CompletableFuture<?>[clients.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = clients.get(i).multiget(oids).handle((vbs, e) -> {
          if (e != null) {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            (cause instanceof SnmpTimeoutException ? timeouts : bad).incrementAndGet();
          } else if (vbs.size() != 20 || vbs.stream().anyMatch(vb -> vb.value().isException())) {
            bad.incrementAndGet();
          }
          return null;
        });
      }
      CompletableFuture.allOf(all).join();
      return new Result(timeouts.get(), bad.get());
    }

    @Override
    public void close() {
      manager.close();
      udp.close();
    }
  }

  /**
   * SNMP4J 3.8.2: one Snmp on one DefaultUdpTransportMapping (4 MiB receive buffer, as ours asks for; its
   * 208 KiB default drops replies at this many in flight), asynchronous send with one listener for all.
   */
  static final class Snmp4jPoller implements Poller, ResponseListener {
    private final Snmp snmp;
    private final List<CommunityTarget<UdpAddress>> targets = new ArrayList<>();
    private final List<OID> oids = OIDS.stream().map(OID::new).toList();
    private volatile CountDownLatch pending;
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicInteger bad = new AtomicInteger();

    Snmp4jPoller(int port, int devices) throws IOException {
      DefaultUdpTransportMapping udp = new DefaultUdpTransportMapping();
      udp.setReceiveBufferSize(4 << 20);
      snmp = new Snmp(udp);
      snmp.listen();
      UdpAddress agent = new UdpAddress(InetAddress.getLoopbackAddress(), port);
      for (int d = 0; d < devices; d++) {
        CommunityTarget<UdpAddress> t = new CommunityTarget<>(agent, new OctetString(community(d)));
        t.setVersion(SnmpConstants.version2c);
        t.setTimeout(TIMEOUT.toMillis());
        t.setRetries(0);
        targets.add(t);
      }
    }

    @Override
    public Result cycle() throws Exception {
      timeouts.set(0);
      bad.set(0);
      pending = new CountDownLatch(targets.size());
      for (CommunityTarget<UdpAddress> t : targets) {
        PDU pdu = new PDU(); // a new PDU per request: SNMP4J writes the request-id into it
        pdu.setType(PDU.GET);
        for (OID oid : oids) {
          pdu.add(new VariableBinding(oid));
        }
        snmp.send(pdu, t, null, this);
      }
      if (!pending.await(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("SNMP4J: " + pending.getCount() + " requests neither answered nor timed out");
      }
      return new Result(timeouts.get(), bad.get());
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
      // SNMP4J keeps an answered asynchronous request pending until cancelled (its Snmp class javadoc)
      ((Snmp) event.getSource()).cancel(event.getRequest(), this);
      PDU response = event.getResponse();
      if (response == null) {
        timeouts.incrementAndGet();
      } else if (response.getErrorStatus() != 0 || response.size() != 20 || response.getVariableBindings().stream().anyMatch(VariableBinding::isException)) {
        bad.incrementAndGet();
      }
      pending.countDown();
    }

    @Override
    public void close() throws IOException {
      snmp.close();
    }
  }
}
