package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Net-SNMP's tools over SNMPv3 against the simulator: every authentication protocol with every privacy
 * protocol they share prints what the same command prints over v2c; the refusals print what they print
 * against snmpd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnmpV3NetSnmpIT {
  static final String AUTH_PASS = "authpass123";
  static final String PRIV_PASS = "privpass123";
  /** Net-SNMP 5.9's tools have no 3DES. */
  static final List<PrivProtocol> SHARED_PRIVS = Stream.of(PrivProtocol.values()).filter(p -> p != PrivProtocol.TRIPLE_DES).toList();

  /** One command per protocol pair, in turn: the device, the tool and its arguments. */
  static final List<List<String>> OPERATIONS = List.of(
      List.of("linux-host", "snmpget", ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.99.0"),
      List.of("small", "snmpwalk", ".1"),
      List.of("linux-host", "snmpbulkwalk", "-Cr10", ".1.3.6.1.2.1.2"),
      List.of("small", "snmpset", ".1.3.6.1.4.1.1.10.0", "i", "42"),
      List.of("linux-host", "snmpgetnext", ".1.3.6.1.2.1.1.9", ".1.3.6.1.2.1.25"),
      List.of("linux-host", "snmpbulkget", "-Cn1", "-Cr5", ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.2.2.1.2"),
      List.of("small", "snmpget", ".1.3.6.1.4.1.1.1.0", ".1.3.6.1.4.1.1.4.0", ".1.3.6.1.4.1.1.6.0", ".1.3.6.1.2.1.4.20.1.1.127.0.0.1"));

  AgentSimulator sim;
  String agent;
  final Map<List<String>, NetSnmpPeer.Result> v2c = new ConcurrentHashMap<>();

  @BeforeAll
  void start() {
    NetSnmpPeer.requireTool("snmpget", NetSnmpPeer.peersDir());
    AgentSimulator.Builder b = AgentSimulator.builder()
        .device("linux-host", ShippedDevices.linuxHost())
        .device("small", SimulatorExtension.load("small.snmprec", getClass()))
        .port(Peers.freePort())
        .user(Credentials.v3("usr-none"));
    for (AuthProtocol a : AuthProtocol.values()) {
      b.user(Credentials.v3(name(a, null)).auth(a, AUTH_PASS));
      for (PrivProtocol p : SHARED_PRIVS) {
        b.user(Credentials.v3(name(a, p)).auth(a, AUTH_PASS).priv(p, PRIV_PASS));
      }
    }
    sim = b.start();
    agent = "127.0.0.1:" + sim.port();
  }

  @AfterAll
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  static String name(AuthProtocol a, PrivProtocol p) {
    return ("usr-" + a.netSnmpName() + "-" + (p == null ? "none" : p.netSnmpName())).toLowerCase(Locale.ROOT);
  }

  static Stream<Arguments> protocolPairs() {
    List<Arguments> out = new ArrayList<>();
    for (AuthProtocol a : AuthProtocol.values()) {
      out.add(Arguments.of(a, null));
      SHARED_PRIVS.forEach(p -> out.add(Arguments.of(a, p)));
    }
    return out.stream();
  }

  /** {@code tool [security] -On -m "" -t 1 -r 0 [tool options] AGENT args}. */
  private NetSnmpPeer.Result run(List<String> security, List<String> op) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(op.get(1)));
    cmd.addAll(security);
    cmd.addAll(List.of("-On", "-m", "", "-t", "1", "-r", "0"));
    List<String> args = op.subList(2, op.size());
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-C")) {
      cmd.add(args.get(i++));
    }
    cmd.add(agent);
    cmd.addAll(args.subList(i, args.size()));
    return NetSnmpPeer.run(cmd, 30);
  }

  private static List<String> v3(String user, String level, String... more) {
    List<String> s = new ArrayList<>(List.of("-v3", "-u", user, "-l", level));
    s.addAll(List.of(more));
    return s;
  }

  private static String printed(NetSnmpPeer.Result r) {
    return "exit " + r.code() + "\n" + r.out() + "--- stderr\n" + r.err();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protocolPairs")
  void everyProtocolPairPrintsWhatV2cPrints(AuthProtocol auth, PrivProtocol priv) throws Exception {
    int pair = protocolPairs().map(a -> a.get()[0] + "/" + a.get()[1]).toList().indexOf(auth + "/" + priv);
    List<String> op = OPERATIONS.get(pair % OPERATIONS.size());
    String device = op.get(0);
    List<String> security = priv == null
        ? v3(name(auth, null), "authNoPriv", "-a", auth.netSnmpName(), "-A", AUTH_PASS)
        : v3(name(auth, priv), "authPriv", "-a", auth.netSnmpName(), "-A", AUTH_PASS, "-x", priv.netSnmpName(), "-X", PRIV_PASS);
    if (!device.equals("linux-host") || pair % 2 == 0) {
      security.addAll(List.of("-n", device)); // otherwise the default context: the first device, linux-host
    }
    NetSnmpPeer.Result mine = run(security, op);
    NetSnmpPeer.Result expected = v2c.computeIfAbsent(op, o -> {
      try {
        return run(List.of("-v2c", "-c", device), o);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    assertThat(printed(mine)).isEqualTo(printed(expected));
    assertThat(mine.out()).isNotEmpty();
  }

  @Test
  void aUserWithoutAuthenticationReadsAtNoAuthNoPriv() throws Exception {
    NetSnmpPeer.Result r = run(v3("usr-none", "noAuthNoPriv", "-n", "small"), OPERATIONS.get(1));
    assertThat(printed(r)).isEqualTo(printed(run(List.of("-v2c", "-c", "small"), OPERATIONS.get(1))));
  }

  @Test
  void theContextNameSelectsTheRecording() throws Exception {
    List<String> sysName = List.of("", "snmpget", ".1.3.6.1.2.1.1.5.0");
    List<String> user = v3("usr-sha-aes", "authPriv", "-a", "SHA", "-A", AUTH_PASS, "-x", "AES", "-X", PRIV_PASS);
    List<String> small = new ArrayList<>(user);
    small.addAll(List.of("-n", "small"));
    assertThat(run(small, sysName).out()).isEqualTo(".1.3.6.1.2.1.1.5.0 = STRING: \"small\"\n");
    assertThat(run(user, sysName).out()).isEqualTo(".1.3.6.1.2.1.1.5.0 = STRING: \"linux-host\"\n");
  }

  @Test
  void refusalsPrintWhatSnmpgetPrintsAgainstSnmpd() throws Exception {
    List<String> get = List.of("", "snmpget", ".1.3.6.1.2.1.1.5.0");
    SimulatorCounters before = sim.counters();

    NetSnmpPeer.Result wrongAuth = run(v3("usr-sha-256-aes", "authNoPriv", "-a", "SHA-256", "-A", "wrongpass123"), get);
    assertThat(wrongAuth.err()).isEqualTo("snmpget: Authentication failure (incorrect password, community or key)\n");
    assertThat(wrongAuth.code()).isEqualTo(1);

    NetSnmpPeer.Result unknownUser = run(v3("nobody", "noAuthNoPriv"), get);
    assertThat(unknownUser.err()).isEqualTo("snmpget: Unknown user name\n");
    assertThat(unknownUser.code()).isEqualTo(1);

    NetSnmpPeer.Result tooHigh = run(v3("usr-sha-none", "authPriv", "-a", "SHA", "-A", AUTH_PASS, "-x", "AES", "-X", PRIV_PASS), get);
    assertThat(tooHigh.err()).isEqualTo("snmpget: Unsupported security level\n");
    assertThat(tooHigh.code()).isEqualTo(1);

    NetSnmpPeer.Result wrongPriv = run(v3("usr-sha-aes", "authPriv", "-a", "SHA", "-A", AUTH_PASS, "-x", "AES", "-X", "wrongpriv123"), get);
    assertThat(wrongPriv.out() + wrongPriv.err()).contains("Timeout: No Response from " + agent);

    NetSnmpPeer.Result noContext = run(v3("usr-sha-aes", "authPriv", "-a", "SHA", "-A", AUTH_PASS, "-x", "AES", "-X", PRIV_PASS, "-n", "nosuchctx"), get);
    assertThat(noContext.out() + noContext.err()).contains("Timeout: No Response from " + agent);

    SimulatorCounters c = sim.counters();
    assertThat(c.usm().wrongDigests() - before.usm().wrongDigests()).isEqualTo(1);
    assertThat(c.usm().unknownUserNames() - before.usm().unknownUserNames()).isEqualTo(1);
    assertThat(c.usm().unsupportedSecLevels() - before.usm().unsupportedSecLevels()).isEqualTo(1);
    assertThat(c.usm().parseErrors() - before.usm().parseErrors()).isEqualTo(1);
    assertThat(c.unknownContext() - before.unknownContext()).isEqualTo(1);
  }

  @Test
  void aWritableOidIsSetOverSnmpV3() throws Exception {
    List<String> user = v3("usr-md5-des", "authPriv", "-a", "MD5", "-A", AUTH_PASS, "-x", "DES", "-X", PRIV_PASS, "-n", "small");
    NetSnmpPeer.Result r = run(user, List.of("", "snmpset", ".1.3.6.1.4.1.1.9.0", "s", "changed"));
    assertThat(r.out()).isEqualTo(".1.3.6.1.4.1.1.9.0 = STRING: \"changed\"\n");
    assertThat(run(user, List.of("", "snmpget", ".1.3.6.1.4.1.1.9.0")).out()).isEqualTo(".1.3.6.1.4.1.1.9.0 = STRING: \"changed\"\n");
  }
}
