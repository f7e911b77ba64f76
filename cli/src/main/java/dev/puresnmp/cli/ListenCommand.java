package dev.puresnmp.cli;

import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.security.SecurityLevel;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code puresnmp listen}: receives traps and informs (acknowledging informs) and prints each as snmptrapd
 * prints it by default ({@link SnmptrapdFormat}), or with {@code --json} as one JSON object a line.
 * SNMPv3 users are given as Net-SNMP's tools take them, one {@code -u} group each:
 *
 * <pre>{@code
 * puresnmp listen -p 1162 -c public \
 *     -u traps -l authPriv -a SHA-256 -A authpass123 -x AES -X privpass123 \
 *     -u edge -a SHA -A authpass123 -e 0x8000000001020304
 * }</pre>
 */
@Command(
    name = "listen",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp listen -p 1162 -c public", "  puresnmp listen -p 1162 --json -u traps -a SHA-256 -A authpass123"},
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Receive traps and informs (informs are acknowledged) and print each as snmptrapd prints it",
      "with no format configured (names from the MIBs of -m/-M, -O letters as snmptrapd's), or with",
      "--json as one JSON object a line."
    })
final class ListenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "162", description = "UDP port (default ${DEFAULT-VALUE}; 0: any free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "Address to listen on, IPv4 or IPv6 (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "-c", paramLabel = "COMMUNITY", description = "A community to accept; repeatable (default: any).")
  List<String> communities = new ArrayList<>();

  @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "SNMPv3 users, each from its -u on (repeatable):%n")
  List<User> users = new ArrayList<>();

  @Option(names = "--engine-id", paramLabel = "ENGINE-ID", description = "This receiver's SNMPv3 engine ID, hex, the one informs go to (default: a random one, printed at start).")
  String engineId;

  @Option(names = "--json", description = "Print each notification as one JSON object on one line.")
  boolean json;

  @Mixin MibOptions mibOptions;

  @Option(names = "-O", paramLabel = "LETTERS", parameterConsumer = OidNames.OutputWords.class,
      description = "Output options as snmptrapd's -O: n (numeric OIDs), s, S, f, u, b, X, E, e, q, Q, v, U, t, x, a, T, 0, p PRECISION.")
  List<String> outputOptions = new ArrayList<>();

  @Option(names = "--count", paramLabel = "N", description = "Stop after N notifications (default: run until interrupted).")
  int count;

  /** One SNMPv3 user, as Net-SNMP's tools spell it; without -l its level follows from -A and -X. */
  static final class User {
    @Option(names = "-u", required = true, paramLabel = "USER", description = "SNMPv3 user (security name) to accept.")
    String name;

    @Option(names = "-l", paramLabel = "LEVEL", description = "Its level: noAuthNoPriv, authNoPriv or authPriv (default: authPriv with -X, authNoPriv with -A, else noAuthNoPriv).")
    String level;

    @ArgGroup(exclusive = false)
    PassPhraseOptions passPhrases;

    @Option(names = "-e", paramLabel = "ENGINE-ID", description = "Accept this user's traps from this engine only (hex); without -e: from any engine, and its informs.")
    String engineId;

    Credentials.V3 credentials(CommandLine cl) {
      PassPhraseOptions p = passPhrases != null ? passPhrases : new PassPhraseOptions();
      Credentials.V3.Key authKey = p.authKey(cl);
      Credentials.V3.Key privKey = p.privKey(cl);
      SecurityLevel l = level != null ? SnmpOptions.level(cl, level)
          : p.privPassPhrase != null || privKey != null ? SecurityLevel.AUTH_PRIV
          : p.authPassPhrase != null || authKey != null ? SecurityLevel.AUTH_NO_PRIV
          : SecurityLevel.NO_AUTH_NO_PRIV;
      Credentials.V3 v3 = Credentials.v3(name);
      if (l == SecurityLevel.NO_AUTH_NO_PRIV) {
        return v3;
      }
      AuthProtocol auth = SnmpOptions.authProtocol(cl, p.authProtocol);
      v3 = authKey != null ? v3.auth(auth, authKey) : v3.auth(auth, passPhrase(cl, p.authPassPhrase, "-A", l));
      if (l == SecurityLevel.AUTH_NO_PRIV) {
        return v3;
      }
      PrivProtocol priv = SnmpOptions.privProtocol(cl, p.privProtocol);
      try {
        return privKey != null ? v3.priv(priv, privKey) : v3.priv(priv, passPhrase(cl, p.privPassPhrase, "-X", l));
      } catch (IllegalArgumentException tooShort) {
        throw new ParameterException(cl, "user " + name + ": " + tooShort.getMessage());
      }
    }

    private String passPhrase(CommandLine cl, String passPhrase, String flag, SecurityLevel l) {
      if (passPhrase == null) {
        throw new ParameterException(cl, "user " + name + " at " + l.netSnmpName() + " needs " + flag + " PASSPHRASE");
      }
      int length = passPhrase.getBytes(StandardCharsets.UTF_8).length;
      if (length < 8) { // RFC 3414 §11.2, and Net-SNMP's minimum
        throw new ParameterException(cl, "user " + name + ": the " + flag + " pass phrase has " + length + " bytes; USM wants 8 at least");
      }
      return passPhrase;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    TrapReceiver.Builder b = TrapReceiver.builder();
    communities.forEach(b::community);
    for (User u : users) {
      Credentials.V3 v3 = u.credentials(cl);
      if (u.engineId != null) {
        b.user(v3, SnmpOptions.engineId(cl, u.engineId, "-3e flag"));
      } else {
        b.user(v3);
      }
    }
    if (engineId != null) {
      if (users.isEmpty()) {
        throw new ParameterException(cl, "--engine-id is the engine of SNMPv3 informs: give a user too (-u USER ...)");
      }
      b.engineId(SnmpOptions.engineId(cl, engineId, "--engine-id"));
    }
    try {
      b.bind(Endpoint.of(bind, port));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    String letters = OidNames.letters(outputOptions);
    try {
      dev.puresnmp.mib.FormatOptions.netSnmp(letters);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    OidNames names = new OidNames(mibOptions.loadForCommands(err), letters);
    SnmptrapdFormat format = new SnmptrapdFormat(names::format, names::name);
    CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
    Endpoint[] local = new Endpoint[1];
    b.handler(
        n -> {
          synchronized (out) {
            out.print(json ? json(n, OffsetDateTime.now()) + "\n" : format.format(n, local[0], LocalDateTime.now()));
            out.flush();
          }
          if (count > 0) {
            done.countDown();
          }
        });
    TrapReceiver receiver;
    synchronized (out) { // the handler prints under this lock, so it finds local[0] set
      receiver = b.start();
      local[0] = receiver.localEndpoint();
    }
    // interrupted (Ctrl-C), the JVM runs its shutdown hooks: say what was not printed on the way out too
    Thread report = new Thread(() -> reportDropped(receiver.counters(), err), "puresnmp-listen-report");
    Runtime.getRuntime().addShutdownHook(report);
    try (receiver) {
      err.println("listening on " + endpoint(local[0]) + (receiver.engineId() != null ? ", SNMPv3 engine ID " + receiver.engineId().hex() : ""));
      err.flush();
      done.await(); // with no --count: until the process is interrupted
    }
    Runtime.getRuntime().removeShutdownHook(report);
    reportDropped(receiver.counters(), err);
    return 0;
  }

  /**
   * One line on stderr when something received was not printed: dropped for a full queue (printing fell
   * behind), a handler failure, or refused (malformed, another community or user, out of the time window,
   * a version or PDU not taken); nothing when all was printed.
   */
  static void reportDropped(TrapReceiver.Counters c, PrintWriter err) {
    List<String> parts = new ArrayList<>();
    add(parts, c.queueFull(), "dropped behind a full queue (printing fell behind)");
    add(parts, c.handlerFailures(), "failed to print");
    add(parts, c.malformed(), "malformed");
    add(parts, c.wrongCommunity(), "with another community");
    add(parts, c.wrongUser(), "from an unknown user or with a bad digest");
    add(parts, c.notInTimeWindow(), "outside the time window");
    add(parts, c.unsupported(), "not a notification taken here");
    if (!parts.isEmpty()) {
      err.println("listen: received " + c.received() + ", not printed: " + String.join(", ", parts));
      err.flush();
    }
  }

  private static void add(List<String> parts, long n, String what) {
    if (n > 0) {
      parts.add(n + " " + what);
    }
  }

  /**
   * The notification as one JSON object: time (local, ISO 8601 with offset), source, version, community
   * (and its hex) or user and engineId, type, sysUpTime, trapOid; for SNMPv1 enterprise, agentAddress,
   * generic and specific; then varBinds, in SNMPv2 form (RFC 3584 for v1), each as decode --json prints it.
   */
  static String json(Notification n, OffsetDateTime now) {
    Json j = new Json().begin();
    j.field("time").string(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.truncatedTo(ChronoUnit.MILLIS)));
    j.field("source").string(endpoint(n.source()));
    j.field("version").string(n.version().label());
    if (n.version() == SnmpVersion.V3) {
      j.field("user").string(n.user());
      j.field("engineId").string(n.engineId().hex());
    } else {
      Bytes c = n.community();
      j.field("community").string(c.utf8());
      j.field("communityHex").string(c.hex());
    }
    j.field("type").string(n.type().name());
    j.field("sysUpTime").number(n.sysUpTime());
    j.field("trapOid").string(n.trapOid().toDottedString());
    TrapV1Pdu v1 = n.v1();
    if (v1 != null) {
      j.field("enterprise").string(v1.enterprise().toDottedString());
      j.field("agentAddress").string(v1.agentAddress().asText());
      j.field("generic").number(v1.genericTrap());
      j.field("specific").number(v1.specificTrap());
    }
    j.field("varBinds").beginArray();
    for (VarBind vb : n.varBinds()) {
      MessagePrinter.varBindJson(j, vb);
    }
    return j.endArray().end().toString();
  }

  /** "127.0.0.1:162", "[::1]:162". */
  private static String endpoint(Endpoint e) {
    String ip = SnmptrapdFormat.address(e.ip());
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + e.port();
  }
}
