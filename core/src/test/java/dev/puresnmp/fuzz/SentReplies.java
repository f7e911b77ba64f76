package dev.puresnmp.fuzz;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * What a fuzzed component answered (an inform's Response, a Report, a simulator's reply), read from the
 * non-blocking socket the test gave it as the sender: every datagram there must decode as an SNMP message.
 */
public final class SentReplies {
  private SentReplies() {}

  /** Reads every datagram waiting on {@code sink}; fails naming {@code sender} at one that does not decode. */
  public static void allDecode(DatagramChannel sink, String sender) throws IOException {
    ByteBuffer reply = ByteBuffer.allocate(65_536);
    while (sink.receive(reply.clear()) != null) {
      reply.flip();
      try {
        MessageCodec.decode(reply);
      } catch (MalformedPacketException e) {
        throw new AssertionError(sender + " sent what does not decode", e);
      }
    }
  }
}
