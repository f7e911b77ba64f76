package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every fault, as Net-SNMP's own tools see it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsNetSnmpIT {
  AgentSimulator sim;
  String agent;

  @BeforeAll
  void start() {
    NetSnmpPeer.requireTool("snmpwalk", NetSnmpPeer.peersDir());
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).port(Peers.freePort()).start();
    agent = "127.0.0.1:" + sim.port();
  }

  @AfterAll
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @BeforeEach
  void clean() {
    sim.clearFaults();
  }

  private NetSnmpPeer.Result run(String tool, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(tool, "-v2c", "-c", "linux-host", "-On", "-m", "", "-t", "0.5", "-r", "0"));
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      cmd.add(args[i++]);
    }
    cmd.add(agent);
    cmd.addAll(List.of(args).subList(i, args.length));
    return NetSnmpPeer.run(cmd, 60);
  }

  @Test
  void snmpwalkReportsOidNotIncreasingOnTheNonIncreasingFault() throws Exception {
    sim.setFaults(Fault.nonIncreasingAfter(3));
    NetSnmpPeer.Result r = run("snmpwalk", ".1.3.6.1.2.1.1");
    // snmpwalk prints the repeated varbind, then stops
    assertThat(r.out().lines()).hasSize(4).element(3).asString().startsWith(".1.3.6.1.2.1.1.3.0 = Timeticks");
    assertThat(r.err()).contains("Error: OID not increasing: .1.3.6.1.2.1.1.3.0").contains(">= .1.3.6.1.2.1.1.3.0");
  }

  @Test
  void snmpbulkwalkReportsOidNotIncreasingWhenTheWalkLoopsBack() throws Exception {
    sim.setFaults(Fault.loopBackAfter(5));
    NetSnmpPeer.Result r = run("snmpbulkwalk", "-Cr3", ".1.3.6.1.2.1.1");
    // pages 1.0-3.0, then 4.0, 5.0 and back to 1.0; snmpbulkwalk compares each OID with the page's request (3.0)
    assertThat(r.err()).contains("Error: OID not increasing: .1.3.6.1.2.1.1.3.0").contains(">= .1.3.6.1.2.1.1.1.0");
  }

  @Test
  void theEndOfMibViewFaultEndsAWalkEarly() throws Exception {
    sim.setFaults(Fault.endOfMibViewAfter(4));
    NetSnmpPeer.Result r = run("snmpwalk", ".1.3.6.1.2.1.1");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(5).last().asString().endsWith("= No more variables left in this MIB View (It is past the end of the MIB tree)");
  }

  @Test
  void dropDelayWrongIdGarbageAndSilenceAllTimeOut() throws Exception {
    for (Fault f : List.of(Fault.drop(1.0), Fault.delay(Duration.ofMillis(1500)), Fault.wrongRequestId(), Fault.garbage(), Fault.silentAfter(0))) {
      sim.setFaults(f);
      NetSnmpPeer.Result r = run("snmpget", ".1.3.6.1.2.1.1.5.0");
      assertThat(r.out() + r.err()).as(f.spec()).contains("Timeout: No Response from " + agent);
    }
    sim.clearFaults();
    assertThat(run("snmpget", ".1.3.6.1.2.1.1.5.0").out()).isEqualTo(".1.3.6.1.2.1.1.5.0 = STRING: \"linux-host\"\n");
  }

  @Test
  void silentAfterNRequestsCutsAWalkShort() throws Exception {
    sim.setFaults(Fault.silentAfter(3));
    NetSnmpPeer.Result r = run("snmpwalk", ".1.3.6.1.2.1.1");
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.err()).contains("Timeout: No Response from " + agent);
  }

  @Test
  void tooBigAboveNVarbindsIsReportedByTheTools() throws Exception {
    sim.setFaults(Fault.tooBigAbove(5));
    NetSnmpPeer.Result r = run("snmpbulkget", "-Cr10", ".1.3.6.1.2.1.1");
    assertThat(r.out() + r.err()).contains("tooBig");
    assertThat(run("snmpbulkget", "-Cr5", ".1.3.6.1.2.1.1").out().lines()).hasSize(5);
  }

  @Test
  void duplicatedRepliesDoNotConfuseTheTools() throws Exception {
    sim.setFaults(Fault.duplicate());
    long before = sim.counters().answered();
    NetSnmpPeer.Result r = run("snmpwalk", ".1.3.6.1.2.1.1");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(38);
    assertThat(sim.counters().answered() - before).isEqualTo(39);
  }
}
