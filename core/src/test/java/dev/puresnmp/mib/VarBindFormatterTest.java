package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.NoSuchInstance;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each formatting rule on a small module; the expected strings are what snmpget 5.9.3 printed for the
 * same syntax and value (VarBindFormatterNetSnmpIT checks them all against it).
 */
class VarBindFormatterTest {
  private static final String MODULE =
      """
      FMT-TEST-MIB DEFINITIONS ::= BEGIN
      IMPORTS MODULE-IDENTITY, OBJECT-TYPE, Integer32, Unsigned32, Counter32, Counter64, Gauge32, TimeTicks,
              IpAddress, Opaque, enterprises FROM SNMPv2-SMI
              TEXTUAL-CONVENTION, DisplayString, PhysAddress, DateAndTime FROM SNMPv2-TC;
      t MODULE-IDENTITY LAST-UPDATED "202401010000Z" ORGANIZATION "o" CONTACT-INFO "c" DESCRIPTION "d" ::= { enterprises 77 }
      Hundredths ::= TEXTUAL-CONVENTION DISPLAY-HINT "d-2" STATUS current DESCRIPTION "d" SYNTAX Integer32
      Hex ::= TEXTUAL-CONVENTION DISPLAY-HINT "x" STATUS current DESCRIPTION "d" SYNTAX Integer32
      Bin ::= TEXTUAL-CONVENTION DISPLAY-HINT "b" STATUS current DESCRIPTION "d" SYNTAX Unsigned32
      Hex2 ::= TEXTUAL-CONVENTION DISPLAY-HINT "2x-" STATUS current DESCRIPTION "d" SYNTAX OCTET STRING
      Hex1 ::= TEXTUAL-CONVENTION DISPLAY-HINT "1x" STATUS current DESCRIPTION "d" SYNTAX OCTET STRING
      Star ::= TEXTUAL-CONVENTION DISPLAY-HINT "*1x:/1a" STATUS current DESCRIPTION "d" SYNTAX OCTET STRING
      Four ::= TEXTUAL-CONVENTION DISPLAY-HINT "4a" STATUS current DESCRIPTION "d" SYNTAX OCTET STRING
      Bad ::= TEXTUAL-CONVENTION DISPLAY-HINT "foo" STATUS current DESCRIPTION "d" SYNTAX OCTET STRING
      e OBJECT-TYPE SYNTAX INTEGER { up(1), down(2) } MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 1 }
      h OBJECT-TYPE SYNTAX Hundredths UNITS "degrees" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 2 }
      x OBJECT-TYPE SYNTAX Hex MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 3 }
      b OBJECT-TYPE SYNTAX Bin MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 4 }
      kb OBJECT-TYPE SYNTAX Gauge32 UNITS "kB" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 5 }
      c OBJECT-TYPE SYNTAX Counter32 UNITS "packets" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 6 }
      c64 OBJECT-TYPE SYNTAX Counter64 UNITS "octets" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 7 }
      tt OBJECT-TYPE SYNTAX TimeTicks UNITS "cs" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 8 }
      s OBJECT-TYPE SYNTAX DisplayString UNITS "chars" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 9 }
      mac OBJECT-TYPE SYNTAX PhysAddress MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 10 }
      date OBJECT-TYPE SYNTAX DateAndTime MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 11 }
      bits OBJECT-TYPE SYNTAX BITS { zero(0), one(1), nine(9) } UNITS "u" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 12 }
      oid OBJECT-TYPE SYNTAX OBJECT IDENTIFIER UNITS "things" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 13 }
      ip OBJECT-TYPE SYNTAX IpAddress UNITS "addrs" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 14 }
      op OBJECT-TYPE SYNTAX Opaque UNITS "op" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 15 }
      os OBJECT-TYPE SYNTAX OCTET STRING UNITS "bytes" MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 16 }
      hex2 OBJECT-TYPE SYNTAX Hex2 MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 17 }
      hex1 OBJECT-TYPE SYNTAX Hex1 MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 18 }
      star OBJECT-TYPE SYNTAX Star MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 19 }
      four OBJECT-TYPE SYNTAX Four MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 20 }
      bad OBJECT-TYPE SYNTAX Bad MAX-ACCESS read-only STATUS current DESCRIPTION "d" ::= { t 21 }
      END
      """;

