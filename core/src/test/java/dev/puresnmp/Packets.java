package dev.puresnmp;

import dev.puresnmp.smi.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Golden packets from src/test/resources/dev/puresnmp/packets: '#' header lines, then hex. */
public final class Packets {
  private Packets() {}

  /** The bytes of packets/NAME (e.g. "snmp4j/v2c-get-request-10.hex"). */
  public static byte[] load(String name) {
    return Bytes.decodeHex(stripComments(text(name))).toByteArray();
  }

  /** A text resource under packets/, as UTF-8. */
  public static String text(String name) {
    try (InputStream in = Packets.class.getResourceAsStream("/dev/puresnmp/packets/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource packets/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether packets/NAME exists. */
  public static boolean exists(String name) {
    return Packets.class.getResource("/dev/puresnmp/packets/" + name) != null;
  }

  /** Every *.hex file under packets/ (recursively), as names relative to packets/. */
  public static List<String> all() {
    URL root = Packets.class.getResource("/dev/puresnmp/packets");
    try {
      Path dir = Path.of(root.toURI());
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .filter(p -> p.toString().endsWith(".hex"))
            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Net-SNMP dropped this packet as malformed: its tool printed a timeout (or "bad type returned"). */
  public static boolean rejectedByNetSnmp(String name) {
    String txt = name.replace(".hex", ".txt");
    if (!exists(txt)) {
      return false;
    }
    String printed = text(txt);
    return printed.startsWith("Timeout: No Response") || printed.startsWith("bad type returned");
  }

  /**
   * Encoded the way our encoder encodes (minimal lengths and integers): everything Net-SNMP and SNMP4J
   * sent. Not the crafted responses, nor snmpsim's (it writes -128 as 02 02 ff 80).
   */
  public static boolean canonical(String name) {
    return !name.startsWith("crafted-") && !(name.contains("-types-") && name.contains("-response"));
  }

  static String stripComments(String text) {
    return text.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining(" "));
  }

  /** The shapes a decoder must accept: heap, direct, and a slice at an offset of a larger array. */
  public static List<Function<byte[], ByteBuffer>> bufferShapes() {
    return List.of(
        ByteBuffer::wrap,
        b -> {
          ByteBuffer d = ByteBuffer.allocateDirect(b.length);
          d.put(b).flip();
          return d;
        },
        b -> {
          byte[] big = new byte[b.length + 20];
          java.util.Arrays.fill(big, (byte) 0x30);
          System.arraycopy(b, 0, big, 7, b.length);
          return ByteBuffer.wrap(big, 3, b.length + 10).slice().position(4).limit(4 + b.length);
        });
  }
}
