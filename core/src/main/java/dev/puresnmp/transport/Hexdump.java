package dev.puresnmp.transport;

/** A packet as hex lines for DEBUG logs: "0000: 30 29 02 01 ..." with 16 bytes a line. */
final class Hexdump {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Hexdump() {}

  static String of(byte[] data, int offset, int length) {
    StringBuilder sb = new StringBuilder(length * 3 + (length / 16 + 1) * 7);
    for (int i = 0; i < length; i++) {
      if (i % 16 == 0) {
        if (i > 0) {
          sb.append('\n');
        }
        sb.append(String.format("%04d:", i));
      }
      int b = data[offset + i] & 0xFF;
      sb.append(' ').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
    return sb.toString();
  }
}
