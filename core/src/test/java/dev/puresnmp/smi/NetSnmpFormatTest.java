package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.Packets;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NetSnmpFormatTest {

  /** Every recorded packet NAME.hex with NAME.txt: what the Net-SNMP tool printed for its varbinds. */
  static Stream<String> packetsWithNetSnmpOutput() {
    return Packets.all().stream().filter(n -> Packets.exists(n.replace(".hex", ".txt")));
  }

  /**
   * Where we knowingly differ from Net-SNMP, which drops these packets ("Timeout: No Response"): we keep
   * a value Net-SNMP cannot print instead of throwing the whole response away.
   */
  static final Map<String, String> KEPT_WHERE_NET_SNMP_DROPS =
      Map.of(
          "crafted-unknown-tag-0x48-response.hex", "Variable has bad type (tag 0x48): 00 ",
          "crafted-sequence-value-response.hex", "Variable has bad type (tag 0x30): ",
          "crafted-opaque-float-3bytes-response.hex", "OPAQUE: 9F 78 03 3F C0 00 ",
          "crafted-opaque-float-1byte-response.hex", "OPAQUE: 9F 78 01 00 ",
          "crafted-opaque-double-4bytes-response.hex", "OPAQUE: 9F 79 04 00 00 00 00 ");

  @ParameterizedTest(name = "{0}")
  @MethodSource("packetsWithNetSnmpOutput")
  void formatsEveryRecordedVarBindExactlyAsNetSnmpPrintedIt(String name) {
    String printed = Packets.text(name.replace(".hex", ".txt"));
    byte[] packet = Packets.load(name);
    if (KEPT_WHERE_NET_SNMP_DROPS.containsKey(name)) {
      VarBind vb = MessageCodec.decode(packet).pdu().varBinds().get(0);
      assertThat(NetSnmpFormat.formatValue(vb.value())).isEqualTo(KEPT_WHERE_NET_SNMP_DROPS.get(name));
      return;
    }
    if (printed.startsWith("Timeout: No Response")) {
      // Net-SNMP found the response malformed and waited for a better one: so must we reject it.
      assertThatThrownBy(() -> MessageCodec.decode(packet)).isInstanceOf(MalformedPacketException.class);
      return;
    }
    StandardPdu pdu = (StandardPdu) MessageCodec.decode(packet).pdu();
    if (printed.startsWith("Error in packet")) {
      // "Error in packet\nReason: (noSuchName) There is no such…\nFailed object: .1.3…"
      String reason = printed.lines().filter(l -> l.startsWith("Reason: ")).findFirst().orElseThrow();
      assertThat(reason).contains(pdu.errorStatus().name()).doesNotContain("noError");
      Oid failed = pdu.varBinds().get(pdu.errorIndex() - 1).oid();
      assertThat(printed).contains("Failed object: " + failed.toDottedString() + "\n");
      return;
    }
    if (printed.equals("End of MIB\n")) {
      assertThat(pdu.errorStatus()).isEqualTo(ErrorStatus.NO_SUCH_NAME); // v1's end of a walk
      return;
    }
    String ours = pdu.varBinds().stream().map(NetSnmpFormat::format).collect(Collectors.joining("\n", "", "\n"));
    if (printed.isEmpty()) {
      assertThat(ours).isNotEmpty(); // a walk's page past its subtree, an inform's answer: nothing printed
    } else if (name.contains("walk")) {
      assertThat(ours).as("a walk prints the varbinds up to the end of its subtree").startsWith(printed);
    } else {
      assertThat(ours).isEqualTo(printed);
    }
  }

  @Test
  void opaqueUnwrapsNetSnmpsSpecialTypes() {
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f780440490fdb")))).isEqualTo("Opaque: Float: 3.141593");
    // 5.0078125 is exact in binary: printf's tie goes to even (snmpwalk printed laLoadFloat so), Java's %f up
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f780440a04000")))).isEqualTo("Opaque: Float: 5.007812");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f7a01ff")))).isEqualTo("Opaque: Int64: -1");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f7b01ff")))).isEqualTo("Opaque: UInt64: 255");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("0102ff")))).isEqualTo("OPAQUE: 01 02 FF ");
  }

  @Test
  void anOpaqueFloatPrintsAsCsPrintfPrintsIt() {
    // the exact value, a tie to even: 6.5078125 is "6.507812" (a load average snmpd served), not Java's "6.507813"
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f780440d04000")))).isEqualTo("Opaque: Float: 6.507812");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f780480000000")))).isEqualTo("Opaque: Float: -0.000000");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f7804b089705f")))).isEqualTo("Opaque: Float: -0.000000");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f78047fc00000")))).isEqualTo("Opaque: Float: nan");
    assertThat(NetSnmpFormat.formatValue(new Opaque(Bytes.decodeHex("9f78047f800000")))).isEqualTo("Opaque: Float: inf");
  }

  @Test
  void hexStringsBreakAfterEvery16Bytes() {
    byte[] b = new byte[17];
    b[0] = (byte) 0x80;
    assertThat(NetSnmpFormat.formatValue(OctetString.of(b)))
        .isEqualTo("Hex-STRING: 80 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 \n00 ");
  }

  @Test
  void stringsEscapeQuoteAndBackslashOnly() {
    assertThat(NetSnmpFormat.formatValue(OctetString.of("a\"b\\c'd\te"))).isEqualTo("STRING: \"a\\\"b\\\\c'd\te\"");
    assertThat(NetSnmpFormat.formatValue(OctetString.of(""))).isEqualTo("\"\"");
    assertThat(NetSnmpFormat.formatValue(OctetString.of("é"))).isEqualTo("Hex-STRING: C3 A9 ");
  }

  @Test
  void timeTicksAsUptime() {
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(0))).isEqualTo("Timeticks: (0) 0:00:00.00");
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(8640000))).isEqualTo("Timeticks: (8640000) 1 day, 0:00:00.00");
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(123456789))).isEqualTo("Timeticks: (123456789) 14 days, 6:56:07.89");
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(4294967295L)))
        .isEqualTo("Timeticks: (4294967295) 497 days, 2:27:52.95");
  }

  @Test
  void exceptionValues() {
    assertThat(NetSnmpFormat.formatValue(EndOfMibView.INSTANCE))
        .isEqualTo("No more variables left in this MIB View (It is past the end of the MIB tree)");
    assertThat(NetSnmpFormat.formatValue(NoSuchObject.INSTANCE)).isEqualTo("No Such Object available on this agent at this OID");
    assertThat(NetSnmpFormat.formatValue(NoSuchInstance.INSTANCE)).isEqualTo("No Such Instance currently exists at this OID");
  }

  @Test
  void counter64IsUnsigned() {
    assertThat(NetSnmpFormat.formatValue(new Counter64(-1))).isEqualTo("Counter64: 18446744073709551615");
  }
}
