package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Net-SNMP's tools against our simulator and against snmpsim serving the same files print exactly the
 * same: snmpget, snmpgetnext, snmpwalk, snmpbulkwalk (several -Cr), snmpbulkget, snmpset, snmptable; v1 and
 * v2c; IPv4 and IPv6. The few places where we answer by the RFC and snmpsim does not are unit-tested
 * instead (AgentSimulatorTest) and listed in the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnmpsimComparisonIT {
  private static final int BIGTABLE_ROWS = 500;

  Path data;
  Path mibs;
  Peers.Snmpsim snmpsim;
  AgentSimulator ours;

  @BeforeAll
  void start() throws Exception {
    data = Peers.worldReadableDir("puresnmp-sim-it");
    Peers.copyResource(ShippedDevices.RESOURCE_DIR + "linux-host.snmprec", data.resolve("linux-host.snmprec"));
    Peers.copyResource("/dev/puresnmp/sim/small.snmprec", data.resolve("small.snmprec"));
    mibs = Peers.copyResource("/dev/puresnmp/sim/mibs/PURESNMP-TEST-MIB.txt", data.resolve("mibs/PURESNMP-TEST-MIB.txt")).getParent();
    Files.setPosixFilePermissions(mibs, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bigtable = data.resolve("bigtable-" + BIGTABLE_ROWS + ".snmprec");
    NetSnmpPeer.Result gen = NetSnmpPeer.run(List.of("python3", NetSnmpPeer.peersDir().resolve("bigtable-gen.py").toString(), "" + BIGTABLE_ROWS, bigtable.toString()), 60);
    assertThat(gen.code()).as(gen.err()).isZero();
    Files.setPosixFilePermissions(bigtable, PosixFilePermissions.fromString("rw-r--r--"));
    snmpsim = Peers.Snmpsim.start(data);
    ours = AgentSimulator.builder().data(data).bind("127.0.0.1").bind("::1").port(Peers.freePort()).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (ours != null) {
      ours.close();
    }
    if (snmpsim != null) {
      snmpsim.close();
    }
    Peers.deleteTree(data);
  }

  static Stream<Arguments> commands() {
    List<Arguments> out = new ArrayList<>();
    for (String family : List.of("udp", "udp6")) {
      for (String v : List.of("1", "2c")) {
        String tag = family + " v" + v + ": ";
        add(out, tag, "snmpget", v, "linux-host", ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.2.2.1.6.2", ".1.3.6.1.2.1.25.1.2.0");
        add(out, tag, "snmpget", v, "linux-host", ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.5.1", ".1.3.6.1.9.9");
        add(out, tag, "snmpget", v, "small", ".1.3.6.1.4.1.1.1.0");
        add(out, tag, "snmpgetnext", v, "linux-host", ".1.3.6.1.2.1.1", ".1.3.6.1.2.1.2.2.1.10", ".1.3.6.1.2.1.25.3.2.1.3.196608");
        add(out, tag, "snmpgetnext", v, "small", ".1.3.6.1.4.1.1", ".1.3.6.1.4.1.1.10.0");
        add(out, tag, "snmpwalk", v, "linux-host", ".1");
        add(out, tag, "snmpwalk", v, "small", ".1");
        add(out, tag, "snmpwalk", v, "bigtable-" + BIGTABLE_ROWS, ".1.3.6.1.4.1.8072.9999.9999.7.1.3");
        add(out, tag, "snmpset", v, "small", ".1.3.6.1.4.1.1.9.0", "s", "set-" + family + "-v" + v);
        add(out, tag, "snmpget", v, "small", ".1.3.6.1.4.1.1.9.0");
        add(out, tag, "snmpset", v, "small", ".1.3.6.1.4.1.1.10.0", "i", "1" + v.charAt(0));
        if (v.equals("1")) {
          add(out, tag, "snmpset", v, "linux-host", ".1.3.6.1.2.1.1.5.0", "s", "read-only");
        } else {
          for (String r : List.of("-Cr1", "-Cr7", "-Cr10", "-Cr50", "-Cr100")) {
            add(out, tag, "snmpbulkwalk", v, "linux-host", r, ".1");
          }
          add(out, tag, "snmpbulkwalk", v, "small", "-Cr5", ".1.3.6.1.4");
          add(out, tag, "snmpbulkwalk", v, "bigtable-" + BIGTABLE_ROWS, "-Cr50", ".1.3.6.1.4.1.8072.9999.9999.7");
          add(out, tag, "snmpbulkget", v, "linux-host", "-Cn1", "-Cr3", ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.2.2.1.2", ".1.3.6.1.2.1.31.1.1.1.6");
          add(out, tag, "snmpbulkget", v, "small", "-Cn0", "-Cr6", ".1.3.6.1.4.1.1.7.0");
        }
        out.add(Arguments.of(tag + "snmptable linux-host ifTable", List.of("snmptable", "-v" + v, "-c", "linux-host", "-M", "MIBS", "-m", "PURESNMP-TEST-MIB",
            "-t", "2", "-r", "1", family + ":AGENT", "PURESNMP-TEST-MIB::ptIfTable")));
        out.add(Arguments.of(tag + "snmptable -Ci -Cb small ifTable", List.of("snmptable", "-v" + v, "-c", "small", "-M", "MIBS", "-m", "PURESNMP-TEST-MIB",
            "-Ci", "-Cb", "-t", "2", "-r", "1", family + ":AGENT", "PURESNMP-TEST-MIB::ptIfTable")));
      }
    }
    return out.stream();
  }

  private static void add(List<Arguments> out, String tag, String tool, String v, String community, String... rest) {
    List<String> cmd = new ArrayList<>(List.of(tool, "-v" + v, "-c", community, "-On", "-m", "", "-t", "2", "-r", "1"));
    int split = 0;
    while (split < rest.length && rest[split].startsWith("-C")) {
      cmd.add(rest[split++]);
    }
    cmd.add("FAMILY:AGENT");
    cmd.addAll(List.of(rest).subList(split, rest.length));
    out.add(Arguments.of(tag + String.join(" ", cmd.subList(0, 1)) + " -c " + community + " " + String.join(" ", rest), cmd));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void netSnmpToolsPrintTheSameForUsAsForSnmpsim(String name, List<String> command) throws Exception {
    String family = name.startsWith("udp6") ? "udp6" : "udp";
    NetSnmpPeer.Result theirs = run(command, family, snmpsim.port);
    NetSnmpPeer.Result mine = run(command, family, ours.port());
    assertThat(theirs.out() + theirs.err()).as("snmpsim answered").doesNotContain("Timeout");
    assertThat(normalized(mine, ours.port())).isEqualTo(normalized(theirs, snmpsim.port));
  }

  private NetSnmpPeer.Result run(List<String> command, String family, int port) throws Exception {
    String host = family.equals("udp6") ? "[::1]:" + port : "127.0.0.1:" + port;
    List<String> cmd = new ArrayList<>();
    for (String a : command) {
      cmd.add(a.replace("FAMILY:AGENT", family + ":" + host).replace("udp:AGENT", "udp:" + host).replace("udp6:AGENT", "udp6:" + host)
          .replace("MIBS", mibs.toString()));
    }
    return Peers.tool(cmd, host);
  }

  private static String normalized(NetSnmpPeer.Result r, int port) {
    // Only the port after an address is the agent's (a value may contain the same digits: 2914192)
    String agentPort = "(?<=[0-9\\]]:)" + port + "\\b";
    return "exit " + r.code() + "\n" + r.out().replaceAll(agentPort, "PORT") + "\n--- stderr\n" + r.err().replaceAll(agentPort, "PORT");
  }
}
