package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listening on 162 as an ordinary user fails with a message that names the port. The tests run as root
 * here, so the listener runs in a child JVM as user nobody (setpriv).
 */
class PrivilegedPortIT {
  /** The child: tries to listen on 127.0.0.1:162 and prints the outcome. */
  public static void main(String[] args) {
    try (TrapListener l = Transport.listen("127.0.0.1", 162)) {
      System.out.println("listening on " + l.localPort());
    } catch (TransportException e) {
      System.out.println(e.getMessage());
    }
  }

  @TempDir Path tmp;

  /** Our classes and jars live under /root, which nobody cannot read: copy them where it can. */
  private static String readableCopy(String classpath, Path tmp) throws IOException {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String entry : classpath.split(":")) {
      if (entry.isBlank() || !Files.exists(Path.of(entry))) {
        continue;
      }
      Path from = Path.of(entry);
      Path to = tmp.resolve("cp" + n++ + (Files.isDirectory(from) ? "" : ".jar"));
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Path target = to.resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else {
            Files.copy(f, Files.isDirectory(from) ? target : to);
          }
        }
      }
      out.append(to).append(':');
    }
    try (Stream<Path> all = Files.walk(tmp)) {
      all.forEach(f -> f.toFile().setReadable(true, false));
    }
    try (Stream<Path> all = Files.walk(tmp)) {
      all.filter(Files::isDirectory).forEach(f -> f.toFile().setExecutable(true, false));
    }
    return out.toString();
  }

  @Test
  void port162WithoutRootFailsNamingThePort() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Assumptions.assumeTrue(root && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to drop to nobody");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = readableCopy(System.getProperty("java.class.path") + ":" + System.getProperty("jdk.module.path", ""), tmp);
    NetSnmpPeer.Result r =
        NetSnmpPeer.run(
            List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", java, "-cp", classpath, PrivilegedPortIT.class.getName()),
            60);
    assertThat(r.out().strip())
        .as(r.err())
        .isEqualTo("cannot listen on udp 127.0.0.1:162: Permission denied; ports below 1024 need root or CAP_NET_BIND_SERVICE (or listen on a port above 1023)");
  }
}
