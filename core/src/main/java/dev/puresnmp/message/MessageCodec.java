package dev.puresnmp.message;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.BerWriter;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.ber.Tag;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduCodec;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.ValueCodec;
import java.nio.ByteBuffer;

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

  /** Encodes a message into a new array of exactly its size. */
  public static byte[] encode(Message message) {
    BerWriter w = WRITERS.get();
    w.reset();
    write(w, message);
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
    ValueCodec.writeBytes(w, Tag.OCTET_STRING, m.community());
    w.writeInt(Tag.INTEGER, m.version().code());
    w.writeConstructed(Tag.SEQUENCE, end);
  }
}
