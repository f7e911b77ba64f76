package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BytesTest {
  /** "router-1" as a view in the middle of a larger array, as decoding leaves it. */
  private static Bytes viewOfRouter1() {
    byte[] datagram = "xx-router-1-yy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return new Bytes(datagram, 3, 8);
  }

  @Test
  void aViewEqualsHashesAndSortsAsItsBytesAlone() {
    Bytes view = viewOfRouter1();
    Bytes own = Bytes.utf8("router-1");
    assertThat(view).isEqualTo(own).hasSameHashCodeAs(own);
    assertThat(view.compareTo(own)).isZero();
    assertThat(view.compareTo(Bytes.utf8("router-2"))).isNegative();
    assertThat(view.size()).isEqualTo(8);
    assertThat(view.utf8()).isEqualTo("router-1");
    assertThat(view.hex()).isEqualTo(own.hex());
  }

  @Test
  void aViewGivesOutOnlyItsOwnBytes() {
    Bytes view = viewOfRouter1();
    assertThat(view.toByteArray()).isEqualTo(own("router-1"));
    ByteBuffer buffer = view.asByteBuffer();
    assertThat(buffer.position()).isZero();
    assertThat(buffer.remaining()).isEqualTo(8);
    assertThat(buffer.get(0)).isEqualTo((byte) 'r');
    assertThat(view.get(7)).isEqualTo((byte) '1');
    assertThatThrownBy(() -> view.get(8)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void compactCopiesAViewOutAndKeepsAnArrayOfItsOwn() {
    Bytes view = viewOfRouter1();
    Bytes compact = view.compact();
    assertThat(compact).isEqualTo(view).isNotSameAs(view);
    assertThat(compact.compact()).isSameAs(compact);
    assertThat(new OctetString(view).asText()).isEqualTo("router-1");
    assertThat(new OctetString(view).isText()).isTrue();
  }

  private static byte[] own(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
