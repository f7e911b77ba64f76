package dev.puresnmp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Sample packets shipped with the CLI, as hex. */
final class TestPackets {
  private TestPackets() {}

  static String snmp4jResponse() {
    try (InputStream in = DemoCommand.class.getResourceAsStream("samples/v2c-get-response-10.hex")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.startsWith("#")).reduce("", String::concat).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
