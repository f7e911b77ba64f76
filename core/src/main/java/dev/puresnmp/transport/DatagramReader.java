package dev.puresnmp.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The per-datagram part of every receive loop here ({@link UdpTransport}'s selector, {@link
 * DatagramReceiver}'s thread): receives into one reused direct buffer, copies out exactly the datagram,
 * and keeps the source's {@link Endpoint} while the same peer keeps sending. One allocation per datagram,
 * its bytes. Not thread-safe: one per receiving thread.
 */
final class DatagramReader {
  /** Larger than any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6), so nothing is cut. */
  private static final int BUFFER_SIZE = 65_536;

  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
  // The JDK hands back the same address object while the sender stays the same, so comparing references
  // finds a repeat sender without hashing; a new sender costs one Endpoint.
  private InetSocketAddress lastFrom;
  private Endpoint lastSource;

  /**
   * Receives one datagram from {@code channel}: exactly its bytes, with {@link #source()} set to where it
   * came from; null when a non-blocking channel has none waiting.
   */
  byte[] receive(DatagramChannel channel) throws IOException {
    buffer.clear();
    SocketAddress from = channel.receive(buffer);
    if (from == null) {
      return null;
    }
    if (from != lastFrom) {
      lastFrom = (InetSocketAddress) from;
      lastSource = Endpoint.of(lastFrom);
    }
    buffer.flip();
    byte[] data = new byte[buffer.remaining()];
    buffer.get(data);
    return data;
  }

  /** Where the datagram {@link #receive} returned last came from. */
  Endpoint source() {
    return lastSource;
  }
}
