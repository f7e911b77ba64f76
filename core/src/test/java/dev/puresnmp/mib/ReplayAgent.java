package dev.puresnmp.mib;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.NoSuchInstance;
import dev.puresnmp.smi.NoSuchObject;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.DatagramReceiver;
import dev.puresnmp.transport.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A v1/v2c agent on loopback that serves a fixed list of varbinds to GET, GETNEXT and GETBULK (any
 * community), so that Net-SNMP's snmpwalk prints exactly the values our formatter is given. Values may
 * be any type, exceptions included, whatever the MIB says the object is.
 */
final class ReplayAgent implements AutoCloseable {
  private final NavigableMap<Oid, Value> values = new TreeMap<>();
  private final DatagramReceiver socket;

  ReplayAgent(List<VarBind> varBinds) {
    for (VarBind vb : varBinds) {
      values.put(vb.oid(), vb.value());
    }
    // an undecodable request throws in answer: the receiver drops and counts it, as an agent drops it
    socket = DatagramReceiver.bind(Endpoint.of("127.0.0.1", 0), "replay-agent", (data, from, receiver) -> receiver.send(answer(data), from));
  }

  int port() {
    return socket.localEndpoint().port();
  }

  private byte[] answer(byte[] request) {
    CommunityMessage req = (CommunityMessage) MessageCodec.decode(request);
    List<VarBind> out = new ArrayList<>();
    int id;
    if (req.pdu() instanceof BulkPdu bulk) {
      id = bulk.requestId();
      for (VarBind vb : bulk.varBinds()) {
        Oid at = vb.oid();
        for (int r = 0; r < Math.max(1, bulk.maxRepetitions()); r++) {
          VarBind next = next(at);
          out.add(next);
          at = next.oid();
          if (next.value() instanceof EndOfMibView) {
            break;
          }
        }
      }
    } else {
      StandardPdu p = (StandardPdu) req.pdu();
      id = p.requestId();
      for (VarBind vb : p.varBinds()) {
        if (p.type().equals(PduType.GET_NEXT_REQUEST)) {
          out.add(next(vb.oid()));
        } else {
          Value v = values.get(vb.oid());
          out.add(new VarBind(vb.oid(), v != null ? v : NoSuchObject.INSTANCE));
        }
      }
    }
    return MessageCodec.encode(new CommunityMessage(req.version(), req.community(), StandardPdu.response(id, ErrorStatus.NO_ERROR, 0, out)));
  }

  /** The next varbind, passing over exceptions: snmpwalk would stop at one (GET still returns them). */
  private VarBind next(Oid oid) {
    Map.Entry<Oid, Value> e = values.higherEntry(oid);
    while (e != null && e.getValue().isException()) {
      e = values.higherEntry(e.getKey());
    }
    return e == null ? new VarBind(oid, EndOfMibView.INSTANCE) : new VarBind(e.getKey(), e.getValue());
  }

  @Override
  public void close() {
    socket.close();
  }

  /**
   * Reads snmpsim's .snmprec lines, {@code OID|tag|value}, with {@code x} after the tag for a hex
   * value: tags 2 4 5 6 64 65 66 67 68 70 and the exceptions 128 129 130. Lines starting with # are
   * comments.
   */
  static List<VarBind> parseSnmprec(List<String> lines) {
    List<VarBind> out = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\|", 3);
      boolean hex = f[1].endsWith("x");
      int tag = Integer.parseInt(hex ? f[1].substring(0, f[1].length() - 1) : f[1]);
      byte[] raw = hex ? Bytes.decodeHex(f[2]).toByteArray() : f[2].getBytes(StandardCharsets.ISO_8859_1);
      String text = f[2];
      Value v = switch (tag) {
        case 2 -> new Integer32(Integer.parseInt(text));
        case 4 -> OctetString.of(raw);
        case 5 -> Null.INSTANCE;
        case 6 -> new ObjectIdentifier(Oid.parse(text));
        case 64 -> IpAddress.parse(text);
        case 65 -> new Counter32(Long.parseLong(text));
        case 66 -> new Gauge32(Long.parseLong(text));
        case 67 -> new TimeTicks(Long.parseLong(text));
        case 68 -> new Opaque(Bytes.of(raw));
        case 70 -> new Counter64(Long.parseUnsignedLong(text));
        case 128 -> NoSuchObject.INSTANCE;
        case 129 -> NoSuchInstance.INSTANCE;
        case 130 -> EndOfMibView.INSTANCE;
        default -> throw new IllegalArgumentException("tag " + tag + " in " + line);
      };
      out.add(new VarBind(Oid.parse(f[0]), v));
    }
    return out;
  }
}
