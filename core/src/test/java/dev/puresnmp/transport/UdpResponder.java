package dev.puresnmp.transport;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A UDP peer for transport tests: receives on a loopback port and lets the test decide what to answer,
 * from which socket and when. Records every request with its arrival time.
 */
final class UdpResponder implements AutoCloseable {
  record Request(byte[] data, SocketAddress from, long nanos) {}

  final DatagramChannel channel;
  final DatagramChannel other; // a second socket, for replies from the wrong port
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile BiConsumer<UdpResponder, Request> behaviour;

  UdpResponder(InetAddress bind, BiConsumer<UdpResponder, Request> behaviour) throws IOException {
    this.behaviour = behaviour;
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
    channel.setOption(StandardSocketOptions.SO_SNDBUF, 8 << 20);
    channel.bind(new InetSocketAddress(bind, 0));
    other = DatagramChannel.open();
    other.bind(new InetSocketAddress(bind, 0));
    thread = new Thread(this::loop, "test-responder");
    thread.setDaemon(true);
    thread.start();
  }

  static UdpResponder loopback(BiConsumer<UdpResponder, Request> behaviour) throws IOException {
    return new UdpResponder(InetAddress.getLoopbackAddress(), behaviour);
  }

  Endpoint endpoint() throws IOException {
    return Endpoint.of((InetSocketAddress) channel.getLocalAddress());
  }

  private void loop() {
    ByteBuffer buf = ByteBuffer.allocate(65_536);
    while (channel.isOpen()) {
      try {
        buf.clear();
        SocketAddress from = channel.receive(buf);
        buf.flip();
        byte[] data = new byte[buf.remaining()];
        buf.get(data);
        Request r = new Request(data, from, System.nanoTime());
        requests.add(r);
        behaviour.accept(this, r);
      } catch (IOException e) {
        return;
      }
    }
  }

  void reply(Request to, byte[] data) {
    send(channel, to.from(), data);
  }

  void replyFromOtherPort(Request to, byte[] data) {
    send(other, to.from(), data);
  }

  static void send(DatagramChannel ch, SocketAddress to, byte[] data) {
    try {
      ch.send(ByteBuffer.wrap(data), to);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A v2c GET for sysName.0 with {@code id}. */
  static byte[] get(int id) {
    return MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(id, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")))));
  }

  /** The Response to {@code request}: same id, sysName.0 = "reply-to-ID" (so each reply is its own). */
  static byte[] responseTo(byte[] request) {
    return responseTo(request, 0);
  }

  static byte[] responseTo(byte[] request, int idDelta) {
    Message m = MessageCodec.decode(request);
    int id = ((StandardPdu) m.pdu()).requestId();
    return MessageCodec.encode(
        CommunityMessage.v2c(
            "public",
            StandardPdu.response(id + idDelta, ErrorStatus.NO_ERROR, 0, List.of(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("reply-to-" + id))))));
  }

  static String text(byte[] reply) {
    return MessageCodec.decode(reply).pdu().varBinds().get(0).value().asText();
  }

  List<Request> shuffledRequests() {
    List<Request> copy = new ArrayList<>(requests);
    Collections.shuffle(copy);
    return copy;
  }

  @Override
  public void close() throws IOException {
    channel.close();
    other.close();
  }
}
