package dev.puresnmp.transport;

/**
 * Reads the id that ties a reply to its request out of a packet, without decoding the rest: the
 * request-id of SNMPv1/v2c, the msgID of SNMPv3. The transport imports no codec; it reads ids only
 * through this function, {@link #SNMP} by default.
 *
 * <pre>{@code
 * UdpTransport t = UdpTransport.builder().correlationId(CorrelationId.SNMP).build();
 * }</pre>
 */
@FunctionalInterface
public interface CorrelationId {
  /** What {@link #read} returns for bytes that carry no readable id. */
  long NONE = Long.MIN_VALUE;

  /** Request-id (v1, v2c) or msgID (v3) of an SNMP message; {@link #NONE} for anything else. */
  CorrelationId SNMP = new SnmpCorrelationId();

  /** The id in {@code packet[offset .. offset+length)}, or {@link #NONE}. Never throws. */
  long read(byte[] packet, int offset, int length);

  /**
   * Where in {@code packet} the id's last byte is, when the id can be changed there without changing
   * anything else: the transport then numbers an adaptive request's attempts in the id's low bits (see
   * {@link UdpTransport#nextRequestId}). -1 (the default) when it cannot: a v3 msgID, which the digest
   * covers. Never throws.
   */
  default int lastIdByte(byte[] packet, int offset, int length) {
    return -1;
  }
}
