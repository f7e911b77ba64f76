package dev.puresnmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Net-SNMP peer on a free loopback port (snmpd, snmptrapd or snmpsim), started with the scripts of
 * peers/ in this repository and stopped by PID with peer-stop.sh. Under CI=true a missing peer fails the test; elsewhere it skips it.
 */
public final class NetSnmpPeer implements AutoCloseable {
  public final int port;
  /** snmpd's engine ID in hex as snmpd-start.sh prints it ("80001F88…"); null for other peers. */
  public final String engineId;
  private final Path dir;
  private final Path peers;

  private NetSnmpPeer(int port, String engineId, Path dir, Path peers) {
    this.port = port;
    this.engineId = engineId;
    this.dir = dir;
    this.peers = peers;
  }

  private static String engineIdIn(String startOutput) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("engineID 0x([0-9A-Fa-f]+)").matcher(startOutput);
    return m.find() ? m.group(1) : null;
  }

  public static Path peersDir() {
    String configured = System.getProperty("puresnmp.peers");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "peers");
    return p.toAbsolutePath().normalize();
  }

  public static void requireTool(String tool, Path peers) {
    boolean present = Files.isDirectory(peers) && onPath(tool);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but " + tool + " or " + peers + " is missing: run ./run-tests, which installs it");
    }
    Assumptions.assumeTrue(present, tool + " or " + peers + " missing");
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  public static NetSnmpPeer startSnmpd(Path dir) throws IOException, InterruptedException {
    Path peers = peersDir();
    requireTool("snmpd", peers);
    int port = freeUdpPort();
    Result r = run(List.of("bash", peers.resolve("snmpd-start.sh").toString(), Integer.toString(port), dir.toString()), 60);
    assertThat(r.code).as("snmpd-start.sh: " + r.out + r.err).isZero();
    return new NetSnmpPeer(port, engineIdIn(r.out + r.err), dir, peers);
  }

  /**
   * snmpsim serving the recordings of peers/snmpsim-data.sh (big table of {@code rows} rows)
   * under {@code dataDir}, which must be readable by user nobody (snmpsimd drops root).
   */
  public static NetSnmpPeer startSnmpsim(Path dataDir, int rows) throws IOException, InterruptedException {
    Path peers = peersDir();
    requireTool("snmpsimd", peers);
    Result data = run(List.of("bash", peers.resolve("snmpsim-data.sh").toString(), dataDir.toString(), Integer.toString(rows)), 120);
    assertThat(data.code).as("snmpsim-data.sh: " + data.out + data.err).isZero();
    for (Path p = dataDir; p != null && p.startsWith(System.getProperty("java.io.tmpdir")); p = p.getParent()) {
      p.toFile().setReadable(true, false);
      p.toFile().setExecutable(true, false);
    }
    try (java.util.stream.Stream<Path> all = Files.walk(dataDir)) {
      all.forEach(f -> {
        f.toFile().setReadable(true, false);
        if (Files.isDirectory(f)) {
          f.toFile().setExecutable(true, false);
          f.toFile().setWritable(true, false); // snmpsimd writes its index cache and pid as nobody
        }
      });
    }
    int port = freeUdpPort();
    Result r = run(List.of("bash", peers.resolve("snmpsim-start.sh").toString(), Integer.toString(port), dataDir.toString()), 120);
    assertThat(r.code).as("snmpsim-start.sh: " + r.out + r.err).isZero();
    return new NetSnmpPeer(port, null, dataDir, peers);
  }

  /**
   * snmptrapd (peers/snmptrapd-start.sh) on a free loopback port (127.0.0.1 and ::1), logging one line
   * per accepted notification to DIR/traps.log ({@link #logLines()}); {@code env} as "NAME=value" for the
   * script (DEFAULT_FORMAT=1: snmptrapd's own default lines). {@link #engineId} is the receiver's.
   */
  public static NetSnmpPeer startSnmptrapd(Path dir, String... env) throws IOException, InterruptedException {
    Path peers = peersDir();
    requireTool("snmptrapd", peers);
    int port = freeUdpPort();
    List<String> cmd = new ArrayList<>(List.of("env"));
    cmd.addAll(List.of(env));
    cmd.addAll(List.of("bash", peers.resolve("snmptrapd-start.sh").toString(), Integer.toString(port), dir.toString()));
    Result r = run(cmd, 60);
    assertThat(r.code).as("snmptrapd-start.sh: " + r.out + r.err).isZero();
    return new NetSnmpPeer(port, engineIdIn(r.out + r.err), dir, peers);
  }

  /** snmptrapd's log (DIR/traps.log) as it is now, read at once: snmptrapd may append meanwhile. */
  public List<String> logLines() throws IOException {
    Path log = dir.resolve("traps.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  public static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public record Result(int code, String out, String err) {}

  /** Runs a command with a time limit; its stdout and stderr are kept apart. */
  public static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cmd", ".out");
    Path err = Files.createTempFile("cmd", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** A Net-SNMP tool against this agent: {@code tool [args…] 127.0.0.1:port [oids…]}. */
  public Result tool(String tool, List<String> args, List<String> oids) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(tool);
    cmd.addAll(args);
    cmd.add("127.0.0.1:" + port);
    cmd.addAll(oids);
    return run(cmd, 60);
  }

  public dev.puresnmp.transport.Endpoint endpoint() {
    return dev.puresnmp.transport.Endpoint.of("127.0.0.1", port);
  }

  /** Stops this snmpd and starts it again on the same port and directory: same engine ID, boots + 1. */
  public void restartSnmpd() throws IOException, InterruptedException {
    close();
    Result r = run(List.of("bash", peers.resolve("snmpd-start.sh").toString(), Integer.toString(port), dir.toString()), 60);
    assertThat(r.code).as("snmpd-start.sh: " + r.out + r.err).isZero();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(List.of("bash", peers.resolve("peer-stop.sh").toString(), dir.toString()), 30);
  }
}
