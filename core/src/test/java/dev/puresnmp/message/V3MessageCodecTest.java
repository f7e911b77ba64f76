package dev.puresnmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.Packets;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SNMPv3 messages as Net-SNMP 5.9.3's snmpget sends and snmpd answers them (packets/v3-*.hex). */
class V3MessageCodecTest {
  private static final Bytes ENGINE = Bytes.decodeHex("80001f8880640b9e64f9e50d6b00000000");
  private static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");

  @Test
  void aDiscoveryRequestHasNoEngineNoUserAndAnEmptyGet() {
    V3Message m = (V3Message) MessageCodec.decode(Packets.load("v3-noauth-1-sent.hex"));
    assertThat(m.version()).isEqualTo(SnmpVersion.V3);
    assertThat(m.maxSize()).isEqualTo(65_507);
    assertThat(m.flags()).isEqualTo(V3Message.REPORTABLE);
    assertThat(m.usm()).isEqualTo(UsmParameters.discovery());
    assertThat(m.scopedPdu().contextEngineId()).isEqualTo(Bytes.EMPTY);
    assertThat(m.pdu().type()).isEqualTo(PduType.GET_REQUEST);
    assertThat(m.pdu().varBinds()).isEmpty();
  }

  @Test
  void theReportToADiscoveryNamesTheEngineItsBootsAndTheUnknownEngineIdCounter() {
    V3Message request = (V3Message) MessageCodec.decode(Packets.load("v3-noauth-1-sent.hex"));
    V3Message report = (V3Message) MessageCodec.decode(Packets.load("v3-noauth-2-received.hex"));
    assertThat(report.msgId()).isEqualTo(request.msgId());
    assertThat(report.flags()).isZero();
    assertThat(report.usm().engineId()).isEqualTo(ENGINE);
    assertThat(report.usm().engineBoots()).isEqualTo(1);
    assertThat(report.scopedPdu().contextEngineId()).isEqualTo(ENGINE);
    assertThat(report.pdu().type()).isEqualTo(PduType.REPORT);
    VarBind counter = report.pdu().varBinds().get(0);
    assertThat(report.pdu().varBinds()).hasSize(1);
    assertThat(counter.oid()).isEqualTo(Oid.parse("1.3.6.1.6.3.15.1.1.4.0")); // usmStatsUnknownEngineIDs.0
    assertThat(counter.value()).isInstanceOf(Counter32.class);
  }

  @Test
  void anAuthenticatedRequestCarriesItsMacWhereAuthParametersOffsetSays() {
    byte[] wire = Packets.load("v3-sha256-none-3-sent.hex");
    V3Message m = (V3Message) MessageCodec.decode(wire);
    assertThat(m.authenticated()).isTrue();
    assertThat(m.encrypted()).isFalse();
    assertThat(m.reportable()).isTrue();
    assertThat(m.usm().userName()).isEqualTo(Bytes.utf8("usr-sha256-none"));
    assertThat(m.usm().authParameters().size()).isEqualTo(24); // HMAC-SHA-256-192 (RFC 7860)
    assertThat(m.usm().privParameters()).isEqualTo(Bytes.EMPTY);
    int at = MessageCodec.authParametersOffset(wire, 0, wire.length);
    assertThat(Bytes.of(wire, at, 24)).isEqualTo(m.usm().authParameters());
    assertThat(m.pdu().varBinds()).containsExactly(VarBind.of(SYS_NAME));
  }

  @Test
  void anEncryptedMessageKeepsItsCiphertextAndHasNoReadablePdu() {
    byte[] wire = Packets.load("v3-sha-aes-3-sent.hex");
    V3Message m = (V3Message) MessageCodec.decode(wire);
    assertThat(m.encrypted()).isTrue();
    assertThat(m.scopedPdu()).isNull();
    assertThat(m.encryptedPdu().size()).isPositive();
    assertThat(m.usm().privParameters().size()).isEqualTo(8); // the salt
    assertThat(m.usm().authParameters().size()).isEqualTo(12); // HMAC-SHA-96
    assertThatThrownBy(m::pdu).isInstanceOf(IllegalStateException.class).hasMessageContaining("encrypted");
    assertThat(MessageCodec.encode(m)).isEqualTo(wire);
  }

