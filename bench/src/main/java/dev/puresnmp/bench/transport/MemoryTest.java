package dev.puresnmp.bench.transport;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.UdpTransport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.management.ObjectName;

/**
 * 100,000 outstanding requests on one UdpTransport, to `udpbench sink` (never answers), 60 s timeout,
 * 1 attempt: heap per outstanding request (used heap after full GCs, before and after filling, and the
 * difference of two class histograms), that every request was sent, and the transport's threads. Prints
 * a Markdown section, plus a line starting "VERDICT: ".
 */
final class MemoryTest {
  private MemoryTest() {}

  private static final int BUDGET_BYTES = 300;

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 0;
    int count = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sink" -> {
          String[] p = args[++i].split(":");
          host = p[0];
          port = Integer.parseInt(p[1]);
        }
        case "--count" -> count = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Endpoint sink = Endpoint.of(host, port);
    List<Oid> oids = List.of(Oid.parse("1.3.6.1.2.1.1.5.0"));
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    CompletableFuture<?>[] futures = new CompletableFuture<?>[count]; // the caller's references: in the baseline

    // warm-up: the same code paths (encode, send, time out, complete on the executor), so that classes,
    // the executor's threads and the codec's thread-local writer exist before the baseline
    ForkJoinWarm.touch();
    int threadsBefore = threads.getThreadCount();
    UdpTransport udp = UdpTransport.builder().build();
    List<CompletableFuture<byte[]>> warm = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int id = udp.nextRequestId();
      warm.add(udp.send(sink, MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(id, oids))), Duration.ofMillis(30), 1));
    }
    for (CompletableFuture<byte[]> f : warm) {
      try {
        f.join();
      } catch (RuntimeException expected) {
        // SnmpTimeoutException
      }
    }
    warm.clear();
    long sent0 = udp.counters().sent();
    long failures0 = udp.counters().sendFailures();
    Thread.sleep(100);

    long heap0 = usedAfterGc(mem);
    Map<String, long[]> histo0 = histogram();

    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int id = udp.nextRequestId();
      byte[] packet = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(id, oids)));
      futures[i] = udp.send(sink, packet, Duration.ofSeconds(60), 1);
    }
    double fillMs = (System.nanoTime() - t0) / 1e6;
    Thread.sleep(300); // the selector thread files them in the wheel

    long heap1 = usedAfterGc(mem);
    Map<String, long[]> histo1 = histogram();
    UdpTransport.Counters k = udp.counters();
    long sent = k.sent() - sent0;
    long sendFailures = k.sendFailures() - failures0;
    int outstanding = udp.outstanding();
    List<String> ioThreads = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("puresnmp-udp")) {
        ioThreads.add(t.getName());
      }
    }
    int threadsAfter = threads.getThreadCount();
    long done = 0;
    for (CompletableFuture<?> f : futures) {
      if (f.isDone()) {
        done++;
      }
    }

    // per-class difference
    List<String[]> rows = new ArrayList<>();
    long histoDelta = 0;
    Map<String, long[]> delta = new HashMap<>();
    for (var e : histo1.entrySet()) {
      long[] b = histo0.getOrDefault(e.getKey(), new long[2]);
      long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
      delta.put(e.getKey(), d);
    }
    for (var e : histo0.entrySet()) {
      delta.putIfAbsent(e.getKey(), new long[] {-e.getValue()[0], -e.getValue()[1]});
    }
    for (long[] d : delta.values()) {
      histoDelta += d[1];
    }
    List<Map.Entry<String, long[]>> top = new ArrayList<>(delta.entrySet());
    top.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));

    double perReqHeap = (heap1 - heap0) / (double) count;
    double perReqHisto = histoDelta / (double) count;
    StringBuilder o = new StringBuilder();
    o.append(String.format(Locale.ROOT, "### Memory: %,d outstanding requests on one UdpTransport\n\n", count));
    o.append(String.format(Locale.ROOT, "- to `udpbench sink` %s (never answers), timeout 60 s, 1 attempt; each a v2c GET of sysName.0 encoded with a fresh id (%d bytes kept per request); filled in %.0f ms from one thread\n",
        sink, MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(0x40000000, oids))).length, fillMs));
    o.append(String.format(Locale.ROOT, "- JVM: %s %s, flags `%s`\n", System.getProperty("java.vm.name"), System.getProperty("java.version"), String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
    o.append(String.format(Locale.ROOT, "- sent: %,d of %,d (send failures %,d); outstanding(): %,d; already completed: %,d\n", sent, count, sendFailures, outstanding, done));
    o.append(String.format(Locale.ROOT, "- heap used after full GCs: %,d → %,d bytes: **%.1f bytes per outstanding request**; class-histogram difference: %,d bytes, **%.1f bytes per request**\n",
        heap0, heap1, perReqHeap, histoDelta, perReqHisto));
    o.append(String.format(Locale.ROOT, "- transport I/O threads: %d (%s); JVM threads %d before building the transport (after a ForkJoin warm-up), %d with it and %,d requests outstanding\n\n",
        ioThreads.size(), String.join(", ", ioThreads), threadsBefore, threadsAfter, count));
    o.append("| class (histogram difference) | instances | bytes | bytes/request |\n|---|---:|---:|---:|\n");
    for (int i = 0; i < Math.min(10, top.size()); i++) {
      var e = top.get(i);
      if (e.getValue()[1] <= 0) {
        break;
      }
      o.append(String.format(Locale.ROOT, "| `%s` | %,d | %,d | %.1f |\n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[1] / (double) count));
    }
    boolean pass = sent == count && sendFailures == 0 && ioThreads.size() == 1 && perReqHisto < BUDGET_BYTES && perReqHeap < BUDGET_BYTES;
    o.append(String.format(Locale.ROOT, "VERDICT: %s %,d outstanding on one I/O thread with < %d bytes of heap each: %.0f bytes (used heap) / %.0f bytes (histogram) per request, %,d sent, %d I/O thread(s)\n",
        pass ? "**PASS**" : "**FAIL**", count, BUDGET_BYTES, perReqHeap, perReqHisto, sent, ioThreads.size()));
    System.out.print(o);
    System.out.flush();
    udp.close();
    for (CompletableFuture<?> f : futures) {
      try {
        f.join();
      } catch (RuntimeException expected) {
        // closed
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  /** class name → {instances, bytes}, from the DiagnosticCommand MBean (GC.class_histogram, which runs a full GC). */
  private static Map<String, long[]> histogram() throws Exception {
    Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
    Map<String, long[]> m = new HashMap<>();
    for (String line : out.toString().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        m.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
      }
    }
    return m;
  }

  /** Starts the common pool's worker, so that it is not counted as the transport's thread. */
  private static final class ForkJoinWarm {
    static void touch() {
      java.util.concurrent.ForkJoinPool.commonPool().submit(() -> {}).join();
    }
  }
}
