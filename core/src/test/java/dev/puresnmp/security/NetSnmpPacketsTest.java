package dev.puresnmp.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages Net-SNMP 5.9.3's snmpget sent to snmpd and snmpd answered, for every authentication and
 * privacy protocol (resources netsnmp/, made by capture.sh there): our keys, MACs and decryption
 * agree with what a real peer computed.
 */
class NetSnmpPacketsTest {
  private static final String AUTH_PASS = "authpass123";
  private static final String PRIV_PASS = "privpass123";
  /** sysName.0, what every recorded request asked for, as encoded in the varbind. */
  private static final byte[] SYS_NAME_OID = HexFormat.of().parseHex("06082b06010201010500");

  static Stream<RecordedPacket> authenticated() {
    List<RecordedPacket> all = new ArrayList<>();
    for (String auth : List.of("md5", "sha", "sha224", "sha256", "sha384", "sha512")) {
      all.add(new RecordedPacket(auth + "-none-request"));
      all.add(new RecordedPacket(auth + "-none-response"));
    }
    encrypted().forEach(all::add);
    return all.stream();
  }

  static Stream<RecordedPacket> encrypted() {
    List<RecordedPacket> all = new ArrayList<>();
    for (String auth : List.of("md5", "sha", "sha224", "sha256")) {
      for (String priv : List.of("des", "aes", "aes192", "aes256", "aes192c", "aes256c")) {
        all.add(new RecordedPacket(auth + "-" + priv + "-request"));
        all.add(new RecordedPacket(auth + "-" + priv + "-response"));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authenticated")
  void theMacNetSnmpSentIsTheOneWeComputeOverTheBytesAsReceived(RecordedPacket packet) {
    AuthProtocol auth = authOf(packet);
    byte[] key = auth.localizedKey(AUTH_PASS.getBytes(UTF_8), packet.engineId);
    assertThat(packet.macLength).isEqualTo(auth.macLength());

    assertThat(auth.verify(key, packet.bytes, 0, packet.bytes.length, packet.macAt)).isTrue();

    byte[] resigned = packet.bytes.clone();
    Arrays.fill(resigned, packet.macAt, packet.macAt + packet.macLength, (byte) 0);
    auth.sign(key, resigned, 0, resigned.length, packet.macAt);
    assertThat(resigned).isEqualTo(packet.bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authenticated")
  void anotherPassPhraseDoesNotVerify(RecordedPacket packet) {
    AuthProtocol auth = authOf(packet);
    byte[] key = auth.localizedKey("authpass124".getBytes(UTF_8), packet.engineId);
    assertThat(auth.verify(key, packet.bytes, 0, packet.bytes.length, packet.macAt)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encrypted")
  void whatNetSnmpEncryptedDecryptsToTheScopedPduItCarries(RecordedPacket packet) {
    byte[] scopedPdu = decrypt(packet);

    assertThat(scopedPdu[0]).isEqualTo((byte) 0x30);
    int length = scopedPdu[1] & 0xff; // every recorded scopedPDU is shorter than 128 bytes
    assertThat(2 + length).isLessThanOrEqualTo(scopedPdu.length);
    assertThat(indexOf(scopedPdu, SYS_NAME_OID)).isPositive();
    if (packet.name.endsWith("response")) {
      assertThat(indexOf(scopedPdu, "snmpd-peer".getBytes(UTF_8))).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encrypted")
  void encryptingTheDecryptedPduWithTheSameSaltGivesNetSnmpsCiphertext(RecordedPacket packet) {
    PrivProtocol priv = privOf(packet);
    byte[] key = privKey(packet);
    byte[] scopedPdu = decrypt(packet);
    long salt = 0;
    for (byte b : packet.privParameters) {
      salt = salt << 8 | (b & 0xff);
    }

    PrivProtocol.Encrypted again = priv.encrypt(key, packet.boots, packet.time, salt,
        scopedPdu, 0, scopedPdu.length);

    assertThat(again.ciphertext()).isEqualTo(packet.pdu());
    assertThat(again.privParameters()).isEqualTo(packet.privParameters);
  }

  private static byte[] privKey(RecordedPacket packet) {
    return privOf(packet).localizedKey(authOf(packet), PRIV_PASS.getBytes(UTF_8), packet.engineId);
  }

  private static byte[] decrypt(RecordedPacket packet) {
    return privOf(packet).decrypt(privKey(packet), packet.boots, packet.time, packet.privParameters,
        packet.bytes, packet.pduAt, packet.pduLength);
  }

  static AuthProtocol authOf(RecordedPacket packet) {
    return AuthProtocol.parse(packet.name.substring(0, packet.name.indexOf('-')));
  }

  static PrivProtocol privOf(RecordedPacket packet) {
    String[] parts = packet.name.split("-");
    return PrivProtocol.parse(parts[1]);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
