package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Net-SNMP's snmpwalk as the oracle for {@link VarBindFormatter}: the same varbinds, served by a {@link
 * ReplayAgent}, must print line for line as snmpwalk prints them with the same MIBs and {@code -O}
 * options. Two sets: the values of a real snmpd (system, interfaces, ifXTable, ip, host, UCD, NET-SNMP
 * and SNMP engine objects, walked once with our client), and values.snmprec, every syntax, hint and
 * unit of PURESNMP-FMT-MIB with right and wrong types.
 */
class VarBindFormatterNetSnmpIT {
  private static final Path SYSTEM_MIBS = Path.of("/usr/share/snmp/mibs");
  /** Loaded in this order by both sides: where two modules define a node, the first names it. */
  private static final List<String> MODULES = List.of(
      "SNMPv2-MIB", "IF-MIB", "RFC1213-MIB", "IANAifType-MIB", "UCD-SNMP-MIB", "UCD-DISKIO-MIB", "NET-SNMP-AGENT-MIB",
      "NET-SNMP-EXTEND-MIB", "NET-SNMP-VACM-MIB", "UCD-DLMOD-MIB", "LM-SENSORS-MIB", "PURESNMP-FMT-MIB");
  private static final List<String> SUBTREES = List.of(
      "1.3.6.1.2.1.1", "1.3.6.1.2.1.2", "1.3.6.1.2.1.3", "1.3.6.1.2.1.4", "1.3.6.1.2.1.11", "1.3.6.1.2.1.25",
      "1.3.6.1.2.1.31", "1.3.6.1.4.1.2021", "1.3.6.1.4.1.8072.1", "1.3.6.1.6.3");

  /** A Mib of ours and the snmpwalk options that load the same modules. */
  private record Mibs(Mib mib, String path, List<String> modules) {}

  private static Mibs files;
  private static Mibs builtIn;
  private static Mib mib;
  private static ReplayAgent snmpdValues;
  private static ReplayAgent fmtValues;
  private static List<VarBind> fmt;

