package dev.puresnmp.bench.lossy;

import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.LossyLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * core's {@link LossyLink} as a process, for bench/lossy-bench.sh: Net-SNMP's tools and our command line
 * walk snmpd through it. Runs until killed (SIGTERM), then writes its counters to COUNTERS_FILE.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.lossy.LossyRelay AGENT_PORT LISTEN_PORT LOSS DUPLICATE REORDER_MS SEED COUNTERS_FILE
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.lossy.LossyRelay 15200 15201 0.2 0.05 20 1 /tmp/link.txt
 * </pre>
 *
 * Prints "listening on 127.0.0.1:LISTEN_PORT" once it relays. LOSS is the chance of loss in each direction.
 */
public final class LossyRelay {
  private LossyRelay() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: LossyRelay AGENT_PORT LISTEN_PORT LOSS DUPLICATE REORDER_MS SEED COUNTERS_FILE");
      System.exit(2);
    }
    LossyLink link = LossyLink.builder(Endpoint.of("127.0.0.1", Integer.parseInt(args[0])))
        .bind(Endpoint.of("127.0.0.1", Integer.parseInt(args[1])))
        .loss(Double.parseDouble(args[2]))
        .duplicate(Double.parseDouble(args[3]))
        .reorder(Duration.ofMillis(Long.parseLong(args[4])))
        .seed(Long.parseLong(args[5]))
        .start();
    Path counters = Path.of(args[6]);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.writeString(counters, "to snmpd: " + link.toAgent() + "\nto the client: " + link.toClient() + "\n");
      } catch (java.io.IOException e) {
        System.err.println("cannot write " + counters + ": " + e);
      }
      link.close();
    }));
    System.out.println("listening on " + link.endpoint());
    System.out.flush();
    Thread.currentThread().join(); // until SIGTERM
  }
}
