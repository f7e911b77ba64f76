package dev.puresnmp.ber;

/**
 * The one-byte BER tags SNMP uses (X.690 §8.1.2; SNMP never needs the multi-byte form). Universal tags,
 * the SNMP application types (RFC 2578 §7.1, RFC 1442 for NsapAddress), the SNMPv2 exception values
 * (RFC 3416 §3) and the PDU tags (RFC 3416 §3, RFC 1157 §4.1).
 */
public final class Tag {
  private Tag() {}

  public static final int INTEGER = 0x02;
  public static final int OCTET_STRING = 0x04;
  public static final int NULL = 0x05;
  public static final int OBJECT_IDENTIFIER = 0x06;
  public static final int SEQUENCE = 0x30;

  public static final int IP_ADDRESS = 0x40;
  public static final int COUNTER32 = 0x41;
  public static final int GAUGE32 = 0x42;
  public static final int TIMETICKS = 0x43;
  public static final int OPAQUE = 0x44;
  public static final int NSAP_ADDRESS = 0x45;
  public static final int COUNTER64 = 0x46;

  public static final int NO_SUCH_OBJECT = 0x80;
  public static final int NO_SUCH_INSTANCE = 0x81;
  public static final int END_OF_MIB_VIEW = 0x82;

  public static final int GET_REQUEST = 0xA0;
  public static final int GET_NEXT_REQUEST = 0xA1;
  public static final int RESPONSE = 0xA2;
  public static final int SET_REQUEST = 0xA3;
  public static final int TRAP_V1 = 0xA4;
  public static final int GET_BULK_REQUEST = 0xA5;
  public static final int INFORM_REQUEST = 0xA6;
  public static final int SNMPV2_TRAP = 0xA7;
  public static final int REPORT = 0xA8;

  /** True for a constructed tag (bit 6 set), whose content is more TLVs. */
  public static boolean isConstructed(int tag) {
    return (tag & 0x20) != 0;
  }

  /** "0x30", for error messages. */
  public static String hex(int tag) {
    return String.format("0x%02x", tag);
  }
}
