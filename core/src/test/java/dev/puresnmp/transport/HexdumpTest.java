package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class HexdumpTest {
  @Test
  void theCommunityOfAV2cMessageShowsAsStarsAndEveryOtherByteAsHex() {
    byte[] get = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(1, List.of())));
    // 30 LL 02 01 01 04 06 'public' A0 …
    assertThat(Hexdump.of(get, 0, get.length)).startsWith("0000: 30 18 02 01 01 04 06 ** ** ** ** ** ** A0");
  }

  @Test
  void aDumpFromAnOffsetMasksTheCommunityAtItsPlaceInTheArray() {
    byte[] get = MessageCodec.encode(CommunityMessage.v1("secret", StandardPdu.get(1, List.of())));
    byte[] shifted = new byte[get.length + 3];
    System.arraycopy(get, 0, shifted, 3, get.length);
    assertThat(Hexdump.of(shifted, 3, get.length)).startsWith("0000: 30 18 02 01 00 04 06 ** ** ** ** ** ** A0").doesNotContain("73 65 63");
  }

  @Test
  void bytesThatAreNoCommunityMessageShowAsTheyAre() {
    byte[] garbage = Bytes.decodeHex("3003020103ff").toByteArray();
    assertThat(Hexdump.of(garbage, 0, garbage.length)).isEqualTo("0000: 30 03 02 01 03 FF");
  }
}
