package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import java.math.BigDecimal;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * --json says what the text output says: the same run with and without --json, against snmpd and the
 * simulator, read back and compared varbind by varbind (the text output is compared with Net-SNMP's in
 * {@link NetSnmpCommandsIT} and {@link NamesNetSnmpIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonOutputIT {
  private static final String MODULES = "SNMPv2-MIB:IF-MIB:RFC1213-MIB";
  @TempDir static Path dir;
  NetSnmpPeer snmpd;
  AgentSimulator sim;
  String path;

  @BeforeAll
  void start() throws Exception {
    path = StandardMibs.path();
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost())
        .writable(dev.puresnmp.smi.Oid.parse("1.3.6.1.2.1.1.6")).start();
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

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("snmpd", "get -v2c -c public AGENT sysName.0 sysUpTime.0 sysObjectID.0 sysName.7"),
        Arguments.of("snmpd", "get -v2c -c public AGENT sysName.0 ifOperStatus.1 ifPhysAddress.1 ifSpeed.1 sysORID.99"),
        Arguments.of("snmpd", "get -On -v2c -c public AGENT sysName.0 sysObjectID.0 ifType.1"),
        Arguments.of("snmpd", "walk -v2c -c public AGENT system"),
        Arguments.of("snmpd", "bulkwalk -v2c -c public -Cr7 AGENT ifTable"),
        Arguments.of("snmpd", "getnext -v2c -c public AGENT sysContact.0 ifDescr"),
        Arguments.of("snmpd", "bulkget -v2c -c public -Cn1 -Cr3 AGENT sysName ifDescr"),
        Arguments.of("sim", "get -v2c -c linux-host AGENT sysDescr.0 ifHCInOctets.1 ifHCOutOctets.2 ipAdEntAddr.127.0.0.1"),
        Arguments.of("sim", "walk -v2c -c linux-host AGENT ifXTable"),
        Arguments.of("sim", "bulkwalk -Os -v2c -c linux-host AGENT ifTable"),
        Arguments.of("sim", "walk -v2c -c linux-host AGENT 1.3.6.1.2.1.1.9.9"),
        Arguments.of("sim", "set -v2c -c linux-host AGENT sysLocation.0 s rack-4"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("runs")
  void everyJsonObjectSaysWhatItsTextLineSays(String peer, String args) throws Exception {
    CliRun text = run(peer, args, false);
    CliRun json = run(peer, args, true);
    assertThat(json.exitCode()).isEqualTo(text.exitCode());
    List<String> lines = text.out().lines().toList();
    List<String> objects = json.out().lines().toList();
    assertThat(objects).hasSameSizeAs(lines).isNotEmpty();
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> o = JsonValue.object(objects.get(i));
      String line = lines.get(i);
      if (o.get("oid").equals(".1.3.6.1.2.1.1.3.0")) {
        line = line.replaceFirst("\\(\\d+\\).*", "(" + o.get("value") + ") " + ((String) o.get("netsnmp")).replaceFirst(".*\\) ", ""));
        // sysUpTime.0 moves on between the two runs: the rest of the line still compares
      }
      String name = (String) o.getOrDefault("name", o.get("oid"));
      assertThat(line).as("line %d", i).isEqualTo(name + " = " + o.get("netsnmp"));
      sameValue(line.substring(line.indexOf(" = ") + 3), o);
    }
  }

  /** The type, the value and the exception the text shows are the object's. */
  private static void sameValue(String shown, Map<String, Object> o) {
    String type = (String) o.get("type");
    Object value = o.get("value");
    if (o.containsKey("exception")) {
      assertThat(value).isNull();
      assertThat(shown).startsWith(switch ((String) o.get("exception")) {
        case "noSuchObject" -> "No Such Object";
        case "noSuchInstance" -> "No Such Instance";
        default -> "No more variables";
      });
      return;
    }
    String shownType = shown.substring(0, shown.indexOf(": "));
    if (type.equals("STRING")) {
      assertThat(shownType).isIn("STRING", "Hex-STRING"); // a DISPLAY-HINT prints bytes as STRING: 0:c:29:…
    } else {
      assertThat(shownType).isEqualTo(type);
    }
    String rest = shown.substring(shown.indexOf(": ") + 2);
    switch (type) {
      case "INTEGER" -> assertThat(rest).isEqualTo(o.containsKey("label") ? o.get("label") + "(" + value + ")" : value.toString());
      case "Counter32", "Gauge32", "Counter64" -> assertThat(new BigDecimal(rest.split(" ")[0])).isEqualTo(value);
      case "Timeticks" -> assertThat(rest).startsWith("(" + value + ") ");
      case "IpAddress" -> assertThat(rest).isEqualTo(value);
      case "STRING" -> assertThat((String) o.get("hex")).endsWith(o.containsKey("encoding") ? (String) value : hexOf((String) value));
      default -> { }
    }
  }

  private static String hexOf(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }

  @Test
  void aTimeoutIsOneErrorObjectWithTheTextsWordsAndExitCode() throws Exception {
    String closed = "127.0.0.1:" + closedPort();
    CliRun text = CliRun.of("get", "-v2c", "-c", "public", "-t", "0.3", "-r", "0", closed, "1.3.6.1.2.1.1.5.0");
    CliRun json = CliRun.of("get", "--json", "-v2c", "-c", "public", "-t", "0.3", "-r", "0", closed, "1.3.6.1.2.1.1.5.0");
    assertThat(json.exitCode()).isEqualTo(text.exitCode()).isEqualTo(1);
    assertThat(json.out()).isEmpty();
    assertThat(JsonValue.object(json.err().strip())).isEqualTo(Map.of("error", "timeout", "message", text.err().strip()));
  }

  @Test
  void anUnknownNameIsOneErrorObjectWithTheTextsWords() throws Exception {
    CliRun text = run("sim", "get -v2c -c linux-host AGENT sysNameX.0", false);
    CliRun json = run("sim", "get -v2c -c linux-host AGENT sysNameX.0", true);
    assertThat(json.exitCode()).isEqualTo(text.exitCode()).isEqualTo(1);
    assertThat(JsonValue.object(json.err().strip())).containsEntry("error", "refused").containsEntry("message", text.err().strip());
  }

  @Test
  void anErrorInPacketNamesItsStatusAndFailedObject() throws Exception {
    CliRun text = run("snmpd", "get -v1 -c public AGENT sysName.0 sysName.7", false);
    CliRun json = run("snmpd", "get -v1 -c public AGENT sysName.0 sysName.7", true);
    assertThat(json.exitCode()).isEqualTo(text.exitCode()).isEqualTo(2); // snmpget's after "Error in packet"
    assertThat(text.err()).contains("Failed object: SNMPv2-MIB::sysName.7");
    assertThat(JsonValue.object(json.err().strip()))
        .containsEntry("error", "errorInPacket").containsEntry("status", "noSuchName")
        .containsEntry("failedOid", ".1.3.6.1.2.1.1.5.7").containsEntry("failedName", "SNMPv2-MIB::sysName.7");
    assertThat(JsonValue.object(json.out().strip())).containsEntry("name", "SNMPv2-MIB::sysName.0");
  }

  @Test
  void aTableThatIsNoneIsOneErrorObjectWithTheTextsWords() throws Exception {
    CliRun text = run("snmpd", "table -v2c -c public AGENT sysName", false);
    CliRun json = run("snmpd", "table -v2c -c public AGENT sysName", true);
    assertThat(json.exitCode()).isEqualTo(text.exitCode()).isEqualTo(1);
    assertThat(JsonValue.object(json.err().strip())).isEqualTo(Map.of("error", "notATable", "message", text.err().strip()));
  }

  @Test
  void tableJsonHasOneObjectPerRowHoldingTheWalksVarbindsByColumnName() throws Exception {
    CliRun table = run("snmpd", "table -v2c -c public AGENT ifTable", true);
    CliRun walk = run("snmpd", "walk -v2c -c public AGENT ifTable", true);
    assertThat(table.exitCode()).isZero();
    List<Object> fromRows = new ArrayList<>();
    List<String> rows = table.out().lines().toList();
    assertThat(rows).isNotEmpty();
    for (String row : rows) {
      Map<String, Object> r = JsonValue.object(row);
      @SuppressWarnings("unchecked")
      Map<String, Object> columns = (Map<String, Object>) r.get("columns");
      columns.forEach((column, vb) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) vb;
        assertThat((String) v.get("name")).isEqualTo("IF-MIB::" + column + "." + r.get("index"));
        fromRows.add(v);
      });
    }
    List<Object> walked = walk.out().lines().map(l -> (Object) JsonValue.object(l)).toList();
    assertThat(fromRows).containsExactlyInAnyOrderElementsOf(walked);
  }

  private CliRun run(String peer, String args, boolean json) {
    int port = peer.equals("snmpd") ? snmpd.port : sim.port();
    List<String> words = new ArrayList<>(Arrays.asList(args.replace("AGENT", "127.0.0.1:" + port).split(" ")));
    words.addAll(1, List.of("-M", path, "-m", MODULES));
    if (json) {
      words.add(1, "--json");
    }
    return CliRun.of(words.toArray(new String[0]));
  }

  static int closedPort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort(); // closed when the test sends to it: nothing answers
    }
  }
}
