package dev.puresnmp.cli;

import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.Table;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code puresnmp demo}: starts the simulator in-process with the shipped Linux-host recording on a free
 * loopback port and shows get, walk, bulkwalk and table against it, with timings, printed with the built-in
 * MIB modules' names. No network needed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start the embedded simulator (a recorded Linux host) and show get, walk, bulkwalk and table against it.")
final class DemoCommand implements Callable<Integer> {
  private static final int SHOWN = 8;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AgentSimulator sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).start();
        SnmpClient client = SnmpClient.builder(sim.endpoint(), Credentials.v2c("linux-host")).maxRepetitions(25).build()) {
      BlockingSnmpClient b = client.blocking();
      String agent = sim.endpoint().toString();
      out.printf("Simulator: the recorded Linux host (%d OIDs), community linux-host, at %s%n%n", sim.recording("linux-host").size(), agent);

      timed(out, "puresnmp get -v2c -c linux-host " + agent + " sysDescr.0 sysUpTime.0 sysName.0", () -> {
        List<VarBind> vbs = b.multiget(List.of(Oid.parse("1.3.6.1.2.1.1.1.0"), Oid.parse("1.3.6.1.2.1.1.3.0"), Oid.parse("1.3.6.1.2.1.1.5.0")));
        vbs.forEach(vb -> out.println(Mib.builtIn().format(vb)));
        return vbs.size();
      }, "varbinds");
      timed(out, "puresnmp walk -v2c -c linux-host " + agent + " system   (GETNEXT, one request per varbind)", () -> show(out, b.walk("1.3.6.1.2.1.1")), "varbinds");
      timed(out, "puresnmp bulkwalk -v2c -c linux-host -Cr25 " + agent + " .1.3.6.1.2.1   (GETBULK, 25 a request)", () -> show(out, b.bulkwalk("1.3.6.1.2.1")), "varbinds");
      timed(out, "puresnmp table -v2c -c linux-host " + agent + " ifTable", () -> {
        Table t = b.bulktable("1.3.6.1.2.1.2.2");
        out.println(String.format("%-6s %-14s %-6s %-12s %s", "index", "ifDescr (2)", "type", "speed (5)", "inOctets (10)"));
        for (Table.Row row : t.rows()) {
          out.println(String.format("%-6s %-14s %-6s %-12s %s", row.index(), cell(row, 2), cell(row, 3), cell(row, 5), cell(row, 10)));
        }
        return t.rows().size();
      }, "rows");
      out.println("Next: ./puresnmp sim (the shipped devices on udp 127.0.0.1:1161 and ::1) and walk it with");
      out.println("      ./puresnmp bulkwalk -v2c -c linux-host 127.0.0.1:1161 .1  or Net-SNMP's snmpbulkwalk.");
    }
    out.flush();
    return 0;
  }

  private static String cell(Table.Row row, int column) {
    return row.get(column).map(TableCommand::cell).orElse("");
  }

  private static int show(PrintWriter out, List<VarBind> vbs) {
    vbs.stream().limit(SHOWN).forEach(vb -> out.println(Mib.builtIn().format(vb)));
    if (vbs.size() > SHOWN) {
      out.printf("... (%d more)%n", vbs.size() - SHOWN);
    }
    return vbs.size();
  }

  private static void timed(PrintWriter out, String title, Supplier<Integer> action, String unit) {
    out.println("$ " + title);
    long t0 = System.nanoTime();
    int n = action.get();
    long t1 = System.nanoTime();
    out.printf("   -> %d %s in %.1f ms%n%n", n, unit, (t1 - t0) / 1e6);
  }
}
