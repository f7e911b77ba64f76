package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
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

/**
 * The commands print what Net-SNMP's tools print, byte for byte, on standard output and on standard
 * error, against snmpd and against snmpsim serving the recordings Debian ships.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetSnmpCommandsIT {
  @TempDir static Path dir;
  NetSnmpPeer snmpd;
  NetSnmpPeer snmpsim;

  @BeforeAll
  void start() throws Exception {
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    snmpsim = NetSnmpPeer.startSnmpsim(dir.resolve("snmpsim"), 1000);
  }

  @AfterAll
  void stop() throws Exception {
    for (NetSnmpPeer p : new NetSnmpPeer[] {snmpd, snmpsim}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /** Our command and the Net-SNMP tool, same arguments (both with -On -m '': numeric, no MIBs). */
  void samePrinted(NetSnmpPeer peer, String ours, String tool, String args) throws Exception {
    String agentV4 = "127.0.0.1:" + peer.port;
    String agent = args.contains("{v6}") ? "udp6:[::1]:" + peer.port : agentV4;
    String engine = peer.engineId;
    List<String> words = new ArrayList<>(Arrays.asList(keys(args, engine).replace("{v6}", "").replace("{engine}", String.valueOf(engine)).trim().split("\\s+")));
    // options before the agent, OIDs (and set triples) after it
    int firstPositional = 0;
    while (firstPositional < words.size() && words.get(firstPositional).startsWith("-")) {
      String w = words.get(firstPositional);
      firstPositional += (w.length() == 2 && !w.equals("-On")) || w.matches("-C\\w*E") || w.matches("-3[mMkK]") ? 2 : 1; // -CE takes the end OID
    }
    List<String> options = words.subList(0, firstPositional);
    List<String> rest = words.subList(firstPositional, words.size());

    List<String> theirs = new ArrayList<>(List.of(tool, "-On", "-m", ""));
    theirs.addAll(options);
    theirs.add(agent);
    theirs.addAll(rest);
    NetSnmpPeer.Result expected = NetSnmpPeer.run(theirs, 120);

    List<String> mine = new ArrayList<>(List.of(ours, "-On", "-m", ""));
    mine.addAll(options);
    mine.add(agent);
    mine.addAll(rest);
    CliRun actual = CliRun.of(mine.toArray(new String[0]));
    assertThat(masked(actual.out())).as("stdout of " + String.join(" ", mine)).isEqualTo(masked(expected.out()));
    assertThat(masked(actual.err())).as("stderr of " + String.join(" ", mine)).isEqualTo(masked(expected.err()));
    assertThat(actual.exitCode()).as("exit code of " + String.join(" ", mine)).isEqualTo(expected.code());
  }

  /** {@code {ku:PROTOCOL:PASS}} and {@code {kul:PROTOCOL:PASS}}: the pass phrase's master key, or its key localized to {@code engine}, in hex. */
  static String keys(String args, String engine) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(kul?):([\\w-]+):(\\w+)\\}").matcher(args);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      dev.puresnmp.security.AuthProtocol auth = dev.puresnmp.security.AuthProtocol.parse(m.group(2));
      byte[] pass = m.group(3).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] key = m.group(1).equals("ku") ? auth.passwordToKey(pass) : auth.localizedKey(pass, dev.puresnmp.smi.Bytes.decodeHex(engine).toByteArray());
      m.appendReplacement(out, "0x" + dev.puresnmp.smi.Bytes.of(key).hex());
    }
    m.appendTail(out);
    return out.toString();
  }

  /** What differs from run to run: -Ct's time, -CT's time of each request. */
  static String masked(String text) {
    return text.replaceAll("Total traversal time = [0-9]+\\.[0-9]{6} seconds", "Total traversal time = X seconds")
        .replaceAll("(?m)^[0-9]+\\.[0-9]{6} s: ", "X s: ");
  }

  static Stream<Arguments> againstSnmpd() {
    return Stream.of(
        Arguments.of("get", "snmpget", "-v2c -c public 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.7"),
        Arguments.of("get", "snmpget", "-v1 -c public 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public {v6} 1.3.6.1.2.1.1.1.0"),
        Arguments.of("get", "snmpget", "-v2c -c nobody -t 0.2 -r 1 1.3.6.1.2.1.1.5.0"),
        Arguments.of("getnext", "snmpgetnext", "-v2c -c public 1.3.6.1.2.1.1.4.0 1.3.6.1.2.1.2.2.1.2"),
        Arguments.of("getnext", "snmpgetnext", "-v1 -c public 1.3.6.1.2.1.1.9.1.2"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public 1.3.6.1.2.1.2.2.1.2"),
        Arguments.of("walk", "snmpwalk", "-v1 -c public 1.3.6.1.2.1.1.9.1.3"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public {v6} 1.3.6.1.2.1.4.20"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public 1.3.6.1.2.1.1.99"),
        Arguments.of("walk", "snmpwalk", "-v1 -c public 1.3.6.1.2.1.1.99"),
        Arguments.of("walk", "snmpwalk", "-v1 -c public 1.3.6.1.6.3.16.1.5.2.1.6"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public 1.3.6.1.6.3.16.1.5.2.1.6"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -Cr7 1.3.6.1.2.1.1.9.1.2"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -Cr3 1.3.6.1.6.3.16.1.5.2.1"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c bigtable-10000 -Cr50 1.3.6.1.4.1.8072.9999.9999.7.1.2"),
        Arguments.of("bulkget", "snmpbulkget", "-v2c -c public -Cn1 -Cr3 1.3.6.1.2.1.1.4 1.3.6.1.2.1.2.2.1.2 1.3.6.1.2.1.2.2.1.3"),
        // the -C flags (snmpwalk's i I p t E c, snmpbulkwalk's c i n p, snmpget's f, snmpset's q), and what they refuse
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Cp -Ci 1.3.6.1.2.1.1.9.1.3"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Cip 1.3.6.1.2.1.1.9.1.3.1"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Cp 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -CI -Cp 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Ct -Cc 1.3.6.1.2.1.1.9.1.2"),
        Arguments.of("get", "snmpget", "-v2c -c public -T x=y 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-none -l authNoPriv -a SHA -A authpass123 -e {engine} -Z 1,12345 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -Z 3,7 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -CT 1.3.6.1.2.1.1.9.1.2"),
        Arguments.of("walk", "snmpwalk", "-v1 -c public -CTp -Ci 1.3.6.1.2.1.1.9.1.3"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -CtT -CE 1.3.6.1.2.1.2.2.1.3 1.3.6.1.2.1.1.9.1.4"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -CE 1.3.6.1.2.1.1.9.1.3 1.3.6.1.2.1.1.9.1.2.4"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -CE 1.3.6.1.2.1.2.2.1.3 1.3.6.1.2.1.1.9.1.4"),
        Arguments.of("walk", "snmpwalk", "-v1 -c public -CpE 1.3.6.1.2.1.2.1 1.3.6.1.2.1.1.9.1.4.9"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Cz 1.3.6.1.2.1.1"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Cr5 1.3.6.1.2.1.1"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -Cp -Ci -Cn1 -Cr4 1.3.6.1.2.1.1.9.1.3"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -Cc -Cp 1.3.6.1.2.1.1.5.0"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -Ct 1.3.6.1.2.1.1"),
        Arguments.of("bulkget", "snmpbulkget", "-v2c -c public -Cp 1.3.6.1.2.1.1"),
        Arguments.of("get", "snmpget", "-v1 -c public -Cf 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -Cq 1.3.6.1.2.1.1.5.0"),
        Arguments.of("getnext", "snmpgetnext", "-v1 -c public 1.3.6.1.2.1.1.99.0"),
        Arguments.of("getnext", "snmpgetnext", "-v1 -c public 1.9 1.3.6.1.2.1.1.5.0 1.9.1"),
        Arguments.of("getnext", "snmpgetnext", "-v1 -c public -Cf 1.3.6.1.2.1.1.5.0 1.9"),
        Arguments.of("set", "snmpset", "-v2c -c private -Cq 1.3.6.1.2.1.1.6.0 s quiet-set"),
        Arguments.of("set", "snmpset", "-v2c -c public -Cq 1.3.6.1.2.1.1.6.0 s refused"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.6.0"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.6.0 s"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.6.0 s here 1.3.6.1.2.1.1.4.0 s"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.7.0 i abc"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.4.20.1.1.127.0.0.1 a 300.1.1.1"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.6.0 x GG"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.7.0 i 4294967296 1.3.6.1.2.1.1.3.0 t 99999999999"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.7.0 u 4294967295 1.3.6.1.2.1.1.3.0 u -1"),
        Arguments.of("walk", "snmpwalk", "-v2c -c wrong-community -t 0.2 -r 0 1.3.6.1.2.1.1"),
        Arguments.of("bulkget", "snmpbulkget", "-v2c -c wrong-community -t 0.2 -r 0 1.3.6.1.2.1.1"),
        Arguments.of("set", "snmpset", "-v2c -c public 1.3.6.1.2.1.1.6.0 s refused"),
        Arguments.of("set", "snmpset", "-v1 -c public 1.3.6.1.2.1.1.6.0 s refused"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.6.0 i 5"),
        Arguments.of("set", "snmpset", "-v2c -c private 1.3.6.1.2.1.1.6.0 s moved-by-test"),
        Arguments.of("set", "snmpset", "-v1 -c private 1.3.6.1.2.1.1.4.0 s admin@test 1.3.6.1.2.1.1.6.0 x 6c6162"),
        // SNMPv3: the test snmpd's users (peers/README.md), pass phrases authpass123 / privpass123
        Arguments.of("get", "snmpget", "-v3 -u usr-none 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.99.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-des -l authPriv -A authpass123 -X privpass123 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-des -l authPriv -a SHA -A authpass123 -X privpass123 {v6} 1.3.6.1.2.1.1.1.0"),
        Arguments.of("getnext", "snmpgetnext", "-v3 -u usr-sha224-aes192c -l authPriv -a SHA-224 -A authpass123 -x AES-192-C -X privpass123 1.3.6.1.2.1.1.4.0"),
        Arguments.of("walk", "snmpwalk", "-v3 -u usr-sha256-aes256c -l authPriv -a SHA-256 -A authpass123 -x AES-256-C -X privpass123 1.3.6.1.2.1.2.2.1.2"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v3 -u usr-md5-aes256 -l authPriv -a MD5 -A authpass123 -x AES-256 -X privpass123 -Cr7 1.3.6.1.2.1.1.9.1.2"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v3 -u usr-sha512-none -l authNoPriv -a SHA-512 -A authpass123 -Cr50 1.3.6.1.6.3.16.1.5.2.1"),
        Arguments.of("set", "snmpset", "-v3 -u usr-sha384-aes -l authPriv -a SHA-384 -A authpass123 -x AES -X privpass123 1.3.6.1.2.1.1.4.0 s v3-contact"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-none -l authNoPriv -a SHA -A wrongpass123 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u nobody 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-none -l authPriv -a SHA -A authpass123 -x AES -X privpass123 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-aes -l authNoPriv -a SHA -A authpass123 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-aes -l authPriv -a SHA -A authpass123 -x AES -X wrongpriv123 -t 0.3 -r 0 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-aes -l authPriv -a SHA -A authpass123 -x AES -X short 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -l authNoPriv -a SHA -A authpass123 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-none -l authNoPriv -a SHA 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-aes -l authPriv -a SHA -A authpass123 -x AES 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha256-aes -l authPriv -a SHA-256 -A authpass123 -x AES -X privpass123 -e {engine} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-none -e 0x{engine} -E {engine} 1.3.6.1.2.1.1.5.0"),
        // keys instead of pass phrases: master keys (-3m, -3M), keys localized to snmpd's engine (-3k, -3K)
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-aes -l authPriv -a SHA -3m {ku:SHA:authpass123} -x AES -3M {ku:SHA:privpass123} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v3 -u usr-sha256-aes256c -l authPriv -a SHA-256 -3k {kul:SHA-256:authpass123} -x AES-256-C -3K {kul:SHA-256:privpass123} 1.3.6.1.2.1.2.2.1.2"),
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-aes256 -l authPriv -a MD5 -3k {kul:MD5:authpass123} -x AES-256 -3K {kul:MD5:privpass123} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-des -l authPriv -a SHA -3m {ku:SHA:authpass123} -A wrongpass123 -X privpass123 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-sha-des -l authPriv -a SHA -3k {kul:SHA:authpass123} -A wrongpass123 -X privpass123 -3M {ku:SHA:privpass123} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-none -l authNoPriv -3k 0x0102030405060708090a0b0c0d0e0f10 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-des -l authPriv -A authpass123 -3K 0x0102 -r 0 -t 1 1.3.6.1.2.1.1.5.0"));
  }

  /** Every one of the test snmpd's 43 SNMPv3 users (peers/README.md), as Net-SNMP's flags name it. */
  static Stream<String> everySnmpV3User() {
    List<String> users = new ArrayList<>(List.of("-u usr-none"));
    String[][] auths = {{"md5", "MD5"}, {"sha", "SHA"}, {"sha224", "SHA-224"}, {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"}};
    String[][] privs = {{"des", "DES"}, {"aes", "AES"}, {"aes192", "AES-192"}, {"aes256", "AES-256"}, {"aes192c", "AES-192-C"}, {"aes256c", "AES-256-C"}};
    for (String[] a : auths) {
      users.add("-u usr-" + a[0] + "-none -l authNoPriv -a " + a[1] + " -A authpass123");
      for (String[] p : privs) {
        users.add("-u usr-" + a[0] + "-" + p[0] + " -l authPriv -a " + a[1] + " -A authpass123 -x " + p[1] + " -X privpass123");
      }
    }
    return users.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everySnmpV3User")
  void everySnmpV3UserGetsWhatSnmpgetGets(String user) throws Exception {
    samePrinted(snmpd, "get", "snmpget", "-v3 " + user + " 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.1.0");
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("againstSnmpd")
  void printsWhatNetSnmpPrintsAgainstSnmpd(String ours, String tool, String args) throws Exception {
    samePrinted(snmpd, ours, tool, args);
  }

  static Stream<Arguments> againstSnmpsim() {
    List<Arguments> all = new ArrayList<>();
    for (String community :
        List.of("recorded/linux-full-walk", "recorded/winxp-full-walk", "hp_perf", "mib2dev/ip-mib", "mib2dev/host-resources-mib", "bgp", "foreignformats/winxp1", "recorded/udp-endpoint-table-walk")) {
      all.add(Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c " + community + " -Cr25 1.3.6"));
    }
    all.add(Arguments.of("walk", "snmpwalk", "-v2c -c recorded/linux-full-walk 1.3.6.1.2.1.2"));
    all.add(Arguments.of("walk", "snmpwalk", "-v1 -c recorded/linux-full-walk 1.3.6.1.2.1.25"));
    all.add(Arguments.of("walk", "snmpwalk", "-v2c -c mib2dev/ip-mib {v6} 1.3.6"));
    all.add(Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c bigtable-1000 -Cr10 1.3.6"));
    all.add(Arguments.of("get", "snmpget", "-v1 -c public 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.4.0"));
    all.add(Arguments.of("walk", "snmpwalk", "-v2c -c recorded/linux-full-walk -Cp -Ci -CE 1.3.6.1.2.1.2.2.1.3 1.3.6.1.2.1.2.2.1.2"));
    all.add(Arguments.of("walk", "snmpwalk", "-v1 -c recorded/linux-full-walk -Ct -Cp 1.3.6.1.2.1.25.1"));
    all.add(Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c mib2dev/ip-mib -Cp -Ci -Cr7 1.3.6.1.2.1.4.20"));
    all.add(Arguments.of("get", "snmpget", "-v1 -c recorded/linux-full-walk 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.0"));
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("againstSnmpsim")
  void printsWhatNetSnmpPrintsAgainstSnmpsim(String ours, String tool, String args) throws Exception {
    samePrinted(snmpsim, ours, tool, args);
  }

  /**
   * Usage errors and -h: the same exit code, nothing on standard output, and the tool's first two lines on
   * standard error (what is wrong and its "USAGE:" line, or the "USAGE:" line and a blank one after -h);
   * after them Net-SNMP lists every option, we point to --help (docs/commands.md).
   */
  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("usageErrors")
  void refusesWhatNetSnmpRefusesWithItsFirstLinesAndExitCode(String ours, String tool, String args) throws Exception {
    List<String> words = new ArrayList<>(List.of("-m", ""));
    words.addAll(Arrays.asList(args.replace("{agent}", "127.0.0.1:" + snmpd.port).split(" ")));
    NetSnmpComparison.Runs runs = NetSnmpComparison.run(tool, ours, words);
    NetSnmpPeer.Result expected = runs.theirs();
    CliRun actual = runs.ours();
    String what = runs.what();
    assertThat(actual.out()).as("stdout of " + what).isEqualTo(expected.out()).isEmpty();
    assertThat(actual.exitCode()).as("exit code of " + what).isEqualTo(expected.code()).isEqualTo(1);
    assertThat(firstLines(actual.err(), 2)).as("stderr of " + what).isEqualTo(firstLines(expected.err(), 2));
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of("get", "snmpget", "-v2c -c public -y {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public {agent}"),
        Arguments.of("get", "snmpget", "-v2c -c public"),
        Arguments.of("get", "snmpget", "-v 7 -c public {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -l bogus {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-h"),
        Arguments.of("get", "snmpget", "-v2c -c public -t x {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -t -1 {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -r x {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("getnext", "snmpgetnext", "-v2c -c public {agent}"),
        Arguments.of("getnext", "snmpgetnext", "-h"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public"),
        Arguments.of("walk", "snmpwalk", "-h"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -y {agent}"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-h"),
        Arguments.of("bulkget", "snmpbulkget", "-v2c -c public"),
        Arguments.of("bulkget", "snmpbulkget", "-h"),
        Arguments.of("bulkget", "snmpbulkget", "-v2c -c public -Cn {agent} 1.3.6.1.2.1.1"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -Crc {agent} 1.3.6.1.2.1.1"),
        Arguments.of("set", "snmpset", "-v2c -c public {agent}"),
        Arguments.of("set", "snmpset", "-h"),
        Arguments.of("table", "snmptable", "-v2c -c public {agent}"),
        Arguments.of("table", "snmptable", "-v2c -c public -Cz {agent} 1.3.6.1.2.1.2.2"),
        Arguments.of("table", "snmptable", "-h"),
        // an option given last without its value: getopt's words
        Arguments.of("get", "snmpget", "-v2c -c"),
        Arguments.of("get", "snmpget", "-v2c -c public -O"),
        Arguments.of("getnext", "snmpgetnext", "-v2c -c public -I"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public {agent} -C"),
        Arguments.of("bulkwalk", "snmpbulkwalk", "-v2c -c public -t"),
        Arguments.of("set", "snmpset", "-v"),
        // an agent that is no host: Net-SNMP's words, no usage
        Arguments.of("get", "snmpget", "-v2c -c public nosuchhost.invalid 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public nosuchhost.invalid 1.3.6.1.2.1.1"),
        Arguments.of("get", "snmpget", "-v2c -c public 127.0.0.1:99999 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public [::1 1.3.6.1.2.1.1.5.0"),
        // keys that are no hex
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-none -l authNoPriv -3m zz {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-none -l authNoPriv -3k 0x010 {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v3 -u usr-md5-none -A authpass123 -3M 0x01g2 {agent} 1.3.6.1.2.1.1.5.0"),
        // -Z and -T as Net-SNMP checks them
        Arguments.of("get", "snmpget", "-v2c -c public -Z x {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -Z 1,x {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -T x {agent} 1.3.6.1.2.1.1.5.0"),
        // -L's refusals
        Arguments.of("get", "snmpget", "-v2c -c public -LEx {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -LE 3-x {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("get", "snmpget", "-v2c -c public -Lz {agent} 1.3.6.1.2.1.1.5.0"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -Lsq {agent} 1.3.6.1.2.1.1"),
        Arguments.of("walk", "snmpwalk", "-v2c -c public -LS 3 x {agent} 1.3.6.1.2.1.1"));
  }

  static String firstLines(String text, int n) {
    return text.lines().limit(n).map(l -> l + "\n").reduce("", String::concat);
  }

  /**
   * -d: every packet sent and received, in Net-SNMP's layout (checked by reading each dump's bytes back and
   * laying them out again) with the same bytes but for the request ID, and the same headings but for our
   * socket's port. The request ID is set to 0 in both, its length with it, so that the message and PDU
   * lengths agree. (Not SNMPv3: in this JVM the agent's engine is known from the tests before, so there
   * is no discovery, where snmpget discovers it each run.)
   */
  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("dumped")
  void dumpsEveryPacketAsNetSnmpDumpsIt(String ours, String tool, String args) throws Exception {
    String agent = "127.0.0.1:" + snmpd.port;
    List<String> words = new ArrayList<>(List.of("-On", "-m", "", "-d"));
    words.addAll(Arrays.asList(args.replace("{agent}", agent).split(" ")));
    NetSnmpComparison.Runs runs = NetSnmpComparison.run(tool, ours, words);
    NetSnmpPeer.Result expected = runs.theirs();
    CliRun actual = runs.ours();
    assertThat(actual.out()).as("stdout of " + runs.what()).isEqualTo(expected.out());
    assertThat(actual.exitCode()).as("exit code of " + runs.what()).isEqualTo(expected.code());
    assertThat(dumpNormalized(actual.err())).isEqualTo(dumpNormalized(expected.err())).contains("Sending");
  }

  static Stream<Arguments> dumped() {
    return Stream.of(
        Arguments.of("get", "snmpget", "-v2c -c public {agent} 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.99.0"),
        Arguments.of("walk", "snmpwalk", "-v1 -c public {agent} 1.3.6.1.2.1.1.9.1.3"),
        Arguments.of("set", "snmpset", "-v2c -c public {agent} 1.3.6.1.2.1.1.6.0 s refused"),
        Arguments.of("get", "snmpget", "-v2c -c wrong-community -t 0.2 -r 2 {agent} 1.3.6.1.2.1.1.5.0"));
  }

  /**
   * A -d dump with every packet's lines checked against {@link PacketDump#lines} of its bytes (the layout),
   * then written as "HEADING\nHEX" with the request ID as 0 and our socket's port as P.
   */
  static String dumpNormalized(String err) {
    StringBuilder b = new StringBuilder();
    String[] blocks = err.split("\n\n");
    for (String block : blocks) {
      List<String> lines = block.lines().dropWhile(String::isEmpty).toList();
      if (lines.isEmpty() || !lines.get(0).matches("(Sending|Received) .*")) {
        continue;
      }
      String hex = lines.subList(1, lines.size()).stream().map(l -> l + "\n").reduce("", String::concat);
      byte[] bytes = dev.puresnmp.smi.Bytes.decodeHex(lines.subList(1, lines.size()).stream().map(l -> l.substring(6, Math.min(l.length(), 58))).reduce("", String::concat).replace(" ", "")).toByteArray();
      assertThat(PacketDump.lines(bytes)).as("the layout of\n" + block).isEqualTo(hex);
      b.append(lines.get(0).replaceAll("\\d+ byte", "N byte").replaceAll("\\]:\\d+$", "]:P")).append('\n');
      b.append(dev.puresnmp.smi.Bytes.of(withRequestIdZero(bytes)).hex()).append('\n');
    }
    return b.toString();
  }

  /** An SNMPv1/v2c message under 128 bytes (short-form lengths) with its request ID as 02 01 00. */
  static byte[] withRequestIdZero(byte[] m) {
    int community = 2 + 3; // SEQUENCE, version
    int pdu = community + 2 + (m[community + 1] & 0xff);
    int id = pdu + 2;
    int idLength = m[id + 1] & 0xff;
    byte[] out = new byte[m.length - idLength + 1];
    System.arraycopy(m, 0, out, 0, id + 2);
    out[id + 1] = 1;
    out[id + 2] = 0;
    System.arraycopy(m, id + 2 + idLength, out, id + 3, m.length - id - 2 - idLength);
    out[1] = (byte) (out.length - 2);
    out[pdu + 1] = (byte) (out.length - pdu - 2);
    return out;
  }
}
