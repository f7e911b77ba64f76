package dev.puresnmp.ber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Unknown;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.ValueCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BerReaderTest {

  private static BerReader reader(String hex) {
    byte[] b = Bytes.decodeHex(hex).toByteArray();
    return new BerReader(b, 0, b.length);
  }

  private static Value value(String hex) {
    return ValueCodec.readValue(reader(hex));
  }

  private static MalformedPacketException failure(String hex) {
    try {
      value(hex);
    } catch (MalformedPacketException e) {
      return e;
    }
    throw new AssertionError("decoded " + hex);
  }

  @Test
  void longFormLengthWhereShortWouldDoIsAccepted() {
    // X.690 DER wants 02 01 05; Net-SNMP and SNMP4J accept the long forms, some agents send them.
    assertThat(value("02 81 01 05")).isEqualTo(new Integer32(5));
    assertThat(value("02 82 00 01 05")).isEqualTo(new Integer32(5));
  }

  @Test
  void zeroLengthNumbersAreMalformedAsForNetSnmp() {
    assertThat(failure("02 00").getMessage()).isEqualTo("INTEGER of length 0 at offset 0");
    assertThat(failure("41 00").getMessage()).isEqualTo("unsigned value of length 0 at offset 0");
  }

  @Test
  void integerOutsideThirtyTwoBitsIsKeptAsUnknownForNetSnmpStyleDisplay() {
    assertThat(value("02 05 00 80 00 00 00")).isEqualTo(new Unknown(0x02, Bytes.decodeHex("0080000000")));
  }

  @Test
  void redundantLeadingSignOctetsAreAccepted() {
    assertThat(value("02 02 00 05")).isEqualTo(new Integer32(5));
    assertThat(value("02 03 ff ff fe")).isEqualTo(new Integer32(-2));
  }

  @Test
  void unsignedWithExtraLeadingZeroIsAccepted() {
    assertThat(value("41 05 00 ff ff ff ff")).isEqualTo(new Counter32(4294967295L));
    assertThat(value("46 09 00 ff ff ff ff ff ff ff ff")).isEqualTo(new Counter64(-1L));
  }

  @Test
  void unsignedWithoutTheLeadingZeroReadsUnsignedLikeNetSnmp() {
    // Buggy agents drop the 0x00 that keeps the top bit from reading as a sign: Counter32 3000000000
    // as b2 d0 5e 00, TimeTicks 255 as ff. Net-SNMP reads both unsigned, and so do we.
    assertThat(value("41 04 b2 d0 5e 00")).isEqualTo(new Counter32(3_000_000_000L));
    assertThat(value("43 01 ff")).isEqualTo(new TimeTicks(255));
    assertThat(value("46 08 ff ff ff ff ff ff ff ff")).isEqualTo(new Counter64(-1L));
  }

  @Test
  void unsignedAbove32BitsIsCutToTheLow32LikeNetSnmp() {
    assertThat(value("41 05 01 00 00 00 00")).isEqualTo(new Counter32(0));
  }

  @Test
  void nullAndExceptionValuesWithContentAreAcceptedLikeNetSnmp() {
    assertThat(value("05 01 00")).isEqualTo(dev.puresnmp.smi.Null.INSTANCE);
    assertThat(value("80 01 00")).isEqualTo(dev.puresnmp.smi.NoSuchObject.INSTANCE);
  }

  @Test
  void ipAddressOfTheWrongLengthIsMalformedAsForNetSnmp() {
    assertThat(value("40 04 7f 00 00 01")).isEqualTo(IpAddress.parse("127.0.0.1"));
    assertThat(failure("40 03 7f 00 00").getMessage()).isEqualTo("IpAddress of 3 bytes, expected 4 at offset 0");
  }

  @Test
  void unassignedTagsAreKeptAsUnknown() {
    assertThat(value("47 01 05")).isEqualTo(new Unknown(0x47, Bytes.decodeHex("05")));
    assertThat(value("24 03 04 01 41")).isEqualTo(new Unknown(0x24, Bytes.decodeHex("040141")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "04 80 00 00|indefinite length is not allowed in SNMP at offset 1",
        "04 85 00 00 00 00 01|length field of 5 bytes is too long at offset 1",
        "04 82 01|length field of 2 bytes exceeds remaining 1 at offset 1",
        "04 05 41 42|length 5 exceeds remaining 2 at offset 1",
        "04 84 ff ff ff ff|length 4294967295 exceeds remaining 0 at offset 1",
        "1f 01 00|multi-byte tag 0x1f is not used by SNMP at offset 0",
        "06 02 2b 86|OBJECT IDENTIFIER ends inside a sub-identifier at offset 0",
        "06 07 2b 90 80 80 80 80 00|OBJECT IDENTIFIER arc exceeds 4294967295 at offset 3",
        "02 09 00 00 00 00 00 00 00 00 01|INTEGER of 9 bytes is too long at offset 0",
        "41 0a 00 00 00 00 00 00 00 00 00 01|unsigned value of 10 bytes is too long at offset 0",
        "41 09 01 00 00 00 00 00 00 00 01|unsigned value of 9 bytes is too long at offset 0",
        "''|expected a tag but the data ended at offset 0",
        "04|expected a length but the data ended at offset 1",
      })
  void badInputFailsWithOffsetAndReason(String hex, String message) {
    assertThat(failure(hex).getMessage()).isEqualTo(message);
  }

  @Test
  void oidWithTooManyArcsIsMalformed() {
    StringBuilder hex = new StringBuilder("06 81 82 2b");
    for (int i = 0; i < 129; i++) {
      hex.append(" 01");
    }
    assertThat(failure(hex.toString()).reason()).isEqualTo("OBJECT IDENTIFIER has more than 128 arcs");
  }

  @Test
  void oidDecodesFirstSubIdentifierIntoTwoArcs() {
    assertThat(value("06 03 2b 06 01").asOid()).isEqualTo(Oid.parse("1.3.6.1"));
    assertThat(value("06 02 88 37").asOid()).isEqualTo(Oid.parse("2.999"));
    assertThat(value("06 00").asOid()).isEqualTo(Oid.of());
    assertThat(value("06 06 2b 8f ff ff ff 7f").asOid()).isEqualTo(Oid.parse("1.3.4294967295"));
  }

  @Test
  void nonMinimalSubIdentifierIsAcceptedAsNetSnmpDoes() {
    assertThat(value("06 03 2b 80 06").asOid()).isEqualTo(Oid.parse("1.3.6"));
  }

  @Test
  void constructedValueMustBeReadExactly() {
    BerReader r = reader("30 04 02 01 05 00");
    int outer = r.enter(Tag.SEQUENCE);
    assertThat(r.readInt32(Tag.INTEGER)).isEqualTo(5);
    assertThatThrownBy(() -> r.leave(outer))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("1 unexpected bytes at the end of a constructed value at offset 5");
  }

  @Test
  void offsetsCountFromTheStartOfTheInputNotTheArray() {
    byte[] b = Bytes.decodeHex("ff ff ff 04 05 41").toByteArray();
    assertThatThrownBy(() -> ValueCodec.readValue(new BerReader(b, 3, 3)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("length 5 exceeds remaining 1 at offset 1");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "2b06010201010500, 1.3.6.1.2.1.1.5.0, true",
    "2b06010201010500, 1.3.6.1.2.1.1.5, false",
    "2b06010201010500, 1.3.6.1.2.1.1.5.0.1, false",
    "2b06010201010500, 1.3.6.1.2.1.1.5.1, false",
    "2b06010201010500, 1.2.6.1.2.1.1.5.0, false",
    "2b0601040182c8778fffffff7f01, 1.3.6.1.4.1.42103.4294967295.1, true",
    "2b0601040182c8778fffffff7f01, 1.3.6.1.4.1.42103.4294967294.1, false",
    "883703, 2.999.3, true",
    "883703, 1.999.3, false",
  })
  void readOidArcsGivesOneSubIdentifierPerArc(String contentHex, String oid, boolean equal) {
    byte[] content = Bytes.decodeHex(contentHex).toByteArray();
    BerReader r = new BerReader(content, 0, content.length);
    byte[] arcs = oneSubIdentifierPerArc(Oid.parse(oid).toArcs());
    assertThat(java.util.Arrays.equals(r.readOidArcs(content.length, Oid.MAX_ARCS, 0), arcs)).isEqualTo(equal);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "2b06010201010500, true",
    "883703, true",
    "2b0601040182c8778fffff7f01, true",
    "2b0601040182c8778fffffff7f01, false", // an arc of 5 bytes: its range is checked the slow way
    "2b068001, false", // a leading 0x80 group: not the minimal form
    "80 2b 06, false",
  })
  void oidIsMinimalTellsTheMinimalShortFormWithoutMoving(String contentHex, boolean minimal) {
    byte[] content = Bytes.decodeHex(contentHex).toByteArray();
    BerReader r = new BerReader(content, 0, content.length);
    assertThat(r.oidIsMinimal(content.length, Oid.MAX_ARCS, 0)).isEqualTo(minimal);
    assertThat(r.position()).isZero();
  }

  static byte[] oneSubIdentifierPerArc(int[] arcs) {
    int size = 0;
    for (int arc : arcs) {
      size += BerWriter.sizeOfSubIdentifier(Integer.toUnsignedLong(arc));
    }
    byte[] out = new byte[size];
    int p = 0;
    for (int arc : arcs) {
      p = BerWriter.putSubIdentifier(out, p, Integer.toUnsignedLong(arc));
    }
    return out;
  }
}
