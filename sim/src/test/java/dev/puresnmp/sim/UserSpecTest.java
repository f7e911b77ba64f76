package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import org.junit.jupiter.api.Test;

class UserSpecTest {
  @Test
  void aUserIsWrittenWithNetSnmpsProtocolNames() {
    assertThat(UserSpec.parse("usr:SHA-256:authpass123:AES:privpass123"))
        .isEqualTo(Credentials.v3("usr").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123"));
    assertThat(UserSpec.parse("ro:md5:authpass123")).isEqualTo(Credentials.v3("ro").auth(AuthProtocol.MD5, "authpass123"));
    assertThat(UserSpec.parse("guest")).isEqualTo(Credentials.v3("guest"));
  }

  @Test
  void aWrongNumberOfFieldsIsRefusedWithoutShowingPassPhrases() {
    assertThatThrownBy(() -> UserSpec.parse("usr:SHA:secretpass1:AES")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usr").hasMessageNotContaining("secretpass1");
    assertThatThrownBy(() -> UserSpec.parse("usr:SHA:short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserSpec.parse("usr:SHA9:authpass123")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDescriptionNamesLevelAndProtocolsButNoPassPhrase() {
    assertThat(UserSpec.describe(UserSpec.parse("usr:SHA-256:authpass123:AES:privpass123"))).isEqualTo("usr (authPriv, SHA-256, AES)");
    assertThat(UserSpec.describe(Credentials.v3("guest"))).isEqualTo("guest (noAuthNoPriv)");
  }
}
