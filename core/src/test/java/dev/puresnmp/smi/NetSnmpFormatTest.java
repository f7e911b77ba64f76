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

  /** glibc's printf("%" + spec + "f", value), as a C program printed it on this machine: spec|IEEE bits|output. */
  private static final String[] GLIBC_PRINTF = {
      "|3ff8000000000000|1.500000",
      "5.2|3ff8000000000000| 1.50",
      ".1|3ff8000000000000|1.5",
      "-10.3|3ff8000000000000|1.500     ",
      "+010.3|3ff8000000000000|+00001.500",
      "#.0|3ff8000000000000|2.",
      ".0|3ff8000000000000|2",
      "012|3ff8000000000000|00001.500000",
      ".3|3ff8000000000000|1.500",
      " 8.1|3ff8000000000000|     1.5",
      ".|3ff8000000000000|2",
      "|3fc0000000000000|0.125000",
      "5.2|3fc0000000000000| 0.12",
      ".1|3fc0000000000000|0.1",
      "-10.3|3fc0000000000000|0.125     ",
      "+010.3|3fc0000000000000|+00000.125",
      "#.0|3fc0000000000000|0.",
      ".0|3fc0000000000000|0",
      "012|3fc0000000000000|00000.125000",
      ".3|3fc0000000000000|0.125",
      " 8.1|3fc0000000000000|     0.1",
      ".|3fc0000000000000|0",
      "|c005666666666666|-2.675000",
      "5.2|c005666666666666|-2.67",
      ".1|c005666666666666|-2.7",
      "-10.3|c005666666666666|-2.675    ",
      "+010.3|c005666666666666|-00002.675",
      "#.0|c005666666666666|-3.",
      ".0|c005666666666666|-3",
      "012|c005666666666666|-0002.675000",
      ".3|c005666666666666|-2.675",
      " 8.1|c005666666666666|    -2.7",
      ".|c005666666666666|-3",
      "|4415af1d78b58c40|100000000000000000000.000000",
      "5.2|4415af1d78b58c40|100000000000000000000.00",
      ".1|4415af1d78b58c40|100000000000000000000.0",
      "-10.3|4415af1d78b58c40|100000000000000000000.000",
      "+010.3|4415af1d78b58c40|+100000000000000000000.000",
      "#.0|4415af1d78b58c40|100000000000000000000.",
      ".0|4415af1d78b58c40|100000000000000000000",
      "012|4415af1d78b58c40|100000000000000000000.000000",
      ".3|4415af1d78b58c40|100000000000000000000.000",
      " 8.1|4415af1d78b58c40| 100000000000000000000.0",
      ".|4415af1d78b58c40|100000000000000000000",
      "|7ff0000000000000|inf",
      "5.2|7ff0000000000000|  inf",
      ".1|7ff0000000000000|inf",
      "-10.3|7ff0000000000000|inf       ",
      "+010.3|7ff0000000000000|      +inf",
      "#.0|7ff0000000000000|inf",
      ".0|7ff0000000000000|inf",
      "012|7ff0000000000000|         inf",
      ".3|7ff0000000000000|inf",
      " 8.1|7ff0000000000000|     inf",
      ".|7ff0000000000000|inf",
      "|8000000000000000|-0.000000",
      "5.2|8000000000000000|-0.00",
      ".1|8000000000000000|-0.0",
      "-10.3|8000000000000000|-0.000    ",
      "+010.3|8000000000000000|-00000.000",
      "#.0|8000000000000000|-0.",
      ".0|8000000000000000|-0",
      "012|8000000000000000|-0000.000000",
      ".3|8000000000000000|-0.000",
      " 8.1|8000000000000000|    -0.0",
      ".|8000000000000000|-0",
      "|4004000000000000|2.500000",
      "5.2|4004000000000000| 2.50",
      ".1|4004000000000000|2.5",
      "-10.3|4004000000000000|2.500     ",
      "+010.3|4004000000000000|+00002.500",
      "#.0|4004000000000000|2.",
      ".0|4004000000000000|2",
      "012|4004000000000000|00002.500000",
      ".3|4004000000000000|2.500",
      " 8.1|4004000000000000|     2.5",
      ".|4004000000000000|2",
      "|3ea0c6f7a0b5ed8d|0.000000",
      "5.2|3ea0c6f7a0b5ed8d| 0.00",
      ".1|3ea0c6f7a0b5ed8d|0.0",
      "-10.3|3ea0c6f7a0b5ed8d|0.000     ",
      "+010.3|3ea0c6f7a0b5ed8d|+00000.000",
      "#.0|3ea0c6f7a0b5ed8d|0.",
      ".0|3ea0c6f7a0b5ed8d|0",
      "012|3ea0c6f7a0b5ed8d|00000.000000",
      ".3|3ea0c6f7a0b5ed8d|0.000",
      " 8.1|3ea0c6f7a0b5ed8d|     0.0",
      ".|3ea0c6f7a0b5ed8d|0",
      "|fff8000000000000|-nan",
      "5.2|fff8000000000000| -nan",
      ".1|fff8000000000000|-nan",
      "-10.3|fff8000000000000|-nan      ",
      "+010.3|fff8000000000000|      -nan",
      "#.0|fff8000000000000|-nan",
      ".0|fff8000000000000|-nan",
      "012|fff8000000000000|        -nan",
      ".3|fff8000000000000|-nan",
      " 8.1|fff8000000000000|    -nan",
      ".|fff8000000000000|-nan",
      "|40934a456d5cfaad|1234.567800",
      "5.2|40934a456d5cfaad|1234.57",
      ".1|40934a456d5cfaad|1234.6",
      "-10.3|40934a456d5cfaad|1234.568  ",
      "+010.3|40934a456d5cfaad|+01234.568",
      "#.0|40934a456d5cfaad|1235.",
      ".0|40934a456d5cfaad|1235",
      "012|40934a456d5cfaad|01234.567800",
      ".3|40934a456d5cfaad|1234.568",
      " 8.1|40934a456d5cfaad|  1234.6",
      ".|40934a456d5cfaad|1235"
  };

  static Stream<String> glibcPrintf() {
    return Stream.of(GLIBC_PRINTF);
  }

  @ParameterizedTest
  @MethodSource("glibcPrintf")
  void floatsPrintAsGlibcsPrintfWithTheFlagsWidthAndPrecisionOfMinusOp(String row) {
    String[] f = row.split("\\|", -1);
    StringBuilder sb = new StringBuilder();
    NetSnmpFormat.appendPrintfF(sb, Double.longBitsToDouble(Long.parseUnsignedLong(f[1], 16)), f[0]);
    assertThat(sb).hasToString(f[2]);
  }

  @Test
  void aPrecisionThatIsNoPrintfWidthAndPrecisionIsRefused() {
    assertThatThrownBy(() -> NetSnmpFormat.appendPrintfF(new StringBuilder(), 1.5, "-OT")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NetSnmpFormat.appendPrintfF(new StringBuilder(), 1.5, "5.2.1")).isInstanceOf(IllegalArgumentException.class);
    // a width of a billion would be a billion spaces: three digits at most
    assertThatThrownBy(() -> NetSnmpFormat.appendPrintfF(new StringBuilder(), 1.5, "999999999.2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hexWithTextShowsEachLinesBytesAfterItPrintableOrWhiteSpaceAsThemselves() {
    StringBuilder sb = new StringBuilder();
    NetSnmpFormat.appendHex(sb, Bytes.decodeHex("00414243440a4546474849202122237e7f80ff3031"), true);
    assertThat(sb).hasToString("00 41 42 43 44 0A 45 46 47 48 49 20 21 22 23 7E   [.ABCD\nEFGHI !\"#~]\n7F 80 FF 30 31   [...01]");
    StringBuilder empty = new StringBuilder();
    NetSnmpFormat.appendHex(empty, Bytes.EMPTY, true);
    assertThat(empty).hasToString("  []");
  }
}
