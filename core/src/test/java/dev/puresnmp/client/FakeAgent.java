package dev.puresnmp.client;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.NoSuchObject;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An agent behind the {@link Sender} seam, for client unit tests: answers GET, GETNEXT, GETBULK and SET
 * from a sorted map, as RFC 3416 (or RFC 1157 for v1) says, and records every request. {@code tamper}
 * lets a test break the answer.
 */
final class FakeAgent implements Sender {
  final NavigableMap<Oid, Value> mib = new TreeMap<>();
  final List<CommunityMessage> requests = new CopyOnWriteArrayList<>();
  volatile UnaryOperator<StandardPdu> tamper = UnaryOperator.identity();
  volatile int tooBigAbove = Integer.MAX_VALUE;

  FakeAgent put(String oid, Value v) {
    mib.put(Oid.parse(oid), v);
    return this;
  }

  SnmpClient client(dev.puresnmp.security.Credentials credentials) {
    return SnmpClient.builder("127.0.0.1:161", credentials).sender(this).build();
  }

  @Override
  public CompletableFuture<byte[]> send(dev.puresnmp.transport.Endpoint endpoint, byte[] packet, java.time.Duration timeout, int attempts) {
    CommunityMessage req = (CommunityMessage) MessageCodec.decode(packet);
    requests.add(req);
    StandardPdu answer = tamper.apply(answer(req));
    return CompletableFuture.completedFuture(MessageCodec.encode(new CommunityMessage(req.version(), req.community(), answer)));
  }

  private StandardPdu answer(CommunityMessage req) {
    boolean v1 = req.version() == SnmpVersion.V1;
    if (req.pdu() instanceof BulkPdu b) {
      List<VarBind> out = new ArrayList<>();
      List<VarBind> in = b.varBinds();
      for (int i = 0; i < Math.min(b.nonRepeaters(), in.size()); i++) {
        out.add(next(in.get(i).oid()));
      }
      List<VarBind> rep = new ArrayList<>(in.subList(Math.min(b.nonRepeaters(), in.size()), in.size()));
      for (int r = 0; r < b.maxRepetitions() && !rep.isEmpty(); r++) {
        for (int k = 0; k < rep.size(); k++) {
          VarBind n = next(rep.get(k).oid());
          out.add(n);
          rep.set(k, n);
        }
      }
      if (out.size() > tooBigAbove) {
        return StandardPdu.response(b.requestId(), ErrorStatus.TOO_BIG, 0, List.of());
      }
      return StandardPdu.response(b.requestId(), ErrorStatus.NO_ERROR, 0, out);
    }
    StandardPdu p = (StandardPdu) req.pdu();
    List<VarBind> out = new ArrayList<>();
    for (int i = 0; i < p.varBinds().size(); i++) {
      VarBind vb = p.varBinds().get(i);
      VarBind r;
      if (p.type().equals(PduType.GET_REQUEST)) {
        Value v = mib.get(vb.oid());
        r = new VarBind(vb.oid(), v != null ? v : NoSuchObject.INSTANCE);
      } else if (p.type().equals(PduType.GET_NEXT_REQUEST)) {
        r = next(vb.oid());
      } else {
        if (!mib.containsKey(vb.oid())) {
          return StandardPdu.response(p.requestId(), v1 ? ErrorStatus.NO_SUCH_NAME : ErrorStatus.NOT_WRITABLE, i + 1, p.varBinds());
        }
        if (vb.value().type() != mib.get(vb.oid()).type()) {
          return StandardPdu.response(p.requestId(), v1 ? ErrorStatus.BAD_VALUE : ErrorStatus.WRONG_TYPE, i + 1, p.varBinds());
        }
        r = vb;
      }
      if (v1 && r.value().isException()) {
        return StandardPdu.response(p.requestId(), ErrorStatus.NO_SUCH_NAME, i + 1, p.varBinds());
      }
      out.add(r);
    }
    if (p.type().equals(PduType.SET_REQUEST)) {
      for (VarBind vb : out) {
        mib.put(vb.oid(), vb.value());
      }
    }
    return StandardPdu.response(p.requestId(), ErrorStatus.NO_ERROR, 0, out);
  }

  private VarBind next(Oid oid) {
    Map.Entry<Oid, Value> e = mib.higherEntry(oid);
    return e == null ? new VarBind(oid, EndOfMibView.INSTANCE) : new VarBind(e.getKey(), e.getValue());
  }
}