  @Test
  void aScopedPduSurvivesEncodingAndDecodingAndIgnoresTheCipherPaddingAfterIt() {
    ScopedPdu s = new ScopedPdu(ENGINE, Bytes.utf8("bigtable-10000"), StandardPdu.get(42, List.of(SYS_NAME)));
    byte[] bytes = MessageCodec.encodeScopedPdu(s);
    byte[] padded = Arrays.copyOf(bytes, (bytes.length + 7) / 8 * 8 + 8);
    assertThat(MessageCodec.decodeScopedPdu(padded, 0, padded.length, List.of())).isEqualTo(s);
  }

  @Test
  void aMessageBuiltHereEncodesAsNetSnmpsBytes() {
    V3Message netSnmp = (V3Message) MessageCodec.decode(Packets.load("v3-noauth-3-sent.hex"));
    V3Message ours =
        new V3Message(
            netSnmp.msgId(),
            65_507,
            V3Message.REPORTABLE,
            new UsmParameters(ENGINE, netSnmp.usm().engineBoots(), netSnmp.usm().engineTime(), Bytes.utf8("usr-none"), Bytes.EMPTY, Bytes.EMPTY),
            new ScopedPdu(ENGINE, Bytes.EMPTY, StandardPdu.get(((StandardPdu) netSnmp.pdu()).requestId(), List.of(SYS_NAME))),
            null);
    assertThat(MessageCodec.encode(ours)).isEqualTo(Packets.load("v3-noauth-3-sent.hex"));
  }

  @Test
  void malformedHeadersFailWithTheirReason() {
    assertMalformed(message("020101", "020205dc", "04020400", "020103", PLAIN), "msgFlags of 2 bytes, expected 1");
    assertMalformed(message("020101", "020205dc", "040102", "020103", PLAIN), "privacy without authentication");
    assertMalformed(message("020101", "020205dc", "040104", "020102", PLAIN), "security model 2");
    assertMalformed(message("020101", "020164", "040104", "020103", PLAIN), "msgMaxSize 100 is below 484");
    assertMalformed(message("0201ff", "020205dc", "040104", "020103", PLAIN), "msgID -1 is negative");
    assertMalformed(message("020101", "020205dc", "040107", "020103", PLAIN), "the privacy flag, but a plain-text scoped PDU");
    assertMalformed(message("020101", "020205dc", "040104", "020103", "0403010203"), "an encrypted scoped PDU without the privacy flag");
    assertThat(MessageCodec.decode(Bytes.decodeHex(message("020101", "020205dc", "040104", "020103", PLAIN)).toByteArray())).isInstanceOf(V3Message.class);
  }

  /** A plain-text scoped PDU: no context, a GET of nothing. */
  private static final String PLAIN = tlv("30", "0400", "0400", tlv("a0", "020101", "020100", "020100", "3000"));

  /** An SNMPv3 message of these header fields, empty USM parameters and {@code data}. */
  private static String message(String msgId, String maxSize, String flags, String model, String data) {
    String usm = tlv("04", tlv("30", "0400", "020100", "020100", "0400", "0400", "0400"));
    return tlv("30", "020103", tlv("30", msgId, maxSize, flags, model), usm, data);
  }

  /** A TLV of {@code tag} around the concatenated hex {@code parts} (short lengths only). */
  private static String tlv(String tag, String... parts) {
    String content = String.join("", parts);
    return tag + String.format("%02x", content.length() / 2) + content;
  }

  @Test
  void aValueOutsideTheRfcsRangesIsRefusedAtConstruction() {
    UsmParameters none = UsmParameters.discovery();
    ScopedPdu s = new ScopedPdu(Bytes.EMPTY, Bytes.EMPTY, StandardPdu.get(1, List.of(SYS_NAME)));
    assertThatThrownBy(() -> new V3Message(1, 484, V3Message.PRIV, none, null, Bytes.of((byte) 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("privacy without authentication");
    assertThatThrownBy(() -> new V3Message(1, 484, V3Message.AUTH | V3Message.PRIV, none, s, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an encrypted scoped PDU");
    assertThatThrownBy(() -> new V3Message(1, 483, 0, none, s, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UsmParameters(Bytes.of(new byte[33]), 0, 0, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertMalformed(String hex, String reason) {
    byte[] wire = Bytes.decodeHex(hex).toByteArray();
    assertThatThrownBy(() -> MessageCodec.decode(wire)).isInstanceOf(MalformedPacketException.class).hasMessageContaining(reason);
  }
}
