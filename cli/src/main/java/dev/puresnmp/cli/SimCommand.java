package dev.puresnmp.cli;

import dev.puresnmp.security.Credentials;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.Fault;
import dev.puresnmp.sim.NotificationTarget;
import dev.puresnmp.sim.NotificationType;
import dev.puresnmp.sim.Recording;
import dev.puresnmp.sim.RecordingFormatException;
import dev.puresnmp.sim.RecordingProblem;
import dev.puresnmp.sim.ShippedDevices;
import dev.puresnmp.sim.UserSpec;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.TransportException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code puresnmp sim}: serves recordings as an SNMP agent until interrupted.
 *
 * <pre>
 * puresnmp sim                                   # the shipped linux-host and switch-48 on 127.0.0.1 and ::1, port 1161
 * puresnmp sim --data ../dev.snmprec --port 11161
 * puresnmp sim --data recordings/ --fault drop=0.3 --fault linux-host:delay=200ms --writable 1.3.6.1.2.1.1
 * puresnmp sim --user usr:SHA-256:authpass123:AES:privpass123 --engine-id 80001f880501020304
 * puresnmp sim --notify 127.0.0.1:1162 --notification linkDown:2 --notify-every 5 --notify-count 3
 * </pre>
 */
@Command(
    name = "sim",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp sim", "  puresnmp sim --port 0 --notify 127.0.0.1:1162 --notification linkDown:2"},
    mixinStandardHelpOptions = true,
    description = {
      "Serve recorded devices as an SNMP agent (v1, v2c, v3) until interrupted (Ctrl-C).",
      "Each .snmprec, .walk or .snmpwalk file is a device; its name without extension (its path under DIR) is its community",
      "and its SNMPv3 context name (the empty context: the first device).",
      "Without --data: the shipped devices linux-host and switch-48.",
      "With --notify: sends traps or informs as the first device, values from its recording."
    })
