package dev.puresnmp;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.NoSuchInstance;
import dev.puresnmp.smi.NoSuchObject;
import dev.puresnmp.smi.NsapAddress;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Unknown;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for every value, PDU and message shape the codec must carry. */
public final class SnmpArbitraries {
  private SnmpArbitraries() {}

  static Arbitrary<Bytes> bytes(int maxSize) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize).map(Bytes::of);
  }

  static Arbitrary<Long> unsigned32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
  }

  /** OIDs BER can carry: first arc 0..2, second below 40 unless the first is 2, at least two arcs. */
  public static Arbitrary<Oid> oids() {
    Arbitrary<int[]> tail = Arbitraries.integers().array(int[].class).ofMaxSize(20);
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 39), tail)
        .as(
            (first, second, rest) -> {
              int[] arcs = new int[rest.length + 2];
              arcs[0] = first;
              arcs[1] = second;
              System.arraycopy(rest, 0, arcs, 2, rest.length);
              return Oid.of(arcs);
            });
  }

  public static Arbitrary<Value> values() {
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.integers().map(Integer32::new),
            bytes(300).map(OctetString::new),
            Arbitraries.just(Null.INSTANCE),
            oids().map(ObjectIdentifier::new),
            Arbitraries.integers().map(IpAddress::new),
            unsigned32().map(Counter32::new),
            unsigned32().map(Gauge32::new),
            unsigned32().map(TimeTicks::new),
            bytes(20).map(Opaque::new),
            Arbitraries.longs().map(Counter64::new),
            bytes(20).map(NsapAddress::new),
            Arbitraries.just(NoSuchObject.INSTANCE),
            Arbitraries.just(NoSuchInstance.INSTANCE),
            Arbitraries.just(EndOfMibView.INSTANCE),
            Combinators.combine(Arbitraries.of(0x03, 0x48, 0x9e, 0x5e), bytes(10)).as(Unknown::new)));
  }

  public static Arbitrary<List<VarBind>> varBindLists() {
    return Combinators.combine(oids(), values()).as(VarBind::new).list().ofMaxSize(12);
  }

  public static Arbitrary<Pdu> pdus() {
    Arbitrary<PduType> standardTypes =
        Arbitraries.of(
            PduType.GET_REQUEST,
            PduType.GET_NEXT_REQUEST,
            PduType.RESPONSE,
            PduType.SET_REQUEST,
            PduType.INFORM_REQUEST,
            PduType.SNMPV2_TRAP,
            PduType.REPORT);
    Arbitrary<Pdu> standard =
        Combinators.combine(
                standardTypes,
                Arbitraries.integers(),
                Arbitraries.integers().between(-1, 25).map(ErrorStatus::of),
                Arbitraries.integers().between(0, 20),
                varBindLists())
            .as((t, id, status, index, vbs) -> new StandardPdu(t, id, status, index, vbs));
    Arbitrary<Pdu> bulk =
        Combinators.combine(
                Arbitraries.integers(), Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 100), varBindLists())
            .as(BulkPdu::new);
    Arbitrary<Pdu> trap =
        Combinators.combine(
                oids(),
                Arbitraries.integers().map(IpAddress::new),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers(),
                unsigned32(),
                varBindLists())
            .as(TrapV1Pdu::new);
    return Arbitraries.oneOf(List.of(standard, bulk, trap));
  }

  public static Arbitrary<Message> messages() {
    return Combinators.combine(Arbitraries.of(SnmpVersion.V1, SnmpVersion.V2C), bytes(40), pdus())
        .as(CommunityMessage::new);
  }
}
