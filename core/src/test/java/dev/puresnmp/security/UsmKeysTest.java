package dev.puresnmp.security;

import static dev.puresnmp.security.AuthProtocolTest.hex;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UsmKeysTest {
  static final byte[] ENGINE_A = hex("80001f8880aabbccdd");
  static final byte[] ENGINE_B = hex("80001f8880aabbccde");
  static final Credentials.V3 USER = Credentials.v3("u")
      .auth(AuthProtocol.MD5, "authpass123").priv(PrivProtocol.AES256C, "privpass123");

  @Test
  void keysAreThoseOfTheProtocols() {
    UsmKeys keys = new UsmKeys();
    assertThat(keys.authKey(USER, ENGINE_A))
        .isEqualTo(AuthProtocol.MD5.localizedKey("authpass123".getBytes(UTF_8), ENGINE_A));
    assertThat(keys.privKey(USER, ENGINE_A))
        .isEqualTo(PrivProtocol.AES256C.localizedKey(AuthProtocol.MD5, "privpass123".getBytes(UTF_8), ENGINE_A));
  }

  @Test
  void aMasterKeyGivesTheKeysItsPassPhraseWouldForEveryEngine() {
    UsmKeys keys = new UsmKeys();
    for (PrivProtocol priv : PrivProtocol.values()) {
      Credentials.V3 phrases = Credentials.v3("u").auth(AuthProtocol.SHA, "authpass123").priv(priv, "privpass123");
      Credentials.V3 masters = Credentials.v3("u")
          .auth(AuthProtocol.SHA, Credentials.V3.Key.master(dev.puresnmp.smi.Bytes.of(AuthProtocol.SHA.passwordToKey("authpass123".getBytes(UTF_8)))))
          .priv(priv, Credentials.V3.Key.master(dev.puresnmp.smi.Bytes.of(AuthProtocol.SHA.passwordToKey("privpass123".getBytes(UTF_8)))));
      for (byte[] engine : new byte[][] {ENGINE_A, ENGINE_B}) {
        assertThat(keys.authKey(masters, engine)).isEqualTo(keys.authKey(phrases, engine));
        assertThat(keys.privKey(masters, engine)).as(priv.netSnmpName()).isEqualTo(keys.privKey(phrases, engine));
      }
    }
  }

  @Test
  void aLocalizedKeyIsUsedAsItIsWithAnyEngineAndAShortPrivacyKeyExtended() {
    UsmKeys keys = new UsmKeys();
    byte[] authKul = AuthProtocol.SHA256.localizedKey("authpass123".getBytes(UTF_8), ENGINE_A);
    byte[] privKul = AuthProtocol.SHA256.localizedKey("privpass123".getBytes(UTF_8), ENGINE_A);
    Credentials.V3 phrases = Credentials.v3("u").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES256C, "privpass123");
    Credentials.V3 localized = Credentials.v3("u").auth(AuthProtocol.SHA256, Credentials.V3.Key.localized(dev.puresnmp.smi.Bytes.of(authKul)))
        .priv(PrivProtocol.AES256C, Credentials.V3.Key.localized(dev.puresnmp.smi.Bytes.of(privKul)));
    assertThat(keys.authKey(localized, ENGINE_A)).isEqualTo(keys.authKey(phrases, ENGINE_A));
    assertThat(keys.privKey(localized, ENGINE_A)).as("extended as Net-SNMP extends -3K").isEqualTo(keys.privKey(phrases, ENGINE_A));
    assertThat(keys.authKey(localized, ENGINE_B)).as("a localized key does not change with the engine").isEqualTo(authKul);
  }

  @Test
  void theSameUserAndEngineGetTheSameArrayTheSecondTime() {
    UsmKeys keys = new UsmKeys();
    assertThat(keys.authKey(USER, ENGINE_A)).isSameAs(keys.authKey(USER, ENGINE_A.clone()));
    assertThat(keys.privKey(USER, ENGINE_A)).isSameAs(keys.privKey(USER, ENGINE_A.clone()));
    Credentials.V3 equalUser = Credentials.v3("other").auth(AuthProtocol.MD5, "authpass123");
    assertThat(keys.authKey(equalUser, ENGINE_A)).isSameAs(keys.authKey(USER, ENGINE_A));
  }

  @Test
  void anotherEngineGetsAnotherKey() {
    UsmKeys keys = new UsmKeys();
    assertThat(keys.authKey(USER, ENGINE_B)).isNotEqualTo(keys.authKey(USER, ENGINE_A));
    assertThat(keys.privKey(USER, ENGINE_B)).isNotEqualTo(keys.privKey(USER, ENGINE_A));
  }

  @Test
  void changingTheCallersEngineIdAfterwardsDoesNotChangeTheCache() {
    UsmKeys keys = new UsmKeys();
    byte[] engine = ENGINE_A.clone();
    byte[] key = keys.authKey(USER, engine);
    engine[0] = 0;
    assertThat(keys.authKey(USER, ENGINE_A)).isSameAs(key);
  }

  @Test
  void lowerLevelsHaveNoKeys() {
    UsmKeys keys = new UsmKeys();
    assertThat(keys.authKey(Credentials.v3("u"), ENGINE_A)).isNull();
    assertThat(keys.privKey(Credentials.v3("u"), ENGINE_A)).isNull();
    assertThat(keys.privKey(Credentials.v3("u").auth(AuthProtocol.SHA, "authpass123"), ENGINE_A)).isNull();
  }

  @Test
  void aFullCacheStartsOverAndStillGivesTheRightKeys() {
    UsmKeys keys = new UsmKeys(2);
    byte[] first = keys.authKey(USER, ENGINE_A);
    keys.authKey(USER, ENGINE_B);
    keys.authKey(USER, hex("01"));
    assertThat(keys.authKey(USER, ENGINE_A)).isEqualTo(first).isNotSameAs(first);
    assertThatThrownBy(() -> new UsmKeys(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyThreadsAtOnceGetOneKeyPerEngine() throws Exception {
    UsmKeys keys = new UsmKeys();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[][]>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        byte[] engine = i % 2 == 0 ? ENGINE_A : ENGINE_B;
        results.add(pool.submit(() -> new byte[][] {keys.authKey(USER, engine), keys.privKey(USER, engine)}));
      }
      for (int i = 0; i < results.size(); i++) {
        byte[][] got = results.get(i).get();
        byte[] engine = i % 2 == 0 ? ENGINE_A : ENGINE_B;
        assertThat(got[0]).isSameAs(keys.authKey(USER, engine));
        assertThat(got[1]).isSameAs(keys.privKey(USER, engine));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
