package dev.puresnmp.message;

/** The SNMP versions, with their msgVersion code on the wire (RFC 1157, RFC 1901, RFC 3412). */
public enum SnmpVersion {
  V1(0, "1"),
  V2C(1, "2c"),
  V3(3, "3");

  private final int code;
  private final String label;

  SnmpVersion(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The version field's value: 0, 1 or 3. */
  public int code() {
    return code;
  }

  /** As Net-SNMP's {@code -v} names it: "1", "2c", "3". */
  public String label() {
    return label;
  }

  /** The version of a wire code, or null for a code no RFC assigned. */
  static SnmpVersion ofCode(long code) {
    for (SnmpVersion v : values()) {
      if (v.code == code) {
        return v;
      }
    }
    return null;
  }
}
