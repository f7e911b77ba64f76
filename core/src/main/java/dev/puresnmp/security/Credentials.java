package dev.puresnmp.security;

import dev.puresnmp.smi.Bytes;
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
    return new V3(user, null, null, null, null, null, null);
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
   * An SNMPv3 user of the User-based Security Model (RFC 3414). The protocols and their secrets are
   * null below the level that uses them. A secret is a pass phrase (kept as given, hashed as UTF-8)
   * or, instead, a {@link Key}: a master key or a key already localized to the agent's engine, as
   * Net-SNMP's {@code -3m}/{@code -3k} (authentication) and {@code -3M}/{@code -3K} (privacy) give
   * them. Privacy needs authentication, and a pass phrase needs at least 8 bytes, as in Net-SNMP:
   * both are refused here rather than at the first request. {@code toString()} shows no secret.
   *
   * <pre>{@code
   * Credentials.V3 user = Credentials.v3("admin").auth(AuthProtocol.SHA, "authpass123");
   * assert user.level() == SecurityLevel.AUTH_NO_PRIV;
   * Credentials.V3 byKey = Credentials.v3("admin").auth(AuthProtocol.SHA, Credentials.V3.Key.localized(kul));
   * }</pre>
   */
  record V3(String user, AuthProtocol auth, String authPassword, PrivProtocol priv, String privPassword, Key authKey, Key privKey)
      implements Credentials {
    public V3 {
      Objects.requireNonNull(user, "user");
      if (authPassword != null && authKey != null || privPassword != null && privKey != null) {
        throw new IllegalArgumentException("a pass phrase or a key, not both");
      }
      if ((auth == null) != (authPassword == null && authKey == null)) {
        throw new IllegalArgumentException("an authentication protocol needs a pass phrase (or a key) and vice versa");
      }
      if ((priv == null) != (privPassword == null && privKey == null)) {
        throw new IllegalArgumentException("a privacy protocol needs a pass phrase (or a key) and vice versa");
      }
      if (priv != null && privKey != null && privKey.localized() && privKey.bytes().size() < priv.shortestLocalizedKey()) {
        throw new IllegalArgumentException("a localized " + priv.netSnmpName() + " key has at least " + priv.shortestLocalizedKey() + " bytes, not " + privKey.bytes().size());
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

    /** A user with pass phrases only (no keys). */
    public V3(String user, AuthProtocol auth, String authPassword, PrivProtocol priv, String privPassword) {
      this(user, auth, authPassword, priv, privPassword, null, null);
    }

    /** This user with authentication (authNoPriv, or authPriv if privacy is already set). */
    public V3 auth(AuthProtocol protocol, String passPhrase) {
      return new V3(user, Objects.requireNonNull(protocol, "protocol"),
          Objects.requireNonNull(passPhrase, "passPhrase"), priv, privPassword, null, privKey);
    }

    /** This user with authentication by a key instead of a pass phrase (Net-SNMP's {@code -3m}, {@code -3k}). */
    public V3 auth(AuthProtocol protocol, Key key) {
      return new V3(user, Objects.requireNonNull(protocol, "protocol"), null, priv, privPassword, Objects.requireNonNull(key, "key"), privKey);
    }

    /**
     * This user with privacy (authPriv).
     *
     * @throws IllegalArgumentException if it has no authentication yet
     */
    public V3 priv(PrivProtocol protocol, String passPhrase) {
      return new V3(user, auth, authPassword, Objects.requireNonNull(protocol, "protocol"),
          Objects.requireNonNull(passPhrase, "passPhrase"), authKey, null);
    }

    /**
     * This user with privacy by a key instead of a pass phrase (Net-SNMP's {@code -3M}, {@code -3K}).
     *
     * @throws IllegalArgumentException if it has no authentication yet
     */
    public V3 priv(PrivProtocol protocol, Key key) {
      return new V3(user, auth, authPassword, Objects.requireNonNull(protocol, "protocol"), null, authKey, Objects.requireNonNull(key, "key"));
    }

    /**
     * A USM key given instead of a pass phrase: a master key Ku (RFC 3414 §2.6, what a pass phrase hashes
     * to), localized to each engine as a pass phrase's would be; or a key already localized to the agent's
     * engine (Kul), used as it is with any engine (a privacy key shorter than its protocol needs is extended
     * as a localized pass phrase's is). {@code toString()} shows its kind and length only.
     */
    public record Key(Bytes bytes, boolean localized) {
      public Key {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.size() == 0) {
          throw new IllegalArgumentException("a key has at least one byte");
        }
      }

      /** A master key Ku: what a pass phrase hashes to (RFC 3414 §A.2.1). */
      public static Key master(Bytes ku) {
        return new Key(ku, false);
      }

      /** A key localized to the agent's engine (Kul, RFC 3414 §A.2.2). */
      public static Key localized(Bytes kul) {
        return new Key(kul, true);
      }

      @Override
      public String toString() {
        return "Key[" + (localized ? "localized" : "master") + ", " + bytes.size() + " bytes]";
      }
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
