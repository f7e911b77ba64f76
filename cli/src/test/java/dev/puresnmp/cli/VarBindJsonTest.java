package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarBindJsonTest {
  private static final Oid OID = Oid.parse("1.3.6.1.2.1.31.1.1.1.6.1");

  @Test
  void theLargestCounter64IsWrittenExactlyNotThroughADouble() {
    BigInteger max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
    Map<String, Object> o = JsonValue.object(VarBindJson.line(new VarBind(OID, Counter64.of(max)), null));
    assertThat(o).containsEntry("type", "Counter64").containsEntry("value", new BigDecimal(max))
        .containsEntry("hex", "460900ffffffffffffffff");
  }

  @Test
  void bytesThatAreNotTextAreHexAndSaySo() {
    Map<String, Object> o = JsonValue.object(VarBindJson.line(new VarBind(OID, OctetString.of((byte) 0xd6, (byte) 0x00, (byte) 0x01)), null));
    assertThat(o).containsEntry("type", "STRING").containsEntry("value", "d60001").containsEntry("encoding", "hex")
        .containsEntry("hex", "0403d60001");
  }

  @Test
  void aStringTheMibShowsAsHexIsHexThoughItsBytesArePrintable() {
    MibOptions mibs = new MibOptions();
    mibs.dirs.add("/nonexistent/dir"); // the built-in modules only
    OidNames names = new OidNames(mibs.loadForCommands(new java.io.PrintWriter(new java.io.StringWriter())), "");
    // ifPhysAddress (PhysAddress, DISPLAY-HINT "1x:") of bytes that read as text: 5e:43:3e:74:7a:77 is "^C>tzw"
    VarBind mac = new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.6.2"), OctetString.of(new byte[] {0x5e, 0x43, 0x3e, 0x74, 0x7a, 0x77}));
    assertThat(JsonValue.object(VarBindJson.line(mac, names))).containsEntry("value", "5e433e747a77").containsEntry("encoding", "hex")
        .containsEntry("netsnmp", "STRING: 5e:43:3e:74:7a:77");
    // a DisplayString stays text
    VarBind descr = new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.2.2"), OctetString.of("eth0"));
    assertThat(JsonValue.object(VarBindJson.line(descr, names))).containsEntry("value", "eth0").doesNotContainKey("encoding");
  }

  @Test
  void textIsTextWithoutAnEncoding() {
    Map<String, Object> o = JsonValue.object(VarBindJson.line(new VarBind(OID, OctetString.of("héllo \"x\"")), null));
    assertThat(o).containsEntry("value", "héllo \"x\"").doesNotContainKey("encoding");
  }

  @Test
  void anExceptionHasANullValueAndSaysWhichItIs() {
    Map<String, Object> o = JsonValue.object(VarBindJson.line(new VarBind(OID, EndOfMibView.INSTANCE), null));
    assertThat(o).containsEntry("value", null).containsEntry("exception", "endOfMibView").containsEntry("type", "endOfMibView");
  }

  @Test
  void anErrorCarriesItsKindTheTextsLinesAndItsDetails() {
    Map<String, Object> o = JsonValue.object(VarBindJson.error("errorInPacket", List.of("a", "b"), "status", "tooBig", "failedOid", null));
    assertThat(o).isEqualTo(Map.of("error", "errorInPacket", "message", "a\nb", "status", "tooBig"));
  }
}
