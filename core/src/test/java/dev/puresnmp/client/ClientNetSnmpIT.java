package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every client operation against a real Net-SNMP snmpd: v1 and v2c, IPv4 and IPv6; by name with the built-in MIBs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientNetSnmpIT {
  static final Oid SYSTEM = Oid.parse("1.3.6.1.2.1.1");
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");
  static final Oid SYS_LOCATION = Oid.parse("1.3.6.1.2.1.1.6.0");
  static final Oid IF_TABLE = Oid.parse("1.3.6.1.2.1.2.2");

  @TempDir static Path dir;
  NetSnmpPeer snmpd;
  SnmpManager manager;

  @BeforeAll
  void start() throws Exception {
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    manager = SnmpManager.builder().build();
  }

  @AfterAll
  void stop() throws Exception {
    if (manager != null) {
      manager.close();
    }
    if (snmpd != null) {
      snmpd.close();
    }
  }

  Stream<Arguments> agents() {
    Endpoint v4 = Endpoint.of("127.0.0.1", snmpd.port);
    Endpoint v6 = Endpoint.of("::1", snmpd.port);
    return Stream.of(
        Arguments.of("v1 ipv4", v4, Credentials.v1("public")),
        Arguments.of("v2c ipv4", v4, Credentials.v2c("public")),
        Arguments.of("v1 ipv6", v6, Credentials.v1("public")),
        Arguments.of("v2c ipv6", v6, Credentials.v2c("public")));
  }

  BlockingSnmpClient client(Endpoint e, Credentials c) {
    return SnmpClient.builder(e, c).manager(manager).retries(2).build().blocking();
  }

  private static List<String> lines(List<VarBind> vbs) {
    return vbs.stream().map(NetSnmpFormat::format).collect(Collectors.toList());
  }

  /** What a Net-SNMP tool printed, one element per varbind (our formatter's lines). */
  private List<String> netSnmp(String tool, String version, String community, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(version, "-c", community, "-m", "", "-On"));
    List<String> oids = new java.util.ArrayList<>();
    for (String a : args) {
      (a.startsWith("-") ? cmd : oids).add(a);
    }
    NetSnmpPeer.Result r = snmpd.tool(tool, cmd, oids);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void everyReadOperation(String name, Endpoint e, Credentials c) {
    BlockingSnmpClient b = client(e, c);
    assertThat(b.get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
    assertThat(b.multiget(List.of(SYS_NAME, SYS_LOCATION))).extracting(vb -> vb.value().asText()).containsExactly("snmpd-peer", "loopback");
    assertThat(b.getnext(Oid.parse("1.3.6.1.2.1.1.4.0")).oid()).isEqualTo(SYS_NAME);
    assertThat(b.multigetnext(List.of(Oid.parse("1.3.6.1.2.1.1.4.0"), Oid.parse("1.3.6.1.2.1.1.5.0")))).extracting(VarBind::oid).containsExactly(SYS_NAME, SYS_LOCATION);
    List<VarBind> system = b.walk(SYSTEM);
    assertThat(system).hasSizeGreaterThan(30);
    assertThat(b.bulkwalk(SYSTEM)).extracting(VarBind::oid).isEqualTo(system.stream().map(VarBind::oid).collect(Collectors.toList()));
    assertThat(b.multiwalk(List.of(Oid.parse("1.3.6.1.2.1.1.9"), Oid.parse("1.3.6.1.2.1.1.1")))).hasSize(31);
    BulkResult bulk = b.bulkget(List.of(Oid.parse("1.3.6.1.2.1.1.4.0")), List.of(Oid.parse("1.3.6.1.2.1.2.2.1.1"), Oid.parse("1.3.6.1.2.1.2.2.1.2")), 2);
    assertThat(bulk.scalars()).extracting(VarBind::oid).containsExactly(SYS_NAME);
    assertThat(bulk.listing()).hasSize(4);
    Table t = b.table(IF_TABLE);
    assertThat(b.bulktable(IF_TABLE)).isEqualTo(t);
    assertThat(b.table(IF_TABLE.append(1))).isEqualTo(t);
    assertThat(t.rows()).isNotEmpty();
    assertThat(t.rows().get(0).get(2).map(v -> v.asText())).contains("lo");
    assertThatThrownBy(() -> b.get("1.3.6.1.2.1.1.99.0")).isInstanceOf(NoSuchOidException.class);
  }

  @Test
  void walksPrintExactlyWhatSnmpwalkAndSnmpbulkwalkPrint() throws Exception {
    BlockingSnmpClient v2 = client(snmpd.endpoint(), Credentials.v2c("public"));
    BlockingSnmpClient v1 = client(snmpd.endpoint(), Credentials.v1("public"));
    // Subtrees whose values hold still between two walks (no uptimes, no counters)
    assertThat(lines(v2.walk("1.3.6.1.2.1.2.2.1.2"))).isEqualTo(netSnmp("snmpwalk", "-v2c", "public", "1.3.6.1.2.1.2.2.1.2"));
    assertThat(lines(v1.walk("1.3.6.1.2.1.1.9.1.3"))).isEqualTo(netSnmp("snmpwalk", "-v1", "public", "1.3.6.1.2.1.1.9.1.3"));
    assertThat(lines(v2.bulkwalk("1.3.6.1.2.1.4.20"))).isEqualTo(netSnmp("snmpbulkwalk", "-v2c", "public", "-Cr10", "1.3.6.1.2.1.4.20"));
    assertThat(lines(v1.bulkwalk("1.3.6.1.2.1.4.20"))).isEqualTo(netSnmp("snmpwalk", "-v1", "public", "1.3.6.1.2.1.4.20"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void setsTheWritableScalarsWithPrivateAndIsRefusedWithPublic(String name, Endpoint e, Credentials c) {
    boolean v1 = c instanceof Credentials.V1;
    BlockingSnmpClient priv = client(e, v1 ? Credentials.v1("private") : Credentials.v2c("private"));
    String location = "set-by-" + name.replace(' ', '-');
    assertThat(priv.set(SYS_LOCATION, OctetString.of(location))).isEqualTo(OctetString.of(location));
    assertThat(client(e, c).get(SYS_LOCATION).asText()).isEqualTo(location);
    assertThatThrownBy(() -> client(e, c).set(SYS_LOCATION, OctetString.of("nope")))
        .isInstanceOf(ErrorResponseException.class)
        .satisfies(
            x -> {
              ErrorResponseException err = (ErrorResponseException) x;
              assertThat(err.status()).isEqualTo(v1 ? ErrorStatus.NO_SUCH_NAME : ErrorStatus.NO_ACCESS);
              assertThat(err.index()).isEqualTo(1);
              assertThat(err.offendingOid()).isEqualTo(SYS_LOCATION);
            });
    assertThatThrownBy(() -> priv.set("1.3.6.1.2.1.1.1.0", OctetString.of("nope")))
        .isInstanceOf(ErrorResponseException.class)
        .hasMessageContaining(v1 ? "noSuchName" : "noAccess"); // snmpd's answer, see peers/README.md
  }

  /**
   * snmpd's receive buffer (208 KiB by default) holds a few hundred requests: 2,000 sent at once overflow
   * it, and without pacing each retry repeats the burst. The manager's per-agent pacing keeps the burst
   * below that.
   */
  @Test
  void twoThousandConcurrentGetsToOneSnmpdAllCompleteWithWhatSnmpgetGives() throws Exception {
    SnmpClient big = SnmpClient.builder(snmpd.endpoint(), Credentials.v2c("bigtable-10000")).manager(manager).timeout(java.time.Duration.ofMillis(500)).retries(3).build();
    Oid column = Oid.parse("1.3.6.1.4.1.8072.9999.9999.7.1.2");
    List<java.util.concurrent.CompletableFuture<List<VarBind>>> gets = new java.util.ArrayList<>();
    for (int i = 1; i <= 2000; i++) {
      gets.add(big.multiget(List.of(column.append(i))));
    }
    List<String> ours = new java.util.ArrayList<>();
    for (java.util.concurrent.CompletableFuture<List<VarBind>> g : gets) {
      ours.addAll(lines(g.join()));
    }
    List<String> expected = new java.util.ArrayList<>();
    for (int from = 1; from <= 2000; from += 100) {
      String[] oids = new String[100];
      for (int k = 0; k < 100; k++) {
        oids[k] = column.append(from + k).toString();
      }
      expected.addAll(netSnmp("snmpget", "-v2c", "bigtable-10000", oids));
    }
    assertThat(ours).hasSize(2000).isEqualTo(expected);
  }

  @Test
  void aWalkOfTheHundredThousandRowTableGivesWhatSnmpbulkwalkGives() throws Exception {
    BlockingSnmpClient big = SnmpClient.builder(snmpd.endpoint(), Credentials.v2c("bigtable-100000")).manager(manager).maxRepetitions(50).build().blocking();
    Oid column = Oid.parse("1.3.6.1.4.1.8072.9999.9999.7.1.2");
    List<String> expected = netSnmp("snmpbulkwalk", "-v2c", "bigtable-100000", "-Cr50", column.toString());
    assertThat(expected).hasSize(100_000);
    try (Stream<VarBind> walk = big.bulkwalkStream(column)) {
      List<String> ours = walk.map(NetSnmpFormat::format).collect(Collectors.toList());
      assertThat(ours).isEqualTo(expected);
    }
  }

  // ---- names, with the built-in MIBs ----

  BlockingSnmpClient named() {
    return client(snmpd.endpoint(), Credentials.v2c("public")).async().newBuilder().mib(Mib.builtIn()).build().blocking();
  }

  @Test
  void aWalkByNameIsTheWalkByNumber() {
    BlockingSnmpClient named = named();
    BlockingSnmpClient numeric = client(snmpd.endpoint(), Credentials.v2c("public"));
    assertThat(named.get("sysName.0").asText()).isEqualTo("snmpd-peer");
    List<VarBind> byName = named.walk("IF-MIB::ifDescr");
    assertThat(byName).isNotEmpty().isEqualTo(numeric.walk("1.3.6.1.2.1.2.2.1.2"));
    assertThat(named.bulkwalk("sysORTable")).extracting(VarBind::oid).isEqualTo(numeric.bulkwalk("1.3.6.1.2.1.1.9").stream().map(VarBind::oid).toList());
    assertThat(Mib.builtIn().format(byName.get(0))).isEqualTo("IF-MIB::ifDescr.1 = STRING: lo");
  }

  @Test
  void ifTableByNameHasColumnNamesAndEachRowsIfIndex() {
    Table t = named().bulktable("ifTable");
    assertThat(t.rows()).isNotEmpty().isEqualTo(client(snmpd.endpoint(), Credentials.v2c("public")).bulktable(IF_TABLE).rows());
    assertThat(t.indexNames()).containsExactly("ifIndex");
    assertThat(t.rows().get(0).get("ifDescr").map(Value::asText)).contains("lo");
    for (Table.Row row : t.rows()) {
      assertThat(row.indexValues()).containsExactly(row.get("ifIndex").orElseThrow()).allMatch(v -> v instanceof Integer32);
    }
  }

  @Test
  void anImpliedObjectIdentifierIndexReadsBack() {
    Table t = named().table("nsCacheTable"); // NET-SNMP-AGENT-MIB nsCacheEntry: INDEX { IMPLIED nsCachedOID }
    assertThat(t.rows()).isNotEmpty();
    for (Table.Row row : t.rows()) {
      assertThat(row.indexValues()).containsExactly(new ObjectIdentifier(row.index()));
      assertThat(row.get("nsCacheStatus")).isPresent();
    }
  }
}
