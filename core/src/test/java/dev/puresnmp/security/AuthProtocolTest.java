package dev.puresnmp.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthProtocolTest {
  static final byte[] MAPLESYRUP = "maplesyrup".getBytes(UTF_8);
  /** The engine ID of RFC 3414 §A.3. */
  static final byte[] RFC_ENGINE = hex("000000000000000000000002");

  @Test
  void md5KeysAreThoseOfRfc3414SectionA31() {
    byte[] ku = AuthProtocol.MD5.passwordToKey(MAPLESYRUP);
    assertThat(ku).isEqualTo(hex("9faf3283884e92834ebc9847d8edd963"));
    assertThat(AuthProtocol.MD5.localize(ku, RFC_ENGINE)).isEqualTo(hex("526f5eed9fcce26f8964c2930787d82b"));
  }

  @Test
  void shaKeysAreThoseOfRfc3414SectionA32() {
    byte[] ku = AuthProtocol.SHA.passwordToKey(MAPLESYRUP);
    assertThat(ku).isEqualTo(hex("9fb5cc0381497b3793528939ff788d5d79145211"));
    assertThat(AuthProtocol.SHA.localizedKey(MAPLESYRUP, RFC_ENGINE))
        .isEqualTo(hex("6695febc9288e36282235fc7151f128497b38f3f"));
  }

  @ParameterizedTest
  @EnumSource(AuthProtocol.class)
  void keysFollowRfc3414AppendixA2WrittenOutPlainly(AuthProtocol auth) throws Exception {
    // RFC 3414 §A.2.1 (RFC 7860 §4.2 for SHA-2): hash the pass phrase repeated over 1 MB ...
    String algorithm = switch (auth) {
      case MD5 -> "MD5";
      case SHA -> "SHA-1";
      default -> auth.netSnmpName();
    };
    byte[] password = "authpass123".getBytes(UTF_8);
    byte[] megabyte = new byte[1_048_576];
    for (int i = 0; i < megabyte.length; i++) {
      megabyte[i] = password[i % password.length];
    }
    byte[] ku = MessageDigest.getInstance(algorithm).digest(megabyte);
    // ... §A.2.2: then hash Ku || engineID || Ku
    byte[] engineId = hex("80001f8880aabbccddeeff0011");
    MessageDigest localize = MessageDigest.getInstance(algorithm);
    localize.update(ku);
    localize.update(engineId);
    localize.update(ku);
    byte[] kul = localize.digest();

    assertThat(auth.passwordToKey(password)).isEqualTo(ku);
    assertThat(auth.localizedKey(password, engineId)).isEqualTo(kul).hasSize(auth.keyLength());
  }

  @ParameterizedTest
  @EnumSource(AuthProtocol.class)
  void theMacIsTheHmacOfTheMessageWithZerosInItsPlaceTruncated(AuthProtocol auth) throws Exception {
    byte[] key = auth.localizedKey("authpass123".getBytes(UTF_8), RFC_ENGINE);
    byte[] message = new byte[100];
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 7);
    }
    int macAt = 30;
    byte[] zeroed = message.clone();
    Arrays.fill(zeroed, macAt, macAt + auth.macLength(), (byte) 0);
    String jca = "Hmac" + (auth == AuthProtocol.SHA ? "SHA1" : auth.name());
    Mac mac = Mac.getInstance(jca);
    mac.init(new SecretKeySpec(key, jca));
    byte[] full = mac.doFinal(zeroed);

    auth.sign(key, message, 0, message.length, macAt);

    byte[] expected = zeroed.clone();
    System.arraycopy(full, 0, expected, macAt, auth.macLength());
    assertThat(message).isEqualTo(expected);
  }

  @Test
  void lengthsAreThoseOfRfc3414AndRfc7860() {
    assertThat(AuthProtocol.values()).extracting(AuthProtocol::keyLength).containsExactly(16, 20, 28, 32, 48, 64);
    assertThat(AuthProtocol.values()).extracting(AuthProtocol::macLength).containsExactly(12, 12, 16, 24, 32, 48);
  }

  @Test
  void namesAreNetSnmpsAndParseAcceptsTheCommonSpellings() {
    assertThat(AuthProtocol.values()).extracting(AuthProtocol::netSnmpName)
        .containsExactly("MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512");
    for (AuthProtocol auth : AuthProtocol.values()) {
      assertThat(AuthProtocol.parse(auth.netSnmpName().toLowerCase())).isSameAs(auth);
    }
    assertThat(AuthProtocol.parse("SHA1")).isSameAs(AuthProtocol.SHA);
    assertThat(AuthProtocol.parse("sha-1")).isSameAs(AuthProtocol.SHA);
    assertThat(AuthProtocol.parse("SHA224")).isSameAs(AuthProtocol.SHA224);
    assertThat(AuthProtocol.parse("sha512")).isSameAs(AuthProtocol.SHA512);
    assertThatThrownBy(() -> AuthProtocol.parse("SHA3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SHA3'").hasMessageContaining("MD5, SHA, SHA-224");
  }

  @Test
  void passPhrasesShorterThan8BytesAreRefusedAsNetSnmpDoes() {
    assertThatThrownBy(() -> AuthProtocol.SHA.passwordToKey("1234567".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8 characters");
    assertThat(AuthProtocol.SHA.passwordToKey("12345678".getBytes(UTF_8))).hasSize(20);
  }

  @Test
  void aMacOutsideTheMessageIsRefused() {
    byte[] key = new byte[16];
    assertThatThrownBy(() -> AuthProtocol.MD5.sign(key, new byte[20], 0, 20, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the message");
    assertThatThrownBy(() -> AuthProtocol.MD5.verify(new byte[20], new byte[40], 0, 40, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes, not 20");
  }

  @Property(tries = 200)
  void aSignedMessageVerifiesAndVerifyingChangesNothing(@ForAll("signed") Signed s) {
    byte[] before = s.message.clone();
    assertThat(s.auth.verify(s.key, s.message, s.offset, s.length, s.macAt)).isTrue();
    assertThat(s.message).isEqualTo(before);
  }

  @Property(tries = 300)
  void flippingAnyBitOfTheMessageOrItsMacFailsVerification(@ForAll("signed") Signed s, @ForAll long seed) {
    int bit = (int) Math.floorMod(seed, (long) s.length * 8);
    s.message[s.offset + bit / 8] ^= (byte) (1 << (bit % 8));
    assertThat(s.auth.verify(s.key, s.message, s.offset, s.length, s.macAt)).isFalse();
  }

  @Property(tries = 100)
  void bytesOutsideTheRangeDoNotCount(@ForAll("signed") Signed s, @ForAll byte junk) {
    if (s.offset > 0) {
      s.message[s.offset - 1] ^= (byte) (junk | 1);
    }
    s.message[s.message.length - 1] ^= (byte) (junk | 1); // the array is one byte longer than the range
    assertThat(s.auth.verify(s.key, s.message, s.offset, s.length, s.macAt)).isTrue();
  }

  /** A message signed at a random place within a random range of a larger array. */
  record Signed(AuthProtocol auth, byte[] key, byte[] message, int offset, int length, int macAt) {}

  @Provide
  Arbitrary<Signed> signed() {
    return Combinators.combine(
            Arbitraries.of(AuthProtocol.class),
            Arbitraries.bytes().array(byte[].class).ofSize(64),
            Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 1000))
        .as((auth, keyBytes, body, offset, where) -> {
          byte[] key = Arrays.copyOf(keyBytes, auth.keyLength());
          int length = body.length + auth.macLength();
          byte[] message = new byte[offset + length + 1];
          System.arraycopy(body, 0, message, offset, body.length);
          int macAt = offset + where % (length - auth.macLength() + 1);
          // make room for the MAC: move what is there to the end of the range
          System.arraycopy(message, macAt, message, macAt + auth.macLength(), offset + body.length - macAt);
          Arrays.fill(message, macAt, macAt + auth.macLength(), (byte) 0);
          auth.sign(key, message, offset, length, macAt);
          return new Signed(auth, key, message, offset, length, macAt);
        });
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
