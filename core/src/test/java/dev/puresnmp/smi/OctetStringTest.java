package dev.puresnmp.smi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OctetStringTest {
  private static OctetString hex(String hex) {
    return new OctetString(Bytes.decodeHex(hex));
  }

  @Test
  void asciiTextIsText() {
    OctetString s = OctetString.of("router-1");
    assertThat(s.isText()).isTrue();
    assertThat(s.asText()).isEqualTo("router-1");
    assertThat(s.asHex()).isEqualTo("72:6f:75:74:65:72:2d:31");
  }

  @Test
  void octetStringOfMacAddressIsNotText() {
    OctetString mac = hex("d6 44 b3 74 97 36");
    assertThat(mac.isText()).isFalse();
    assertThat(mac.asHex()).isEqualTo("d6:44:b3:74:97:36");
    assertThat(mac.asText()).as("binary reads as hex, not as UTF-8 replacement characters").isEqualTo("d6:44:b3:74:97:36");
    assertThat(mac.asBytes()).isEqualTo(Bytes.decodeHex("d644b3749736"));
  }

  @Test
  void emptyOctetStringIsEmptyTextAndEmptyHex() {
    OctetString empty = OctetString.of();
    assertThat(empty.isText()).isTrue();
    assertThat(empty.asText()).isEmpty();
    assertThat(empty.asHex()).isEmpty();
    assertThat(empty.asBytes()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void nonAsciiUtf8IsTextThoughNetSnmpPrintsItAsHex() {
    for (String text : new String[] {"café", "Zürich, Bahnhofstraße 1", "東京", "rack \uD83D\uDE80 1"}) {
      OctetString s = OctetString.of(text);
      assertThat(s.isText()).as(text).isTrue();
      assertThat(s.asText()).isEqualTo(text);
    }
    assertThat(NetSnmpFormat.formatValue(OctetString.of("café"))).isEqualTo("Hex-STRING: 63 61 66 C3 A9 ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ff", // never in UTF-8
        "63 61 66 e9", // "café" in Latin-1
        "c3 28", // a lead byte without its continuation
        "e2 82", // truncated three-byte sequence
        "c0 af", // overlong '/'
        "ed a0 80", // an encoded surrogate, U+D800
        "f4 90 80 80", // past U+10FFFF
        "80 81 82 83" // continuation bytes alone
      })
  void invalidUtf8IsNotText(String bytes) {
    OctetString s = hex(bytes);
    assertThat(s.isText()).isFalse();
    assertThat(s.asText()).isEqualTo(s.asHex()).isEqualTo(bytes.replace(' ', ':'));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "00", // NUL
        "61 62 63 00", // a C string's trailing NUL: Net-SNMP prints Hex-STRING too
        "62 65 6c 6c 07", // BEL
        "1b 5b 30 6d", // an ANSI escape sequence
        "64 65 6c 7f", // DEL
        "61 c2 85 62" // U+0085 NEXT LINE, a C1 control in valid UTF-8
      })
  void controlCharactersMakeAnOctetStringBinary(String bytes) {
    OctetString s = hex(bytes);
    assertThat(s.isText()).isFalse();
    assertThat(s.asText()).isEqualTo(bytes.replace(' ', ':'));
  }

  @Test
  void whiteSpaceIsText() {
    String text = "a\tb\r\nc\u000Bd\u000Ce\n";
    OctetString s = OctetString.of(text);
    assertThat(s.isText()).isTrue();
    assertThat(s.asText()).isEqualTo(text);
  }

  @Test
  void aMacAddressOfPrintableBytesIsTextSoAddressesAreReadWithAsHex() {
    // ifPhysAddress.2 of the recorded snmpd (v2c-get-iftable): Net-SNMP prints STRING: "^C>tzw" too
    OctetString mac = hex("5e 43 3e 74 7a 77");
    assertThat(mac.isText()).isTrue();
    assertThat(mac.asText()).isEqualTo("^C>tzw");
    assertThat(mac.asHex()).isEqualTo("5e:43:3e:74:7a:77");
  }

  @Test
  void asHexIsLowerCaseAndColonSeparated() {
    assertThat(hex("00").asHex()).isEqualTo("00");
    assertThat(hex("0a ff 10").asHex()).isEqualTo("0a:ff:10");
  }

  /** Text (UTF-8 of any string, often with controls and surrogates) and any bytes, about half each. */
  @Provide
  Arbitrary<byte[]> bytesOftenText() {
    Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(12).map(s -> s.getBytes(UTF_8));
    Arbitrary<byte[]> ascii = Arbitraries.strings().ascii().ofMaxLength(12).map(s -> s.getBytes(UTF_8));
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    return Arbitraries.oneOf(text, ascii, any);
  }

  @Property
  void isTextImpliesAsTextRoundTripsForAnyByteArray(@ForAll byte[] bytes) {
    OctetString s = OctetString.of(bytes);
    if (s.isText()) {
      assertThat(s.asText().getBytes(UTF_8)).isEqualTo(bytes);
    }
  }

  /** The same over inputs that are often text, so the implication is not vacuous. */
  @Property
  void isTextImpliesAsTextRoundTripsForBytesThatAreOftenText(@ForAll("bytesOftenText") byte[] bytes) {
    OctetString s = OctetString.of(bytes);
    Statistics.collect(s.isText() ? "text" : "binary");
    if (s.isText()) {
      assertThat(s.asText().getBytes(UTF_8)).isEqualTo(bytes);
    } else {
      assertThat(s.asText()).isEqualTo(s.asHex());
    }
    Statistics.coverage(c -> c.check("text").count(n -> n >= 100));
  }

  @Property
  void asHexDecodesBackToTheBytes(@ForAll byte[] bytes) {
    assertThat(Bytes.decodeHex(OctetString.of(bytes).asHex())).isEqualTo(Bytes.of(bytes));
  }

  @Property
  void whatNetSnmpPrintsAsStringIsText(@ForAll("bytesOftenText") byte[] bytes) {
    OctetString s = OctetString.of(bytes);
    String printed = NetSnmpFormat.formatValue(s);
    if (printed.startsWith("STRING: ") || printed.equals("\"\"")) {
      assertThat(s.isText()).isTrue();
    }
  }
}
