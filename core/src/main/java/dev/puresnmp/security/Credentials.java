package dev.puresnmp.security;

import java.util.Objects;

/**
 * Who we are to an agent: a community for SNMPv1 and SNMPv2c, a USM user for SNMPv3.
 *
 * <pre>{@code
 * SnmpClient c = SnmpClient.builder("127.0.0.1:161", Credentials.v2c("public")).build();
 * Credentials.V3 user = Credentials.v3("admin")
 *     .auth(AuthProtocol.SHA256, "authpass123")
 *     .priv(PrivProtocol.AES, "privpass123");
 * }</pre>
 */
public sealed interface Credentials permits Credentials.V1, Credentials.V2c, Credentials.V3 {

  /** SNMPv1 with a community (RFC 1157). */
  static V1 v1(String community) {
    return new V1(community);
  }

  /** SNMPv2c with a community (RFC 1901). */
  static V2c v2c(String community) {
    return new V2c(community);
  }

  /** An SNMPv3 user without authentication or privacy (noAuthNoPriv); add them with {@link V3#auth}. */
  static V3 v3(String user) {
    return new V3(user, null, null, null, null);
  }

  /** SNMPv1: no GETBULK, no exception values; errors are v1's five. The community is sent as UTF-8. */
  record V1(String community) implements Credentials {
    public V1 {
      Objects.requireNonNull(community, "community");
    }

    @Override
    public String toString() {
      return "V1[community=***]";
    }
  }

  /** SNMPv2c. The community is sent as UTF-8. */
  record V2c(String community) implements Credentials {
    public V2c {
      Objects.requireNonNull(community, "community");
    }

    @Override
    public String toString() {
      return "V2c[community=***]";
    }
  }

  /**
   * An SNMPv3 user of the User-based Security Model (RFC 3414). The protocols and pass phrases are
   * null below the level that uses them; pass phrases are kept as given and hashed as UTF-8.
   * Privacy needs authentication, and a pass phrase needs at least 8 bytes, as in Net-SNMP: both
   * are refused here rather than at the first request. {@code toString()} shows no pass phrase.
   *
   * <pre>{@code
   * Credentials.V3 user = Credentials.v3("admin").auth(AuthProtocol.SHA, "authpass123");
   * assert user.level() == SecurityLevel.AUTH_NO_PRIV;
   * }</pre>
   */
  record V3(String user, AuthProtocol auth, String authPassword, PrivProtocol priv, String privPassword)
      implements Credentials {
    public V3 {
      Objects.requireNonNull(user, "user");
      if ((auth == null) != (authPassword == null)) {
        throw new IllegalArgumentException("an authentication protocol needs a pass phrase and vice versa");
      }
      if ((priv == null) != (privPassword == null)) {
        throw new IllegalArgumentException("a privacy protocol needs a pass phrase and vice versa");
      }
      if (priv != null && auth == null) {
        throw new IllegalArgumentException("privacy without authentication is not a USM security level");
      }
      if (authPassword != null) {
        AuthProtocol.requireLongEnough(AuthProtocol.utf8(authPassword).length);
      }
      if (privPassword != null) {
        AuthProtocol.requireLongEnough(AuthProtocol.utf8(privPassword).length);
      }
    }

    /** This user with authentication (authNoPriv, or authPriv if privacy is already set). */
    public V3 auth(AuthProtocol protocol, String passPhrase) {
      return new V3(user, Objects.requireNonNull(protocol, "protocol"),
          Objects.requireNonNull(passPhrase, "passPhrase"), priv, privPassword);
    }

    /**
     * This user with privacy (authPriv).
     *
     * @throws IllegalArgumentException if it has no authentication yet
     */
    public V3 priv(PrivProtocol protocol, String passPhrase) {
      return new V3(user, auth, authPassword, Objects.requireNonNull(protocol, "protocol"),
          Objects.requireNonNull(passPhrase, "passPhrase"));
    }

    /** The level these credentials provide. */
    public SecurityLevel level() {
      return priv != null ? SecurityLevel.AUTH_PRIV
          : auth != null ? SecurityLevel.AUTH_NO_PRIV
          : SecurityLevel.NO_AUTH_NO_PRIV;
    }

    @Override
    public String toString() {
      return "V3[user=" + user
          + ", auth=" + (auth == null ? "none" : auth.netSnmpName())
          + ", priv=" + (priv == null ? "none" : priv.netSnmpName()) + "]";
    }
  }
}
