package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Ports, data directories and snmpsim for the interop tests. Ports come from 14100-14199 only. */
final class Peers {
  static final int FIRST_PORT = 14100;
  static final int LAST_PORT = 14199;

  private Peers() {}

  /** A port free on both 127.0.0.1 and ::1, from the range this module's tests may use. */
  static synchronized int freePort() {
    for (int i = 0; i <= LAST_PORT - FIRST_PORT; i++) {
      int port = FIRST_PORT + Math.floorMod((int) (System.nanoTime() / 1000) + i, LAST_PORT - FIRST_PORT + 1);
      try (DatagramSocket v4 = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
          DatagramSocket v6 = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), port))) {
        return v4.getLocalPort() == v6.getLocalPort() ? port : -1;
      } catch (IOException e) {
        // in use: try the next
      }
    }
    throw new AssertionError("no free UDP port in " + FIRST_PORT + ".." + LAST_PORT);
  }

  /** A directory user nobody can read (snmpsim drops root), under /tmp. */
  static Path worldReadableDir(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  static Path copyResource(String resource, Path to) throws IOException {
    try (InputStream in = Peers.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.createDirectories(to.getParent());
      Files.copy(in, to);
    }
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
    return to;
  }

  static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** snmpsim serving {@code dataDir} on 127.0.0.1 and ::1; stopped by PID. */
  static final class Snmpsim implements AutoCloseable {
    final int port;
    final Path dataDir;

    private Snmpsim(int port, Path dataDir) {
      this.port = port;
      this.dataDir = dataDir;
    }

    static Snmpsim start(Path dataDir) throws IOException, InterruptedException {
      Path peers = NetSnmpPeer.peersDir();
      NetSnmpPeer.requireTool("snmpsimd", peers);
      NetSnmpPeer.requireTool("snmpget", peers);
      int port = freePort();
      NetSnmpPeer.Result r = NetSnmpPeer.run(List.of("bash", peers.resolve("snmpsim-start.sh").toString(), Integer.toString(port), dataDir.toString()), 120);
      assertThat(r.code()).as("snmpsim-start.sh: " + r.out() + r.err()).isZero();
      return new Snmpsim(port, dataDir);
    }

    @Override
    public void close() throws IOException {
      try {
        NetSnmpPeer.run(List.of("bash", NetSnmpPeer.peersDir().resolve("peer-stop.sh").toString(), dataDir.toString()), 30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs a Net-SNMP tool; {@code AGENT} in the arguments is replaced by {@code agent}. */
  static NetSnmpPeer.Result tool(List<String> command, String agent) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    for (String a : command) {
      cmd.add(a.equals("AGENT") ? agent : a);
    }
    return NetSnmpPeer.run(cmd, 120);
  }
}
