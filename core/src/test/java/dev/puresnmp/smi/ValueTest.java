package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every value's toString() is what Net-SNMP 5.9 printed after " = " for it: each expected string is cut
 * from a line of the recorded tool output under packets/ (named), trailing space of Hex-STRING included.
 */
class ValueTest {
  @Test
  void integerPrintsAsNetSnmpPrintsIt() {
    assertThat(Integer32.of(3)).hasToString("INTEGER: 3");
    assertThat(Integer32.of(-129)).hasToString("INTEGER: -129"); // types-walk.txt 1.1.8
    assertThat(new Integer32(Integer.MIN_VALUE)).hasToString("INTEGER: -2147483648"); // 1.1.14
  }

  @Test
  void octetStringOfTextPrintsAsString() {
    assertThat(OctetString.of("x")).hasToString("STRING: \"x\"");
    assertThat(OctetString.of("snmpd-peer")).hasToString("STRING: \"snmpd-peer\""); // v2c-get-system
    assertThat(OctetString.of("say \"hi\" \\ bye")).hasToString("STRING: \"say \\\"hi\\\" \\\\ bye\""); // 1.2.6
  }

  @Test
  void emptyOctetStringPrintsAsTwoQuotes() {
    assertThat(OctetString.of("")).hasToString("\"\""); // types-walk.txt 1.2.2
  }

  @Test
  void octetStringOfMacAddressPrintsAsHexString() {
    assertThat(new OctetString(Bytes.decodeHex("d6 44 b3 74 97 36"))).hasToString("Hex-STRING: D6 44 B3 74 97 36 ");
    assertThat(new OctetString(Bytes.decodeHex("ca fd 6c a8 84 8a"))).hasToString("Hex-STRING: CA FD 6C A8 84 8A "); // v2c-get-iftable
  }

  @Test
  void nonAsciiTextPrintsAsHexStringAsNetSnmpDoes() {
    assertThat(OctetString.of("é")).hasToString("Hex-STRING: C3 A9 "); // types-walk.txt 1.2.29
  }

  @Test
  void nullPrintsAsNull() {
    assertThat(Null.INSTANCE).hasToString("NULL");
  }

  @Test
  void objectIdentifierPrintsWithALeadingDot() {
    assertThat(new ObjectIdentifier(Oid.parse("1.3.6.1.2.1"))).hasToString("OID: .1.3.6.1.2.1");
    assertThat(new ObjectIdentifier(Oid.parse("1.3.6.1.4.1.8072.3.2.10"))).hasToString("OID: .1.3.6.1.4.1.8072.3.2.10");
  }

  @Test
  void ipAddressPrintsAsDottedQuad() {
    assertThat(IpAddress.parse("127.0.0.1")).hasToString("IpAddress: 127.0.0.1");
    assertThat(IpAddress.parse("255.0.0.0")).hasToString("IpAddress: 255.0.0.0"); // v2c-get-ipaddr
  }

  @Test
  void countersAndGaugePrintTheirTypeAndNumber() {
    assertThat(new Counter32(5)).hasToString("Counter32: 5");
    assertThat(new Counter32(4066122)).hasToString("Counter32: 4066122"); // v2c-get-iftable
    assertThat(new Gauge32(8388607)).hasToString("Gauge32: 8388607"); // crafted-gauge32-3bytes
    assertThat(new Counter64(123)).hasToString("Counter64: 123");
  }

  @Test
  void counter64PrintsUnsigned() {
    assertThat(new Counter64(-1)).hasToString("Counter64: 18446744073709551615"); // crafted-counter64-max-8bytes
  }

  @Test
  void timeTicksPrintAsUptime() {
    assertThat(new TimeTicks(4200)).hasToString("Timeticks: (4200) 0:00:42.00"); // v2c-get-types-timeticks
    assertThat(new TimeTicks(8640001)).hasToString("Timeticks: (8640001) 1 day, 0:00:00.01");
    assertThat(new TimeTicks(123456789)).hasToString("Timeticks: (123456789) 14 days, 6:56:07.89");
  }

  @Test
  void opaquePrintsUnwrappedOrAsHex() {
    assertThat(new Opaque(Bytes.decodeHex("9f780440490fdb"))).hasToString("Opaque: Float: 3.141593"); // 1.9.2
    assertThat(new Opaque(Bytes.decodeHex("0102ff"))).hasToString("OPAQUE: 01 02 FF "); // 1.9.1
  }

  @Test
  void nsapAddressPrintsAsNetSnmpsBadType() {
    assertThat(new NsapAddress(Bytes.decodeHex("470005"))).hasToString("Variable has bad type"); // crafted-nsapaddress
  }

  @Test
  void exceptionValuesPrintNetSnmpsSentences() {
    assertThat(NoSuchObject.INSTANCE).hasToString("No Such Object available on this agent at this OID");
    assertThat(NoSuchInstance.INSTANCE).hasToString("No Such Instance currently exists at this OID");
    assertThat(EndOfMibView.INSTANCE)
        .hasToString("No more variables left in this MIB View (It is past the end of the MIB tree)");
  }

  @Test
  void unknownValuesPrintAsNetSnmpPrintsTheirTag() {
    assertThat(new Unknown(0x47, Bytes.decodeHex("05"))).hasToString("5"); // crafted-uinteger32
    assertThat(new Unknown(0x03, Bytes.decodeHex("00f0"))).hasToString("BITS: 00 F0 8 9 10 11 "); // crafted-bitstring
    assertThat(new Unknown(0x02, Bytes.decodeHex("0100000000"))).hasToString("INTEGER: 0"); // crafted-integer-2pow32
    assertThat(new Unknown(0x48, Bytes.decodeHex("00"))).hasToString("Variable has bad type (tag 0x48): 00 ");
  }

  @Test
  void toStringIsNetSnmpFormatsValuePart() {
    Value v = new Counter32(7);
    assertThat(v.toString()).isEqualTo(NetSnmpFormat.formatValue(v));
  }
}
