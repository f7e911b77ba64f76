package dev.puresnmp.cli;

import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.sim.UserSpec;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code puresnmp listen}: receives traps and informs (acknowledging informs) and prints each: a header
 * line (time, source, kind, version, community or user), then one line per varbind as snmpget -On prints it.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Receive traps and informs (informs are acknowledged) and print each: a header line, then its varbinds",
      "as snmpget -On prints them. SNMPv1 traps are printed in SNMPv2 form (RFC 3584)."
    })
final class ListenCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "162", description = "UDP port (default ${DEFAULT-VALUE}; 0: any free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "-c", paramLabel = "COMMUNITY", description = "A community to accept; repeatable (default: any).")
  List<String> communities = new ArrayList<>();

  @Option(names = "--user", paramLabel = "NAME[:AUTH:PASS[:PRIV:PASS]]", description = "An SNMPv3 user to accept from any engine, Net-SNMP's protocol names (e.g. traps:SHA-256:authpass123:AES:privpass123); repeatable.")
  List<String> users = new ArrayList<>();

  @Option(names = "--count", paramLabel = "N", description = "Stop after N notifications (default: run until interrupted).")
  int count;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrapReceiver.Builder b = TrapReceiver.builder();
    communities.forEach(b::community);
    try {
      b.bind(Endpoint.of(bind, port));
      users.forEach(u -> b.user(UserSpec.parse(u)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
    b.handler(
        n -> {
          synchronized (out) {
            print(n, out);
            out.flush();
          }
          if (count > 0) {
            done.countDown();
          }
        });
    try (TrapReceiver receiver = b.start()) {
      err.println("listening on " + receiver.localEndpoint() + (receiver.engineId() != null ? ", SNMPv3 engine ID " + receiver.engineId().hex() : ""));
      err.flush();
      done.await(); // with no --count: until the process is interrupted
    }
    return 0;
  }

  /** "2026-11-30 22:40:01 127.0.0.1:50104 SNMPv2-Trap, SNMP v2c, community public", then the varbinds. */
  static void print(Notification n, PrintWriter out) {
    String who = n.user() != null ? "user " + n.user() + ", engine " + n.engineId().hex() : "community " + n.community().utf8();
    out.println(LocalDateTime.now().format(TIME) + " " + n.source() + " " + n.type() + ", SNMP v" + n.version().label() + ", " + who);
    for (VarBind vb : n.varBinds()) {
      out.println(NetSnmpFormat.format(vb));
    }
  }
}
