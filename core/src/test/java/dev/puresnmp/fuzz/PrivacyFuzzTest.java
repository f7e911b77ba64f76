package dev.puresnmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.DecryptionException;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes SNMPv3 decryption and the scoped-PDU decoder behind it ({@link
 * PrivProtocol#decryptScopedPdu}), for every privacy protocol. A message from the network reaches them
 * only after its digest verified, which a fuzzer cannot forge, so the decoder's target never gets here;
 * this one calls them directly, as the client, the trap receiver and the authoritative engine do once a
 * digest passed. Documented outcomes: a scoped PDU, {@link DecryptionException} (the privacy parameters
 * or the ciphertext's length refused) or {@link MalformedPacketException} (it decrypts to no scoped PDU);
 * allocation at most {@link #PER_BYTE} · length + {@link #FIXED} bytes.
 *
 * <p>The input: byte 0 picks the protocol; byte 1's low bit says whether the rest is a plaintext to
 * encrypt first (so that the decoder behind the cipher sees the fuzzer's bytes; then what decodes from
 * the plaintext must come back alike), its next four bits the salt's length otherwise (8 is the valid
 * one); then boots and time (4 bytes each), the salt, and the rest. Seeds: {@code
 * src/test/resources/dev/puresnmp/fuzz/PrivacyFuzzTestInputs/decrypt/}: scoped PDUs of Net-SNMP's
 * requests and responses, for each protocol, as plaintext and as ciphertext.
 */
class PrivacyFuzzTest {
  /** As {@link MessageCodecFuzzTest#PER_BYTE}, plus the plaintext's copy, the cipher's output and the padding: 64 leaves room. */
  static final long PER_BYTE = 64;
  /** Fixed: the cipher's initialization, the IV, the key spec, an exception and its message. */
  static final long FIXED = 32 * 1024;

  private static final PrivProtocol[] PROTOCOLS = PrivProtocol.values();
  private static final byte[] ENGINE_ID = Bytes.decodeHex("80001f8880e9bd0c1d12667a5100000000").toByteArray();
  /** One localized key per protocol, made once: key derivation is not what is fuzzed here. */
  private static final byte[][] KEYS = new byte[PROTOCOLS.length][];

  static {
    byte[] password = "privpass123".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < PROTOCOLS.length; i++) {
      KEYS[i] = PROTOCOLS[i].localizedKey(AuthProtocol.SHA, password, ENGINE_ID);
      // warm up: the first cipher of each kind loads and initialises classes, no input's allocation
      byte[] block = new byte[16];
      PROTOCOLS[i].decrypt(KEYS[i], 0, 0, new byte[8], block, 0, block.length);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void decrypt(byte[] data) throws Exception {
    if (data.length < 10) {
      return;
    }
    int which = (data[0] & 0xFF) % PROTOCOLS.length;
    PrivProtocol protocol = PROTOCOLS[which];
    boolean encryptFirst = (data[1] & 1) != 0;
    int saltLength = (data[1] >> 1) & 0x0F;
    int boots = readInt(data, 2) & Integer.MAX_VALUE;
    int time = readInt(data, 6) & Integer.MAX_VALUE;
    int at = 10;
    byte[] salt;
    byte[] body;
    byte[] plaintext = null;
    if (encryptFirst) {
      plaintext = Arrays.copyOfRange(data, at, data.length);
      PrivProtocol.Encrypted e = protocol.encrypt(KEYS[which], boots, time, 0x0102030405060708L ^ boots, plaintext, 0, plaintext.length);
      salt = e.privParameters();
      body = e.ciphertext();
    } else {
      int n = Math.min(saltLength, data.length - at);
      salt = Arrays.copyOfRange(data, at, at + n);
      body = Arrays.copyOfRange(data, at + n, data.length);
    }
    UsmParameters usm = new UsmParameters(Bytes.of(ENGINE_ID), boots, time, Bytes.of("usr".getBytes(StandardCharsets.UTF_8)), Bytes.of(new byte[12]), Bytes.of(salt));
    V3Message m = new V3Message(1, 65_507, V3Message.AUTH | V3Message.PRIV, usm, null, Bytes.of(body));
    ScopedPdu[] got = new ScopedPdu[1];
    try {
      Bounded.run(protocol.netSnmpName() + " decryptScopedPdu", data.length, PER_BYTE, FIXED, () -> got[0] = protocol.decryptScopedPdu(KEYS[which], m, List.of()));
    } catch (DecryptionException e) {
      assertThat(encryptFirst).as("our own encryption refused on the way back").isFalse();
      return;
    } catch (MalformedPacketException e) {
      got[0] = null;
    }
    if (plaintext != null) {
      ScopedPdu direct;
      try {
        direct = MessageCodec.decodeScopedPdu(plaintext, 0, plaintext.length, List.of());
      } catch (MalformedPacketException e) {
        direct = null;
      }
      if (direct != null) {
        assertThat(got[0]).as("the plaintext's scoped PDU, through " + protocol.netSnmpName() + " and back").isEqualTo(direct);
      }
    }
    if (got[0] != null) {
      got[0].toString(); // every value prints
      byte[] again = MessageCodec.encodeScopedPdu(got[0]);
      assertThat(MessageCodec.decodeScopedPdu(again, 0, again.length, List.of())).isEqualTo(got[0]);
    }
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }
}
