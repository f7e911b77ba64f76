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
import dev.puresnmp.smi.VarBind;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
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

  private MessageCodec() {}

  /**
   * Decodes the bytes between the buffer's position and limit, exactly one message; the buffer's
   * position is not moved. The bytes are copied once, into the array the message's values are views of.
   */
  public static Message decode(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return decodeAdopting(copy, 0, copy.length, List.of());
  }

  /** Decodes exactly one message from the whole array, which it copies once (see {@link #decode(ByteBuffer)}). */
  public static Message decode(byte[] packet) {
    return decode(packet, 0, packet.length);
  }

  /** Decodes exactly one message from {@code packet[offset .. offset+length)}, which it copies once. */
  public static Message decode(byte[] packet, int offset, int length) {
    return decode(packet, offset, length, List.of());
  }

  /**
   * Decodes a response to a request whose varbinds were {@code request}: where the response names the
   * same OIDs (as the answer to a GET or SET does), it holds the request's {@link dev.puresnmp.smi.Oid}
   * objects instead of new equal ones. The same message as {@link #decode(byte[], int, int)}, with less
   * allocated. Copies {@code packet[offset .. offset+length)} once.
   */
  public static Message decode(byte[] packet, int offset, int length, List<VarBind> request) {
    Objects.checkFromIndexSize(offset, length, packet.length);
    return decodeAdopting(Arrays.copyOfRange(packet, offset, offset + length), 0, length, request);
  }

  /**
   * {@link #decode(byte[], int, int, List)} without the copy: the message's OIDs, byte strings and
   * community are views of {@code packet} itself, which the caller hands over. Nobody may write {@code
   * packet} afterwards, and each value decoded keeps it alive as long as the value lives (use {@code
   * compact()} on the few kept for long). For a receive path that makes a fresh array per datagram, as
   * this library's transport, trap listener and simulator do; one array and one copy fewer per message
   * than {@link #decode(byte[], int, int, List)}.
   */
  public static Message decodeAdopting(byte[] packet, int offset, int length, List<VarBind> request) {
    BerReader r = new BerReader(packet, offset, length);
    int outer = r.enter(Tag.SEQUENCE);
    int versionAt = r.absolutePosition();
    long code = r.readSigned(r.readHeader(Tag.INTEGER), versionAt);
    SnmpVersion version = SnmpVersion.ofCode(code);
    if (version == null) {
      throw r.errorAt(versionAt, "unknown SNMP version " + code + " (0 = v1, 1 = v2c, 3 = v3)");
    }
    Message m;
    if (version == SnmpVersion.V3) {
      m = V3Codec.read(r, request);
    } else {
      Bytes community = ValueCodec.readBytes(r, Tag.OCTET_STRING);
      m = new CommunityMessage(version, community, PduCodec.read(r, request));
    }
    r.leave(outer);
    if (r.hasRemaining()) {
      throw r.error(r.remaining() + " bytes after the end of the message");
    }
    return m;
  }

  /**
   * Decodes a scoped PDU, as decryption gives it back: {@code bytes[offset .. offset+length)} starts with
   * one ScopedPDU SEQUENCE (RFC 3412 §6.8), and whatever follows it (a block cipher's padding) is ignored.
   * Where the PDU names the OIDs of {@code request}, it holds the request's objects. Adopts {@code bytes}
   * as {@link #decodeAdopting} does: the plaintext is a fresh array nobody else holds.
   */
  public static ScopedPdu decodeScopedPdu(byte[] bytes, int offset, int length, List<VarBind> request) {
    return V3Codec.readScopedPdu(new BerReader(bytes, offset, length), request);
  }

  /** A scoped PDU's BER encoding (RFC 3412 §6.8): what privacy encrypts. */
  public static byte[] encodeScopedPdu(ScopedPdu scopedPdu) {
    byte[] out = new byte[V3Codec.sizeOfScopedPdu(scopedPdu)];
    return checkFilled(V3Codec.writeScopedPdu(out, out.length, scopedPdu), out);
  }

  /**
   * Where the content of msgAuthenticationParameters starts in the SNMPv3 message {@code
   * message[offset .. offset+length)}, as an index into {@code message}: the place of the MAC, which is
   * computed over the whole message with zeros there (RFC 3414 §6.3.1), and checked over the bytes as
   * received (§6.3.2).
   *
   * @throws MalformedPacketException if the bytes are not an SNMPv3 message with USM parameters
   */
  public static int authParametersOffset(byte[] message, int offset, int length) {
    return V3Codec.authParametersOffset(message, offset, length);
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

  /**
   * Whether the SNMPv1 or SNMPv2c message in {@code packet[offset .. offset+length)} carries {@code
   * community}, read from its first fields only (no decode of the PDU) and compared where it sits: to check
   * a reply's before anything else is taken from it, with nothing copied.
   *
   * @throws MalformedPacketException if no community can be read there (an SNMPv3 message has none)
   */
  public static boolean hasCommunity(byte[] packet, int offset, int length, Bytes community) {
    BerReader r = new BerReader(packet, offset, length);
    r.enter(Tag.SEQUENCE);
    int versionAt = r.absolutePosition();
    long code = r.readSigned(r.readHeader(Tag.INTEGER), versionAt);
    if (code == SnmpVersion.V3.code()) {
      throw r.errorAt(versionAt, "an SNMPv3 message carries no community");
    }
    return community.equals(ValueCodec.readBytes(r, Tag.OCTET_STRING)); // a view of packet, dropped here
  }

  /**
   * Encodes a message into a new array of exactly its size: sized first, then written once, backwards,
   * into that array. Keeps no buffer, so any number of threads may encode at once.
   */
  public static byte[] encode(Message message) {
    if (message instanceof V3Message v3) {
      byte[] out = new byte[V3Codec.sizeOf(v3)];
      return checkFilled(V3Codec.write(out, v3), out);
    }
    CommunityMessage m = (CommunityMessage) message;
    byte[] out = new byte[sizeOfCommunityMessage(m, PduCodec.sizeOf(m.pdu()))];
    int pos = PduCodec.write(out, out.length, m.pdu());
    return checkFilled(writeCommunityEnvelope(out, pos, m), out);
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
    byte[] out = new byte[sizeOfCommunityMessage(request, PduCodec.sizeOfResponse(requestId, status, errorIndex, length))];
    int pos = PduCodec.writeResponse(out, out.length, requestId, status, errorIndex, varBinds, offset, length);
    return checkFilled(writeCommunityEnvelope(out, pos, request), out);
  }

  // RFC 1157 §4, RFC 1901 §3: SEQUENCE { version INTEGER, community OCTET STRING, PDU }. SNMPv3's
  // envelope (RFC 3412 §6) wraps the same PduCodec output: V3Codec.

  private static int sizeOfCommunityMessage(CommunityMessage m, int pduSize) {
    int content = BerWriter.sizeOf(BerWriter.sizeOfIntContent(m.version().code()))
        + BerWriter.sizeOf(m.community().size())
        + pduSize;
    return BerWriter.sizeOf(content);
  }

  /** Writes the envelope around the PDU that starts at {@code pos} and runs to the end of {@code out}. */
  private static int writeCommunityEnvelope(byte[] out, int pos, CommunityMessage m) {
    pos = ValueCodec.writeBytes(out, pos, Tag.OCTET_STRING, m.community());
    pos = BerWriter.writeInt(out, pos, Tag.INTEGER, m.version().code());
    return BerWriter.writeConstructed(out, pos, Tag.SEQUENCE, out.length);
  }

  /** {@code start} must be 0: a sizing bug would otherwise leave zeros in front of the message. */
  private static byte[] checkFilled(int start, byte[] out) {
    if (start != 0) {
      throw new IllegalStateException("sized " + out.length + " bytes but wrote " + (out.length - start));
    }
    return out;
  }
}
