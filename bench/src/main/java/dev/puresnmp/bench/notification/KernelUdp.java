package dev.puresnmp.bench.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the kernel says of UDP: for one socket bound on 127.0.0.1, the datagrams it dropped because its
 * receive buffer was full and the bytes waiting in that buffer ({@code /proc/net/udp}: the {@code drops}
 * and {@code rx_queue} columns), and the machine's {@code Udp: RcvbufErrors} and {@code InErrors} ({@code
 * /proc/net/snmp}), which count every process's sockets: other programs' drops show there too, so the
 * socket's own count is the one that attributes a loss.
 */
final class KernelUdp {
  /** A socket's drops so far and bytes queued now. */
  record Socket(long drops, long queued) {}

  /** The machine's UDP receive errors so far. */
  record Machine(long rcvbufErrors, long inErrors) {}

  private KernelUdp() {}

  /**
   * The socket bound on 127.0.0.1:{@code port}, or zeros if there is none: in {@code /proc/net/udp}, or in
   * {@code /proc/net/udp6} as ::ffff:127.0.0.1 when a JVM opened it as an IPv6 socket (java.net's
   * default, and so SNMP4J's; our receiver opens an IPv4 one for an IPv4 address).
   */
  static Socket socket(int port) {
    String v4 = String.format(Locale.ROOT, "0100007F:%04X", port);
    String mapped = String.format(Locale.ROOT, "0000000000000000FFFF00000100007F:%04X", port);
    for (String file : List.of("/proc/net/udp", "/proc/net/udp6")) {
      for (String line : lines(file)) {
        String[] f = line.trim().split("\\s+");
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer drops
        if (f.length >= 13 && (f[1].equals(v4) || f[1].equals(mapped))) {
          String queues = f[4];
          return new Socket(Long.parseLong(f[12]), Long.parseLong(queues.substring(queues.indexOf(':') + 1), 16));
        }
      }
    }
    return new Socket(0, 0);
  }

  static Machine machine() {
    List<String> ls = lines("/proc/net/snmp");
    for (int i = 0; i + 1 < ls.size(); i++) {
      if (ls.get(i).startsWith("Udp: ") && ls.get(i + 1).startsWith("Udp: ")) {
        List<String> names = List.of(ls.get(i).trim().split("\\s+"));
        String[] values = ls.get(i + 1).trim().split("\\s+");
        return new Machine(Long.parseLong(values[names.indexOf("RcvbufErrors")]), Long.parseLong(values[names.indexOf("InErrors")]));
      }
    }
    return new Machine(0, 0);
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
