package dev.puresnmp.ber;

import dev.puresnmp.SnmpException;

/**
 * A byte string is not a well-formed SNMP message. {@link #offset()} is where the decoder stopped,
 * counted from the first byte of the message; {@link #reason()} says what it expected and what it found.
 *
 * <pre>{@code
 * try {
 *   MessageCodec.decode(datagram);
 * } catch (MalformedPacketException e) {
 *   System.err.println("malformed packet at offset " + e.offset() + ": " + e.reason());
 * }
 * }</pre>
 */
public final class MalformedPacketException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String reason;

  public MalformedPacketException(int offset, String reason) {
    super(reason + " at offset " + offset);
    this.offset = offset;
    this.reason = reason;
  }

  /** Where decoding stopped, counted from the first byte of the message. */
  public int offset() {
    return offset;
  }

  /** What was wrong, without the offset: "length 300 exceeds remaining 12". */
  public String reason() {
    return reason;
  }
}
