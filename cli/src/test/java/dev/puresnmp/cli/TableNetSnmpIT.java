package dev.puresnmp.cli;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.Recording;
import dev.puresnmp.sim.RecordingBuilder;
import dev.puresnmp.sim.ShippedDevices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code table} prints what snmptable 5.9.3 prints given the same -M, -m, -O and -C, byte for byte
 * (standard output, standard error, exit code), against snmpd (tables whose values hold still) and our
 * simulator serving the shipped switch and Linux host. Net-SNMP runs with SNMPCONFPATH=/nonexistent, as
 * in {@link NamesNetSnmpIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableNetSnmpIT {
  private static final String MODULES = "SNMPv2-MIB:IF-MIB";
  @TempDir static Path dir;
  private String path;
  private NetSnmpPeer snmpd;
  private AgentSimulator sim;

  @BeforeAll
  void start() throws Exception {
    path = StandardMibs.path();
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    sim = AgentSimulator.builder()
        .device("switch-48", frozen(ShippedDevices.switch48()))
        .device("linux-host", ShippedDevices.linuxHost())
        .start();
  }

  /** The recording with its computed counters held at uptime 0: snmptable and we read it at different times. */
  private static Recording frozen(Recording r) {
    RecordingBuilder b = Recording.builder();
    r.varBinds().forEach(vb -> b.add(vb.oid(), vb.value()));
    return b.build();
  }

  @AfterAll
  void stop() throws Exception {
    if (snmpd != null) {
      snmpd.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  /**
   * Ours in process and snmptable, both with "-M {path} -m MODULES OPTIONS AGENT TABLE" (the table is the
   * last word of ARGS). ARGS starting "stdout:" compare standard output and exit code only (Net-SNMP warns
   * of a module's missing imports, which we do not).
   */
  private void samePrinted(int port, String args) throws Exception {
    boolean stdoutOnly = args.startsWith("stdout:");
    args = stdoutOnly ? args.substring("stdout:".length()) : args;
    List<String> words = new ArrayList<>(Arrays.asList(args.trim().split("\\s+")));
    if (!words.contains("-m")) {
      words.addAll(0, List.of("-m", MODULES));
    }
    words.addAll(0, List.of("-M", path));
    words.add(words.size() - 1, "127.0.0.1:" + port);
    NetSnmpComparison.samePrinted("snmptable", "table", words, stdoutOnly);
  }

  /** Every -C letter and -O style we match, alone and together. */
  private static final List<String> OPTIONS = List.of("", "-Ci", "-Cb", "-CH", "-Ch", "-Cl", "-Cf ,", "-Ci -Cf |",
      "-Cw 60", "-Ci -Cw 80", "-Cib -CH -Cw 50", "-Cl -Ci -Cb", "-Os", "-Of", "-On", "-Ci -Os", "-Ci -Of", "-Cb -Of -Cw 70",
      "-OX -Ci", "-OXq -Ci", "-Ob -Ci", "-Ou -Ci", "-OuX -Ci -Cb", "-Ou", "-Oq", "-OQ -Ci", "-OqQ",
      "-Cc 10", "-Cc 10 -Ci", "-Cc 12 -Cl -Ci -Cb", "-Cc 10 -Cf ,", "-Cf , -Cc 10", "-Cc 20 -Cw 50", "-Cc 40 -Cw 30",
      "-Cc 12 -Cw 30 -Ci", "-Cc 10 -CH -Ci", "-Cc 10 -Ch", "-Cc 3", "-O0 -Ci", "-OT -Ci", "-Oe -Ci", "-OEt", "-Ox");

  static Stream<Arguments> againstSnmpd() {
    List<Arguments> all = new ArrayList<>();
    for (String o : OPTIONS) {
      all.add(Arguments.of("-v2c -c public " + o + " sysORTable"));
    }
    all.add(Arguments.of("-v1 -c public sysORTable"));
    all.add(Arguments.of("-v1 -c public -Cr 3 -Ci sysORTable"));
    all.add(Arguments.of("-v1 -c public -Cr 4 -Cw 60 sysORTable"));
    all.add(Arguments.of("-v1 -c public -Cr 3 -Cc 15 -Ci sysORTable"));
    all.add(Arguments.of("-v2c -c public -Cr 2 -C ib .1.3.6.1.2.1.1.9"));
    all.add(Arguments.of("-v2c -c public -m SNMP-VIEW-BASED-ACM-MIB -Ci vacmAccessTable"));
    all.add(Arguments.of("-v2c -c public -m SNMP-VIEW-BASED-ACM-MIB -Ci -Of vacmAccessTable"));
    all.add(Arguments.of("-v2c -c public -m SNMP-VIEW-BASED-ACM-MIB -Ci -OE vacmAccessTable"));
    all.add(Arguments.of("-v2c -c public -m SNMP-VIEW-BASED-ACM-MIB -Ci -OEX vacmAccessTable"));
    all.add(Arguments.of("-v2c -c public -m SNMP-VIEW-BASED-ACM-MIB -Ci -Os -Cb vacmViewTreeFamilyTable"));
    all.add(Arguments.of("stdout:-v2c -c public -m +NET-SNMP-AGENT-MIB -Ci nsCacheTable"));
    for (String o : List.of("-OX -Ci", "-Ob -Ci", "-Ou -Ci", "-OXs -Ci -Cb")) {
      all.add(Arguments.of("-v2c -c public -m SNMPv2-MIB:IF-MIB:RFC1213-MIB " + o + " atTable"));
      all.add(Arguments.of("-v2c -c public -m SNMPv2-MIB:IF-MIB:RFC1213-MIB " + o + " ipAddrTable"));
    }
    all.add(Arguments.of("-v2c -c public sysOREntry"));
    all.add(Arguments.of("-v2c -c public sysDescr"));
    all.add(Arguments.of("-v2c -c public .1.3.6.1.4.1.8072.9999.9999.7.1"));
    all.add(Arguments.of("-v2c -c public sysORTablex"));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("againstSnmpd")
  void printsWhatSnmptablePrintsAgainstSnmpd(String args) throws Exception {
    samePrinted(snmpd.port, args);
  }

  static Stream<Arguments> againstTheSimulator() {
    List<Arguments> all = new ArrayList<>();
    for (String o : OPTIONS) {
      all.add(Arguments.of("-v2c -c switch-48 " + o + " ifTable"));
    }
    all.add(Arguments.of("-v2c -c switch-48 -Cb ifXTable"));
    all.add(Arguments.of("-v2c -c switch-48 -Ih -Ci ifTable"));
    all.add(Arguments.of("-v1 -c switch-48 -Ci ifTable"));
    all.add(Arguments.of("-v2c -c linux-host -Ci ifTable"));
    all.add(Arguments.of("-v2c -c linux-host -Cb -Cw 100 ifTable"));
    all.add(Arguments.of("stdout:-v2c -c linux-host -m HOST-RESOURCES-MIB -Ci hrStorageTable"));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("againstTheSimulator")
  void printsWhatSnmptablePrintsAgainstTheSimulator(String args) throws Exception {
    samePrinted(sim.port(), args);
  }

  @Test
  void timesOutAsSnmptableDoes() throws Exception {
    int port = NetSnmpPeer.freeUdpPort();
    samePrinted(port, "-v2c -c public -t 0.3 -r 0 ifTable");
  }
}
