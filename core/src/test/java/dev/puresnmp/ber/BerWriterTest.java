package dev.puresnmp.ber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.ValueCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BerWriterTest {

  private static String encode(Value v) {
    byte[] out = new byte[ValueCodec.sizeOfValue(v)];
    assertThat(ValueCodec.writeValue(out, out.length, v)).as("fills exactly the size computed").isZero();
    return Bytes.of(out).hex();
  }

  @ParameterizedTest
  @CsvSource({
    "0, 020100",
    "127, 02017f",
    "128, 02020080",
    "-1, 0201ff",
    "-128, 020180",
    "-129, 0202ff7f",
    "2147483647, 02047fffffff",
    "-2147483648, 020480000000",
  })
  void integersUseTheFewestOctets(int value, String hex) {
    assertThat(encode(new Integer32(value))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 410100",
    "255, 410200ff",
    "4294967295, 410500ffffffff",
  })
  void unsignedValuesGetALeadingZeroWhenTheTopBitIsSet(long value, String hex) {
    assertThat(encode(new Counter32(value))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 460100",
    "-1, 460900ffffffffffffffff",
    "9223372036854775807, 46087fffffffffffffff",
  })
  void counter64IsUnsigned(long bits, String hex) {
    assertThat(encode(new Counter64(bits))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({
    "1.3.6.1.2.1.1.5.0, 06082b06010201010500",
    "1.3.6.1.4.1.4294967295, 060a2b060104018fffffff7f",
    "2.999, 06028837",
  })
  void oidsEncodeTwoArcsInTheFirstSubIdentifier(String oid, String hex) {
    assertThat(encode(new ObjectIdentifier(Oid.parse(oid)))).isEqualTo(hex);
  }

  @Property
  void lengthsAreMinimalAndReadBack(@ForAll byte[] content) {
    byte[] out = new byte[BerWriter.sizeOf(content.length)];
    assertThat(BerWriter.writeBytes(out, out.length, Tag.OCTET_STRING, content, 0, content.length)).isZero();
    int expectedHeader = content.length < 128 ? 2 : content.length < 256 ? 3 : content.length < 65536 ? 4 : 5;
    assertThat(out.length).isEqualTo(expectedHeader + content.length);
    BerReader r = new BerReader(out, 0, out.length);
    assertThat(r.readBytes(r.readHeader(Tag.OCTET_STRING))).isEqualTo(content);
  }

  @ParameterizedTest
  @CsvSource({"127, 129", "128, 131", "255, 258", "256, 260", "65535, 65539", "65536, 65541", "16777216, 16777222"})
  void sizeOfCountsTagLengthOctetsAndContent(int contentLength, int size) {
    assertThat(BerWriter.sizeOf(contentLength)).isEqualTo(size);
  }

  @Property
  void integerSizesMatchWhatIsWritten(@ForAll long value) {
    byte[] signed = new byte[BerWriter.sizeOf(BerWriter.sizeOfIntContent(value))];
    assertThat(BerWriter.writeInt(signed, signed.length, Tag.INTEGER, value)).isZero();
    byte[] unsigned = new byte[BerWriter.sizeOf(BerWriter.sizeOfUnsignedContent(value))];
    assertThat(BerWriter.writeUnsigned(unsigned, unsigned.length, Tag.COUNTER64, value)).isZero();
  }

  @Test
  void writingMoreThanWasSizedFailsInsteadOfGrowing() {
    byte[] out = new byte[3];
    assertThatThrownBy(() -> BerWriter.writeInt(out, out.length, Tag.INTEGER, 1L << 40))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
