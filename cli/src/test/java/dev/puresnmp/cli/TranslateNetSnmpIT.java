package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code puresnmp translate} prints what snmptranslate 5.9.3 prints, byte for byte on standard output and
 * standard error, with the same exit code, given the same -M and -m: Net-SNMP's MIBs from
 * /usr/share/snmp/mibs and the standard modules of the npm package net-snmp (fetch-standard-mibs.sh).
 * snmptranslate runs with SNMPCONFPATH=/nonexistent, so that no snmp.conf chooses modules (ours reads none).
 */
class TranslateNetSnmpIT {
  private static String path;
  @TempDir static Path broken;

  @BeforeAll
  static void fetchStandardModules() throws Exception {
    NetSnmpPeer.requireTool("snmptranslate", NetSnmpPeer.peersDir());
    path = StandardMibs.path();
    BrokenMibs.write(broken);
  }

  /**
   * Ours in process and snmptranslate, both with "-M {path} ARGS"; {path} in ARGS is the search path too.
   * ARGS starting "stdout:" compare standard output and exit code only: snmptranslate reads its default
   * modules there too, and warns of those it lacks.
   */
  private static void samePrinted(String args) throws Exception {
    boolean stdoutOnly = args.startsWith("stdout:");
    args = stdoutOnly ? args.substring("stdout:".length()) : args;
    List<String> words = new ArrayList<>(List.of("-M", path));
    for (String w : args.trim().split("\\s+")) {
      words.add(w.replace("{path}", path).replace("{broken}", broken.toString()).replace("{empty}", ""));
    }
    NetSnmpComparison.samePrinted("snmptranslate", "translate", words, stdoutOnly);
  }

  /** The warnings of loading broken modules (BrokenMibs), in snmptranslate's words and order, with its exit code. */
  @ParameterizedTest
  @ValueSource(strings = {
    "-m MISSING-IMPORT-MIB .1.3.6.1.4.1",
    "-m BAD-SYMBOL-MIB .1.3.6.1.4.1",
    "-m UNLINKED-MIB -IR ulRoot",
    "-m DUP-STATUS-MIB .1.3.6.1.4.1",
    "-m BAD-OID-MIB .1.3.6.1.4.1",
    "-m NO-ASSIGN-MIB:BAD-ENUM-MIB .1.3.6.1.4.1",
    "-m NO-SUCH-MIB:UNLINKED-MIB:NO-SUCH-MIB:NO-SUCH2-MIB .1.3.6.1.4.1",
    "-m UNLINKED-MIB:MISSING-IMPORT-MIB:BAD-SYMBOL-MIB .1.3.6.1.4.1",
    "-m UNLINKED-MIB:MISSING-IMPORT-MIB:BAD-SYMBOL-MIB:DUP-STATUS-MIB -Pe .1.3.6.1.4.1",
    "-m CYCLE-A-MIB -IR cycB",
    "-m LOST-TRAP-MIB:ORPHAN-MIB -IR -On lostTrap orphanKid",
    "-m SNMPv2-MIB:ORPHAN-MIB:NO-SUCH-MIB -IR -On orphanKid NO-SUCH-MIB::x",
    "-m ALL -IR -On ulRoot orphanKid lostTrap",
    "-m UNLINKED-MIB:ALL:ORPHAN-MIB:ALL .1.3.6.1.4.1",
    "-m {broken}/UNLINKED-MIB.txt:{broken}/ORPHAN-MIB.txt .1.3.6.1.4.1",
  })
  void warnsWhileLoadingAsSnmptranslateWarns(String args) throws Exception {
    samePrinted("-M {path}:{broken} " + args);
  }

