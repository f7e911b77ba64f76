package dev.puresnmp.sim;

import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;

/**
 * An SNMPv3 user written on one line, as {@code puresnmp sim --user} and {@link SimulatorData#users()}
 * take it: {@code NAME}, {@code NAME:AUTH:AUTHPASS} or {@code NAME:AUTH:AUTHPASS:PRIV:PRIVPASS}, with
 * Net-SNMP's protocol names ({@code -a}: MD5, SHA, SHA-224 … SHA-512; {@code -x}: DES, AES, AES-192,
 * AES-256, AES-192-C, AES-256-C, 3DES). Pass phrases cannot hold a colon here.
 *
 * <pre>{@code
 * Credentials.V3 u = UserSpec.parse("usr:SHA-256:authpass123:AES:privpass123");
 * }</pre>
 */
public final class UserSpec {
  private UserSpec() {}

  /**
   * The user {@code spec} describes.
   *
   * @throws IllegalArgumentException for another number of fields, an unknown protocol or a pass phrase
   *     shorter than 8 bytes
   */
  public static Credentials.V3 parse(String spec) {
    String[] f = spec.split(":", -1);
    if ((f.length != 1 && f.length != 3 && f.length != 5) || f[0].isEmpty()) {
      throw new IllegalArgumentException("user \"" + f[0] + "\" has " + f.length + " fields (pass phrases not shown); expected NAME, NAME:AUTH:AUTHPASS or NAME:AUTH:AUTHPASS:PRIV:PRIVPASS");
    }
    Credentials.V3 user = Credentials.v3(f[0]);
    if (f.length >= 3) {
      user = user.auth(AuthProtocol.parse(f[1]), f[2]);
    }
    if (f.length == 5) {
      user = user.priv(PrivProtocol.parse(f[3]), f[4]);
    }
    return user;
  }

  /** The user without its pass phrases, for a listing: "usr (authPriv, SHA-256, AES)". */
  public static String describe(Credentials.V3 user) {
    return user.user() + " (" + user.level().netSnmpName()
        + (user.auth() == null ? "" : ", " + user.auth().netSnmpName())
        + (user.priv() == null ? "" : ", " + user.priv().netSnmpName()) + ")";
  }
}
