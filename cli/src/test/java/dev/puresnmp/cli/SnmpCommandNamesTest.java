package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Names in and out of the SNMP commands, with the default modules (the built-in set), against the simulator. */
@Timeout(60)
class SnmpCommandNamesTest {
  private static AgentSimulator sim;
  private static String agent;

  @BeforeAll
  static void start() {
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).start();
    agent = "127.0.0.1:" + sim.port();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static CliRun run(String command, String... args) {
    String[] all = new String[args.length + 6];
    all[0] = command;
    all[1] = "-v2c";
    all[2] = "-c";
    all[3] = "linux-host";
    all[4] = "-M";
    all[5] = "/nonexistent"; // the built-in modules only, whatever this machine has
    System.arraycopy(args, 0, all, 6, args.length);
    String[] withAgent = new String[all.length + 1];
    int options = 6;
    while (options < all.length && all[options].startsWith("-")) {
      options++;
    }
    System.arraycopy(all, 0, withAgent, 0, options);
    withAgent[options] = agent;
    System.arraycopy(all, options, withAgent, options + 1, all.length - options);
    return CliRun.of(withAgent);
  }

  @Test
  void getTakesNamesInEveryFormAndPrintsModuleNames() {
    CliRun r = run("get", "sysName.0", "SNMPv2-MIB::sysName.0", "iso.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.5.0", "system.sysName.0");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("SNMPv2-MIB::sysName.0 = STRING: linux-host\n".repeat(5));
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void outputOptionsChooseTheNameStyleAndValueForm() {
    assertThat(run("get", "-On", "ifType.1").out()).isEqualTo(".1.3.6.1.2.1.2.2.1.3.1 = INTEGER: softwareLoopback(24)\n");
    assertThat(run("get", "-Os", "ifType.1").out()).isEqualTo("ifType.1 = INTEGER: softwareLoopback(24)\n");
    assertThat(run("get", "-Oqe", "-Os", "ifType.1").out()).isEqualTo("ifType.1 24\n");
    assertThat(run("get", "-Ov", "ifDescr.1").out()).isEqualTo("STRING: lo\n");
    assertThat(run("get", "-Of", "sysName.0").out()).isEqualTo(".iso.org.dod.internet.mgmt.mib-2.system.sysName.0 = STRING: linux-host\n");
  }

  @Test
  void noModulesAndNumericOutputPrintAsBefore() {
    CliRun r = CliRun.of("get", "-v2c", "-c", "linux-host", "-On", "-m", "", agent, ".1.3.6.1.2.1.2.2.1.3.1");
    assertThat(r.out()).isEqualTo(".1.3.6.1.2.1.2.2.1.3.1 = INTEGER: 24\n");
  }

  @Test
  void walkAndBulkwalkTakeATableName() {
    CliRun walk = run("walk", "ifDescr");
    assertThat(walk.out()).startsWith("IF-MIB::ifDescr.1 = STRING: lo\n");
    assertThat(run("bulkwalk", "-Cr25", "ifDescr").out()).isEqualTo(walk.out());
    assertThat(run("walk", "system").out()).startsWith("SNMPv2-MIB::sysDescr.0 = STRING: ");
  }

  @Test
  void anUnknownNameIsRefusedWithNetSnmpsWordsAndNothingIsSent() {
    CliRun r = run("get", "sysDescrX.0", "ifDescr.x", "sysName.0");
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(
        "sysDescrX.0: Unknown Object Identifier (Sub-id not found: (top) -> sysDescrX)\n"
            + "ifDescr.x: Unknown Object Identifier (Index out of range: x (ifIndex))\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(run("walk", "FOO-MIB::bar").err()).endsWith("Cannot find module (FOO-MIB): At line 0 in (none)\nFOO-MIB::bar: Unknown Object Identifier\n");
  }

  @Test
  void anUnknownOutputLetterIsRefusedAsNetSnmpRefusesIt() {
    CliRun r = run("get", "-Oz", "sysName.0");
    assertThat(r.err()).startsWith("Unknown output option passed to -O: z.\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void aFloatPrecisionThatIsNoPrintfWidthAndPrecisionIsRefusedWithWhatWasGiven() {
    CliRun r = run("get", "-Op%d", "sysName.0");
    assertThat(r.err()).isEqualTo("-Op: not a printf width and precision: \"%d\"\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void anSnmpConfDirectiveIsRefusedInOneLineForThereIsNoSnmpConf() {
    CliRun r = run("get", "-YdefCommunity nobody", "sysName.0");
    assertThat(r.err()).isEqualTo("puresnmp: -Y defCommunity nobody: snmp.conf directives are not supported (puresnmp reads no snmp.conf)\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void aPrecisionLetterWithNothingAfterItGetsTheLinesNetSnmpMeantToPrint() {
    // snmpget 5.9.3 crashes here (SIGSEGV): these are the lines its snmp_out_options and snmp_parse_args print first
    CliRun r = CliRun.of("get", "-v2c", "-Op");
    assertThat(r.err()).startsWith("Missing precision for -Op\nUnknown output option passed to -O: p.\nUSAGE: snmpget ");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void anUnknownParsingLetterIsRefusedAsSnmpgetRefusesIt() {
    CliRun r = run("get", "-Px", "sysName.0");
    assertThat(r.err()).startsWith("Unknown parsing option passed to -P: x.\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void errorsNameTheFailedObject() {
    CliRun r = run("set", "sysDescr.0", "s", "x");
    assertThat(r.err()).contains("Failed object: SNMPv2-MIB::sysDescr.0\n");
  }

  @Test
  void setReadsAnObjectIdentifierValueAsANameAndNamesTheVarbindWhenItIsUnknown() {
    CliRun sent = run("set", "sysObjectID.0", "o", "SNMPv2-SMI::enterprises.8072");
    assertThat(sent.err()).contains("Failed object: SNMPv2-MIB::sysObjectID.0\n"); // sent: the agent refused it
    CliRun refused = run("set", "sysObjectID.0", "o", "noSuchThingX");
    assertThat(refused.err()).isEqualTo("sysObjectID.0: Unknown Object Identifier (Sub-id not found: (top) -> noSuchThingX)\n");
    assertThat(refused.exitCode()).isEqualTo(1);
  }
}
