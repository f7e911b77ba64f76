package dev.puresnmp.transport;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link UdpTransport}'s sockets: the selector, one non-blocking {@link DatagramChannel} per address
 * family (opened on first use with the SO_RCVBUF/SO_SNDBUF asked for, a warning when the kernel grants
 * less, bound to a free port), the channels still to register with the selector, and the last
 * destination's socket address, so that a send to the same endpoint allocates none.
 *
 * <p>Threads: {@link #send} (and so the opening of a channel) runs on any thread, a caller's or the I/O
 * thread; a channel is opened once, under a lock, and never after the transport closed ({@link
 * ClosedChannelException}). {@link #registerNew}, {@link #selector()}'s selecting and {@link #close} are
 * the I/O thread's. It logs as {@code UdpTransport}, whose part it is.
 */
final class UdpSockets {
  private static final Logger log = LoggerFactory.getLogger(UdpTransport.class);

  private final int receiveBufferSize;
  private final int sendBufferSize;
  /** The transport's {@code closed}, read when a channel would be opened. */
  private final BooleanSupplier closed;
  private final Selector selector;

  private final Object channelLock = new Object();
  private volatile DatagramChannel ipv4;
  private volatile DatagramChannel ipv6;
  /** Opened, not yet registered with the selector: the I/O thread registers them ({@link #registerNew}). */
  private final List<DatagramChannel> registrations = new ArrayList<>();

  /** The last destination and its socket address, so that a send allocates none. */
  private volatile SendTarget lastTarget;

  private record SendTarget(Endpoint endpoint, InetSocketAddress address) {}

  /**
   * Opens the selector; the channels come on first use.
   *
   * @throws TransportException if no selector can be opened
   */
  UdpSockets(int receiveBufferSize, int sendBufferSize, BooleanSupplier closed) {
    this.receiveBufferSize = receiveBufferSize;
    this.sendBufferSize = sendBufferSize;
    this.closed = closed;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new TransportException(null, "cannot open a selector: " + e.getMessage(), e);
    }
  }

  /** The selector the channels are registered with, for the I/O thread to select on (and others to wake). */
  Selector selector() {
    return selector;
  }

  /**
   * Sends {@code packet} as one datagram to {@code endpoint} from the socket of its address family, opened
   * now if need be: the bytes sent, 0 when the socket's send buffer is full.
   */
  int send(Endpoint endpoint, byte[] packet) throws IOException {
    DatagramChannel ch = channelFor(endpoint);
    return ch.send(ByteBuffer.wrap(packet), socketAddress(endpoint));
  }

  private InetSocketAddress socketAddress(Endpoint endpoint) {
    SendTarget t = lastTarget;
    if (t != null && (t.endpoint == endpoint || t.endpoint.equals(endpoint))) {
      return t.address;
    }
    InetSocketAddress a = endpoint.toSocketAddress();
    lastTarget = new SendTarget(endpoint, a);
    return a;
  }

  private DatagramChannel channelFor(Endpoint endpoint) throws IOException {
    boolean v6 = endpoint.ip() instanceof Inet6Address;
    DatagramChannel ch = v6 ? ipv6 : ipv4;
    if (ch != null) {
      return ch;
    }
    synchronized (channelLock) {
      ch = v6 ? ipv6 : ipv4;
      if (ch == null) {
        if (closed.getAsBoolean()) {
          throw new ClosedChannelException();
        }
        ch = openChannel(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        if (v6) {
          ipv6 = ch;
        } else {
          ipv4 = ch;
        }
      }
      return ch;
    }
  }

  private DatagramChannel openChannel(ProtocolFamily family) throws IOException {
    DatagramChannel ch = DatagramChannel.open(family);
    ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
    ch.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
    int granted = ch.getOption(StandardSocketOptions.SO_RCVBUF);
    if (granted < receiveBufferSize) {
      // Linux doubles what it grants, up to net.core.rmem_max; less than asked means the cap is lower.
      log.warn("asked for a {} byte UDP receive buffer, got {}: replies may be lost at many requests in flight (raise net.core.rmem_max)", receiveBufferSize, granted);
    }
    ch.bind(new InetSocketAddress(family == StandardProtocolFamily.INET6 ? "::" : "0.0.0.0", 0));
    ch.configureBlocking(false);
    synchronized (registrations) {
      registrations.add(ch);
    }
    selector.wakeup();
    return ch;
  }

  /** I/O thread: registers the channels opened since the last call with the selector, for reading. */
  void registerNew() throws IOException {
    synchronized (registrations) {
      for (DatagramChannel ch : registrations) {
        ch.register(selector, SelectionKey.OP_READ);
      }
      registrations.clear();
    }
  }

  /** The local port of the IPv4 socket, opened now if need be. */
  int localPort() {
    try {
      DatagramChannel ch = channelFor(new Endpoint(InetAddress.getLoopbackAddress(), 1));
      return ((InetSocketAddress) ch.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new TransportException(null, "no local socket: " + e.getMessage(), e);
    }
  }

  /** I/O thread, as it ends: closes the channels opened and the selector. */
  void close() {
    synchronized (channelLock) {
      for (DatagramChannel ch : new DatagramChannel[] {ipv4, ipv6}) {
        if (ch != null) {
          try {
            ch.close();
          } catch (IOException e) {
            log.debug("closing a channel", e);
          }
        }
      }
      try {
        selector.close();
      } catch (IOException e) {
        log.debug("closing the selector", e);
      }
    }
  }
}