final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "FILE|DIR", description = "Recording file or directory; repeatable.")
  List<Path> data = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", defaultValue = "1161", description = "UDP port (default: ${DEFAULT-VALUE}; 0: any free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on; repeatable (default: 127.0.0.1 and ::1).")
  List<String> bind = new ArrayList<>();

  @Option(
      names = "--fault",
      paramLabel = "[COMMUNITY:]FAULT",
      description = {
        "Misbehave; repeatable. FAULT: drop=SHARE, delay=200ms, duplicate, wrong-request-id, garbage,",
        "non-increasing-after=N, loop-back-after=N, end-of-mib-view-after=N, too-big-above=N, silent-after=N."
      })
  List<String> faults = new ArrayList<>();

  @Option(names = "--writable", paramLabel = "[COMMUNITY:]OID-PREFIX", description = "OIDs SETs may write; repeatable. Elsewhere SET is notWritable.")
  List<String> writable = new ArrayList<>();

  @Option(names = "--strict", description = "Refuse a file with any line that does not parse (default: skip the line, say so).")
  boolean strict;

  @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "65507", description = "Largest response (default: ${DEFAULT-VALUE}).")
  int maxMessageSize;

  @Option(names = "--max-bulk-varbinds", paramLabel = "N", defaultValue = "64", description = "Most repeated varbinds in a GETBULK response (default: ${DEFAULT-VALUE}, as snmpsim).")
  int maxBulkVarBinds;

  @Option(
      names = "--user",
      paramLabel = "NAME[:AUTH:AUTHPASS[:PRIV:PRIVPASS]]",
      description = {
        "An SNMPv3 user; repeatable. Net-SNMP's names: AUTH MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512;",
        "PRIV DES, AES, AES-192, AES-256, AES-192-C, AES-256-C, 3DES. E.g. usr:SHA-256:authpass123:AES:privpass123."
      })
  List<String> users = new ArrayList<>();

  @Option(names = "--engine-id", paramLabel = "HEX", description = "SNMPv3 engine ID, 5 to 32 bytes in hex (default: random, 80001f8805 + 12 bytes).")
  String engineId;

  @Option(names = "--engine-boots", paramLabel = "N", defaultValue = "1", description = "SNMPv3 engine boots (default: ${DEFAULT-VALUE}); one more after a restart with the same --engine-id.")
  int engineBoots;

  @Option(names = "--notify", paramLabel = "HOST:PORT", description = "Send notifications (as the first device) to this receiver; repeatable.")
  List<String> notify = new ArrayList<>();

  @Option(
      names = "--notify-as",
      paramLabel = "v1:COMMUNITY|v2c:COMMUNITY|v3:USER",
      defaultValue = "v2c:public",
      description = {"How to send them (default: ${DEFAULT-VALUE}); v1 sends Trap-PDUs (RFC 3584).", "USER as for --user: v3:usr:SHA-256:authpass123:AES:privpass123."})
  String notifyAs;

  @Option(names = "--inform", description = "Send informs, which the receiver acknowledges (v2c, v3), instead of traps.")
  boolean inform;

  @Option(
      names = "--notification",
      paramLabel = "NAME[:IFINDEX]|OID",
      description = {"What to send; repeatable (default: coldStart). coldStart, warmStart, linkDown:N, linkUp:N,", "authenticationFailure (objects from the recording), or a numeric OID."})
  List<String> notifications = new ArrayList<>();

  @Option(names = "--notify-every", paramLabel = "SECONDS", description = "Send them again every SECONDS, e.g. 0.5 (default: once, at the start).")
  Double notifyEvery;

  @Option(names = "--notify-count", paramLabel = "N", defaultValue = "0", description = "With --notify-every: N of each, then stop (default: until the simulator stops).")
  int notifyCount;

  @Option(names = "--exit-after", hidden = true, description = "Stop after this long (for tests), ISO-8601: PT2S.")
  Duration exitAfter;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    AgentSimulator.Builder b = AgentSimulator.builder().port(port).maxMessageSize(maxMessageSize).maxBulkVarBinds(maxBulkVarBinds).strict(strict);
    for (String a : bind.isEmpty() ? List.of("127.0.0.1", "::1") : bind) {
      b.bind(a);
    }
    try {
      if (data.isEmpty()) {
        ShippedDevices.all().forEach(b::device);
      }
      for (Path p : data) {
        if (!Files.exists(p)) {
          throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
        }
        b.data(p);
      }
      for (String w : writable) {
        int colon = w.lastIndexOf(':');
        if (colon > 0) {
          b.writable(w.substring(0, colon), Oid.parse(w.substring(colon + 1)));
        } else {
          b.writable(Oid.parse(w));
        }
      }
      for (String u : users) {
        b.user(UserSpec.parse(u));
      }
      if (engineId != null) {
        b.engineId(Bytes.decodeHex(engineId.startsWith("0x") ? engineId.substring(2) : engineId));
      }
      b.engineBoots(engineBoots);
      for (String f : faults) {
        int colon = f.indexOf(':');
        if (colon > 0 && !f.substring(0, colon).contains("=")) {
          b.fault(f.substring(0, colon), Fault.parse(f.substring(colon + 1)));
        } else {
          b.fault(Fault.parse(f));
        }
      }
    } catch (RecordingFormatException e) {
      e.problems().forEach(p -> spec.commandLine().getErr().println(p));
      throw new ParameterException(spec.commandLine(), e.problems().size() + " bad lines; nothing served (--strict)");
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<NotificationTarget> targets = targets();
    List<NotificationType> types = new ArrayList<>();
    try {
      for (String n : notifications.isEmpty() ? List.of("coldStart") : notifications) {
        types.add(NotificationType.parse(n));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    AgentSimulator sim;
    try {
      sim = b.start();
    } catch (TransportException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage() + " (try another --port)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      sim.close();
      stopped.countDown();
    }, "puresnmp-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("puresnmp sim listening on " + sim.endpoints().stream().map(SimCommand::udp).collect(Collectors.joining(" and ")));
    PrintWriter err = spec.commandLine().getErr();
    for (String c : sim.communities()) {
      Recording r = sim.recording(c);
      r.problems().forEach(err::println); // the command logs nothing (slf4j-nop), so it tells them itself
      err.flush();
      long skipped = r.problems().stream().filter(p -> p.severity() == RecordingProblem.Severity.ERROR).count();
      out.println("  community " + c + "  (" + r.size() + " OIDs" + (skipped > 0 ? ", " + skipped + " bad lines skipped" : "") + ")");
    }
    out.println("  SNMPv3 engine ID " + sim.engine().engineId().hex() + ", boots " + sim.engine().engineBoots());
    sim.engine().users().forEach(u -> out.println("  user " + UserSpec.describe(u)));
    if (!faults.isEmpty()) {
      out.println("  faults: " + String.join(" ", faults));
    }
    Endpoint first = sim.endpoint();
    String community = sim.communities().get(0);
    out.println("try: snmpwalk -v2c -c " + community + " -On " + udp(first) + " .1");
    if (!sim.engine().users().isEmpty()) {
      Credentials.V3 u = sim.engine().users().get(0);
      out.println("     snmpwalk -v3 -u " + u.user() + " -l " + u.level().netSnmpName()
          + (u.auth() == null ? "" : " -a " + u.auth().netSnmpName() + " -A PASS")
          + (u.priv() == null ? "" : " -x " + u.priv().netSnmpName() + " -X PASS")
          + " -n " + community + " -On " + udp(first) + " .1");
    }
    notify(sim, targets, types, out);
    out.println("Ctrl-C stops.");
    out.flush();
    if (exitAfter != null) {
      stopped.await(exitAfter.toMillis(), TimeUnit.MILLISECONDS);
      Runtime.getRuntime().removeShutdownHook(hook);
      sim.close();
      out.println("stopped: " + sim.counters());
      if (!targets.isEmpty()) {
        out.println("notifications: " + sim.notifier().counters());
      }
      out.flush();
      return 0;
    }
    stopped.await();
    return 0;
  }

  /** The receivers of --notify, with --notify-as and --inform; none without --notify. */
  private List<NotificationTarget> targets() {
    if (notify.isEmpty()) {
      if (inform || notifyEvery != null || !notifications.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--inform, --notification and --notify-every need a receiver: --notify HOST:PORT");
      }
      return List.of();
    }
    if (notifyEvery != null && !(notifyEvery > 0)) {
      throw new ParameterException(spec.commandLine(), "--notify-every must be a positive number of seconds, not " + notifyEvery);
    }
    if (notifyCount < 0) {
      throw new ParameterException(spec.commandLine(), "--notify-count must be 0 (until stopped) or more, not " + notifyCount);
    }
    int colon = notifyAs.indexOf(':');
    String version = colon < 0 ? notifyAs : notifyAs.substring(0, colon);
    String rest = colon < 0 ? "" : notifyAs.substring(colon + 1);
    List<NotificationTarget> out = new ArrayList<>();
    try {
      Credentials credentials = switch (version) {
        case "v1", "1" -> Credentials.v1(rest);
        case "v2c", "2c" -> Credentials.v2c(rest);
        case "v3", "3" -> UserSpec.parse(rest);
        default -> throw new IllegalArgumentException("--notify-as takes v1:COMMUNITY, v2c:COMMUNITY or v3:USER, not \"" + notifyAs + "\"");
      };
      for (String n : notify) {
        Endpoint receiver = Endpoint.parse(n, 162);
        out.add(inform ? NotificationTarget.inform(receiver, credentials) : NotificationTarget.trap(receiver, credentials));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return out;
  }

  /** Sends each notification to each target once, saying how it went, or starts their schedules. */
  private void notify(AgentSimulator sim, List<NotificationTarget> targets, List<NotificationType> types, PrintWriter out) {
    for (NotificationTarget t : targets) {
      for (int i = 0; i < types.size(); i++) {
        String what = notifications.isEmpty() ? "coldStart" : notifications.get(i);
        try {
          if (notifyEvery != null) {
            sim.notifier().schedule(types.get(i), t, Duration.ofNanos((long) (notifyEvery * 1e9)), notifyCount);
            out.println("  notifying " + what + " (" + t + ") every " + notifyEvery + " s" + (notifyCount > 0 ? ", " + notifyCount + " times" : ""));
          } else {
            sim.notifier().send(types.get(i), t).whenComplete((v, e) -> {
              Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              out.println(e == null ? "  " + (t.inform() ? "acknowledged: " : "sent: ") + what + " (" + t + ")" : "  not sent: " + what + " (" + t + "): " + cause.getMessage());
              out.flush();
            });
          }
        } catch (IllegalArgumentException | IllegalStateException e) {
          out.println("  not sent: " + what + " (" + t + "): " + e.getMessage());
        }
      }
    }
  }

  /** As Net-SNMP's tools take an address: "127.0.0.1:1161", "udp6:[::1]:1161". */
  private static String udp(Endpoint e) {
    return e.ip() instanceof java.net.Inet6Address ? "udp6:" + e : e.toString();
  }
}