  @BeforeAll
  static void setUp(@TempDir Path dir) throws Exception {
    NetSnmpPeer.requireTool("snmpwalk", NetSnmpPeer.peersDir());
    Path standard = StandardMibs.fetch();
    Path format = MibParserTest.resources("format");
    mib = Mib.builder().path(standard, SYSTEM_MIBS, format).lenient(true).load(MODULES.toArray(String[]::new)).build();
    files = new Mibs(mib, standard + File.pathSeparator + SYSTEM_MIBS + File.pathSeparator + format, MODULES);
    String builtInPath = BuiltInMibGenerator.path(standard, SYSTEM_MIBS).stream().map(Path::toString)
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    builtIn = new Mibs(Mib.builtIn(), builtInPath, BuiltInMibGenerator.MODULES);

    List<VarBind> walked = new ArrayList<>();
    try (NetSnmpPeer snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
        SnmpClient client = SnmpClient.builder(snmpd.endpoint(), Credentials.v2c("public")).retries(2).build()) {
      BlockingSnmpClient b = client.blocking();
      for (String root : SUBTREES) {
        walked.addAll(b.walk(Oid.parse(root)));
      }
    }
    assertThat(walked).hasSizeGreaterThan(200);
    snmpdValues = new ReplayAgent(walked);
    fmt = ReplayAgent.parseSnmprec(Files.readAllLines(format.resolve("values.snmprec")));
    fmtValues = new ReplayAgent(fmt);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (snmpdValues != null) {
      snmpdValues.close();
    }
    if (fmtValues != null) {
      fmtValues.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e", "q", "Q", "v", "vq", "U", "t", "x", "a", "f", "s", "n", "sQe", "qt", "Ih", "Ihq", "X", "u"})
  void snmpdWalkPrintsAsSnmpwalk(String letters) throws Exception {
    assertSameAsSnmpwalk(files, snmpdValues, letters, ".1");
  }

  /** No file read on our side: the built-in set prints as snmpwalk does with the files it was made from. */
  @ParameterizedTest
  @ValueSource(strings = {"", "e", "f", "s", "x", "X", "b", "u"})
  void theBuiltInSetPrintsSnmpdsWalkAsSnmpwalkWithItsModules(String letters) throws Exception {
    assertSameAsSnmpwalk(builtIn, snmpdValues, letters, ".1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e", "q", "Q", "v", "vq", "vQ", "U", "t", "x", "a", "f", "s", "n", "Qe", "qt", "qU", "Ih", "Ihx", "IhQ"})
  void everySyntaxPrintsAsSnmpwalk(String letters) throws Exception {
    assertSameAsSnmpwalk(files, fmtValues, letters, ".1.3.6.1.4.1.99998");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "q", "Q"})
  void exceptionsPrintAsSnmpget(String letters) throws Exception {
    VarBindFormatter f = mib.formatter(FormatOptions.netSnmp(letters));
    List<String> oids = new ArrayList<>();
    StringBuilder ours = new StringBuilder();
    for (VarBind vb : fmt) {
      if (vb.value().isException()) {
        oids.add(vb.oid().toDottedString());
        f.appendTo(ours, vb);
        ours.append('\n');
      }
    }
    assertThat(oids).isNotEmpty();
    assertThat(ours.toString()).isEqualTo(netSnmp("snmpget", files, fmtValues, letters, oids));
  }

  private static void assertSameAsSnmpwalk(Mibs mibs, ReplayAgent agent, String letters, String root) throws Exception {
    String expected = netSnmp("snmpwalk", mibs, agent, letters, List.of(root));
    List<VarBind> served = new ArrayList<>();
    try (SnmpClient client = SnmpClient.builder("127.0.0.1:" + agent.port(), Credentials.v2c("public")).build()) {
      served.addAll(client.blocking().walk(Oid.parse(root.substring(1))));
    }
    // the agent's data ends inside the subtree: snmpwalk prints the endOfMibView it gets, then stops
    served.add(new VarBind(served.get(served.size() - 1).oid(), EndOfMibView.INSTANCE));
    VarBindFormatter f = mibs.mib().formatter(options(letters));
    StringBuilder ours = new StringBuilder();
    for (VarBind vb : served) {
      f.appendTo(ours, vb);
      ours.append('\n');
    }
    if (!ours.toString().equals(expected)) {
      // both outputs kept for diff; then the first differing line, for a readable failure
      Path dir = Files.createDirectories(Path.of("target", "format-it"));
      String name = (root.length() > 2 ? "fmt" : "snmpd") + (mibs == builtIn ? "-built-in" : "");
      Files.writeString(dir.resolve(name + "-O" + letters + ".snmpwalk"), expected);
      Files.writeString(dir.resolve(name + "-O" + letters + ".ours"), ours);
      String[] want = expected.split("\n", -1);
      String[] got = ours.toString().split("\n", -1);
      for (int i = 0; i < Math.min(want.length, got.length); i++) {
        assertThat(got[i]).as("-O" + letters + " line " + (i + 1)).isEqualTo(want[i]);
      }
      assertThat(got.length).as("-O" + letters + " lines").isEqualTo(want.length);
    }
  }

  /** The -O letters, after "Ih" for Net-SNMP's input option -Ih (no display hints). */
  private static FormatOptions options(String letters) {
    boolean noHints = letters.startsWith("Ih");
    return FormatOptions.netSnmp(noHints ? letters.substring(2) : letters).newBuilder().displayHints(!noHints).build();
  }

  private static String netSnmp(String tool, Mibs mibs, ReplayAgent agent, String letters, List<String> oids) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("env", "SNMPCONFPATH=/nonexistent", tool, "-v2c", "-c", "public", "-M", mibs.path(),
        "-m", String.join(":", mibs.modules())));
    if (letters.startsWith("Ih")) {
      cmd.add("-Ih");
      letters = letters.substring(2);
    }
    if (!letters.isEmpty()) {
      cmd.add("-O" + letters);
    }
    cmd.add("127.0.0.1:" + agent.port());
    cmd.addAll(oids);
    // not NetSnmpPeer.run: values may hold bytes that are not UTF-8, which Net-SNMP writes as they are
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
