package dev.puresnmp.client;

import dev.puresnmp.transport.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.function.Function;

/**
 * A UDP relay between a client and a real agent, for tests of what a client makes of forged replies: it
 * forwards each request to the agent and each answer back, and around an answer sends what {@code forge}
 * makes of it: forgeries from another port of its own first, then forgeries from its own port (where the
 * answers come from, as far as the client can tell), then the true answer, then copies sent after it.
 * Everything goes over loopback in that order, so the forgeries reach the client before the true answer.
 */
final class ForgingRelay implements AutoCloseable {
  /** What to send around one true answer. */
  record Forgeries(List<byte[]> fromElsewhere, List<byte[]> before, List<byte[]> after) {
    static final Forgeries NONE = new Forgeries(List.of(), List.of(), List.of());
  }

  private final DatagramChannel relay;
  private final DatagramChannel elsewhere;
  private final InetSocketAddress agent;
  private final Function<byte[], Forgeries> forge;
  private final Thread thread;

  ForgingRelay(Endpoint agent, Function<byte[], Forgeries> forge) {
    this.agent = agent.toSocketAddress();
    this.forge = forge;
    try {
      relay = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      elsewhere = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::relay, "test-forging-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /** Where the client sends its requests. */
  Endpoint endpoint() {
    try {
      return Endpoint.of((InetSocketAddress) relay.getLocalAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void relay() {
    ByteBuffer buf = ByteBuffer.allocate(65_536);
    SocketAddress client = null;
    while (relay.isOpen()) {
      try {
        buf.clear();
        SocketAddress from = relay.receive(buf);
        buf.flip();
        byte[] data = new byte[buf.remaining()];
        buf.get(data);
        if (!from.equals(agent)) {
          client = from;
          relay.send(ByteBuffer.wrap(data), agent);
          continue;
        }
        Forgeries f = forge.apply(data);
        for (byte[] b : f.fromElsewhere()) {
          elsewhere.send(ByteBuffer.wrap(b), client);
        }
        for (byte[] b : f.before()) {
          relay.send(ByteBuffer.wrap(b), client);
        }
        relay.send(ByteBuffer.wrap(data), client);
        for (byte[] b : f.after()) {
          relay.send(ByteBuffer.wrap(b), client);
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    relay.close();
    elsewhere.close();
  }
}
