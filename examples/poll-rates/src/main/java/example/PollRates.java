package example;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.client.Table;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.SyntheticSwitch;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Polls the interface counters of many devices at once, twice, and prints each interface's rates.
 *
 * <p>The devices are simulated switches: two served by one simulator under two communities, a third by
 * another simulator on another port. Every poll asks all of them at the same time (the client is
 * asynchronous) and reads ifXTable by column name. The 64-bit ifHC counters (RFC 2863) do not wrap
 * between two polls, so a rate is the difference over the time between the polls.
 */
public final class PollRates {
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  /** One device's counters at one moment. */
  record Sample(long nanos, Table ifXTable) {}

  public static void main(String[] args) throws Exception {
    try (AgentSimulator site1 = AgentSimulator.builder()
            .device("sw-a", SyntheticSwitch.build(8))
            .device("sw-b", SyntheticSwitch.build(16))
            .start();
        AgentSimulator site2 = AgentSimulator.builder().device("sw-c", SyntheticSwitch.build(24)).start();
        SnmpManager manager = SnmpManager.builder().mib(Mib.builtIn()).build()) {

      Map<String, SnmpClient> devices = new LinkedHashMap<>();
      devices.put("sw-a", manager.client(site1.endpoint(), Credentials.v2c("sw-a")));
      devices.put("sw-b", manager.client(site1.endpoint(), Credentials.v2c("sw-b")));
      devices.put("sw-c", manager.client(site2.endpoint(), Credentials.v2c("sw-c")));

      Map<String, Sample> first = pollAll(devices);
      Thread.sleep(INTERVAL.toMillis());
      Map<String, Sample> second = pollAll(devices);

      for (String device : devices.keySet()) {
        printRates(device, first.get(device), second.get(device));
      }
    }
  }

  /** Asks every device at once, then waits for all the answers. */
  static Map<String, Sample> pollAll(Map<String, SnmpClient> devices) {
    Map<String, CompletableFuture<Sample>> polls = new LinkedHashMap<>();
    devices.forEach((device, client) ->
        polls.put(device, client.bulktable("ifXTable").thenApply(table -> new Sample(System.nanoTime(), table))));
    Map<String, Sample> samples = new LinkedHashMap<>();
    polls.forEach((device, poll) -> samples.put(device, poll.join()));
    return samples;
  }

  static void printRates(String device, Sample before, Sample after) {
    double seconds = (after.nanos() - before.nanos()) / 1e9;
    Map<Oid, Table.Row> earlier = before.ifXTable().rows().stream().collect(Collectors.toMap(Table.Row::index, row -> row));
    for (Table.Row row : after.ifXTable().rows()) {
      Table.Row previous = earlier.get(row.index());
      if (previous == null) {
        continue; // an interface that came up between the polls: it gets a rate next time
      }
      double in = bitsPerSecond(previous, row, "ifHCInOctets", seconds);
      double out = bitsPerSecond(previous, row, "ifHCOutOctets", seconds);
      String name = row.get("ifName").map(Value::asText).orElse(row.index().toString());
      System.out.printf("%-5s %-10s in %8.3f Mbit/s   out %8.3f Mbit/s%n", device, name, in / 1e6, out / 1e6);
    }
  }

  private static double bitsPerSecond(Table.Row before, Table.Row after, String column, double seconds) {
    // asBigInteger: a Counter64 may pass Long.MAX_VALUE
    BigInteger octets = after.get(column).orElseThrow().asBigInteger().subtract(before.get(column).orElseThrow().asBigInteger());
    return octets.doubleValue() * 8 / seconds;
  }
}
