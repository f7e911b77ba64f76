package dev.puresnmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.message.V3Message;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Fuzzes the v1/v2c/v3 message decoder ({@link MessageCodec} and what it calls: the BER reader, the PDUs,
 * every value type, the USM parameters). Its javadoc: "any byte string either decodes or fails with
 * {@link MalformedPacketException}". So for every input: a message or that exception, nothing else; a
 * decoded message encodes again, and what that encodes to decodes to the same message; and the decode
 * allocates at most {@link #PER_BYTE} · length + {@link #FIXED} bytes.
 *
 * <p>Seeds: {@code src/test/resources/dev/puresnmp/fuzz/MessageCodecFuzzTestInputs/decode/}, every golden
 * packet of {@code packets/} as raw bytes (Net-SNMP's, snmpsim's, the crafted responses, SNMP4J's four).
 */
class MessageCodecFuzzTest {
  /**
   * Bytes per input byte. The densest message is mostly 7-byte varbinds ({@code 30 05 06 01 xx 05 00}),
   * each a VarBind, an Oid and its int[], a list slot: about 100 bytes of objects per 7 bytes, ~15 per byte.
   * Measured over the seeds (uninstrumented): at most 1,096 bytes, for a 48-byte packet (23 per byte), and
   * 12 KB for the 12,058-byte one. 64 leaves room and still catches a decoder that sizes anything by a length
   * field instead of by the bytes present.
   */
  static final long PER_BYTE = 64;
  /** Fixed bytes per decode: the reader, the message and PDU records, empty lists, an exception and its message. */
  static final long FIXED = 16 * 1024;

  static {
    // Warm up: the first decode loads and initialises classes, which is allocation of no input's making.
    for (int i = 0; i < 3; i++) {
      try {
        MessageCodec.decode(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
      } catch (MalformedPacketException expected) {
        // the point was the class loading
      }
    }
  }

  @FuzzTest(maxDuration = "20s")
  void decode(byte[] data) throws Exception {
    Message[] decoded = new Message[1];
    try {
      Bounded.run("MessageCodec.decode", data.length, PER_BYTE, FIXED, () -> decoded[0] = MessageCodec.decode(data));
    } catch (MalformedPacketException e) {
      assertThat(e.offset()).isBetween(0, data.length);
      decoded[0] = null;
    }
    Message m = decoded[0];
    // the other ways in must agree: an offset slice of a larger array, a direct buffer
    byte[] padded = new byte[data.length + 3];
    System.arraycopy(data, 0, padded, 2, data.length);
    assertSame(m, () -> MessageCodec.decode(padded, 2, data.length));
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
    assertSame(m, () -> MessageCodec.decode(direct));
    peek(data, m);
    if (m == null) {
      return;
    }
    m.toString(); // every value prints
    byte[] again = MessageCodec.encode(m);
    assertThat(MessageCodec.decode(again)).isEqualTo(m);
    if (m instanceof V3Message v3 && v3.scopedPdu() != null) {
      byte[] scoped = MessageCodec.encodeScopedPdu(v3.scopedPdu());
      assertThat(MessageCodec.decodeScopedPdu(scoped, 0, scoped.length, List.of())).isEqualTo(v3.scopedPdu());
    }
  }

  /** The version peek and the v3 authentication-parameters offset: a value or the documented exception. */
  private static void peek(byte[] data, Message m) {
    try {
      SnmpVersion v = MessageCodec.peekVersion(data, 0, data.length);
      if (m != null) {
        assertThat(v).isEqualTo(m.version());
      }
    } catch (MalformedPacketException e) {
      assertThat(m).as("peekVersion refused what decode read").isNull();
    }
    try {
      int at = MessageCodec.authParametersOffset(data, 0, data.length);
      assertThat(at).isBetween(0, data.length);
    } catch (MalformedPacketException e) {
      // documented
    }
  }

  @FunctionalInterface
  private interface Decode {
    Message get();
  }

  private static void assertSame(Message expected, Decode decode) {
    Message actual;
    try {
      actual = decode.get();
    } catch (MalformedPacketException e) {
      actual = null;
    }
    assertThat(actual).isEqualTo(expected);
  }
}