  /** -L: where the warnings go (stdout, nowhere, both), by their priorities (err: missing modules, warning: the rest). */
  @ParameterizedTest
  @ValueSource(strings = {"-Lo", "-Ln", "-Le", "-Le -Lo", "-Lo -Ln", "-Ln -Lo", "-LE 3", "-LE3", "-LE 4", "-LE 4-4", "-LO w", "-LO 3-5",
      "-LN 7", "-LE e -LO w-w", "-Ls d", "-LS 4 daemon"})
  void logsWhereMinusLSaysAsSnmptranslateLogs(String log) throws Exception {
    samePrinted("-M {path}:{broken} -m UNLINKED-MIB:MISSING-IMPORT-MIB:NO-SUCH2-MIB " + log + " .1.3.6.1.4.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // names and OIDs in each output style
    "-m SNMPv2-MIB:IF-MIB .1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.2.2.1.2.3 iso.org.dod.internet.mgmt.mib-2.system.sysName.0 .iso.3.6.1.2.1.2.2.1.8.1",
    "-m SNMPv2-MIB:IF-MIB -On SNMPv2-MIB::sysDescr.0 IF-MIB::ifDescr.3 .1.3.6.1.2.1.2.2.1.7.2",
    "-m SNMPv2-MIB:IF-MIB -Of SNMPv2-MIB::sysDescr.0 IF-MIB::ifStackStatus.1.2 .1.3.6.1.4.1.2021",
    "-m SNMPv2-MIB:IF-MIB -Os .1.3.6.1.2.1.2.2.1.2.3 IF-MIB::ifRcvAddressStatus.2.6.0.17.34.51.68.85",
    "-m SNMPv2-MIB:IF-MIB -OS -IR ifDescr.3",
    "-m SNMPv2-MIB:IF-MIB -IR sysDescr sysDescr.0 ifDescr.3 ifAdminStatus.1 .sysName.0 SNMPv2-MIB:sysName system.sysContact",
    "-m SNMPv2-MIB:IF-MIB -IR -On sysDescr.0 ifHCInOctets.7 snmpTrapOID.0 coldStart linkDown",
    "-m SNMPv2-MIB:IF-MIB -IR -Of ifRcvAddressType.1.6.1.2.3.4.5.6 mib-2 zeroDotZero",
    "-m SNMPv2-MIB:IF-MIB -IR -Os sysORDescr.4 ifStackLastChange",
    // -OX, -Ob, -Ou: indexes in brackets (their strings and TimeTicks by -Oq, -Ot), as numbers, UCD style
    "-m SNMPv2-MIB:IF-MIB:RFC1213-MIB -OX .1.3.6.1.2.1.31.1.2.1.3.1.2 .1.3.6.1.2.1.4.20.1.1.127.0.0.1 .1.3.6.1.2.1.3.1.1.1.2.1.10.0.0.1 .1.3.6.1.2.1.2.2.1.2",
    "-m SNMPv2-MIB:IF-MIB:RFC1213-MIB -OXq .1.3.6.1.2.1.1.9.1.4.1 .1.3.6.1.2.1.3.1.1.1.2.2.10.0.0.1",
    "stdout:-m SNMPv2-MIB:IF-MIB:NET-SNMP-EXTEND-MIB -OX -IR nsExtendOutputFull.\"test\"",
    "stdout:-m SNMPv2-MIB:IF-MIB:NET-SNMP-EXTEND-MIB -OXq -IR nsExtendOutputFull.\"test\"",
    "-m SNMPv2-MIB:IF-MIB -Ob -IR ifStackStatus.1.2 sysORDescr.3",
    "stdout:-m SNMPv2-MIB:IF-MIB:NET-SNMP-EXTEND-MIB -ObX -IR nsExtendOutputFull.\"test\"",
    "stdout:-m SNMPv2-MIB:IF-MIB:NET-SNMP-EXTEND-MIB -Ou .1.3.6.1.2.1.1.5.0 .1.3.6.1.4.1.8072.1.3.2.3.1.2.4.116.101.115.116 .1.3.6.1.3.5 .1.3.6.1.2.1 .1.3.6.1.6.3.1",
    "-m SNMPv2-MIB:IF-MIB -OuX -IR ifStackStatus.1.2",
    // -OE escapes the quotes of string indexes; -O0 and -Op change no name; -OT neither
    "-m SNMPv2-MIB:IF-MIB -OE .1.3.6.1.2.1.31.1.4.1.2.2.3.97.34.98 .1.3.6.1.2.1.31.1.4.1.2.2.0",
    "-m SNMPv2-MIB:IF-MIB -OEX .1.3.6.1.2.1.31.1.4.1.2.2.3.97.34.98",
    "-m SNMPv2-MIB:IF-MIB -OEE -O0 -OT -Op5.2 .1.3.6.1.2.1.31.1.4.1.2.2.3.97.34.98",
    "stdout:-m SNMPv2-MIB:IF-MIB:NET-SNMP-EXTEND-MIB -OEX -IR nsExtendOutputFull.\"test\"",
    "stdout:-m SNMPv2-MIB:IF-MIB:NET-SNMP-EXTEND-MIB -OE0X -IR nsExtendOutputFull.\"test\"",
    "-m {empty} -Ou .1.3.6.1.2.1.1.5.0",
    // -Iu (below mib-2), -Ib (best match; -IR wins over it), -Ih (nothing to do in translate)
    "-m SNMPv2-MIB:IF-MIB -Iu system.sysDescr 1.5.0",
    "-m SNMPv2-MIB:IF-MIB -Iu nothing",
    "-m SNMPv2-MIB:IF-MIB -Iu sysDescr",
    "-m SNMPv2-MIB:IF-MIB -Ib sysdesc",
    "-m SNMPv2-MIB:IF-MIB -Ib -On sys.*ontact",
    "-m SNMPv2-MIB:IF-MIB -Ib nothingxyz",
    "-m SNMPv2-MIB:IF-MIB -Ib .1.3.6",
    "-m SNMPv2-MIB:IF-MIB -IbR sysdesc",
    "-m SNMPv2-MIB:IF-MIB -IRb sysdesc",
    "-m SNMPv2-MIB:IF-MIB -Ih -IR sysDescr",
    // what snmptranslate refuses, and how
    "-m SNMPv2-MIB:IF-MIB sysDescr",
    "-m SNMPv2-MIB:IF-MIB sysDescr.0",
    "-m SNMPv2-MIB:IF-MIB system.sysDescr",
    "-m SNMPv2-MIB:IF-MIB iso.org.foo",
    "-m SNMPv2-MIB:IF-MIB 1.3.6.1.2.1.2.2.1.2.x",
    "-m SNMPv2-MIB:IF-MIB IF-MIB::sysDescr",
    "-m SNMPv2-MIB:IF-MIB SNMPv2-MIB::noSuchThing",
    "-m SNMPv2-MIB:IF-MIB -IR noSuchThing",
    "-m SNMPv2-MIB:IF-MIB -IR .1.3.6.1.2.1.1.1.0",
    "-m SNMPv2-MIB:IF-MIB -IR ifDescr.\"ab\"",
    "-m SNMPv2-MIB:IF-MIB -IR sysDescr.0 noSuchThing sysName.0",
    // -Td: a scalar, a column, a table, a row, TC-typed objects, other macros, an instance
    "-m SNMPv2-MIB:IF-MIB -IR -Td sysDescr",
    "-m SNMPv2-MIB:IF-MIB -IR -Td ifDescr ifTable ifEntry ifXEntry",
    "-m SNMPv2-MIB:IF-MIB -IR -Td ifPhysAddress ifType ifAdminStatus ifStackStatus ifIndex ifSpeed ifHighSpeed",
    "-m SNMPv2-MIB:IF-MIB -IR -Td system snmpMIB coldStart linkDown snmpGroup snmpBasicNotificationsGroup zeroDotZero iso",
    "-m SNMPv2-MIB:IF-MIB -Td .1.3.6.1.2.1.2.2.1.8.4 .1.3.6.1.4.1.99 .5",
    "-m SNMPv2-MIB:IF-MIB -IR -Td -On sysUpTime.0",
    "-m NET-SNMP-MIB:NET-SNMP-TC -IR -Td netSnmpAgentOIDs linux",
    "-m RFC1213-MIB -IR -Td ipAdEntAddr ipRouteType atPhysAddress egpNeighState",
    // -Tp: the tree below a node, and of a whole module
    "-m SNMPv2-MIB:IF-MIB -IR -Tp system",
    "-m SNMPv2-MIB:IF-MIB -IR -Tp ifTable",
    "-m SNMPv2-MIB:IF-MIB -IR -Tp ifMIB snmpMIB",
    "-m SNMPv2-MIB:IF-MIB -Tp .1.3.6.1.2.1.2.2.1.3.7",
    "-m SNMPv2-MIB:IF-MIB -Tp .5",
    "-m IF-MIB -Tp",
    "-m RFC1213-MIB -Tp",
    "-m NET-SNMP-MIB:NET-SNMP-TC -Tp",
    "-m IANAifType-MIB -IR -Tp ianaifType",
    // -m and -M: module lists, ALL, '+', missing modules and files, modules named in names
    "-m SNMPv2-MIB:NO-SUCH-MIB:IF-MIB:NO-SUCH-MIB:NO-SUCH-MIB -IR ifIndex",
    "-m {empty} .1.3.6.1.2.1.1.1.0 SNMPv2-MIB::sysName.0 -Td",
    "-m {empty} IF-MIB::ifIndex NO-SUCH-MIB::ifIndex",
    "-m SNMPv2-MIB -M /nonexistent/dir NO-SUCH-MIB::x",
    "-m /nonexistent/NO-SUCH-MIB.txt .1.3",
    "-m ALL -IR sysDescr ifIndex ipAdEntAddr snmpEnableAuthenTraps",
    "-m ALL -On -IR ifIndex nsExtendOutput1Line.\"a\" memTotalReal.0",
    "-m NET-SNMP-EXTEND-MIB:UCD-SNMP-MIB -IR -Td nsExtendStatus nsExtendArgs nsExtendOutput1Line memTotalReal laLoadInt",
    "-m NET-SNMP-EXTEND-MIB -IR -Tp nsExtendObjects",
    // -m ALL with the directories the other way round, and -Pe: the same modules read in another order
    "-M /usr/share/snmp/mibs:{path} -m ALL -IR sysDescr ifIndex ipAdEntAddr snmpEnableAuthenTraps ifTable coldStart",
    "-m ALL -Pe -IR ifIndex",
    "-m ALL -Pee -IR ifIndex",
    "-m SNMPv2-MIB -Px sysDescr",
    "-m SNMPv2-MIB -M +/nonexistent/dir IF-MIB::ifDescr NO-SUCH-MIB::x",
    "-m SNMPv2-MIB -M -/nonexistent/dir NO-SUCH-MIB::x",
    // options
    "-m SNMPv2-MIB -Tx sysDescr",
    "-m SNMPv2-MIB -w 0 sysDescr",
  })
  void printsWhatSnmptranslatePrints(String args) throws Exception {
    if (args.contains("-Tx") || args.contains("-Px")) {
      // the usage text after the first line is snmptranslate's own: compare the first line and the exit code
      List<String> theirs = new ArrayList<>(List.of("env", "SNMPCONFPATH=/nonexistent", "snmptranslate", "-M", path));
      theirs.addAll(Arrays.asList(args.split(" ")));
      NetSnmpPeer.Result expected = NetSnmpPeer.run(theirs, 60);
      List<String> mine = new ArrayList<>(List.of("translate", "-M", path));
      mine.addAll(Arrays.asList(args.split(" ")));
      CliRun actual = CliRun.of(mine.toArray(new String[0]));
      assertThat(actual.err().lines().findFirst()).isEqualTo(expected.err().lines().findFirst());
      assertThat(actual.exitCode()).isEqualTo(expected.code());
      return;
    }
    samePrinted(args);
  }

