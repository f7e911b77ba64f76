package dev.puresnmp.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound UDP address of an agent, with its own thread: receives a datagram, hands it to the handler,
 * receives the next. The handler never lets an exception out (it counts it); if one escapes anyway it is
 * logged and the loop goes on, so no input stops the agent. {@link #close()} ends the thread.
 */
final class AgentSocket implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentSocket.class);

  /** Enough for any UDP datagram. */
  private static final int RECEIVE_BUFFER = 65_536;
  /** Asked of the kernel, so bursts of 64+ outstanding requests are not dropped by a small default. */
  private static final int SOCKET_BUFFER = 4 << 20;

  /** What to do with each datagram; runs on the socket's thread. */
  @FunctionalInterface
  interface Handler {
    void onDatagram(byte[] data, int length, InetSocketAddress from, AgentSocket socket);
  }

  private final DatagramChannel channel;
  private final InetSocketAddress local;
  private final Thread thread;
  private final Handler handler;
  private volatile boolean closed;

  private AgentSocket(DatagramChannel channel, Handler handler, String name) throws IOException {
    this.channel = channel;
    this.local = (InetSocketAddress) channel.getLocalAddress();
    this.handler = handler;
    this.thread = new Thread(this::loop, name + "-" + local);
    thread.setDaemon(true);
  }

  /** Binds {@code address} (port 0: any free one) and starts the thread. */
  static AgentSocket bind(InetSocketAddress address, Handler handler, String name) throws IOException {
    DatagramChannel ch = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
        ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
    try {
      ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
      ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
      ch.bind(address);
      AgentSocket s = new AgentSocket(ch, handler, name);
      s.thread.start();
      return s;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Binds every address on one port: {@code port}, or (0) one that is free on all of them, trying a few
   * ports when IPv4 and IPv6 disagree. On failure closes what it bound.
   */
  static java.util.List<AgentSocket> bindAll(
      java.util.List<java.net.InetAddress> addresses, int port, Handler handler, String name) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < (port == 0 ? 20 : 1); attempt++) {
      java.util.List<AgentSocket> bound = new java.util.ArrayList<>();
      int p = port;
      try {
        for (java.net.InetAddress a : addresses) {
          AgentSocket s = bind(new InetSocketAddress(a, p), handler, name);
          bound.add(s);
          p = s.localAddress().getPort();
        }
        return bound;
      } catch (IOException e) {
        last = e;
        bound.forEach(AgentSocket::close);
      }
    }
    throw new IOException("cannot bind " + addresses + " port " + port + ": " + last.getMessage(), last);
  }

  InetSocketAddress localAddress() {
    return local;
  }

  private void loop() {
    ByteBuffer buf = ByteBuffer.allocate(RECEIVE_BUFFER);
    byte[] array = buf.array();
    while (!closed) {
      SocketAddress from;
      try {
        buf.clear();
        from = channel.receive(buf);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (closed) {
          return;
        }
        log.debug("receive on {} failed: {}", local, e.toString());
        continue;
      }
      if (from == null) {
        continue;
      }
      try {
        handler.onDatagram(array, buf.position(), (InetSocketAddress) from, this);
      } catch (RuntimeException e) {
        log.warn("agent on {} failed on a datagram from {}; going on", local, from, e);
      }
    }
  }

  /** Sends {@code data} to {@code to}; a failure is logged at DEBUG and reported as false. */
  boolean send(byte[] data, SocketAddress to) {
    try {
      channel.send(ByteBuffer.wrap(data), to);
      return true;
    } catch (IOException e) {
      log.debug("send from {} to {} failed: {}", local, to, e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("close of {} failed: {}", local, e.toString());
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
