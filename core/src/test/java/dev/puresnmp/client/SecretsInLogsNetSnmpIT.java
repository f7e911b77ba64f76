package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole log, at TRACE (in a JVM of its own), of SNMPv2c and SNMPv3 (authPriv) requests to snmpd and of traps to our
 * receiver (a refused community among them) holds no community, pass phrase or localized key, in text
 * or in hex: the packet dumps at DEBUG mask the community.
 */
class SecretsInLogsNetSnmpIT {
  static final String COMMUNITY = "public";
  static final String AUTH_PASS = "authpass123";
  static final String PRIV_PASS = "privpass123";
  static final Credentials.V3 USER = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, AUTH_PASS).priv(PrivProtocol.AES, PRIV_PASS);
  static final Bytes TRAP_ENGINE = Bytes.decodeHex("8000000001020304");
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");

  @TempDir Path dir;

  @Test
  void aTraceLogOfV2cAndV3RequestsAndTrapsHoldsNoCommunityPassPhraseOrKey() throws Exception {
    String log;
    NetSnmpPeer snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    try {
      log = captured(snmpd.endpoint());
    } finally {
      snmpd.close();
    }
    assertThat(log).as("the packet dumps were logged").contains("sent ").contains("received ").contains(" ** ** ** ** ** **");
    List<String> secrets = new ArrayList<>(List.of(COMMUNITY, "guessed", AUTH_PASS, PRIV_PASS));
    secrets.add(spacedHex(COMMUNITY.getBytes(StandardCharsets.US_ASCII)));
    secrets.add(spacedHex("guessed".getBytes(StandardCharsets.US_ASCII)));
    for (Bytes engine : List.of(Bytes.decodeHex(snmpd.engineId), TRAP_ENGINE)) {
      byte[] id = engine.toByteArray();
      byte[] authKey = AuthProtocol.SHA256.localizedKey(AUTH_PASS.getBytes(StandardCharsets.UTF_8), id);
      byte[] privKey = PrivProtocol.AES.localizedKey(AuthProtocol.SHA256, PRIV_PASS.getBytes(StandardCharsets.UTF_8), id);
      for (byte[] key : List.of(authKey, privKey)) {
        secrets.add(Bytes.of(key).hex());
        secrets.add(Bytes.of(key).hex().toUpperCase(Locale.ROOT));
        secrets.add(spacedHex(java.util.Arrays.copyOf(key, 8))); // a dump breaks lines every 16 bytes
      }
    }
    for (String secret : secrets) {
      assertThat(log).as("the log holds " + secret).doesNotContainIgnoringCase(secret);
    }
  }

  private static void exchange(Endpoint snmpd) throws Exception {
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (SnmpManager manager = SnmpManager.builder().engineId(TRAP_ENGINE).build();
        TrapReceiver traps = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community(COMMUNITY).user(USER, TRAP_ENGINE).handler(heard::add).start()) {
      assertThat(manager.client(snmpd, Credentials.v2c(COMMUNITY)).blocking().get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
      assertThat(manager.client(snmpd, USER).blocking().get(SYS_NAME).asText()).isEqualTo("snmpd-peer");
      manager.clientBuilder(snmpd, Credentials.v2c("guessed")).timeout(Duration.ofMillis(200)).retries(0).build().get(SYS_NAME)
          .handle((v, e) -> v).join(); // snmpd does not answer a wrong community
      manager.client(traps.localEndpoint(), Credentials.v2c(COMMUNITY)).trap(1, Notification.LINK_DOWN, List.of()).join();
      manager.client(traps.localEndpoint(), Credentials.v2c("guessed")).trap(2, Notification.LINK_DOWN, List.of()).join();
      manager.client(traps.localEndpoint(), USER).trap(3, Notification.LINK_DOWN, List.of()).join();
      for (int i = 0; i < 2; i++) {
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("notification " + i).isNotNull().asString().doesNotContain(COMMUNITY);
      }
    }
  }

  /** "70 75 62": as the packet dumps write bytes. */
  static String spacedHex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(sb.length() > 0 ? " " : "").append(String.format("%02X", x & 0xFF));
    }
    return sb.toString();
  }

  /**
   * The child JVM's work: the requests and traps of the test against snmpd at {@code args[0]} (its port),
   * logged at TRACE to System.err.
   */
  public static void main(String[] args) throws Exception {
    exchange(Endpoint.of("127.0.0.1", Integer.parseInt(args[0])));
  }

  /**
   * What the library logs at TRACE while {@link #main} runs in a JVM of its own: slf4j-simple, the tests'
   * binding, fixes each logger's level when the logger is made (and this JVM made them at its level long
   * ago), so a fresh JVM started at TRACE does the work; its System.err is the log.
   */
  static String captured(Endpoint snmpd) throws Exception {
    List<String> path = new ArrayList<>();
    for (String p : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(p);
      if (v != null && !v.isEmpty()) {
        path.add(v);
      }
    }
    path.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    path.add(Path.of("target", "classes").toAbsolutePath().toString());
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(javaBin.toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-cp",
        String.join(java.io.File.pathSeparator, path), SecretsInLogsNetSnmpIT.class.getName(), Integer.toString(snmpd.port()))
        .redirectErrorStream(true)
        .start();
    child.getOutputStream().close();
    byte[] out = child.getInputStream().readAllBytes();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = new String(out, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(log).isZero();
    return log;
  }
}
