package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.Packets;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.MessageCodec;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VarBindTest {
  @Test
  void toStringIsTheLineSnmpgetPrints() {
    assertThat(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("x"))).hasToString(".1.3.6.1.2.1.1.5.0 = STRING: \"x\"");
    assertThat(VarBind.of("1.3.6.1.2.1.1.3.0", new TimeTicks(109791)))
        .hasToString(".1.3.6.1.2.1.1.3.0 = Timeticks: (109791) 0:18:17.91"); // v2c-get-system
    assertThat(VarBind.of(Oid.parse("1.3.6.1.2.1.1.5.0"))).hasToString(".1.3.6.1.2.1.1.5.0 = NULL");
  }

  /** Recorded GET and GETBULK answers that Net-SNMP printed in full: no walk, error, timeout or silence. */
  static Stream<String> printedResponses() {
    return Packets.all().stream()
        .filter(n -> !n.contains("walk") && Packets.exists(n.replace(".hex", ".txt")))
        .filter(n -> !NetSnmpFormatTest.KEPT_WHERE_NET_SNMP_DROPS.containsKey(n))
        .filter(
            n -> {
              String printed = Packets.text(n.replace(".hex", ".txt"));
              return printed.startsWith(".");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printedResponses")
  void everyRecordedVarBindPrintsAsTheLineNetSnmpPrinted(String name) {
    String printed = Packets.text(name.replace(".hex", ".txt"));
    String ours =
        MessageCodec.decode(Packets.load(name)).pdu().varBinds().stream()
            .map(VarBind::toString)
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(ours).isEqualTo(printed);
  }


  @ParameterizedTest
  @CsvSource({
    "1.3.6.1.2.1.1.5.0, 0403737731, 300f06082b060102010105000403737731",
    "1.3.6.1.2.1.1.3.0, 4304075bcd15, 301006082b06010201010300430407" + "5bcd15",
    "1.3.6.1.2.1.2.2.1.10.1, 410500ffffffff, 301306" + "0a2b06010201020201" + "0a01" + "410500ffffffff",
    "1.3.6.1.4.1.99.1, 8200, 300b06072b0601040163" + "01" + "8200",
  })
  void encodeGivesTheVarBindAsItSitsInAPdu(String oid, String valueHex, String hex) {
    VarBind vb = VarBind.decode(Bytes.decodeHex(hex).toByteArray(), 0, hex.length() / 2);
    assertThat(vb.oid()).isEqualTo(Oid.parse(oid));
    assertThat(Bytes.of(vb.encode()).hex()).isEqualTo(hex);
    assertThat(Bytes.of(vb.encode()).hex()).endsWith(valueHex);
  }

  @Test
  void decodeReadsExactlyTheSliceGiven() {
    byte[] sysName = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sw1")).encode();
    byte[] store = new byte[sysName.length + 5];
    System.arraycopy(sysName, 0, store, 3, sysName.length);
    assertThat(VarBind.decode(store, 3, sysName.length)).isEqualTo(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sw1")));
    assertThat(VarBind.decodeOid(store, 3, sysName.length)).isEqualTo(Oid.parse("1.3.6.1.2.1.1.5.0"));
  }

  @Test
  void decodeRejectsBytesAfterTheVarBindWithTheirOffset() {
    byte[] sysName = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sw1")).encode();
    byte[] longer = java.util.Arrays.copyOf(sysName, sysName.length + 1);
    assertThatThrownBy(() -> VarBind.decode(longer, 0, longer.length))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("1 bytes after the varbind at offset " + sysName.length);
  }

  @Test
  void decodeOidRejectsWhatIsNoVarBind() {
    byte[] notOne = Bytes.decodeHex("0403737731").toByteArray();
    assertThatThrownBy(() -> VarBind.decodeOid(notOne, 0, notOne.length)).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void ofNullsPairsEachOidWithNullInOrder() {
    java.util.List<VarBind> vbs = VarBindList.ofNulls(java.util.List.of(Oid.parse("1.3.6.1.2.1.1.5.0"), Oid.parse("1.3.6.1.2.1.1.3.0")));
    assertThat(vbs).containsExactly(VarBind.of(Oid.parse("1.3.6.1.2.1.1.5.0")), VarBind.of(Oid.parse("1.3.6.1.2.1.1.3.0")));
    assertThat(VarBindList.copyOf(vbs)).isSameAs(vbs);
    assertThat(vbs.get(0).value()).isEqualTo(Null.INSTANCE);
  }

  @Test
  void aGetsOidsEncodeAsTheSameVarbindsMadeOneByOne() {
    java.util.List<Oid> oids = java.util.List.of(Oid.parse("1.3.6.1.2.1.1.5.0"), Oid.parse("1.3.6.1.4.1.4294967295.7"));
    java.util.List<VarBind> onlyOids = VarBindList.ofNulls(oids);
    java.util.List<VarBind> oneByOne = new java.util.ArrayList<>(java.util.List.of(VarBind.of(oids.get(0)), VarBind.of(oids.get(1))));
    assertThat(encode(onlyOids)).isEqualTo(encode(oneByOne));
    dev.puresnmp.ber.BerReader r = new dev.puresnmp.ber.BerReader(encode(onlyOids), 0, encode(onlyOids).length);
    java.util.List<VarBind> decoded = ValueCodec.readVarBindList(r, onlyOids);
    assertThat(decoded).isEqualTo(oneByOne);
    assertThat(decoded.get(1).oid()).isSameAs(oids.get(1)); // read against the request: its Oid, not a copy
  }

  private static byte[] encode(java.util.List<VarBind> vbs) {
    byte[] out = new byte[ValueCodec.sizeOfVarBindList(vbs)];
    assertThat(ValueCodec.writeVarBindList(out, out.length, vbs)).isZero();
    return out;
  }
}
