package dev.puresnmp.smi;

import dev.puresnmp.ber.Tag;

/**
 * The type of a {@link Value}, with its BER tag: switch on it (Java 17 has no pattern switch), and a
 * switch expression over it is exhaustive.
 */
public enum SmiType {
  INTEGER32(Tag.INTEGER, "INTEGER"),
  OCTET_STRING(Tag.OCTET_STRING, "OCTET STRING"),
  NULL(Tag.NULL, "NULL"),
  OBJECT_IDENTIFIER(Tag.OBJECT_IDENTIFIER, "OBJECT IDENTIFIER"),
  IP_ADDRESS(Tag.IP_ADDRESS, "IpAddress"),
  COUNTER32(Tag.COUNTER32, "Counter32"),
  GAUGE32(Tag.GAUGE32, "Gauge32"),
  TIMETICKS(Tag.TIMETICKS, "TimeTicks"),
  OPAQUE(Tag.OPAQUE, "Opaque"),
  NSAP_ADDRESS(Tag.NSAP_ADDRESS, "NsapAddress"),
  COUNTER64(Tag.COUNTER64, "Counter64"),
  NO_SUCH_OBJECT(Tag.NO_SUCH_OBJECT, "noSuchObject"),
  NO_SUCH_INSTANCE(Tag.NO_SUCH_INSTANCE, "noSuchInstance"),
  END_OF_MIB_VIEW(Tag.END_OF_MIB_VIEW, "endOfMibView"),
  /** A tag nobody assigned; {@link Unknown#tag()} has the actual one. */
  UNKNOWN(-1, "unknown");

  private final int tag;
  private final String smiName;

  SmiType(int tag, String smiName) {
    this.tag = tag;
    this.smiName = smiName;
  }

  /** The BER tag, or -1 for {@link #UNKNOWN}. */
  public int tag() {
    return tag;
  }

  /** The name the SMI (RFC 2578) uses: "Counter32", "OCTET STRING". */
  public String smiName() {
    return smiName;
  }
}
