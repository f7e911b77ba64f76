package dev.puresnmp.pdu;

import dev.puresnmp.ber.Tag;

/**
 * The type of a PDU, by its context tag (RFC 3416 §3, RFC 1157 §4.1). An open enum: {@link #of} never
 * fails, a tag nobody assigned gives "unknown(0xa9)". Switch on {@link #tag()} with the {@link Tag}
 * constants.
 *
 * <pre>{@code
 * if (pdu.type().equals(PduType.REPORT)) { ... }
 * PduType.of(0xa2).name();   // "Response"
 * }</pre>
 */
public record PduType(int tag, String name) {
  public static final PduType GET_REQUEST = new PduType(Tag.GET_REQUEST, "GetRequest");
  public static final PduType GET_NEXT_REQUEST = new PduType(Tag.GET_NEXT_REQUEST, "GetNextRequest");
  public static final PduType RESPONSE = new PduType(Tag.RESPONSE, "Response");
  public static final PduType SET_REQUEST = new PduType(Tag.SET_REQUEST, "SetRequest");
  public static final PduType TRAP_V1 = new PduType(Tag.TRAP_V1, "Trap");
  public static final PduType GET_BULK_REQUEST = new PduType(Tag.GET_BULK_REQUEST, "GetBulkRequest");
  public static final PduType INFORM_REQUEST = new PduType(Tag.INFORM_REQUEST, "InformRequest");
  public static final PduType SNMPV2_TRAP = new PduType(Tag.SNMPV2_TRAP, "SNMPv2-Trap");
  public static final PduType REPORT = new PduType(Tag.REPORT, "Report");

  private static final PduType[] KNOWN = {
    GET_REQUEST, GET_NEXT_REQUEST, RESPONSE, SET_REQUEST, TRAP_V1, GET_BULK_REQUEST, INFORM_REQUEST,
    SNMPV2_TRAP, REPORT
  };

  public PduType {
    if (tag < 0 || tag > 0xFF) {
      throw new IllegalArgumentException("PDU tag must be one byte, not " + tag);
    }
    java.util.Objects.requireNonNull(name, "name");
  }

  /** The constant for {@code tag}, or an "unknown(0x..)" type. */
  public static PduType of(int tag) {
    int i = tag - Tag.GET_REQUEST;
    if (i >= 0 && i < KNOWN.length) {
      return KNOWN[i];
    }
    return new PduType(tag, "unknown(" + Tag.hex(tag) + ")");
  }

  /** True for the nine types RFC 1157 and RFC 3416 assign. */
  public boolean isKnown() {
    int i = tag - Tag.GET_REQUEST;
    return i >= 0 && i < KNOWN.length;
  }

  @Override
  public String toString() {
    return name;
  }
}
