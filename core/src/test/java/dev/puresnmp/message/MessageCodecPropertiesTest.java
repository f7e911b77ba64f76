package dev.puresnmp.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.Packets;
import dev.puresnmp.SnmpArbitraries;
import dev.puresnmp.ber.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class MessageCodecPropertiesTest {

  @Provide
  Arbitrary<Message> messages() {
    return SnmpArbitraries.messages();
  }

  @Property(tries = 2000)
  void encodeThenDecodeGivesTheSameMessage(@ForAll("messages") Message message) {
    byte[] wire = MessageCodec.encode(message);
    assertThat(MessageCodec.decode(wire)).isEqualTo(message);
    assertThat(MessageCodec.decode(ByteBuffer.wrap(wire))).isEqualTo(message);
  }

  /**
   * Decoding against a request's varbinds gives the same message whatever the request named; where a
   * response varbind names the request's OID, the decoded one is that very object.
   */
  @Property(tries = 2000)
  void decodingAgainstARequestGivesTheSameMessageAndReusesItsEqualOids(
      @ForAll("messages") Message message, @ForAll("oidLists") List<dev.puresnmp.smi.Oid> others, @ForAll boolean same) {
    byte[] wire = MessageCodec.encode(message);
    List<dev.puresnmp.smi.VarBind> response = message.pdu().varBinds();
    List<dev.puresnmp.smi.VarBind> request =
        same
            ? response.stream().map(vb -> dev.puresnmp.smi.VarBind.of(dev.puresnmp.smi.Oid.parse(vb.oid().toString()))).toList()
            : others.stream().map(dev.puresnmp.smi.VarBind::of).toList();
    Message decoded = MessageCodec.decode(wire, 0, wire.length, request);
    assertThat(decoded).isEqualTo(message);
    List<dev.puresnmp.smi.VarBind> got = decoded.pdu().varBinds();
    for (int i = 0; i < Math.min(got.size(), request.size()); i++) {
      if (got.get(i).oid().equals(request.get(i).oid()) && message.pdu() instanceof dev.puresnmp.pdu.StandardPdu && got.get(i).oid().size() > 1) {
        assertThat(got.get(i).oid()).isSameAs(request.get(i).oid());
      } else if (!got.get(i).oid().equals(request.get(i).oid())) {
        assertThat(got.get(i).oid()).isNotSameAs(request.get(i).oid());
      }
    }
  }

  @Provide
  Arbitrary<List<dev.puresnmp.smi.Oid>> oidLists() {
    return SnmpArbitraries.oids().list().ofMaxSize(6);
  }

  @Property(tries = 5000)
  void anyByteStringDecodesOrFailsWithMalformedPacket(@ForAll @Size(max = 200) byte[] junk) {
    decodeOrMalformed(junk);
  }

  @Property(tries = 5000)
  void junkThatStartsLikeAMessageDecodesOrFailsWithMalformedPacket(@ForAll @Size(max = 120) byte[] tail) {
    byte[] junk = new byte[tail.length + 2];
    junk[0] = 0x30;
    junk[1] = (byte) Math.min(tail.length, 127);
    System.arraycopy(tail, 0, junk, 2, tail.length);
    decodeOrMalformed(junk);
  }

  @Provide
  Arbitrary<byte[]> validPackets() {
    Arbitrary<byte[]> golden = Arbitraries.of(Packets.all()).map(Packets::load);
    Arbitrary<byte[]> generated = SnmpArbitraries.messages().map(MessageCodec::encode);
    return Arbitraries.oneOf(List.of(golden, generated));
  }

  @Property(tries = 5000)
  void everyMutationOfAValidPacketDecodesOrFailsWithMalformedPacket(
      @ForAll("validPackets") byte[] packet,
      @ForAll("mutations") Mutation mutation,
      @ForAll int where,
      @ForAll byte what) {
    decodeOrMalformed(mutation.apply(packet, Math.floorMod(where, packet.length), what));
  }

  /** Every way a packet gets broken on the wire or by a buggy agent. */
  enum Mutation {
    FLIP_BIT {
      @Override
      byte[] apply(byte[] p, int at, byte what) {
        byte[] m = p.clone();
        m[at] ^= (byte) (1 << (what & 7));
        return m;
      }
    },
    SET_BYTE {
      @Override
      byte[] apply(byte[] p, int at, byte what) {
        byte[] m = p.clone();
        m[at] = what;
        return m;
      }
    },
    TRUNCATE {
      @Override
      byte[] apply(byte[] p, int at, byte what) {
        return Arrays.copyOf(p, at);
      }
    },
    /** Make a byte look like a long-form length field of 1..4 octets. */
    LENGTH_TO_LONG_FORM {
      @Override
      byte[] apply(byte[] p, int at, byte what) {
        byte[] m = p.clone();
        m[at] = (byte) (0x80 | ((what & 3) + 1));
        return m;
      }
    },
    INSERT_BYTE {
      @Override
      byte[] apply(byte[] p, int at, byte what) {
        byte[] m = new byte[p.length + 1];
        System.arraycopy(p, 0, m, 0, at);
        m[at] = what;
        System.arraycopy(p, at, m, at + 1, p.length - at);
        return m;
      }
    },
    DELETE_BYTE {
      @Override
      byte[] apply(byte[] p, int at, byte what) {
        byte[] m = new byte[p.length - 1];
        System.arraycopy(p, 0, m, 0, at);
        System.arraycopy(p, at + 1, m, at, p.length - at - 1);
        return m;
      }
    };

    abstract byte[] apply(byte[] packet, int at, byte what);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Arbitraries.of(Mutation.class);
  }

  private static void decodeOrMalformed(byte[] bytes) {
    try {
      Message m = MessageCodec.decode(bytes);
      // What decodes must encode again (the codec never builds a value it cannot write).
      assertThat(MessageCodec.decode(MessageCodec.encode(m))).isEqualTo(m);
    } catch (MalformedPacketException e) {
      assertThat(e.offset()).isBetween(0, bytes.length);
      assertThat(e.reason()).isNotBlank();
    }
  }
}
