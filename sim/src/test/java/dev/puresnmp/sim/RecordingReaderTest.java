package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {
  private static Recording snmprec(String text) {
    return RecordingReader.lenient().read("t.snmprec", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), RecordingReader.Format.SNMPREC);
  }

  private static Recording walk(String text) {
    return RecordingReader.lenient().read("t.walk", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), RecordingReader.Format.WALK);
  }

  @Test
  void snmprecReadsEveryTagSnmpsimWrites() {
    Recording r = snmprec(String.join("\n",
        "1.3.6.1.1.1.0|2|-5",
        "1.3.6.1.1.2.0|4|Test device",
        "1.3.6.1.1.3.0|4x|00127962f940",
        "1.3.6.1.1.4.0|5|",
        "1.3.6.1.1.5.0|6|1.3.6.1.4.1.9",
        "1.3.6.1.1.6.0|64|10.0.0.1",
        "1.3.6.1.1.7.0|64x|7f000001",
        "1.3.6.1.1.8.0|65|4294967295",
        "1.3.6.1.1.9.0|66|7",
        "1.3.6.1.1.10.0|67|12345",
        "1.3.6.1.1.11.0|68x|9f780442f60000",
        "1.3.6.1.1.12.0|70|18446744073709551615",
        "1.3.6.1.1.13.0|4|"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.varBinds()).extracting(VarBind::value).containsExactly(
        Integer32.of(-5), OctetString.of("Test device"), OctetString.of((byte) 0, (byte) 0x12, (byte) 0x79, (byte) 0x62, (byte) 0xf9, (byte) 0x40),
        Null.INSTANCE, new ObjectIdentifier(Oid.parse("1.3.6.1.4.1.9")), IpAddress.parse("10.0.0.1"), IpAddress.parse("127.0.0.1"),
        new Counter32(4294967295L), new Gauge32(7), new TimeTicks(12345), new Opaque(Bytes.decodeHex("9f780442f60000")),
        new Counter64(-1L), OctetString.of(""));
  }

  @Test
  void aBadLineIsReportedWithFileAndLineAndTheRestIsServed() {
    Recording r = snmprec("1.3.6.1.1.1.0|2|1\n1.3.6.1.1.2.0|2|one\nnot a record\n1.3.6.1.1.3.0|99|x\n1.3.6.1.1.4.0|2|4\n");
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.problems()).extracting(Object::toString).containsExactly(
        "t.snmprec:2: error: INTEGER value \"one\" is not a number",
        "t.snmprec:3: error: expected OID|TAG|VALUE but found \"not a record\"",
        "t.snmprec:4: error: unknown tag 99 (snmprec tags: 2, 4, 5, 6, 64, 65, 66, 67, 68, 70, 128, 129, 130)");
  }

  @Test
  void strictModeRefusesTheFileAndListsEveryBadLine() {
    InputStream in = new ByteArrayInputStream("1.3.6.1.1.1.0|2|1\n1.3.6.1.1.2.0|65|-1\nx|y\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> RecordingReader.strict().read("dev.snmprec", in, RecordingReader.Format.SNMPREC))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage("dev.snmprec:2: error: Counter32 value -1 is outside 0..4294967295 (and 1 more problems)")
        .satisfies(e -> assertThat(((RecordingFormatException) e).problems()).hasSize(2));
  }

  @Test
  void anUnsupportedVariationModuleIsAWarningNamingTheLineAndItsValueIsServed() {
    Recording r = snmprec("1.3.6.1.1.1.0|65:numeric|value=7,rate=10\n1.3.6.1.1.2.0|2:delay|wait=100\n1.3.6.1.1.3.0|4:writecache|value=rw\n");
    assertThat(r.varBinds()).containsExactly(VarBind.of("1.3.6.1.1.1.0", new Counter32(7)), VarBind.of("1.3.6.1.1.3.0", OctetString.of("rw")));
    assertThat(r.problems()).extracting(Object::toString).containsExactly(
        "t.snmprec:1: warning: variation module 'numeric' is not supported; its value= is served as a fixed value",
        "t.snmprec:2: error: variation module 'delay' is not supported and the record has no value=; skipped");
    assertThat(r.isMarkedWritable(1)).isTrue();
    assertThat(r.isMarkedWritable(0)).isFalse();
  }

  @Test
  void stringsKeepTheirExactBytes() {
    Recording r = snmprec("1.3.6.1.1.1.0|4|caf\u00e9 | pipes|too\n");
    assertThat(r.varBind(0).value().asBytes()).isEqualTo(Bytes.of("caf\u00e9 | pipes|too".getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void walkReadsWhatSnmpwalkPrintsIncludingMultiLineValues() {
    Recording r = walk(String.join("\n",
        ".1.3.6.1.2.1.1.1.0 = STRING: \"Cisco IOS Software\nTechnical Support: \\\"http\\\"\"",
        ".1.3.6.1.2.1.1.3.0 = Timeticks: (233425120) 27 days, 0:24:11.20",
        ".1.3.6.1.2.1.2.2.1.3.1 = INTEGER: ethernetCsmacd(6)",
        ".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F ",
        "10 11 ",
        ".1.3.6.1.2.1.2.2.1.6.2 = \"\"",
        ".1.3.6.1.2.1.4.13.0 = INTEGER: 60 seconds",
        ".1.3.6.1.2.1.4.20.1.1.10.0.0.1 = IpAddress: 10.0.0.1",
        ".1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615",
        ".1.3.6.1.2.1.31.1.1.1.15.1 = Gauge32: 1000",
        ".1.3.6.1.4.1.1.0 = OID: .1.3.6.1.4.1.9",
        ".1.3.6.1.4.1.2.0 = Opaque: Float: 123.000000",
        ".1.3.6.1.4.1.3.0 = 121722922",
        ".1.3.6.1.4.1.4.0 = No more variables left in this MIB View (It is past the end of the MIB tree)",
        ""));
    assertThat(r.problems()).isEmpty();
    assertThat(r.varBinds()).extracting(NetSnmpFormat::format).containsExactly(
        ".1.3.6.1.2.1.1.1.0 = STRING: \"Cisco IOS Software\nTechnical Support: \\\"http\\\"\"",
        ".1.3.6.1.2.1.1.3.0 = Timeticks: (233425120) 27 days, 0:24:11.20",
        ".1.3.6.1.2.1.2.2.1.3.1 = INTEGER: 6",
        ".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 ",
        ".1.3.6.1.2.1.2.2.1.6.2 = \"\"",
        ".1.3.6.1.2.1.4.13.0 = INTEGER: 60",
        ".1.3.6.1.2.1.4.20.1.1.10.0.0.1 = IpAddress: 10.0.0.1",
        ".1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615",
        ".1.3.6.1.2.1.31.1.1.1.15.1 = Gauge32: 1000",
        ".1.3.6.1.4.1.1.0 = OID: .1.3.6.1.4.1.9",
        ".1.3.6.1.4.1.2.0 = Opaque: Float: 123.000000",
        ".1.3.6.1.4.1.3.0 = Timeticks: (121722922) 14 days, 2:07:09.22");
  }

  @Test
  void aWalkWithSymbolicOidsSaysToRecordWithDashOn() {
    Recording r = walk("SNMPv2-MIB::sysName.0 = STRING: x\n.1.3.6.1.2.1.1.2.0 = OID: SNMPv2-SMI::enterprises.9\n");
    assertThat(r.size()).isZero();
    assertThat(r.problems()).extracting(Object::toString).containsExactly(
        "t.walk:1: error: expected .OID = TYPE: VALUE (snmpwalk -On output) but found \"SNMPv2-MIB::sysName.0 = STRING: x\"",
        "t.walk:2: error: OID value \"SNMPv2-SMI::enterprises.9\" is not numeric: record with snmpwalk -On");
  }

  @Test
  void theShippedWalkAndSnmprecOfTheLinuxHostHoldTheSameVarbinds() throws Exception {
    Recording fromWalk;
    try (InputStream in = getClass().getResourceAsStream("linux-host.walk")) {
      fromWalk = RecordingReader.strict().read("linux-host.walk", in, RecordingReader.Format.WALK);
    }
    Recording fromSnmprec = ShippedDevices.linuxHost();
    assertThat(fromSnmprec.size()).isEqualTo(928);
    assertThat(fromWalk.varBinds()).isEqualTo(fromSnmprec.varBinds());
  }

  @Test
  void theFormatComesFromTheExtensionOrTheFirstLine(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), ".1.3.6.1.2.1.1.5.0 = STRING: \"x\"\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "# comment\n1.3.6.1.2.1.1.5.0|4|x\n");
    assertThat(RecordingReader.formatOf(a)).isEqualTo(RecordingReader.Format.WALK);
    assertThat(RecordingReader.formatOf(b)).isEqualTo(RecordingReader.Format.SNMPREC);
    assertThat(RecordingReader.formatOf(dir.resolve("c.snmprec"))).isEqualTo(RecordingReader.Format.SNMPREC);
    assertThat(Recording.load(a).varBinds()).isEqualTo(Recording.load(b).varBinds());
  }

  @Test
  void aFileInADirectoryIsServedUnderItsPathWithoutExtension() {
    assertThat(RecordingReader.deviceName(Path.of("/data"), Path.of("/data/recorded/linux-full-walk.snmprec"))).isEqualTo("recorded/linux-full-walk");
    assertThat(RecordingReader.deviceName(Path.of("/data"), Path.of("/data/cisco-3750.snmprec"))).isEqualTo("cisco-3750");
  }

  static List<String> lines(Recording r) {
    return r.varBinds().stream().map(NetSnmpFormat::format).toList();
  }
}
