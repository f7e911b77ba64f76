package dev.puresnmp.cli;

import dev.puresnmp.smi.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads packets given as text: plain hex (whitespace, newlines and ':' between bytes allowed, '#' lines
 * ignored), or Net-SNMP's {@code -d} dump, where each packet starts with "Sending N bytes to …" or
 * "Received N byte packet from …" and each line reads "0000: 30 29 02 01  01 04 06 70  …  0)....." (offset,
 * up to 16 bytes in groups of four, then an ASCII column that is skipped).
 */
final class HexInput {
  private static final Pattern DUMP_LINE = Pattern.compile("^(\\d{4,}): (.*)$");
  private static final Pattern DUMP_HEADER = Pattern.compile("^(?:Sending (\\d+) bytes? to|Received (\\d+) bytes? packet from)");
  private static final Pattern HEX_BYTE = Pattern.compile("[0-9A-Fa-f]{2}");

  private HexInput() {}

  /**
   * The packets in {@code text}: one for plain hex, one per "Sending/Received" header for a dump.
   *
   * @throws IllegalArgumentException on text that is neither
   */
  static List<byte[]> parse(String text) {
    List<String> lines = text.lines().toList();
    boolean dump = lines.stream().anyMatch(l -> DUMP_LINE.matcher(l).matches());
    return dump ? parseDump(lines) : List.of(parsePlain(lines));
  }

  private static byte[] parsePlain(List<String> lines) {
    StringBuilder hex = new StringBuilder();
    for (String line : lines) {
      if (!line.startsWith("#")) {
        hex.append(line).append(' ');
      }
    }
    String s = hex.toString().strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("no hex given");
    }
    return Bytes.decodeHex(s).toByteArray();
  }

  private static List<byte[]> parseDump(List<String> lines) {
    List<byte[]> packets = new ArrayList<>();
    ByteArrayOutputStream current = null;
    int expected = -1;
    for (String line : lines) {
      Matcher header = DUMP_HEADER.matcher(line);
      if (header.find()) {
        if (current != null && current.size() > 0) {
          packets.add(current.toByteArray());
        }
        current = new ByteArrayOutputStream();
        expected = Integer.parseInt(header.group(1) != null ? header.group(1) : header.group(2));
        continue;
      }
      Matcher m = DUMP_LINE.matcher(line);
      if (!m.matches()) {
        continue; // the tool's other output: printed varbinds, messages
      }
      if (current == null) {
        current = new ByteArrayOutputStream();
      }
      int want = expected < 0 ? 16 : Math.min(16, expected - current.size());
      int taken = 0;
      for (String token : m.group(2).trim().split("\\s+")) {
        if (taken == want || !HEX_BYTE.matcher(token).matches()) {
          break;
        }
        current.write(Integer.parseInt(token, 16));
        taken++;
      }
    }
    if (current != null && current.size() > 0) {
      packets.add(current.toByteArray());
    }
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("no packet found in the dump");
    }
    return packets;
  }
}
