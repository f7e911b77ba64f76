package dev.puresnmp.security;

import java.util.Locale;

/**
 * How much of a message USM protects (RFC 3411 §3.4.3): nothing, its integrity, or its integrity
 * and the secrecy of its scopedPDU.
 *
 * <pre>{@code
 * SecurityLevel level = SecurityLevel.parse("authPriv");   // as snmpget -l takes it
 * boolean encrypted = level == SecurityLevel.AUTH_PRIV;
 * }</pre>
 */
public enum SecurityLevel {
  NO_AUTH_NO_PRIV("noAuthNoPriv"),
  AUTH_NO_PRIV("authNoPriv"),
  AUTH_PRIV("authPriv");

  private final String netSnmpName;

  SecurityLevel(String netSnmpName) {
    this.netSnmpName = netSnmpName;
  }

  /** The name {@code snmpget -l} takes: "noAuthNoPriv", "authNoPriv" or "authPriv". */
  public String netSnmpName() {
    return netSnmpName;
  }

  /**
   * The level named by {@code text}, ignoring case, with the spellings Net-SNMP 5.9's {@code -l}
   * accepts: "noAuthNoPriv", "noauth", "nanp", "1"; "authNoPriv", "auth", "anp", "2"; "authPriv",
   * "priv", "ap", "3".
   *
   * @throws IllegalArgumentException for anything else, listing the accepted names
   */
  public static SecurityLevel parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "noauthnopriv", "noauth", "nanp", "1" -> NO_AUTH_NO_PRIV;
      case "authnopriv", "auth", "anp", "2" -> AUTH_NO_PRIV;
      case "authpriv", "priv", "ap", "3" -> AUTH_PRIV;
      default -> throw new IllegalArgumentException("unknown security level '" + text
          + "'; expected noAuthNoPriv (noauth, nanp), authNoPriv (auth, anp) or authPriv (priv, ap)");
    };
  }
}
