package dev.puresnmp.sim;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A raw UDP client for tests: sends bytes or a message, returns what came back within a timeout. */
final class Probe implements AutoCloseable {
  private final DatagramSocket socket;
  private final Endpoint agent;

  Probe(Endpoint agent) {
    this.agent = agent;
    try {
      socket = new DatagramSocket(0, agent.ip() instanceof java.net.Inet6Address ? java.net.InetAddress.getByName("::1") : java.net.InetAddress.getLoopbackAddress());
      socket.setSoTimeout(1000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(byte[] bytes) {
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, agent.toSocketAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next datagram within {@code millis}, or empty. */
  Optional<byte[]> receive(int millis) {
    try {
      socket.setSoTimeout(millis);
      byte[] buf = new byte[65_536];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      socket.receive(p);
      return Optional.of(Arrays.copyOf(buf, p.getLength()));
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code m} and decodes the reply; fails if none comes within a second. */
  StandardPdu exchange(Message m) {
    send(MessageCodec.encode(m));
    byte[] reply = receive(1000).orElseThrow(() -> new AssertionError("no reply to " + m));
    return (StandardPdu) MessageCodec.decode(reply).pdu();
  }

  StandardPdu v2c(String community, Pdu pdu) {
    return exchange(CommunityMessage.v2c(community, pdu));
  }

  StandardPdu v1(String community, Pdu pdu) {
    return exchange(CommunityMessage.v1(community, pdu));
  }

  static StandardPdu get(String... oids) {
    return StandardPdu.get(1, oids(oids));
  }

  static StandardPdu getNext(String... oids) {
    return StandardPdu.getNext(2, oids(oids));
  }

  static BulkPdu bulk(int nonRepeaters, int maxRepetitions, String... oids) {
    return BulkPdu.of(3, nonRepeaters, maxRepetitions, oids(oids));
  }

  static List<Oid> oids(String... oids) {
    List<Oid> out = new ArrayList<>();
    for (String o : oids) {
      out.add(Oid.parse(o));
    }
    return out;
  }

  @Override
  public void close() {
    socket.close();
  }
}
