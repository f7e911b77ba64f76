package dev.puresnmp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsV3Test {

  @Test
  void eachStepOfTheBuilderRaisesTheLevel() {
    Credentials.V3 none = Credentials.v3("u");
    Credentials.V3 auth = none.auth(AuthProtocol.SHA256, "authpass123");
    Credentials.V3 priv = auth.priv(PrivProtocol.AES, "privpass123");

    assertThat(none.level()).isEqualTo(SecurityLevel.NO_AUTH_NO_PRIV);
    assertThat(auth.level()).isEqualTo(SecurityLevel.AUTH_NO_PRIV);
    assertThat(priv.level()).isEqualTo(SecurityLevel.AUTH_PRIV);
    assertThat(none.auth()).isNull();
    assertThat(priv.auth()).isEqualTo(AuthProtocol.SHA256);
    assertThat(priv.privPassword()).isEqualTo("privpass123");
  }

  @Test
  void privacyWithoutAuthenticationIsRefused() {
    assertThatThrownBy(() -> Credentials.v3("u").priv(PrivProtocol.AES, "privpass123"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without authentication");
    assertThatThrownBy(() -> new Credentials.V3("u", null, null, PrivProtocol.DES, "privpass123"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void passPhrasesShorterThan8CharactersAreRefused() {
    assertThatThrownBy(() -> Credentials.v3("u").auth(AuthProtocol.MD5, "short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8 characters");
    Credentials.V3 auth = Credentials.v3("u").auth(AuthProtocol.MD5, "authpass123");
    assertThatThrownBy(() -> auth.priv(PrivProtocol.DES, "1234567"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8 characters");
  }

  @Test
  void aProtocolWithoutPassPhraseIsRefused() {
    assertThatThrownBy(() -> new Credentials.V3("u", AuthProtocol.SHA, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credentials.v3(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aKeyTakesAPassPhrasesPlaceButNotBesideIt() {
    dev.puresnmp.smi.Bytes ku = dev.puresnmp.smi.Bytes.decodeHex("0102030405060708090a0b0c0d0e0f10");
    Credentials.V3 byKeys = Credentials.v3("u").auth(AuthProtocol.MD5, Credentials.V3.Key.master(ku)).priv(PrivProtocol.DES, Credentials.V3.Key.localized(ku));
    assertThat(byKeys.level()).isEqualTo(SecurityLevel.AUTH_PRIV);
    assertThat(byKeys.authPassword()).isNull();
    assertThat(byKeys.authKey()).isEqualTo(Credentials.V3.Key.master(ku));
    assertThat(byKeys.toString()).isEqualTo("V3[user=u, auth=MD5, priv=DES]").doesNotContain("0102");
    assertThat(Credentials.V3.Key.master(ku)).hasToString("Key[master, 16 bytes]");
    assertThat(byKeys.auth(AuthProtocol.MD5, "authpass123").authKey()).as("a pass phrase replaces the key").isNull();
    assertThatThrownBy(() -> new Credentials.V3("u", AuthProtocol.MD5, "authpass123", null, null, Credentials.V3.Key.master(ku), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> Credentials.V3.Key.master(dev.puresnmp.smi.Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    Credentials.V3 auth = Credentials.v3("u").auth(AuthProtocol.MD5, "authpass123");
    assertThatThrownBy(() -> auth.priv(PrivProtocol.AES, Credentials.V3.Key.localized(dev.puresnmp.smi.Bytes.decodeHex("0102"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a localized AES key has at least 16 bytes, not 2");
    assertThat(auth.priv(PrivProtocol.AES256, Credentials.V3.Key.localized(dev.puresnmp.smi.Bytes.decodeHex("0102"))).level())
        .as("a protocol that extends keys takes a short one").isEqualTo(SecurityLevel.AUTH_PRIV);
  }

  @Test
  void toStringNamesProtocolsButNeverPassPhrases() {
    Credentials.V3 priv = Credentials.v3("u").auth(AuthProtocol.SHA256, "authpass123")
        .priv(PrivProtocol.AES256C, "privpass123");
    assertThat(priv.toString())
        .isEqualTo("V3[user=u, auth=SHA-256, priv=AES-256-C]")
        .doesNotContain("authpass123", "privpass123");
    assertThat(Credentials.v3("u")).hasToString("V3[user=u, auth=none, priv=none]");
  }

  @Test
  void equalCredentialsAreEqual() {
    Credentials.V3 a = Credentials.v3("u").auth(AuthProtocol.SHA, "authpass123");
    Credentials.V3 b = Credentials.v3("u").auth(AuthProtocol.SHA, new String("authpass123"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Credentials.v3("u").auth(AuthProtocol.SHA, "authpass124"));
    assertThat(a).isNotEqualTo(Credentials.v3("u").auth(AuthProtocol.MD5, "authpass123"));
  }

  @Test
  void securityLevelsParseNetSnmpsSpellings() {
    for (String s : new String[] {"noAuthNoPriv", "NOAUTH", "nanp", "1"}) {
      assertThat(SecurityLevel.parse(s)).isEqualTo(SecurityLevel.NO_AUTH_NO_PRIV);
    }
    for (String s : new String[] {"authNoPriv", "auth", "ANP", "2"}) {
      assertThat(SecurityLevel.parse(s)).isEqualTo(SecurityLevel.AUTH_NO_PRIV);
    }
    for (String s : new String[] {"authPriv", "priv", "ap", "3"}) {
      assertThat(SecurityLevel.parse(s)).isEqualTo(SecurityLevel.AUTH_PRIV);
    }
    assertThat(SecurityLevel.values()).extracting(SecurityLevel::netSnmpName)
        .containsExactly("noAuthNoPriv", "authNoPriv", "authPriv");
    assertThatThrownBy(() -> SecurityLevel.parse("none")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'none'");
  }
}
