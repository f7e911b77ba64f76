package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.client.UsmException;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our own SNMPv3 client against the simulator: users, contexts, refusals, a restart. */
@Timeout(60)
class AgentSimulatorV3Test {
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");
  static final Bytes ENGINE_ID = Bytes.decodeHex("80001f88050102030405060708");
  static final Credentials.V3 ADMIN = Credentials.v3("admin").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
  static final Credentials.V3 READER = Credentials.v3("reader").auth(AuthProtocol.MD5, "authpass123");

  AgentSimulator sim;
  UdpTransport udp;
  SnmpManager manager;

  @BeforeEach
  void start() {
    sim = started(1, 0);
    udp = UdpTransport.builder().build();
    manager = SnmpManager.builder().transport(udp).build();
  }

  @AfterEach
  void stop() {
    manager.close();
    udp.close();
    sim.close();
  }

  private static AgentSimulator started(int boots, int port) {
    return AgentSimulator.builder()
        .device("linux-host", ShippedDevices.linuxHost())
        .device("small", SimulatorExtension.load("small.snmprec", AgentSimulatorV3Test.class))
        .writable(Oid.parse("1.3.6.1.2.1.1"))
        .user(ADMIN).user(READER).user(Credentials.v3("guest"))
        .engineId(ENGINE_ID).engineBoots(boots)
        .port(port)
        .start();
  }

  private BlockingSnmpClient client(Credentials credentials, String context) {
    SnmpClient c = SnmpClient.builder(sim.endpoint(), credentials).manager(manager)
        .contextName(context).timeout(Duration.ofMillis(1500)).retries(0).build();
    return c.blocking();
  }

  @Test
  void theDefaultContextIsTheFirstDeviceAndAContextNameSelectsAnother() {
    assertThat(client(ADMIN, "").get(SYS_NAME)).isEqualTo(OctetString.of("linux-host"));
    assertThat(client(ADMIN, "small").get(SYS_NAME)).isEqualTo(OctetString.of("small"));
    assertThat(client(READER, "small").get(SYS_NAME)).isEqualTo(OctetString.of("small"));
    assertThat(client(Credentials.v3("guest"), "linux-host").get(SYS_NAME)).isEqualTo(OctetString.of("linux-host"));
    assertThat(sim.counters().usm().accepted()).isEqualTo(4);
  }

  @Test
  void aDefaultContextOptionNamesTheDeviceOfTheEmptyContext() {
    try (AgentSimulator s = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost())
        .device("small", SimulatorExtension.load("small.snmprec", getClass())).defaultContext("small").user(READER).start()) {
      SnmpClient c = SnmpClient.builder(s.endpoint(), READER).manager(manager).timeout(Duration.ofMillis(300)).retries(0).build();
      assertThat(c.blocking().get(SYS_NAME)).isEqualTo(OctetString.of("small"));
    }
  }

  @Test
  void walksAndSetsWorkAtAuthPriv() {
    BlockingSnmpClient admin = client(ADMIN, "small");
    assertThat(admin.bulkwalk("1.3.6.1.4.1.1")).hasSize(10);
    assertThat(admin.set(SYS_NAME, OctetString.of("renamed"))).isEqualTo(OctetString.of("renamed"));
    assertThat(admin.get(SYS_NAME)).isEqualTo(OctetString.of("renamed"));
  }

  @Test
  void anUnknownContextIsDroppedAndCounted() {
    assertThatThrownBy(() -> client(ADMIN, "nosuchctx").get(SYS_NAME)).isInstanceOf(SnmpTimeoutException.class);
    assertThat(sim.counters().unknownContext()).isEqualTo(1);
  }

  @Test
  void refusalsBecomeTheClientsUsmExceptionsAndAreCounted() {
    Credentials.V3 wrongPass = Credentials.v3("admin").auth(AuthProtocol.SHA256, "wrongpass123");
    Credentials.V3 tooHigh = Credentials.v3("reader").auth(AuthProtocol.MD5, "authpass123").priv(PrivProtocol.DES, "privpass123");
    Credentials.V3 stranger = Credentials.v3("stranger");
    assertThatThrownBy(() -> client(wrongPass, "").get(SYS_NAME)).isInstanceOfSatisfying(UsmException.class,
        e -> assertThat(e.reason()).isEqualTo(UsmException.Reason.WRONG_DIGESTS));
    assertThatThrownBy(() -> client(tooHigh, "").get(SYS_NAME)).isInstanceOfSatisfying(UsmException.class,
        e -> assertThat(e.reason()).isEqualTo(UsmException.Reason.UNSUPPORTED_SEC_LEVEL));
    assertThatThrownBy(() -> client(stranger, "").get(SYS_NAME)).isInstanceOfSatisfying(UsmException.class,
        e -> assertThat(e.reason()).isEqualTo(UsmException.Reason.UNKNOWN_USER_NAME));
    assertThat(sim.counters().usm().wrongDigests()).isEqualTo(1);
    assertThat(sim.counters().usm().unsupportedSecLevels()).isEqualTo(1);
    assertThat(sim.counters().usm().unknownUserNames()).isEqualTo(1);
    assertThat(sim.counters().usm().unknownEngineIds()).isEqualTo(1); // the one discovery of the manager
  }

  @Test
  void aWrongPrivacyPassPhraseTimesOutAsWithSnmpd() {
    Credentials.V3 wrongPriv = Credentials.v3("admin").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "wrongpriv123");
    assertThatThrownBy(() -> client(wrongPriv, "").get(SYS_NAME)).isInstanceOf(SnmpTimeoutException.class);
    assertThat(sim.counters().usm().parseErrors()).isEqualTo(1);
  }

  @Test
  void aManagerResynchronizesWithARestartedSimulatorOfTheSameEngineId() {
    BlockingSnmpClient admin = client(ADMIN, "");
    assertThat(admin.get(SYS_NAME)).isEqualTo(OctetString.of("linux-host"));
    int port = sim.port();
    sim.close();
    sim = started(2, port);
    assertThat(admin.get(SYS_NAME)).isEqualTo(OctetString.of("linux-host"));
    assertThat(sim.counters().usm().notInTimeWindows()).isEqualTo(1);
    assertThat(sim.counters().usm().unknownEngineIds()).isZero(); // no new discovery: the Report resynced
  }

  @Test
  void faultsApplyToSnmpV3AsToCommunities() {
    sim.setFaults(Fault.drop(1.0));
    assertThatThrownBy(() -> client(ADMIN, "").get(SYS_NAME)).isInstanceOf(SnmpTimeoutException.class);
    assertThat(sim.counters().dropped()).isEqualTo(1);
  }
}