  /**
   * -m ALL from Net-SNMP's MIBs and the standard ones, where IF-MIB, SNMPv2-MIB, RFC1213-MIB and RFC1158-MIB
   * define the same nodes: the same names, and the same warnings of the imports that are missing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"-On", "-Of", "-Os", "-OS"})
  void everyObjectOfAllModulesIsNamedAsSnmptranslateNamesIt(String style) throws Exception {
    List<String> oids = new ArrayList<>();
    NetSnmpPeer.Result all = NetSnmpPeer.run(List.of("env", "SNMPCONFPATH=/nonexistent", "snmptranslate", "-M", path, "-m", "ALL", "-To"), 120);
    all.out().lines().filter(l -> l.startsWith(".")).forEach(oids::add);
    assertThat(oids).hasSizeGreaterThan(500);
    for (int from = 0; from < oids.size(); from += 300) {
      List<String> batch = oids.subList(from, Math.min(oids.size(), from + 300));
      List<String> theirs = new ArrayList<>(List.of("env", "SNMPCONFPATH=/nonexistent", "snmptranslate", "-M", path, "-m", "ALL", style));
      theirs.addAll(batch);
      NetSnmpPeer.Result expected = NetSnmpPeer.run(theirs, 120);
      List<String> mine = new ArrayList<>(List.of("translate", "-M", path, "-m", "ALL", style));
      mine.addAll(batch);
      CliRun actual = CliRun.of(mine.toArray(new String[0]));
      assertThat(actual.out()).as(style + " from " + batch.get(0)).isEqualTo(expected.out());
      assertThat(actual.err()).as("stderr of " + style + " from " + batch.get(0)).isEqualTo(expected.err());
    }
  }

  /** MIBS and MIBDIRS, read by the command in a JVM of its own (this test's class path) and by snmptranslate alike. */
  @ParameterizedTest
  @ValueSource(strings = {
    "MIBS=SNMPv2-MIB:IF-MIB MIBDIRS={path} -IR ifDescr.2",
    "MIBS=+IF-MIB MIBDIRS=/nonexistent/dir .1.3",
    "MIBS=-IF-MIB MIBDIRS=/nonexistent/dir .1.3",
    "MIBS=NO-SUCH-MIB MIBDIRS=/nonexistent/dir .1.3",
    "MIBS=SNMPv2-MIB MIBDIRS={path} -m IF-MIB -IR ifDescr.2 sysDescr.0",
    "MIBS=IF-MIB MIBDIRS=/nonexistent/dir -M {path} -IR ifDescr.2",
  })
  void theEnvironmentChoosesModulesAndDirectoriesAsForSnmptranslate(String spec) throws Exception {
    List<String> env = new ArrayList<>(List.of("env", "SNMPCONFPATH=/nonexistent"));
    List<String> args = new ArrayList<>();
    for (String w : spec.split(" ")) {
      String word = w.replace("{path}", path);
      (word.startsWith("MIBS=") || word.startsWith("MIBDIRS=") ? env : args).add(word);
    }
    List<String> theirs = new ArrayList<>(env);
    theirs.add("snmptranslate");
    theirs.addAll(args);
    List<String> mine = new ArrayList<>(env);
    mine.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "translate"));
    mine.addAll(args);
    NetSnmpPeer.Result expected = NetSnmpPeer.run(theirs, 60);
    NetSnmpPeer.Result actual = NetSnmpPeer.run(mine, 60);
    assertThat(actual.out()).as("stdout of " + spec).isEqualTo(expected.out());
    assertThat(actual.err()).as("stderr of " + spec).isEqualTo(expected.err());
    assertThat(actual.code()).as("exit code of " + spec).isEqualTo(expected.code());
  }
}
