package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.Packets;
import dev.puresnmp.SnmpArbitraries;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SnmpCorrelationIdTest {
  @Provide
  Arbitrary<Message> messages() {
    return SnmpArbitraries.messages();
  }

  @Property(tries = 2000)
  void readsTheRequestIdTheFullDecoderReads(@ForAll("messages") Message message) {
    byte[] wire = MessageCodec.encode(message);
    long id = CorrelationId.SNMP.read(wire, 0, wire.length);
    if (message.pdu() instanceof StandardPdu p) {
      assertThat(id).isEqualTo(p.requestId());
    } else if (message.pdu() instanceof BulkPdu b) {
      assertThat(id).isEqualTo(b.requestId());
    } else {
      assertThat(id).isEqualTo(CorrelationId.NONE); // a v1 Trap has no request-id
    }
  }

  @Property(tries = 2000)
  void theLastIdByteTakesAnAttemptNumberThatTheDecoderReadsBack(@ForAll("messages") Message message, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 15) int n) {
    byte[] wire = MessageCodec.encode(message);
    int at = CorrelationId.SNMP.lastIdByte(wire, 0, wire.length);
    long id = CorrelationId.SNMP.read(wire, 0, wire.length);
    if (message.version() == dev.puresnmp.message.SnmpVersion.V3 || id == CorrelationId.NONE) {
      assertThat(at).as("a msgID under the digest, or no id").isEqualTo(-1);
      return;
    }
    wire[at] ^= (byte) n;
    assertThat(CorrelationId.SNMP.read(wire, 0, wire.length)).isEqualTo(id ^ n);
    assertThat(MessageCodec.decode(wire).pdu().varBinds()).isEqualTo(message.pdu().varBinds());
  }

  @Property(tries = 3000)
  void neverThrowsOnJunk(@ForAll byte[] junk) {
    CorrelationId.SNMP.read(junk, 0, junk.length);
    assertThat(CorrelationId.SNMP.lastIdByte(junk, 0, junk.length)).isBetween(-1, junk.length - 1);
  }

  @Test
  void readsTheRequestIdOfARecordedResponse() {
    byte[] wire = Packets.load("snmp4j/v2c-get-response-10.hex");
    assertThat(CorrelationId.SNMP.read(wire, 0, wire.length)).isEqualTo(1234567890L);
    assertThat(CorrelationId.SNMP.read(wire, 0, 20)).as("truncated").isEqualTo(CorrelationId.NONE);
  }

  @Test
  void readsTheMsgIdOfAnSnmpV3Message() {
    // SEQUENCE { INTEGER 3, SEQUENCE { msgID 1500, msgMaxSize 65507, flags 04, model 3 }, ... }
    byte[] v3 = Bytes.decodeHex("3012 020103 300d 020205dc 020300ffe3 040104 020103").toByteArray();
    assertThat(CorrelationId.SNMP.read(v3, 0, v3.length)).isEqualTo(1500L);
  }
}
