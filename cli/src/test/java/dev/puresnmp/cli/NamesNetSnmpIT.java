package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.Recording;
import dev.puresnmp.sim.RecordingBuilder;
import dev.puresnmp.sim.ShippedDevices;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names in and out: get, getnext, walk, bulkwalk and bulkget print what snmpget, snmpgetnext, snmpwalk,
 * snmpbulkwalk and snmpbulkget print given the same -M, -m and -O, byte for byte (standard output,
 * standard error, exit code), against snmpd and against our simulator serving the shipped Linux host.
 * The MIBs: /usr/share/snmp/mibs and the standard modules of the npm package net-snmp; Net-SNMP runs with
 * SNMPCONFPATH=/nonexistent, so that Debian's snmp.conf ("mibs :") does not choose modules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesNetSnmpIT {
  /** Modules whose imports are all on the path: Net-SNMP warns of nothing, so standard error compares too. */
  private static final String MODULES = "SNMPv2-MIB:IF-MIB:RFC1213-MIB";
  @TempDir static Path dir;
  private String path;
  private NetSnmpPeer snmpd;
  private AgentSimulator sim;

  @BeforeAll
  void start() throws Exception {
    path = StandardMibs.path();
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).device("formats", formats()).start();
  }

  /**
   * What the output letters T, 0, E and p change: string indexes (ifRcvAddressStatus: one with a '"', an
   * empty one), one-byte hex items (ifPhysAddress), hex of more than a line, floats and a double in an
   * Opaque (laLoadFloat, UCD-SNMP-MIB), including a tie for the rounding.
   */
  static Recording formats() {
    RecordingBuilder b = Recording.builder();
    String status = "1.3.6.1.2.1.31.1.4.1.2.2.";
    b.add(Oid.parse(status + "0"), new Integer32(1));
    b.add(Oid.parse(status + "3.97.34.98"), new Integer32(1));
    b.add(Oid.parse(status + "6.0.27.33.10.15.255"), new Integer32(2));
    b.add(Oid.parse("1.3.6.1.2.1.2.2.1.6.1"), new OctetString(Bytes.decodeHex("00010a1b2c0f")));
    b.add(Oid.parse("1.3.6.1.2.1.2.2.1.6.2"), new OctetString(Bytes.decodeHex("0a")));
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.6.1"), new Opaque(Bytes.decodeHex("9f7804" + "3fc00000"))); // 1.5
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.6.2"), new Opaque(Bytes.decodeHex("9f7804" + "3e000000"))); // 0.125
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.6.3"), new Opaque(Bytes.decodeHex("9f7804" + "c02b3333"))); // -2.675
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.6.4"), new Opaque(Bytes.decodeHex("9f7908" + "4415af1d78b58c40"))); // 1e20
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.6.5"), new Opaque(Bytes.decodeHex("9f7804" + "7f800000"))); // inf
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.100.1"), new OctetString(Bytes.decodeHex("00414243440a4546474849202122237e7f80ff3031")));
    b.add(Oid.parse("1.3.6.1.4.1.2021.10.1.100.2"), new Opaque(Bytes.decodeHex("0102034142")));
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
   * Ours in process and the Net-SNMP tool, both with "-M {path} -m MODULES ARGS"; the agent goes after the
   * options. Standard error too: the warnings of loading the modules (a module's missing imports) are the same.
   */
  private void samePrinted(int port, String ours, String args) throws Exception {
    List<String> words = new ArrayList<>(Arrays.asList(args.trim().split("\\s+")));
    if (!words.contains("-m")) {
      words.addAll(0, List.of("-m", MODULES));
    }
    words.addAll(0, List.of("-M", path));
    int firstPositional = 0;
    while (firstPositional < words.size() && words.get(firstPositional).startsWith("-")) {
      String w = words.get(firstPositional);
      // "-c public", and "-Is .0", "-IRS SNMPv2-MIB::": -I letters ending in s or S take the next word
      boolean takesNext = w.length() == 2 || w.startsWith("-I") && (w.endsWith("s") || w.endsWith("S"))
          || w.startsWith("-O") && w.indexOf('p') == w.length() - 1
          || w.startsWith("-L") && w.length() == 3 && "EONFSfs".indexOf(w.charAt(2)) >= 0;
      firstPositional += takesNext ? 2 : 1;
    }
    words.add(firstPositional, "127.0.0.1:" + port);
    NetSnmpComparison.samePrinted("snmp" + ours, ours, words, false);
  }

  static Stream<Arguments> againstSnmpd() {
    String some = "sysObjectID.0 ifType.1 ifPhysAddress.1 ifMtu.1 ifAdminStatus.1 sysORUpTime.1";
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of("get", "-v2c -c public sysName.0 SNMPv2-MIB::sysDescr.0 iso.3.6.1.2.1.1.2.0 .1.3.6.1.2.1.2.2.1.2.1 system.sysName.0"));
    all.add(Arguments.of("get", "-v2c -c public IF-MIB:ifDescr.1 .iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable.ifEntry.ifType.1"));
    for (String o : List.of("", "-OS", "-Os", "-Of", "-On", "-Oe", "-Oq", "-OQ", "-Ov", "-OU", "-Ot", "-Ox", "-Oa", "-Osqe", "-Ofv",
        "-OX", "-Ob", "-Ou", "-OXs", "-OXf", "-OuX", "-OXq", "-ObX", "-OXb", "-Ous", "-OuXqt", "-Oqq", "-OQQ", "-OqQ", "-OQq")) {
      all.add(Arguments.of("get", "-v2c -c public " + o + " " + some));
    }
    for (String o : List.of("-OX", "-OXq", "-Ob", "-Ou", "-OuX", "-OXn")) {
      all.add(Arguments.of("walk", "-v2c -c public " + o + " atTable"));
      all.add(Arguments.of("bulkwalk", "-v2c -c public " + o + " ipAddrTable"));
      all.add(Arguments.of("getnext", "-v2c -c public " + o + " ipRouteDest sysORID ifStackStatus"));
    }
    all.add(Arguments.of("bulkget", "-v2c -c public -OX -Cn1 -Cr3 sysName ifDescr"));
    // -L: where what loading finds goes (a missing module: priority err), and where the varbinds go still
    for (String log : List.of("-Lo", "-Ln", "-Le -Lo", "-Lo -Ln", "-LE 3", "-LE 4-4", "-LO 0-3", "-Ls d")) {
      all.add(Arguments.of("get", "-v2c -c public -m SNMPv2-MIB:NO-SUCH-MIB " + log + " sysName.0"));
    }
    // what set prints back, in each output style
    for (String o : List.of("-Oq", "-OQ", "-Ov", "-On", "-Os", "-Of", "-Ox", "-OT", "-OE", "-Oqv")) {
      all.add(Arguments.of("set", "-v2c -c private " + o + " sysContact.0 s letters" + o.substring(2) + " sysLocation.0 x 6c616200"));
    }
    // input options: -Is, -IS (joined or not, the last wins), -Iu, -Ib, -IR (alone: no numeric OIDs), -Ih, -Ir
    for (String in : List.of("-Is .0 sysName sysDescr", "-Is.0 sysName", "-IRs .0 sysName", "-Is .0 -Is .1 sysName",
        "-IS SNMPv2-MIB:: sysName.0 ifDescr.1 .1.3.6.1.2.1.1.3.0", "-IS IF-MIB:: -IS SNMPv2-MIB:: sysName.0",
        "-Iu 1.5.0 system.sysName.0 sysName.0 2.2.1.2.x nothing.0 1.99.0",
        "-Iu 1.5.0 system.sysName.0 2.2.1.2.1 .1.3.6.1.2.1.1.5.0 iso.3.6.1.2.1.1.5.0", "-Iu 5.x",
        "-Ib sys.*ontact ifdescr", "-Ib ifdescr nothingxyz sysname", "-Ib ifdescr.1", "-Ib SNMPv2-MIB::nothing",
        "-Ib -IS SNMPv2-MIB:: sysName.0", "-IbR sysname", "-IRb sysName.0",
        "-IR .1.3.6.1.2.1.1.5.0 iso.3.6.1.2.1.1.5.0 system.sysName.0 .sysName.0", "-IR sysDescrX.0 ifDescr.x",
        "-Ih sysName.0 ifPhysAddress.2 sysContact.0", "-Ih -Oq sysName.0 ifPhysAddress.2", "-Ir sysName.0")) {
      all.add(Arguments.of("get", "-v2c -c public " + in));
    }
    all.add(Arguments.of("getnext", "-v2c -c public -Iu system.sysName interfaces.ifTable.ifEntry.ifDescr"));
    all.add(Arguments.of("walk", "-v2c -c public -Ih ifPhysAddress"));
    all.add(Arguments.of("bulkwalk", "-v2c -c public -Ib sysor.*id"));
    all.add(Arguments.of("set", "-v2c -c private -Is .0 sysObjectID o sysDescrX"));
    all.add(Arguments.of("set", "-v2c -c private -Is .0 sysObjectID o sysDescr"));
    // snmpset's checks of values against the MIB (community public: what passes them, snmpd refuses), and -Ir
    for (String set : List.of("sysName.0 i 1 sysServices.0 s x", "sysServices.0 i 200", "sysServices.0 i -1", "sysServices.0 i x",
        "ifAdminStatus.1 i up", "ifAdminStatus.1 i bogus", "ifAdminStatus.1 i 7", "sysObjectID.0 t 5", "ipAdEntAddr.1.2.3.4 s x",
        "ifHCInOctets.1 s x", "ifSpeed.1 i 1", "ifSpeed.1 u 5", "snmpInPkts.0 u 1", "sysORTable i 1", "system s x",
        "ifTable.1.2.1 i 1", "sysContact.0 c 1", "sysContact.0 C 1", "sysContact.0 n x", ".1.3.6.1.4.1.99999.1 i x",
        "sysDescrX.0 s x sysName.0 i 5", "-Ir sysServices.0 i 200", "-Ir sysName.0 i 5", "-Ir sysName.0 c 5",
        // snmpset's words for values it cannot read, and its type "=" (the MIB's)
        ".1.3.6.1.4.1.99999.1 u x", ".1.3.6.1.4.1.99999.1 u -1", ".1.3.6.1.4.1.99999.1 t x", ".1.3.6.1.4.1.99999.1 a x",
        ".1.3.6.1.4.1.99999.1 x zz", ".1.3.6.1.4.1.99999.1 x 123", ".1.3.6.1.4.1.99999.1 d 300", ".1.3.6.1.4.1.99999.1 b 1,x",
        ".1.3.6.1.4.1.99999.1 F x", ".1.3.6.1.4.1.99999.1 q 1", ".1.3.6.1.4.1.99999.1 = 5", "sysName.0 = hello",
        "sysServices.0 = up", "ifAdminStatus.1 = up", "sysObjectID.0 = sysDescr", "ifInOctets.1 = 5", "sysUpTime.0 = 5")) {
      all.add(Arguments.of("set", "-v2c -c public " + set));
    }
    // an OBJECT IDENTIFIER value by name: snmpd refuses to write sysObjectID.0 (noAccess), after reading it
    for (String value : List.of("SNMPv2-SMI::enterprises.8072", "sysDescr", "iso.3.6.1", ".1.3.6.1.4.1.8072.3.2.10", "ifDescr.1",
        "noSuchThingX", "ifDescr.x", "SNMPv2-MIB::noSuchThing", "FOO-MIB::bar")) {
      all.add(Arguments.of("set", "-v2c -c private sysObjectID.0 o " + value));
    }
    all.add(Arguments.of("get", "-v1 -c public sysName.0 sysDescr.99"));
    all.add(Arguments.of("get", "-v2c -c public sysDescrX.0 ifDescr.x ifDescr.1.2.3.x"));
    all.add(Arguments.of("get", "-v2c -c public FOO-MIB::bar.0"));
    all.add(Arguments.of("get", "-v2c -c public IF-MIB::ifFoo.1"));
    all.add(Arguments.of("get", "-v2c -c public sysName.0 IF-MIB::ifFoo.1 sysNameX.0 IF-MIB::ifFoo.2 .1.3.6.1.2.1.1.5.0 IF-MIB::ifFoo.3"));
    all.add(Arguments.of("getnext", "-v2c -c public ifDescr sysORID IF-MIB::ifType"));
    all.add(Arguments.of("walk", "-v2c -c public ifDescr"));
    all.add(Arguments.of("walk", "-v1 -c public -Os ifType"));
    all.add(Arguments.of("walk", "-v2c -c public sysDesc"));
    all.add(Arguments.of("walk", "-v2c -c public sysDescrX"));
    all.add(Arguments.of("bulkwalk", "-v2c -c public -Cr5 sysORTable"));
    all.add(Arguments.of("bulkwalk", "-v2c -c public -Of -Cr5 SNMPv2-MIB::sysORDescr"));
    all.add(Arguments.of("bulkget", "-v2c -c public -Cn1 -Cr3 sysName ifDescr"));
    all.add(Arguments.of("get", "-v2c -c public -m SNMPv2-MIB:IF-MIB:UCD-SNMP-MIB:NET-SNMP-AGENT-MIB memTotalReal.0 laNames.1 nsCacheDefaultTimeout.0"));
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("againstSnmpd")
  void printsWhatNetSnmpPrintsAgainstSnmpd(String ours, String args) throws Exception {
    samePrinted(snmpd.port, ours, args);
  }

  static Stream<Arguments> againstTheSimulator() {
    List<Arguments> all = new ArrayList<>();
    for (String o : List.of("", "-Os", "-Of", "-On", "-Oe", "-Oq", "-OQ", "-Ov", "-OU", "-Ot", "-Ox", "-Oa", "-OX", "-OXq", "-Ob", "-Ou")) {
      all.add(Arguments.of("bulkwalk", "-v2c -c linux-host -Cr25 " + o + " .1"));
    }
    all.add(Arguments.of("bulkwalk", "-v2c -c linux-host -Cr25 -Ih .1"));
    all.add(Arguments.of("bulkwalk", "-v2c -c linux-host -Cr25 -Ih -OXq .1"));
    all.add(Arguments.of("walk", "-v2c -c linux-host system"));
    all.add(Arguments.of("walk", "-v2c -c linux-host IF-MIB::ifTable"));
    all.add(Arguments.of("walk", "-v2c -c linux-host -Cp -Ci system"));
    all.add(Arguments.of("walk", "-v1 -c linux-host -Cp -CI sysName.0"));
    all.add(Arguments.of("bulkwalk", "-v2c -c linux-host -Cp -Ci -Cr7 IF-MIB::ifDescr"));
    all.add(Arguments.of("get", "-v1 -c linux-host -Cf sysName.0 sysName.1 sysDescr.0"));
    all.add(Arguments.of("bulkwalk", "-v2c -c linux-host -m SNMPv2-MIB:IF-MIB:UCD-SNMP-MIB:NET-SNMP-AGENT-MIB:UCD-DISKIO-MIB .1"));
    for (String o : List.of("-OT", "-OTq", "-OTx", "-OTT", "-O0", "-O00", "-O0X", "-OE", "-OEX", "-OEb", "-OEE", "-OEs",
        "-Op 5.2", "-Op.1", "-Oqp-10.3", "-Op+010.3 -Oq", "-Op#.0", "-Op.2 -Op 8", "-Op 0.3", "-OsTp.1")) {
      all.add(Arguments.of("bulkwalk", "-v2c -c formats -m SNMPv2-MIB:IF-MIB:UCD-SNMP-MIB " + o + " .1"));
    }
    all.add(Arguments.of("bulkwalk", "-v2c -c linux-host -OT -Cr25 .1"));
    return all.stream();
  }

  /** The output letters one at a time (and p with its precision) on every reading command, and on walk of the odd formats. */
  static Stream<Arguments> everyReadingCommandWithEveryOutputLetter() {
    List<String> letters = List.of("-OS", "-Os", "-Of", "-On", "-Ou", "-Ob", "-OX", "-Oe", "-Oq", "-OQ", "-Ov", "-OU", "-Ot", "-Ox",
        "-Oa", "-OT", "-O0", "-OE", "-Op.2");
    List<String[]> commands = List.of(
        new String[] {"get", "linux-host", "sysDescr.0 sysObjectID.0 sysUpTime.0 ifType.2 ifPhysAddress.2 ifSpeed.2 ifStackStatus.0.1"},
        new String[] {"getnext", "linux-host", "sysDescr sysORID ifType ifPhysAddress ifStackStatus"},
        new String[] {"walk", "linux-host", "ifTable"},
        new String[] {"bulkwalk", "linux-host", "-Cr7 ifXTable"},
        new String[] {"bulkget", "linux-host", "-Cn1 -Cr3 sysName ifDescr ifPhysAddress"},
        new String[] {"walk", "formats", "-m SNMPv2-MIB:IF-MIB:UCD-SNMP-MIB .1"});
    List<Arguments> all = new ArrayList<>();
    for (String[] c : commands) {
      for (String o : letters) {
        all.add(Arguments.of(c[0], "-v2c -c " + c[1] + " " + o + " " + c[2]));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyReadingCommandWithEveryOutputLetter")
  void everyOutputLetterPrintsOnEveryReadingCommandAsNetSnmpPrintsIt(String ours, String args) throws Exception {
    samePrinted(sim.port(), ours, args);
  }

  /**
   * No -m and no MIB file on our side (-M to an empty place): the built-in set stands in for the files of
   * Net-SNMP's default modules, which snmpbulkwalk reads (MIBDIRS with the standard modules' files, no
   * -m). Counters and clocks move between the two walks: their values are masked.
   */
  @ParameterizedTest
  @ValueSource(strings = {"-OS", "-Of", "-Os"})
  void withoutMibFilesTheDefaultModulesNameWhatNetSnmpsDefaultModulesNameFromTheirFiles(String style) throws Exception {
    String agent = "127.0.0.1:" + sim.port();
    NetSnmpPeer.Result expected = NetSnmpPeer.run(List.of("env", "SNMPCONFPATH=/nonexistent", "MIBDIRS=" + StandardMibs.pathWithFacts(),
        "snmpbulkwalk", "-v2c", "-c", "linux-host", "-Cr25", style, agent, ".1"), 120);
    CliRun actual = CliRun.of("bulkwalk", "-M", "/nonexistent/dir", "-v2c", "-c", "linux-host", "-Cr25", style, agent, ".1");
    assertThat(expected.out().lines().count()).isGreaterThan(900);
    assertThat(masked(actual.out())).isEqualTo(masked(expected.out()));
    assertThat(actual.err()).isEmpty();
  }

  /** What only modules outside Net-SNMP's default list name (RFC1213-MIB, ENTITY-MIB) stays numbers by default, as there. */
  @ParameterizedTest
  @ValueSource(strings = {".1.3.6.1.2.1.4.21.1.1.127.0.0.1", ".1.3.6.1.2.1.47.1.1.1.1.7.1", ".1.3.6.1.2.1.4.1.0", ".1.3.6.1.2.1.25.2.1.4"})
  void withoutMFlagsOnlyNetSnmpsDefaultModulesName(String oid) throws Exception {
    NetSnmpPeer.Result expected = NetSnmpPeer.run(List.of("env", "SNMPCONFPATH=/nonexistent", "MIBDIRS=" + StandardMibs.pathWithFacts(),
        "snmptranslate", oid), 60);
    CliRun actual = CliRun.of("translate", "-M", "/nonexistent/dir", oid);
    assertThat(actual.out()).isEqualTo(expected.out());
  }

  /** A name that asks for its module loads it, from the built-in set where no file has it, as Net-SNMP from its file. */
  @org.junit.jupiter.api.Test
  void aModuleANameAsksForComesFromTheBuiltInSetWithoutFiles() throws Exception {
    CliRun actual = CliRun.of("translate", "-M", "/nonexistent/dir", "-On", "ENTITY-MIB::entPhysicalName.1", "RFC1213-MIB::ipRouteDest.127.0.0.1");
    assertThat(actual.out()).isEqualTo(".1.3.6.1.2.1.47.1.1.1.1.7.1\n\n.1.3.6.1.2.1.4.21.1.1.127.0.0.1\n");
    assertThat(actual.err()).isEmpty();
  }

  private static String masked(String walk) {
    return walk.replaceAll("(?m)(Counter32|Counter64|Timeticks|Gauge32): .*$", "$1: X");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("againstTheSimulator")
  void printsWhatNetSnmpPrintsAgainstTheSimulator(String ours, String args) throws Exception {
    samePrinted(sim.port(), ours, args);
  }
}
