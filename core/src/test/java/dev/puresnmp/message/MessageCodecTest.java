package dev.puresnmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.Packets;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

  /** Every golden packet that Net-SNMP accepted (the ones it dropped are in NetSnmpFormatTest). */
  static Stream<String> goldenPackets() {
    return Packets.all().stream().filter(n -> !Packets.rejectedByNetSnmp(n));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenPackets")
  void everyGoldenPacketDecodesAndReencodesByteForByte(String name) {
    byte[] wire = Packets.load(name);
    Message m = MessageCodec.decode(wire);
    byte[] again = MessageCodec.encode(m);
    if (Packets.canonical(name)) {
      assertThat(Bytes.of(again)).isEqualTo(Bytes.of(wire));
    } else {
      // Non-minimal lengths and integers come back minimal, with the same meaning.
      assertThat(MessageCodec.decode(again)).isEqualTo(m);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenPackets")
  void decodeKeepsNothingOfItsInputWhileDecodeAdoptingReadsItInPlace(String name) {
    byte[] wire = Packets.load(name);
    Message copied = MessageCodec.decode(wire);
    Message adopted = MessageCodec.decodeAdopting(wire.clone(), 0, wire.length, List.of());
    assertThat(adopted).isEqualTo(copied);
    java.util.Arrays.fill(wire, (byte) 0x5a); // the caller reuses its buffer: the decoded message must not change
    assertThat(copied).isEqualTo(adopted);
    assertThat(MessageCodec.encode(copied)).isEqualTo(MessageCodec.encode(adopted));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenPackets")
  void everyGoldenPacketDecodesTheSameFromHeapDirectAndSlicedBuffers(String name) {
    byte[] wire = Packets.load(name);
    Message expected = MessageCodec.decode(wire);
    for (Function<byte[], ByteBuffer> shape : Packets.bufferShapes()) {
      ByteBuffer buffer = shape.apply(wire);
      int position = buffer.position();
      assertThat(MessageCodec.decode(buffer)).isEqualTo(expected);
      assertThat(buffer.position()).as("decode leaves the position alone").isEqualTo(position);
    }
  }

  @Test
  void decodesSnmp4jGetResponseWithEveryValue() {
    CommunityMessage m = (CommunityMessage) MessageCodec.decode(Packets.load("snmp4j/v2c-get-response-10.hex"));
    assertThat(m.version()).isEqualTo(SnmpVersion.V2C);
    assertThat(m.community().utf8()).isEqualTo("public");
    StandardPdu pdu = (StandardPdu) m.pdu();
    assertThat(pdu.type()).isEqualTo(PduType.RESPONSE);
    assertThat(pdu.requestId()).isEqualTo(1234567890);
    assertThat(pdu.errorStatus()).isEqualTo(ErrorStatus.NO_ERROR);
    List<VarBind> vbs = pdu.varBinds();
    assertThat(vbs).hasSize(10);
    assertThat(vbs.get(0).oid()).isEqualTo(Oid.parse("1.3.6.1.2.1.1.1.0"));
    assertThat(vbs.get(0).value()).isInstanceOf(OctetString.class);
    assertThat(vbs.get(0).value().asText()).hasSize(76);
    assertThat(vbs.get(1).value()).isInstanceOf(ObjectIdentifier.class);
    assertThat(vbs.get(2).value()).isEqualTo(new TimeTicks(123456789));
    assertThat(vbs.get(5).value()).isEqualTo(new Integer32(24));
    assertThat(vbs.get(6).value()).isEqualTo(new Counter32(3123456789L));
    assertThat(vbs.get(7).value()).isEqualTo(new Counter64(98765432109876543L));
    assertThat(vbs.get(8).value()).isEqualTo(IpAddress.parse("127.0.0.1"));
    assertThat(vbs.get(8).oid()).isEqualTo(Oid.parse("1.3.6.1.2.1.4.20.1.1.127.0.0.1"));
    assertThat(vbs.get(9).value()).isEqualTo(new Integer32(1500));
  }

  @Test
  void decodesSnmp4jBulkRequestAndResponse() {
    CommunityMessage req = (CommunityMessage) MessageCodec.decode(Packets.load("snmp4j/v2c-getbulk-request-5x10.hex"));
    BulkPdu bulk = (BulkPdu) req.pdu();
    assertThat(bulk.requestId()).isEqualTo(1987654321);
    assertThat(bulk.nonRepeaters()).isZero();
    assertThat(bulk.maxRepetitions()).isEqualTo(10);
    assertThat(bulk.varBinds()).hasSize(5);

    CommunityMessage resp = (CommunityMessage) MessageCodec.decode(Packets.load("snmp4j/v2c-getbulk-response-50.hex"));
    List<VarBind> vbs = resp.pdu().varBinds();
    assertThat(vbs).hasSize(50);
    assertThat(vbs.get(1).value()).isInstanceOf(Counter64.class);
    assertThat(vbs.get(3).value()).isInstanceOf(Gauge32.class);
    assertThat(vbs.get(49).oid().arc(vbs.get(49).oid().size() - 1)).isEqualTo(10010);
  }

  @Test
  void encodesAGetExactlyAsSnmp4jDoes() {
    CommunityMessage fixture = (CommunityMessage) MessageCodec.decode(Packets.load("snmp4j/v2c-get-request-10.hex"));
    List<Oid> oids = fixture.pdu().varBinds().stream().map(VarBind::oid).toList();
    byte[] ours = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(1234567890, oids)));
    assertThat(Bytes.of(ours)).isEqualTo(Bytes.of(Packets.load("snmp4j/v2c-get-request-10.hex")));
  }

  @Test
  void rejectsLengthBeyondTheEndOfThePacketWithOffset() {
    byte[] wire = Packets.load("snmp4j/v2c-get-response-10.hex");
    byte[] cut = java.util.Arrays.copyOf(wire, 40);
    assertThatThrownBy(() -> MessageCodec.decode(cut))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("length 317 exceeds remaining 36 at offset 1")
        .satisfies(e -> assertThat(((MalformedPacketException) e).offset()).isEqualTo(1));
  }

  @Test
  void rejectsBytesAfterTheMessage() {
    byte[] wire = Packets.load("snmp4j/v2c-get-request-10.hex");
    byte[] longer = java.util.Arrays.copyOf(wire, wire.length + 2);
    assertThatThrownBy(() -> MessageCodec.decode(longer))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("2 bytes after the end of the message at offset " + wire.length);
  }

  @Test
  void rejectsAVersionNoRfcAssigns() {
    byte[] v2 = Bytes.decodeHex("3010 020102 300b 020101 020205dc 040104 020103").toByteArray();
    assertThatThrownBy(() -> MessageCodec.decode(v2))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("unknown SNMP version 2");
  }

  /** Golden responses: an agent that keeps its varbinds encoded writes the same bytes as encode(). */
  static Stream<String> goldenResponses() {
    return goldenPackets().filter(n -> MessageCodec.decode(Packets.load(n)) instanceof CommunityMessage c && c.pdu().type().equals(PduType.RESPONSE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenResponses")
  void aResponseOverEncodedVarBindsIsTheEncodingOfTheDecodedMessage(String name) {
    CommunityMessage m = (CommunityMessage) MessageCodec.decode(Packets.load(name));
    StandardPdu pdu = (StandardPdu) m.pdu();
    java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
    list.writeBytes(new byte[] {9, 9}); // a slice, not the whole array
    pdu.varBinds().forEach(vb -> list.writeBytes(vb.encode()));
    byte[] varBinds = list.toByteArray();
    byte[] ours = MessageCodec.encodeResponse(m, pdu.requestId(), pdu.errorStatus(), pdu.errorIndex(), varBinds, 2, varBinds.length - 2);
    assertThat(Bytes.of(ours)).isEqualTo(Bytes.of(MessageCodec.encode(m)));
  }

  @Test
  void aResponseOverEncodedVarBindsHasTheRequestsVersionAndCommunity() {
    CommunityMessage request = CommunityMessage.v1("private", StandardPdu.get(7, List.of(Oid.parse("1.3.6.1.2.1.1.5.0"))));
    byte[] sysName = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sw1")).encode();
    byte[] reply = MessageCodec.encodeResponse(request, 7, ErrorStatus.NO_ERROR, 0, sysName, 0, sysName.length);
    assertThat(Bytes.of(reply).hex())
        .isEqualTo("302a" + "020100" + "040770726976617465"
            + "a21c" + "020107" + "020100" + "020100"
            + "3011" + "300f" + "06082b06010201010500" + "0403737731");
    assertThat(((StandardPdu) MessageCodec.decode(reply).pdu()).varBinds())
        .containsExactly(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sw1")));
  }

  @Test
  void aResponseWithNoVarBindsIsAnEmptyList() {
    CommunityMessage request = CommunityMessage.v2c("public", StandardPdu.get(300, List.of(Oid.parse("1.3.6.1"))));
    byte[] tooBig = MessageCodec.encodeResponse(request, 300, ErrorStatus.TOO_BIG, 0, new byte[0], 0, 0);
    assertThat(Bytes.of(tooBig)).isEqualTo(Bytes.of(MessageCodec.encode(
        CommunityMessage.v2c("public", StandardPdu.response(300, ErrorStatus.TOO_BIG, 0, List.of())))));
  }

  @Test
  void aResponseRefusesASliceOutsideTheArray() {
    CommunityMessage request = CommunityMessage.v2c("public", StandardPdu.get(1, List.of(Oid.parse("1.3.6.1"))));
    assertThatThrownBy(() -> MessageCodec.encodeResponse(request, 1, ErrorStatus.NO_ERROR, 0, new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void peekVersionTellsTheThreeVersionsApartWithoutADecode() {
    byte[] v2c = Packets.load("snmp4j/v2c-get-request-10.hex");
    assertThat(MessageCodec.peekVersion(v2c, 0, v2c.length)).isEqualTo(SnmpVersion.V2C);
    byte[] v1 = MessageCodec.encode(CommunityMessage.v1("public", StandardPdu.get(1, List.of(Oid.parse("1.3.6.1")))));
    assertThat(MessageCodec.peekVersion(v1, 0, v1.length)).isEqualTo(SnmpVersion.V1);
    byte[] v3 = Bytes.decodeHex("3010 020103 300b 020101 020205dc 040104 020103").toByteArray();
    assertThat(MessageCodec.peekVersion(v3, 0, v3.length)).isEqualTo(SnmpVersion.V3);
  }

  @Test
  void peekVersionRejectsAnUnassignedVersionWithItsOffset() {
    byte[] v2 = Bytes.decodeHex("3003 020102").toByteArray();
    assertThatThrownBy(() -> MessageCodec.peekVersion(v2, 0, v2.length))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("unknown SNMP version 2 (0 = v1, 1 = v2c, 3 = v3) at offset 2");
    byte[] garbage = {(byte) 0xff, 0, 1, 2};
    assertThatThrownBy(() -> MessageCodec.peekVersion(garbage, 0, garbage.length))
        .isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void hasCommunityComparesTheCommunityWhereItSitsAndRefusesAnSnmpV3Message() {
    byte[] v2c = Packets.load("snmp4j/v2c-get-request-10.hex");
    assertThat(MessageCodec.hasCommunity(v2c, 0, v2c.length, Bytes.utf8("public"))).isTrue();
    assertThat(MessageCodec.hasCommunity(v2c, 0, v2c.length, Bytes.utf8("publi"))).isFalse();
    assertThat(MessageCodec.hasCommunity(v2c, 0, v2c.length, Bytes.utf8("private"))).isFalse();
    byte[] v3 = Bytes.decodeHex("3010 020103 300b 020101 020205dc 040104 020103").toByteArray();
    assertThatThrownBy(() -> MessageCodec.hasCommunity(v3, 0, v3.length, Bytes.utf8("public")))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("an SNMPv3 message carries no community");
  }

  @Test
  void encodingFromManyThreadsAtOnceGivesEveryThreadItsOwnCorrectBytes() throws Exception {
    List<String> names = goldenPackets().filter(Packets::canonical).toList();
    int threads = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
      List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          start.await();
          int checked = 0;
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < names.size(); i++) {
              String name = names.get((i + first * 7) % names.size());
              byte[] wire = Packets.load(name);
              assertThat(Bytes.of(MessageCodec.encode(MessageCodec.decode(wire)))).as(name).isEqualTo(Bytes.of(wire));
              checked++;
            }
          }
          return checked;
        }));
      }
      for (java.util.concurrent.Future<Integer> f : done) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(20 * names.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
