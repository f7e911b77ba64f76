package dev.puresnmp.client;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent on loopback, on a thread of its own, for tests of the real transport: it answers a GET or
 * GETNEXT with the request's own varbinds, each set to "ok", and a GETBULK from OID x with x.1 .. x.m
 * (each one arc deeper, so a walk goes on) until 12 arcs, then with an OID outside 1.3.6.1.2.1.1: a walk
 * of that subtree takes five pages. {@link #delayMillis} holds each answer back.
 */
final class LoopbackAgent implements AutoCloseable {
  private final DatagramChannel channel;
  private final Thread thread;
  /** Requests answered so far. */
  final AtomicInteger answered = new AtomicInteger();
  volatile long delayMillis;

  LoopbackAgent() {
    try {
      channel = DatagramChannel.open();
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::serve, "test-agent");
    thread.setDaemon(true);
    thread.start();
  }

  Endpoint endpoint() {
    try {
      return Endpoint.of((InetSocketAddress) channel.getLocalAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve() {
    ByteBuffer buf = ByteBuffer.allocate(65_536);
    while (channel.isOpen()) {
      try {
        buf.clear();
        SocketAddress from = channel.receive(buf);
        buf.flip();
        CommunityMessage req = (CommunityMessage) MessageCodec.decode(buf);
        List<VarBind> vbs = req.pdu() instanceof BulkPdu bulk ? deeper(bulk) : req.pdu().varBinds().stream().map(vb -> new VarBind(vb.oid(), OctetString.of("ok"))).toList();
        int id = req.pdu() instanceof BulkPdu bulk ? bulk.requestId() : ((StandardPdu) req.pdu()).requestId();
        byte[] reply = MessageCodec.encode(new CommunityMessage(req.version(), req.community(), StandardPdu.response(id, ErrorStatus.NO_ERROR, 0, vbs)));
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        channel.send(ByteBuffer.wrap(reply), from);
        answered.incrementAndGet();
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  private static List<VarBind> deeper(BulkPdu bulk) {
    Oid from = bulk.varBinds().get(0).oid();
    if (from.size() >= 12) {
      return List.of(new VarBind(Oid.parse("1.3.6.1.2.1.2.1.0"), new Integer32(1)));
    }
    List<VarBind> out = new ArrayList<>();
    for (int k = 1; k <= bulk.maxRepetitions(); k++) {
      out.add(new VarBind(from.append(k), new Integer32(k)));
    }
    return out;
  }

  @Override
  public void close() throws InterruptedException, IOException {
    channel.close();
    thread.join(5000);
  }
}
