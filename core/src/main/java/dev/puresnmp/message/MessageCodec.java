package dev.puresnmp.message;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.BerWriter;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.ber.Tag;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduCodec;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.ValueCodec;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes and decodes whole SNMP messages. Pure and bounded: no socket, clock or logger; any byte string
 * either decodes or fails with {@link MalformedPacketException} (offset and reason), and nothing it
 * allocates is larger than its input. The UDP transport, the trap listener, the simulator and the
 * command line all use this one codec.
 *
 * <pre>{@code
 * byte[] wire = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(1, oids)));
 * Message reply = MessageCodec.decode(ByteBuffer.wrap(datagram, 0, length));
 * }</pre>
 */
public final class MessageCodec {
  /** The largest UDP payload over IPv4 (65,535 − 8 − 20), so the largest SNMP message we handle. */
  public static final int MESSAGE_MAX_SIZE = 65_507;

  private static final int KEEP_WRITER_CAPACITY = 1 << 16;
  private static final ThreadLocal<BerWriter> WRITERS = ThreadLocal.withInitial(() -> new BerWriter(2048));

  private MessageCodec() {}

  /**
   * Decodes the bytes between the buffer's position and limit, exactly one message; the buffer's
   * position is not moved. Heap buffers are read in place, direct ones copied once.
   */
  public static Message decode(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      return decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return decode(copy, 0, copy.length);
  }

  /** Decodes exactly one message from the whole array. */
  public static Message decode(byte[] packet) {
    return decode(packet, 0, packet.length);
  }

  /** Decodes exactly one message from {@code packet[offset .. offset+length)}. */
  public static Message decode(byte[] packet, int offset, int length) {
    BerReader r = new BerReader(packet, offset, length);
    int outer = r.enter(Tag.SEQUENCE);
    int versionAt = r.absolutePosition();
    long code = r.readSigned(r.readHeader(Tag.INTEGER), versionAt);
    SnmpVersion version = SnmpVersion.ofCode(code);
    if (version == null || version == SnmpVersion.V3) {
      throw r.errorAt(versionAt, "unsupported SNMP version " + code + " (this codec reads 0 = v1 and 1 = v2c)");
    }
    Bytes community = ValueCodec.readBytes(r, Tag.OCTET_STRING);
    Pdu pdu = PduCodec.read(r);
    r.leave(outer);
    if (r.hasRemaining()) {
      throw r.error(r.remaining() + " bytes after the end of the message");
    }
    return new CommunityMessage(version, community, pdu);
  }

  /**
   * The version of the message in {@code packet[offset .. offset+length)}, read from its first two
   * fields only (no decode, no allocation but the reader): to route SNMPv3 before a full decode.
   *
   * @throws MalformedPacketException if no version can be read there, or its value is no SNMP version
   */
  public static SnmpVersion peekVersion(byte[] packet, int offset, int length) {
    BerReader r = new BerReader(packet, offset, length);
    r.enter(Tag.SEQUENCE);
    int versionAt = r.absolutePosition();
    long code = r.readSigned(r.readHeader(Tag.INTEGER), versionAt);
    SnmpVersion version = SnmpVersion.ofCode(code);
    if (version == null) {
      throw r.errorAt(versionAt, "unknown SNMP version " + code + " (0 = v1, 1 = v2c, 3 = v3)");
    }
    return version;
  }

  /** Encodes a message into a new array of exactly its size. */
  public static byte[] encode(Message message) {
    BerWriter w = WRITERS.get();
    w.reset();
    write(w, message);
    return toByteArray(w);
  }

  /**
   * Encodes the Response to {@code request} (its version and community, RFC 3416 §4.2, RFC 1157 §4.1)
   * whose varbind list is {@code varBinds[offset .. offset+length)}: VarBind TLVs already encoded (as
   * {@link dev.puresnmp.smi.VarBind#encode()} gives them), copied as they are. For an agent that keeps
   * its varbinds encoded; the bytes are those of {@link #encode} with the varbinds decoded.
   *
   * <pre>{@code
   * byte[] reply = MessageCodec.encodeResponse(request, id, ErrorStatus.NO_ERROR, 0, encodedVarBinds, 0, n);
   * }</pre>
   */
  public static byte[] encodeResponse(
      CommunityMessage request, int requestId, ErrorStatus status, int errorIndex, byte[] varBinds, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, varBinds.length);
    BerWriter w = WRITERS.get();
    w.reset();
    PduCodec.writeResponse(w, requestId, status, errorIndex, varBinds, offset, length);
    writeCommunityEnvelope(w, 0, request);
    return toByteArray(w);
  }

  private static byte[] toByteArray(BerWriter w) {
    byte[] out = w.toByteArray();
    if (w.capacity() > KEEP_WRITER_CAPACITY) {
      WRITERS.remove(); // do not keep a huge buffer per thread
    }
    return out;
  }

  /** Writes a message to {@code w} (which may already hold what follows it). */
  public static void write(BerWriter w, Message message) {
    CommunityMessage m = (CommunityMessage) message;
    int end = w.mark();
    PduCodec.write(w, m.pdu());
    writeCommunityEnvelope(w, end, m);
  }

  // RFC 1157 §4, RFC 1901 §3: SEQUENCE { version INTEGER, community OCTET STRING, PDU }. An SNMPv3
  // envelope (RFC 3412 §6) will wrap the same PduCodec output in its own header the same way.

  /** Wraps the PDU just written (everything since {@code end}) in the community envelope. */
  private static void writeCommunityEnvelope(BerWriter w, int end, CommunityMessage m) {
    ValueCodec.writeBytes(w, Tag.OCTET_STRING, m.community());
    w.writeInt(Tag.INTEGER, m.version().code());
    w.writeConstructed(Tag.SEQUENCE, end);
  }
}