  private static Mib mib;

  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("FMT-TEST-MIB.txt");
    Files.writeString(file, MODULE);
    mib = Mib.builder().loadFile(file).build();
  }

  private static String format(String name, Value value) {
    return mib.format(new VarBind(mib.oid(name), value));
  }

  private static String format(String letters, String name, Value value) {
    return mib.formatter(FormatOptions.netSnmp(letters)).format(new VarBind(mib.oid(name), value));
  }

  @Test
  void enumerationPrintsLabelAndNumberAndUnknownAsNumber() {
    assertThat(format("e.1", new Integer32(1))).isEqualTo("FMT-TEST-MIB::e.1 = INTEGER: up(1)");
    assertThat(format("e.1", new Integer32(7))).isEqualTo("FMT-TEST-MIB::e.1 = INTEGER: 7");
    assertThat(format("e", "e.1", new Integer32(1))).isEqualTo("FMT-TEST-MIB::e.1 = INTEGER: 1");
    assertThat(format("q", "e.1", new Integer32(2))).isEqualTo("FMT-TEST-MIB::e.1 down");
  }

  @Test
  void integerHintsPlaceTheDecimalPointAndUseSixtyFourBitHex() {
    assertThat(format("h.0", new Integer32(1234))).isEqualTo("FMT-TEST-MIB::h.0 = INTEGER: 12.34 degrees");
    assertThat(format("h.0", new Integer32(-5))).isEqualTo("FMT-TEST-MIB::h.0 = INTEGER: -.05 degrees");
    assertThat(format("h.0", new Integer32(0))).isEqualTo("FMT-TEST-MIB::h.0 = INTEGER: .00 degrees");
    assertThat(format("x.0", new Integer32(-1))).isEqualTo("FMT-TEST-MIB::x.0 = INTEGER: ffffffffffffffff");
    assertThat(format("b.0", new Gauge32(5))).isEqualTo("FMT-TEST-MIB::b.0 = Gauge32: 00000000000000000000000000000101");
  }

  @Test
  void unitsFollowNumbersStringsAndOidsButNotAddressesOrBits() {
    assertThat(format("kb.0", new Gauge32(1024))).isEqualTo("FMT-TEST-MIB::kb.0 = Gauge32: 1024 kB");
    assertThat(format("c.0", new Counter32(77))).isEqualTo("FMT-TEST-MIB::c.0 = Counter32: 77 packets");
    assertThat(format("c64.0", new Counter64(99))).isEqualTo("FMT-TEST-MIB::c64.0 = Counter64: 99 octets");
    assertThat(format("tt.0", new TimeTicks(12345))).isEqualTo("FMT-TEST-MIB::tt.0 = Timeticks: (12345) 0:02:03.45 cs");
    assertThat(format("s.0", OctetString.of("abc"))).isEqualTo("FMT-TEST-MIB::s.0 = STRING: abc chars");
    assertThat(format("os.0", OctetString.of((byte) 0, (byte) 0xFF))).isEqualTo("FMT-TEST-MIB::os.0 = Hex-STRING: 00 FF  bytes");
    assertThat(format("oid.0", new ObjectIdentifier(Oid.parse("0.0")))).isEqualTo("FMT-TEST-MIB::oid.0 = OID: SNMPv2-SMI::zeroDotZero things");
    assertThat(format("op.0", new Opaque(Bytes.of((byte) 1, (byte) 2)))).isEqualTo("FMT-TEST-MIB::op.0 = OPAQUE: 01 02  op");
    assertThat(format("ip.0", IpAddress.parse("1.2.3.4"))).isEqualTo("FMT-TEST-MIB::ip.0 = IpAddress: 1.2.3.4");
    assertThat(format("bits.0", OctetString.of((byte) 0x80))).isEqualTo("FMT-TEST-MIB::bits.0 = BITS: 80 zero(0) ");
    assertThat(format("U", "kb.0", new Gauge32(1024))).isEqualTo("FMT-TEST-MIB::kb.0 = Gauge32: 1024");
    assertThat(format("t", "tt.0", new TimeTicks(12345))).isEqualTo("FMT-TEST-MIB::tt.0 = 12345");
  }

  @Test
  void displayStringPrintsBareAndDotsUnprintableBytesOnlyInAChunkWithANul() {
    assertThat(format("s.0", OctetString.of("a\"b"))).isEqualTo("FMT-TEST-MIB::s.0 = STRING: a\"b chars");
    assertThat(format("s.0", OctetString.of(new byte[0]))).isEqualTo("FMT-TEST-MIB::s.0 = STRING:  chars");
    assertThat(format("s.0", OctetString.of((byte) 0, (byte) 0xFF))).isEqualTo("FMT-TEST-MIB::s.0 = STRING: .. chars");
    assertThat(format("s.0", OctetString.of((byte) 0xC3, (byte) 0xA9))).isEqualTo("FMT-TEST-MIB::s.0 = STRING: \u00e9 chars");
    assertThat(format("four.0", OctetString.of(Bytes.decodeHex("61000102030405").toByteArray())))
        .isEqualTo("FMT-TEST-MIB::four.0 = STRING: a...\u0003\u0004\u0005");
  }

  @Test
  void octetHintsFollowNetSnmp() {
    assertThat(format("mac.0", OctetString.of(Bytes.decodeHex("00155d0a0b0c").toByteArray()))).isEqualTo("FMT-TEST-MIB::mac.0 = STRING: 0:15:5d:a:b:c");
    assertThat(format("date.0", OctetString.of(Bytes.decodeHex("07ea0c01020304002b0000").toByteArray())))
        .isEqualTo("FMT-TEST-MIB::date.0 = STRING: 2026-12-1,2:3:4.0,+0:0");
    assertThat(format("date.0", OctetString.of(Bytes.decodeHex("0102030405").toByteArray()))).isEqualTo("FMT-TEST-MIB::date.0 = STRING: 258-3-4,5");
    assertThat(format("hex2.0", OctetString.of(Bytes.decodeHex("0102030405").toByteArray()))).isEqualTo("FMT-TEST-MIB::hex2.0 = STRING: 102-304-500");
    assertThat(format("hex1.0", OctetString.of(Bytes.decodeHex("01ab").toByteArray()))).isEqualTo("FMT-TEST-MIB::hex1.0 = STRING: 01ab");
    assertThat(format("star.0", OctetString.of(Bytes.decodeHex("030102034142").toByteArray()))).isEqualTo("FMT-TEST-MIB::star.0 = STRING: 1:2:3:/AB");
    assertThat(format("bad.0", OctetString.of("abc"))).isEqualTo("FMT-TEST-MIB::bad.0 = (Bad hint ignored: foo) STRING: \"abc\"");
  }

  @Test
  void bitsNameSetBitsUntilANameIsNotFound() {
    assertThat(format("bits.0", OctetString.of((byte) 0xC0, (byte) 0x40))).isEqualTo("FMT-TEST-MIB::bits.0 = BITS: C0 40 zero(0) one(1) nine(9) ");
    assertThat(format("bits.0", OctetString.of((byte) 0x61, (byte) 0x40))).isEqualTo("FMT-TEST-MIB::bits.0 = BITS: 61 40 one(1) 2 7 9 ");
    assertThat(format("e", "bits.0", OctetString.of((byte) 0xC0))).isEqualTo("FMT-TEST-MIB::bits.0 = BITS: C0 0 1 ");
    assertThat(format("q", "bits.0", OctetString.of((byte) 0xC0))).isEqualTo("FMT-TEST-MIB::bits.0 \"C0 \"");
  }

  @Test
  void wrongTypeIsFlaggedExceptWithQuickEquals() {
    assertThat(format("e.1", new Gauge32(2))).isEqualTo("FMT-TEST-MIB::e.1 = Wrong Type (should be INTEGER): Gauge32: 2");
    assertThat(format("kb.0", new Integer32(5))).isEqualTo("FMT-TEST-MIB::kb.0 = Wrong Type (should be Gauge32 or Unsigned32): INTEGER: 5");
    assertThat(format("s.0", Null.INSTANCE)).isEqualTo("FMT-TEST-MIB::s.0 = Wrong Type (should be OCTET STRING): NULL");
    assertThat(format("q", "e.1", OctetString.of("up"))).isEqualTo("FMT-TEST-MIB::e.1 Wrong Type (should be INTEGER): \"up\"");
    assertThat(format("Q", "e.1", OctetString.of("up"))).isEqualTo("FMT-TEST-MIB::e.1 = \"up\"");
    assertThat(format("e.1", NoSuchInstance.INSTANCE)).isEqualTo("FMT-TEST-MIB::e.1 = No Such Instance currently exists at this OID");
  }

  @Test
  void oidValuesAreNamedInTheChosenStyle() {
    ObjectIdentifier v = new ObjectIdentifier(mib.oid("e.3"));
    assertThat(format("oid.0", v)).isEqualTo("FMT-TEST-MIB::oid.0 = OID: FMT-TEST-MIB::e.3 things");
    assertThat(format("s", "oid.0", v)).isEqualTo("oid.0 = OID: e.3 things");
    assertThat(format("n", "oid.0", v)).isEqualTo(".1.3.6.1.4.1.77.13.0 = OID: .1.3.6.1.4.1.77.1.3 things");
  }

  @Test
  void quickOutputDropsTypesAndQuotesHex() {
    assertThat(format("q", "tt.0", new TimeTicks(123456789))).isEqualTo("FMT-TEST-MIB::tt.0 14:6:56:07.89 cs");
    assertThat(format("Q", "os.0", OctetString.of((byte) 0))).isEqualTo("FMT-TEST-MIB::os.0 = \"00 \" bytes");
    assertThat(format("vq", "e.1", new Integer32(1))).isEqualTo("up");
    assertThat(format("x", "os.0", OctetString.of("ab"))).isEqualTo("FMT-TEST-MIB::os.0 = Hex-STRING: 61 62  bytes");
    assertThat(format("a", "os.0", OctetString.of((byte) 0, (byte) 'a'))).isEqualTo("FMT-TEST-MIB::os.0 = STRING: \".a\" bytes");
  }

  @Test
  void oidsOutsideTheMibPrintAsWithoutMibs() {
    VarBind vb = new VarBind(Oid.parse("1.3.6.1.4.1.77.99.1"), OctetString.of("x"));
    assertThat(mib.format(vb)).isEqualTo("FMT-TEST-MIB::t.99.1 = STRING: \"x\"");
  }

  @Test
  void quickLettersToggleQuickOutputAsNetSnmpDoes() {
    assertThat(FormatOptions.netSnmp("qq").quick()).isFalse();
    assertThat(FormatOptions.netSnmp("QQ").quick()).isFalse();
    assertThat(FormatOptions.netSnmp("QQ").quickEquals()).isTrue();
    assertThat(FormatOptions.netSnmp("qQ").quick()).isFalse();
    assertThat(FormatOptions.netSnmp("QQ")).hasToString("-OSQq");
    assertThat(FormatOptions.netSnmp("Qq")).isEqualTo(FormatOptions.netSnmp("QQ"));
  }

  @Test
  void optionLettersRoundTripAndUnknownLettersAreRejected() {
    assertThat(FormatOptions.netSnmp("sQe").toString()).isEqualTo("-OseQ");
    assertThat(FormatOptions.netSnmp("")).isEqualTo(FormatOptions.DEFAULT);
    assertThatThrownBy(() -> FormatOptions.netSnmp("F")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'F'");
    assertThat(FormatOptions.netSnmp("sT0Ep5.2")).hasToString("-OsT0Ep5.2");
  }

  @Test
  void onOffLettersToggleAsNetSnmpsAndPEndsTheLettersWithItsPrecision() {
    assertThat(FormatOptions.netSnmp("ee").enumsAsNumbers()).isFalse();
    assertThat(FormatOptions.netSnmp("eee").enumsAsNumbers()).isTrue();
    assertThat(FormatOptions.netSnmp("TT").hexText()).isFalse();
    assertThat(FormatOptions.netSnmp("vv").valueOnly()).isFalse();
    assertThat(FormatOptions.netSnmp("UU").units()).isTrue();
    assertThat(FormatOptions.netSnmp("bb").indexes()).isEqualTo(FormatOptions.Indexes.DECODED);
    assertThat(FormatOptions.netSnmp("Xb").indexes()).isEqualTo(FormatOptions.Indexes.NUMBERS);
    FormatOptions p = FormatOptions.netSnmp("qp-10.3");
    assertThat(p.quick()).isTrue();
    assertThat(p.floatPrecision()).isEqualTo("-10.3");
  }

  @Test
  void aPrecisionThatIsNoPrintfWidthAndPrecisionIsRefusedWithItsText() {
    assertThatThrownBy(() -> FormatOptions.netSnmp("p%d")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"%d\"");
    assertThatThrownBy(() -> FormatOptions.netSnmp("p99999")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hexTextFollowsHexAndNothingElse() {
    assertThat(format("T", "os.0", OctetString.of((byte) 0, (byte) 'a'))).isEqualTo("FMT-TEST-MIB::os.0 = Hex-STRING: 00 61   [.a] bytes");
    assertThat(format("T", "os.0", OctetString.of("x"))).isEqualTo(format("", "os.0", OctetString.of("x")));
  }
}
