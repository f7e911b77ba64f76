package dev.puresnmp.security;

import static dev.puresnmp.security.AuthProtocolTest.MAPLESYRUP;
import static dev.puresnmp.security.AuthProtocolTest.RFC_ENGINE;
import static dev.puresnmp.security.AuthProtocolTest.hex;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PrivProtocolTest {

  @Test
  void reederExtendsAnMd5KeyAsDraftReederAppendixB1Shows() {
    assertThat(PrivProtocol.TRIPLE_DES.localizedKey(AuthProtocol.MD5, MAPLESYRUP, RFC_ENGINE))
        .isEqualTo(hex("526f5eed9fcce26f8964c2930787d82b" + "79eff44a90650ee0a3a40abfac5acc12"));
    assertThat(PrivProtocol.AES256C.localizedKey(AuthProtocol.MD5, MAPLESYRUP, RFC_ENGINE))
        .isEqualTo(hex("526f5eed9fcce26f8964c2930787d82b" + "79eff44a90650ee0a3a40abfac5acc12"));
  }

  @Test
  void reederExtendsAShaKeyAsDraftReederAppendixB2ShowsCutTo32Bytes() {
    // B.2 prints 40 bytes: 6695...8f3f 9b8b6d78936ba6e7d19dfd9cd2d5065547743fb5
    assertThat(PrivProtocol.TRIPLE_DES.localizedKey(AuthProtocol.SHA, MAPLESYRUP, RFC_ENGINE))
        .isEqualTo(hex("6695febc9288e36282235fc7151f128497b38f3f" + "9b8b6d78936ba6e7d19dfd9c"));
  }

  @Test
  void blumenthalExtendsAShaKeyAsDraftBlumenthalAppendixA1Shows() {
    assertThat(PrivProtocol.AES256.localizedKey(AuthProtocol.SHA, MAPLESYRUP, RFC_ENGINE))
        .isEqualTo(hex("6695febc9288e36282235fc7151f128497b38f3f" + "505e07eb9af25568fa1f5dbe"));
  }

  @Test
  void blumenthalAppendsTheHashOfTheKeySoFar() throws Exception {
    byte[] kul = AuthProtocol.MD5.localizedKey(MAPLESYRUP, RFC_ENGINE);
    byte[] h = MessageDigest.getInstance("MD5").digest(kul);
    byte[] expected = Arrays.copyOf(kul, 24);
    System.arraycopy(h, 0, expected, 16, 8);
    assertThat(PrivProtocol.AES192.localizedKey(AuthProtocol.MD5, MAPLESYRUP, RFC_ENGINE)).isEqualTo(expected);
  }

  @Test
  void longDigestsAreCutAndShortOnesNeedNoExtensionForDesAndAes() {
    byte[] kul = AuthProtocol.SHA512.localizedKey(MAPLESYRUP, RFC_ENGINE);
    for (PrivProtocol priv : PrivProtocol.values()) {
      assertThat(priv.localizedKey(AuthProtocol.SHA512, MAPLESYRUP, RFC_ENGINE))
          .isEqualTo(Arrays.copyOf(kul, priv.keyLength()));
    }
    assertThat(PrivProtocol.AES.localizedKey(AuthProtocol.MD5, MAPLESYRUP, RFC_ENGINE))
        .isEqualTo(AuthProtocol.MD5.localizedKey(MAPLESYRUP, RFC_ENGINE));
  }

  @Test
  void tripleDesIsCbcDesEdeWithTheDraftsKeyPreIvAndSalt() throws Exception {
    // draft-reeder-snmpv3-usm-3desede-00, written out: Reeder-extended key; 24 bytes of DES-EDE key,
    // then the pre-IV; salt = boots || 32-bit integer; IV = pre-IV XOR salt; zero padding to 8.
    byte[] password = "privpass123".getBytes(UTF_8);
    byte[] engine = hex("80001f8880aabbccdd");
    byte[] k1 = AuthProtocol.SHA.localizedKey(password, engine);
    byte[] k2 = AuthProtocol.SHA.localizedKey(k1, engine);
    byte[] key = new byte[32];
    System.arraycopy(k1, 0, key, 0, 20);
    System.arraycopy(k2, 0, key, 20, 12);
    int boots = 0x01020304;
    byte[] salt = hex("01020304" + "cafebabe");
    byte[] iv = new byte[8];
    for (int i = 0; i < 8; i++) {
      iv[i] = (byte) (key[24 + i] ^ salt[i]);
    }
    byte[] plaintext = "a scopedPDU of 29 bytes......".getBytes(UTF_8);
    Cipher desede = Cipher.getInstance("DESede/CBC/NoPadding");
    desede.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 24, "DESede"), new IvParameterSpec(iv));
    byte[] expected = desede.doFinal(Arrays.copyOf(plaintext, 32));

    byte[] ours = PrivProtocol.TRIPLE_DES.localizedKey(AuthProtocol.SHA, password, engine);
    PrivProtocol.Encrypted e = PrivProtocol.TRIPLE_DES.encrypt(ours, boots, 99, 0x77777777cafebabeL,
        plaintext, 0, plaintext.length);

    assertThat(ours).isEqualTo(key);
    assertThat(e.privParameters()).isEqualTo(salt);
    assertThat(e.ciphertext()).isEqualTo(expected);
  }

  @Test
  void aesSaltIsAll64BitsAndDesSaltIsBootsThenTheLow32() {
    byte[] key = new byte[32];
    byte[] pdu = new byte[5];
    assertThat(PrivProtocol.AES.encrypt(key, 7, 9, 0x0102030405060708L, pdu, 0, 5).privParameters())
        .isEqualTo(hex("0102030405060708"));
    assertThat(PrivProtocol.DES.encrypt(key, 7, 9, 0x0102030405060708L, pdu, 0, 5).privParameters())
        .isEqualTo(hex("0000000705060708"));
  }

  @Test
  void cbcPadsToWholeBlocksAndCfbDoesNot() {
    byte[] key = new byte[32];
    byte[] pdu = new byte[13];
    assertThat(PrivProtocol.DES.encrypt(key, 1, 2, 3, pdu, 0, 13).ciphertext()).hasSize(16);
    assertThat(PrivProtocol.TRIPLE_DES.encrypt(key, 1, 2, 3, pdu, 0, 13).ciphertext()).hasSize(16);
    assertThat(PrivProtocol.AES256.encrypt(key, 1, 2, 3, pdu, 0, 13).ciphertext()).hasSize(13);
  }

  @Test
  void whatCannotBeDecryptedThrowsADecryptionExceptionSayingWhy() {
    byte[] key = new byte[32];
    assertThatThrownBy(() -> PrivProtocol.AES.decrypt(key, 1, 2, new byte[7], new byte[16], 0, 16))
        .isInstanceOf(DecryptionException.class).hasMessageContaining("must be 8 bytes, not 7");
    assertThatThrownBy(() -> PrivProtocol.DES.decrypt(key, 1, 2, new byte[8], new byte[15], 0, 15))
        .isInstanceOf(DecryptionException.class).hasMessageContaining("multiple of 8 bytes, not 15");
    assertThatThrownBy(() -> PrivProtocol.TRIPLE_DES.decrypt(key, 1, 2, new byte[8], new byte[20], 2, 12))
        .isInstanceOf(DecryptionException.class).hasMessageContaining("not 12");
  }

  @Test
  void aKeyShorterThanTheProtocolNeedsIsRefused() {
    assertThatThrownBy(() -> PrivProtocol.AES256.encrypt(new byte[20], 1, 2, 3, new byte[8], 0, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, not 20");
  }

  @Test
  void namesAreNetSnmpsAndParseAcceptsTheCommonSpellings() {
    assertThat(PrivProtocol.values()).extracting(PrivProtocol::netSnmpName)
        .containsExactly("DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C", "3DES");
    assertThat(PrivProtocol.values()).extracting(PrivProtocol::keyLength)
        .containsExactly(16, 16, 24, 32, 24, 32, 32);
    for (PrivProtocol priv : PrivProtocol.values()) {
      assertThat(PrivProtocol.parse(priv.netSnmpName().toLowerCase())).isSameAs(priv);
    }
    assertThat(PrivProtocol.parse("AES128")).isSameAs(PrivProtocol.AES);
    assertThat(PrivProtocol.parse("aes-128")).isSameAs(PrivProtocol.AES);
    assertThat(PrivProtocol.parse("AES192")).isSameAs(PrivProtocol.AES192);
    assertThat(PrivProtocol.parse("aes192c")).isSameAs(PrivProtocol.AES192C);
    assertThat(PrivProtocol.parse("3DESEDE")).isSameAs(PrivProtocol.TRIPLE_DES);
    assertThatThrownBy(() -> PrivProtocol.parse("blowfish")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'blowfish'").hasMessageContaining("AES-256-C");
  }

  @Property(tries = 300)
  void decryptUndoesEncryptUpToZeroPadding(
      @ForAll PrivProtocol priv,
      @ForAll @Size(32) byte[] key,
      @ForAll int boots,
      @ForAll int time,
      @ForAll long salt,
      @ForAll @Size(max = 200) byte[] plaintext) {
    byte[] framed = new byte[plaintext.length + 3];
    System.arraycopy(plaintext, 0, framed, 2, plaintext.length);

    PrivProtocol.Encrypted e = priv.encrypt(key, boots, time, salt, framed, 2, plaintext.length);
    byte[] wrapped = new byte[e.ciphertext().length + 4];
    System.arraycopy(e.ciphertext(), 0, wrapped, 1, e.ciphertext().length);
    byte[] back = priv.decrypt(key, boots, time, e.privParameters(), wrapped, 1, e.ciphertext().length);

    int padded = priv == PrivProtocol.DES || priv == PrivProtocol.TRIPLE_DES
        ? (plaintext.length + 7) / 8 * 8
        : plaintext.length;
    assertThat(back).isEqualTo(Arrays.copyOf(plaintext, padded));
    assertThat(e.privParameters()).hasSize(8);
  }

  @Test
  void threadsEncryptingAtOnceEachGetTheirOwnResult() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2000; i++) {
            PrivProtocol priv = PrivProtocol.values()[(id + i) % PrivProtocol.values().length];
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) (id * 31 + i));
            byte[] pdu = new byte[8 + i % 40];
            Arrays.fill(pdu, (byte) id);
            PrivProtocol.Encrypted e = priv.encrypt(key, id, i, i, pdu, 0, pdu.length);
            byte[] back = priv.decrypt(key, id, i, e.privParameters(), e.ciphertext(), 0, e.ciphertext().length);
            if (!Arrays.equals(Arrays.copyOf(back, pdu.length), pdu)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Property(tries = 100)
  void anotherBootsOrTimeGivesAnotherAesCiphertext(
      @ForAll @Size(32) byte[] key, @ForAll int boots, @ForAll int time, @ForAll @Size(min = 16, max = 50) byte[] pdu) {
    // At least a block: two ciphertexts of one byte are equal once in 256 IVs, of sixteen bytes never in practice
    byte[] c = PrivProtocol.AES.encrypt(key, boots, time, 1, pdu, 0, pdu.length).ciphertext();
    assertThat(PrivProtocol.AES.encrypt(key, boots, time + 1, 1, pdu, 0, pdu.length).ciphertext()).isNotEqualTo(c);
    assertThat(PrivProtocol.AES.encrypt(key, boots + 1, time, 1, pdu, 0, pdu.length).ciphertext()).isNotEqualTo(c);
  }
}
