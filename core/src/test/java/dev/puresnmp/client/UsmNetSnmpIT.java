package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/** SNMPv3 against a real Net-SNMP snmpd: its 43 users, every auth × privacy protocol, IPv4 and IPv6, and the ways it refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsmNetSnmpIT {
  static final Oid SYSTEM = Oid.parse("1.3.6.1.2.1.1");
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");
  static final Oid SYS_CONTACT = Oid.parse("1.3.6.1.2.1.1.4.0");
  static final String AUTH_PASS = "authpass123";
  static final String PRIV_PASS = "privpass123";

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

  /** The 43 users of peers/snmpd-start.sh: usr-none, usr-AUTH-none, usr-AUTH-PRIV. */
  static List<Credentials.V3> users() {
    List<Credentials.V3> users = new ArrayList<>(List.of(Credentials.v3("usr-none")));
    String[][] auths = {{"md5", "MD5"}, {"sha", "SHA"}, {"sha224", "SHA-224"}, {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"}};
    String[][] privs = {{"des", "DES"}, {"aes", "AES"}, {"aes192", "AES-192"}, {"aes256", "AES-256"}, {"aes192c", "AES-192-C"}, {"aes256c", "AES-256-C"}};
    for (String[] a : auths) {
      Credentials.V3 auth = Credentials.v3("usr-" + a[0] + "-none").auth(AuthProtocol.parse(a[1]), AUTH_PASS);
      users.add(auth);
      for (String[] p : privs) {
        users.add(Credentials.v3("usr-" + a[0] + "-" + p[0]).auth(AuthProtocol.parse(a[1]), AUTH_PASS).priv(PrivProtocol.parse(p[1]), PRIV_PASS));
      }
    }
    return users;
  }

  Stream<Arguments> everyUserOnBothFamilies() {
    List<Arguments> all = new ArrayList<>();
    for (Credentials.V3 u : users()) {
      all.add(Arguments.of(u.user() + " ipv4", Endpoint.of("127.0.0.1", snmpd.port), u));
      all.add(Arguments.of(u.user() + " ipv6", Endpoint.of("::1", snmpd.port), u));
    }
    return all.stream();
  }

  BlockingSnmpClient client(Endpoint e, Credentials c) {
    return SnmpClient.builder(e, c).manager(manager).retries(1).timeout(Duration.ofSeconds(2)).build().blocking();
  }

  @Test
  void thereAre43Users() {
    assertThat(users()).hasSize(43).extracting(Credentials.V3::user).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyUserOnBothFamilies")
  void everyUserGetsWalksBulkwalksAndSets(String name, Endpoint e, Credentials.V3 user) {
    BlockingSnmpClient b = client(e, user);
    assertThat(b.get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
    List<VarBind> system = b.walk(SYSTEM);
    assertThat(system).hasSizeGreaterThan(30);
    assertThat(b.bulkwalk(SYSTEM)).extracting(VarBind::oid).isEqualTo(system.stream().map(VarBind::oid).collect(Collectors.toList()));
    String contact = "set-by-" + name.replace(' ', '-');
    assertThat(b.set(SYS_CONTACT, OctetString.of(contact))).isEqualTo(OctetString.of(contact));
    assertThat(b.get(SYS_CONTACT).asText()).isEqualTo(contact);
  }

  @Test
  void aWrongAuthenticationPassPhraseIsWrongDigests() {
    Credentials.V3 wrong = Credentials.v3("usr-sha256-none").auth(AuthProtocol.SHA256, "not-the-pass-phrase");
    assertThatThrownBy(() -> client(snmpd.endpoint(), wrong).get(SYS_NAME))
        .isInstanceOf(UsmException.class)
        .hasMessageContaining("wrong authentication pass phrase or protocol for user usr-sha256-none at 127.0.0.1:" + snmpd.port)
        .extracting(x -> ((UsmException) x).reason())
        .isEqualTo(UsmException.Reason.WRONG_DIGESTS);
  }

  @Test
  void aWrongAuthenticationProtocolIsWrongDigestsToo() {
    Credentials.V3 wrong = Credentials.v3("usr-sha256-none").auth(AuthProtocol.SHA512, AUTH_PASS);
    assertThatThrownBy(() -> client(snmpd.endpoint(), wrong).get(SYS_NAME))
        .isInstanceOf(UsmException.class)
        .extracting(x -> ((UsmException) x).reason())
        .isEqualTo(UsmException.Reason.WRONG_DIGESTS);
  }

  @Test
  void anUnknownUserIsUnknownUserName() {
    assertThatThrownBy(() -> client(snmpd.endpoint(), Credentials.v3("nobody-here")).get(SYS_NAME))
        .isInstanceOf(UsmException.class)
        .hasMessageContaining("unknown user name nobody-here")
        .extracting(x -> ((UsmException) x).reason())
        .isEqualTo(UsmException.Reason.UNKNOWN_USER_NAME);
  }

  @Test
  void aLevelTheUserDoesNotHaveIsUnsupportedSecLevel() {
    Credentials.V3 more = Credentials.v3("usr-sha-none").auth(AuthProtocol.SHA, AUTH_PASS).priv(PrivProtocol.AES, PRIV_PASS);
    assertThatThrownBy(() -> client(snmpd.endpoint(), more).get(SYS_NAME))
        .isInstanceOf(UsmException.class)
        .hasMessageContaining("security level authPriv is not allowed for user usr-sha-none")
        .extracting(x -> ((UsmException) x).reason())
        .isEqualTo(UsmException.Reason.UNSUPPORTED_SEC_LEVEL);
  }

  @Test
  void tooLowALevelForTheAgentsAccessRuleIsAuthorizationError() {
    Credentials.V3 less = Credentials.v3("usr-sha-aes").auth(AuthProtocol.SHA, AUTH_PASS);
    assertThatThrownBy(() -> client(snmpd.endpoint(), less).get(SYS_NAME))
        .isInstanceOf(ErrorResponseException.class)
        .extracting(x -> ((ErrorResponseException) x).status())
        .isEqualTo(ErrorStatus.AUTHORIZATION_ERROR);
  }

  @Test
  void aWrongPrivacyPassPhraseTimesOutAndTheMessageSaysWhy() {
    Credentials.V3 wrong = Credentials.v3("usr-sha-aes").auth(AuthProtocol.SHA, AUTH_PASS).priv(PrivProtocol.AES, "not-the-pass-phrase");
    BlockingSnmpClient b = SnmpClient.builder(snmpd.endpoint(), wrong).manager(manager).retries(0).timeout(Duration.ofMillis(500)).build().blocking();
    assertThatThrownBy(() -> b.get(SYS_NAME))
        .isInstanceOf(SnmpTimeoutException.class)
        .hasMessageContaining("does not answer a request it cannot decrypt: check the privacy pass phrase and protocol (AES) of user usr-sha-aes");
  }

  @Test
  void aRestartedAgentKeepsWorkingWithTheSameManager() throws Exception {
    Credentials.V3 user = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, AUTH_PASS).priv(PrivProtocol.AES, PRIV_PASS);
    BlockingSnmpClient b = client(snmpd.endpoint(), user);
    assertThat(b.get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
    snmpd.restartSnmpd(); // same engine ID, boots + 1, time from 0: our requests are out of its window until resynced
    assertThat(b.get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
    assertThat(b.get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
  }
}
