package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code puresnmp listen} against snmptrapd: Net-SNMP's snmptrap/snmpinform send the same notification
 * to each, and both print the same lines (snmptrapd with no format configured, numeric with {@code -On
 * -m ''} and with names from the same {@code -M DIRS -m MODULES}), but for the time (to the second, each
 * at its own moment) and the ports (each receiver has its own, each send its own source port).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenNetSnmpIT {
  private static final String V3 = "-v3 -u usr-sha256-aes -l authPriv -a SHA-256 -A authpass123 -x AES -X privpass123";
  private static final String[] LISTEN_USER = {"-u", "usr-sha256-aes", "-l", "authPriv", "-a", "SHA-256", "-A", "authpass123", "-x", "AES", "-X", "privpass123"};
  private static final Pattern TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) ");
  private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The modules the named snmptrapd and listen load: the notifications' objects are in NET-SNMP-EXAMPLES-MIB. */
  private static final String MODULES = "SNMPv2-MIB:IF-MIB:IP-MIB:NET-SNMP-EXAMPLES-MIB";

  @TempDir static Path dir;
  NetSnmpPeer numeric;
  NetSnmpPeer named;
  String mibPath;

  @BeforeAll
  void start() throws Exception {
    NetSnmpPeer.requireTool("snmptrap", NetSnmpPeer.peersDir());
    mibPath = StandardMibs.pathWithFacts();
    numeric = NetSnmpPeer.startSnmptrapd(dir.resolve("numeric"), "DEFAULT_FORMAT=1");
    named = NetSnmpPeer.startSnmptrapd(dir.resolve("named"), "DEFAULT_FORMAT=1", "MIB_DIRS=" + mibPath, "MIB_MODULES=" + MODULES);
  }

  @AfterAll
  void stop() throws Exception {
    for (NetSnmpPeer p : new NetSnmpPeer[] {numeric, named}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /**
   * Name, address listen binds, tool, options, what follows the receiver. SNMPv1 agent addresses are in
   * TEST-NET-1 (RFC 5737), which has no host name: snmptrapd 5.9 -n looks the agent address up (its test
   * is inverted) and would print "localhost" for 127.0.0.1, where listen prints the address.
   */
  static Stream<Arguments> notifications() {
    return Stream.of(
        Arguments.of("v1 enterprise-specific trap with varbinds", "127.0.0.1", "snmptrap", "-v1 -c public",
            "1.3.6.1.4.1.8072.2.3 192.0.2.9 6 1 4200 1.3.6.1.4.1.8072.2.3.2.1 i 60 1.3.6.1.4.1.8072.2.3.2.2 s v1-trap"),
        Arguments.of("v1 generic trap without varbinds", "127.0.0.1", "snmptrap", "-v1 -c public", "1.3.6.1.4.1.8072.2.3 192.0.2.9 3 0 8640077"),
        Arguments.of("v2c trap", "127.0.0.1", "snmptrap", "-v2c -c public",
            "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.1 i 60 1.3.6.1.4.1.8072.2.3.2.2 s v2c-trap 1.3.6.1.2.1.4.20.1.1.127.0.0.1 a 127.0.0.1"),
        Arguments.of("v2c inform", "127.0.0.1", "snmpinform", "-v2c -c public", "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v2c-inform"),
        Arguments.of("v3 authPriv trap from engine 0x8000000001020304", "127.0.0.1", "snmptrap", V3 + " -e 0x8000000001020304",
            "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v3-trap"),
        Arguments.of("v3 authPriv inform", "127.0.0.1", "snmpinform", V3, "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v3-inform"),
        Arguments.of("v2c trap over IPv6", "::1", "snmptrap", "-v2c -c public", "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s v2c-trap-ipv6"),
        Arguments.of("v1 trap over IPv6", "::1", "snmptrap", "-v1 -c public", "1.3.6.1.4.1.8072.2.3 192.0.2.9 6 2 4200"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notifications")
  void listenPrintsWhatSnmptrapdPrints(String name, String bind, String tool, String options, String rest) throws Exception {
    assertSamePrinted(numeric, List.of("-On", "-m", ""), bind, tool, options, rest);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notifications")
  void listenPrintsNamesAsSnmptrapdWithTheSameModules(String name, String bind, String tool, String options, String rest) throws Exception {
    assertSamePrinted(named, List.of("-M", mibPath, "-m", MODULES), bind, tool, options, rest);
  }

  private void assertSamePrinted(NetSnmpPeer peer, List<String> mibArgs, String bind, String tool, String options, String rest) throws Exception {
    int trapd = peer.port;
    int port = ListenCommandTest.freePort();
    List<String> args = new ArrayList<>(List.of("listen", "--bind", bind, "-p", Integer.toString(port), "-c", "public", "--count", "1"));
    args.addAll(mibArgs);
    args.addAll(List.of(LISTEN_USER));
    CompletableFuture<CliRun> listening = ListenCommandTest.start(args.toArray(new String[0]));
    send(tool, options, target(bind, port), rest);
    CliRun ours = listening.get(10, TimeUnit.SECONDS);
    assertThat(ours.exitCode()).as(ours.err()).isZero();
    List<String> mine = ours.out().lines().toList();

    int before = log(peer).size();
    send(tool, options, target(bind, trapd), rest);
    List<String> theirs = List.of();
    for (int i = 0; i < 250 && theirs.size() < mine.size(); i++) {
      List<String> all = log(peer); // read once: snmptrapd may append between two reads
      theirs = all.subList(before, all.size());
      Thread.sleep(20);
    }
    assertThat(theirs).as("snmptrapd's lines").hasSize(mine.size());

    LocalDateTime mineAt = time(mine.get(0));
    LocalDateTime theirsAt = time(theirs.get(0));
    assertThat(Duration.between(mineAt, theirsAt).abs()).as("both print local time: " + mine.get(0) + " / " + theirs.get(0)).isLessThan(Duration.ofSeconds(15));
    assertThat(masked(mine, port)).isEqualTo(masked(theirs, trapd));
  }

  @Test
  void aUserBoundToOneEngineIsRefusedFromAnotherAndAcceptedFromItsOwn() throws Exception {
    int port = ListenCommandTest.freePort();
    List<String> args = new ArrayList<>(List.of("listen", "--bind", "127.0.0.1", "-p", Integer.toString(port), "--count", "1"));
    args.addAll(List.of(LISTEN_USER));
    args.addAll(List.of("-e", "0x8000000001020304"));
    CompletableFuture<CliRun> listening = ListenCommandTest.start(args.toArray(new String[0]));
    String agent = "127.0.0.1:" + port;
    send("snmptrap", V3 + " -e 0x8000000001020399", agent, "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s from-another-engine");
    send("snmptrap", V3 + " -e 0x8000000001020304", agent, "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s from-its-engine");
    CliRun run = listening.get(10, TimeUnit.SECONDS); // --count 1: the first one accepted
    assertThat(run.out()).contains("STRING: from-its-engine").doesNotContain("from-another-engine");
  }

  @org.junit.jupiter.api.Test
  void aUserGivenByMasterKeysAcknowledgesTheInformItsPassPhrasesWould() throws Exception {
    int port = ListenCommandTest.freePort();
    String authKu = dev.puresnmp.smi.Bytes.of(dev.puresnmp.security.AuthProtocol.SHA256.passwordToKey("authpass123".getBytes(java.nio.charset.StandardCharsets.UTF_8))).hex();
    String privKu = dev.puresnmp.smi.Bytes.of(dev.puresnmp.security.AuthProtocol.SHA256.passwordToKey("privpass123".getBytes(java.nio.charset.StandardCharsets.UTF_8))).hex();
    CompletableFuture<CliRun> listening = ListenCommandTest.start("listen", "--bind", "127.0.0.1", "-p", Integer.toString(port), "--count", "1", "-On", "-m", "",
        "-u", "usr-sha256-aes", "-a", "SHA-256", "-3m", "0x" + authKu, "-x", "AES", "-3M", privKu);
    send("snmpinform", V3, target("127.0.0.1", port), "4200 1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.2 s by-keys");
    CliRun ours = listening.get(10, TimeUnit.SECONDS);
    assertThat(ours.exitCode()).as(ours.err()).isZero();
    assertThat(ours.out()).contains("\"by-keys\"");
  }

  private static void send(String tool, String options, String target, String rest) throws Exception {
    List<String> command = new ArrayList<>(List.of(tool, "-m", "", "-r", "1", "-t", "2"));
    command.addAll(Arrays.asList(options.split(" ")));
    command.add(target);
    command.addAll(Arrays.asList(rest.split(" ")));
    NetSnmpPeer.Result r = NetSnmpPeer.run(command, 60);
    assertThat(r.code()).as(command + ": " + r.err()).isZero();
  }

  private static String target(String bind, int port) {
    return bind.contains(":") ? "udp6:[" + bind + "]:" + port : bind + ":" + port;
  }

  private static LocalDateTime time(String line) {
    Matcher m = TIME.matcher(line);
    assertThat(m.find()).as("a time first: " + line).isTrue();
    return LocalDateTime.parse(m.group(1), TIME_FORMAT);
  }

  /** The lines with the time, the receiver's port and the sender's ports masked: all the rest must match. */
  private static List<String> masked(List<String> lines, int receiver) {
    return lines.stream()
        .map(l -> TIME.matcher(l).replaceFirst("TIME "))
        .map(l -> l.replace("]:" + receiver + ")", "]:RECEIVER)").replace("]:" + receiver + " ", "]:RECEIVER ").replace("]:" + receiver + "]", "]:RECEIVER]"))
        .map(l -> l.replaceAll("\\]:\\d+(->|\\]| |\\))", "]:SENDER$1"))
        .toList();
  }

  /** snmptrapd's log, without its start lines. */
  private static List<String> log(NetSnmpPeer peer) throws Exception {
    List<String> all = peer.logLines();
    int start = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith("NET-SNMP version")) {
        start = i + 1;
      }
    }
    return all.subList(start, all.size());
  }
}
