package dev.puresnmp.sim;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.MessageCodec;

/** Whether bytes decode, for assertions. */
final class MessageCodecAccess {
  private MessageCodecAccess() {}

  static boolean decodes(byte[] bytes) {
    try {
      MessageCodec.decode(bytes);
      return true;
    } catch (MalformedPacketException e) {
      return false;
    }
  }
}
