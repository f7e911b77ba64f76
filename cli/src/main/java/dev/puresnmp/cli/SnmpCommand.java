package dev.puresnmp.cli;

import dev.puresnmp.SnmpException;
import dev.puresnmp.client.ErrorResponseException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.client.UsmException;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every SNMP command does around its own request: parse the agent and options, build the client,
 * and report failures as Net-SNMP's tools do ("Timeout: No Response from AGENT.", "Error in packet…"),
 * with Net-SNMP's exit codes: 2 after an error in a packet, 1 for a timeout or a usage error.
 */
abstract class SnmpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SnmpOptions options;

  @Mixin OutputOptions output;

  /** The names of -m/-M and the -O letters: set before {@link #run}. */
  OidNames names;

  @Parameters(index = "0", paramLabel = "AGENT", description = "host, host:port, udp:host:port, udp6:[::1]:port, [::1]:port")
  String agent;

  /** Net-SNMP's snmp_errstring texts, by error-status (snmp_api.c). */
  private static final String[] REASONS = {
    "(noError) No Error",
    "(tooBig) Response message would have been too large.",
    "(noSuchName) There is no such variable name in this MIB.",
    "(badValue) The value given has the wrong type or length.",
    "(readOnly) The two parties used do not have access to use the specified SNMP PDU.",
    "(genError) A general failure occured",
    "noAccess",
    "wrongType (The set datatype does not match the data type the agent expects)",
    "wrongLength (The set value has an illegal length from what the agent expects)",
    "wrongEncoding",
    "wrongValue (The set value is illegal or unsupported in some way)",
    "noCreation (That table does not support row creation or that object can not ever be created)",
    "inconsistentValue (The set value is illegal or unsupported in some way)",
    "resourceUnavailable (This is likely a out-of-memory failure within the agent)",
    "commitFailed",
    "undoFailed",
    "authorizationError (access denied to that object)",
    "notWritable (That object does not support modification)",
    "inconsistentName (That object can not currently be created)"
  };

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (spec.commandLine().getParseResult().hasMatchedOption("-h")) {
      printUsage(err, spec.commandLine().getUsageMessage()); // Net-SNMP's -h: the usage on standard error, exit 1
      err.flush();
      return 1;
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("-H")) {
      err.println("puresnmp reads no snmp.conf: there are no configuration directives to list.");
      err.flush();
      return 0;
    }
    try {
      options.checkFlags(err);
      names = options.names(err);
      List<String> agents = output.agents(agent);
      if (agents.size() > 1) {
        if (!(getClass() == GetCommand.class || this instanceof WalkCommand)) {
          throw new ParameterException(spec.commandLine(), "--agent and --agents are for get, walk and bulkwalk");
        }
        return new FanOut(this, output.parallel).run(agents, out, err);
      }
      return runAgainst(agent, out, err);
    } catch (ParameterException e) {
      throw e;
    } catch (SnmpOptions.Refused e) {
      refused(e, err);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command against one agent, its failures reported; the exit code. */
  final int runAgainst(String agentText, PrintWriter out, PrintWriter err) {
    try (SnmpClient client = options.client(agentText, defaultPort())) {
      return run(client, out, err);
    } catch (SnmpOptions.Refused e) {
      refused(e, err);
      return 1;
    } catch (SnmpException e) {
      out.flush();
      report(e, agentText, err);
      return e instanceof ErrorResponseException ? 2 : 1; // Net-SNMP's tools exit 2 after "Error in packet"
    }
  }

  private void refused(SnmpOptions.Refused e, PrintWriter err) {
    if (output.json) {
      err.println(VarBindJson.error("refused", e.lines));
    } else {
      e.lines.forEach(err::println);
    }
  }

  /** A varbind as the command prints it: as snmpget does, or with --json one object ({@link VarBindJson}). */
  final void print(PrintWriter out, VarBind vb) {
    synchronized (names) { // several agents' threads share the names (FanOut)
      out.println(output.json ? VarBindJson.line(vb, names) : names.format(vb));
    }
  }

  /** A line of text output that --json leaves out ("End of MIB"). */
  final void note(PrintWriter out, String line) {
    if (!output.json) {
      out.println(line);
    }
  }

  /** A complaint on stderr ("Error: OID not increasing: …"): the line, or with --json one error object. */
  final void warn(PrintWriter err, String kind, String line) {
    err.println(output.json ? VarBindJson.error(kind, List.of(line)) : line);
  }

  /** The words after "USAGE: snmpget [OPTIONS] " in the Net-SNMP tool's usage; null: a command Net-SNMP words otherwise (trap). */
  String netSnmpUsage() {
    return switch (spec.name()) {
      case "get", "getnext", "bulkget" -> "AGENT OID [OID]...";
      case "walk", "bulkwalk" -> "AGENT [OID]";
      case "set" -> "AGENT OID TYPE VALUE [OID TYPE VALUE]...";
      case "table" -> "AGENT TABLE-OID";
      default -> null;
    };
  }

  /**
   * A usage error as Net-SNMP's tools print it on standard error: what is wrong in their words, their
   * "USAGE:" line and, where they list every option, where to find ours; exit code 1.
   */
  int usageError(ParameterException e) {
    PrintWriter err = spec.commandLine().getErr();
    String words = netSnmpWords(e);
    if (!words.isEmpty()) {
      err.println(words);
    }
    printUsage(err, "  Try '" + spec.qualifiedName() + " --help' for the options.\n");
    err.flush();
    return 1;
  }

  private void printUsage(PrintWriter err, String more) {
    err.println("USAGE: " + options.tool() + " [OPTIONS] " + netSnmpUsage());
    err.println();
    err.print(more);
  }

  /** Picocli's words for an option given last without its value ("-c" at the end), and ours for -C, -I, -O. */
  private static final java.util.regex.Pattern MISSING_VALUE = java.util.regex.Pattern.compile("Missing required parameter for option '-(.)'");

  /** A parse error in the Net-SNMP tool's words where it has some ("No hostname specified."), else picocli's. */
  private String netSnmpWords(ParameterException e) {
    java.util.regex.Matcher noValue = MISSING_VALUE.matcher(String.valueOf(e.getMessage()));
    if (noValue.lookingAt()) {
      return options.tool() + ": option requires an argument -- '" + noValue.group(1) + "'"; // getopt's words
    }
    if (e instanceof MissingParameterException m) {
      if (m.getMissing().stream().anyMatch(a -> a.paramLabel().equals("AGENT"))) {
        return "No hostname specified.";
      }
      return spec.name().equals("table") ? "Must have exactly one table name" : "Missing object name";
    }
    String option = e.getArgSpec() instanceof picocli.CommandLine.Model.OptionSpec o ? o.shortestName() : "";
    if (option.equals("-t") || (e.getMessage() != null && e.getMessage().startsWith("-t "))) {
      return "Invalid timeout in seconds after -t flag.";
    }
    if (option.equals("-r") || (e.getMessage() != null && e.getMessage().startsWith("-r "))) {
      return "Invalid number of retries after -r flag.";
    }
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      if (first.length() > 1 && first.startsWith("-") && !first.startsWith("--")) {
        return options.tool() + ": invalid option -- '" + first.charAt(1) + "'";
      }
    }
    return e.getMessage();
  }

  /** The agent's port when AGENT names none: 161, a notification receiver's 162. */
  int defaultPort() {
    return 161;
  }

  /** The command's work; returns the exit code. */
  abstract int run(SnmpClient client, PrintWriter out, PrintWriter err);

  /**
   * The tool's timeout line: snmpget's and snmpgetnext's end with a period, the others' not; snmpinform
   * says only "snmpinform: Timeout" when no acknowledgement came.
   */
  private String timeoutLine(String agentText) {
    if (spec.name().equals("inform")) {
      return "snmpinform: Timeout";
    }
    return "Timeout: No Response from " + agentText + (spec.name().startsWith("get") ? "." : "");
  }

  /**
   * Prints a failure of {@code agentText}'s as Net-SNMP does (with --json as one error object), or one
   * clear line for what Net-SNMP has no words for.
   */
  final void report(SnmpException e, String agentText, PrintWriter err) {
    if (output.json && !(e instanceof ErrorResponseException)) {
      String kind = e instanceof SnmpTimeoutException ? "timeout" : e instanceof UsmException ? "usm" : "failure";
      String words = e instanceof UsmException u ? netSnmpWords(u.reason()) : null;
      String message = e instanceof SnmpTimeoutException ? timeoutLine(agentText)
          : words != null ? options.tool() + ": " + words : spec.name() + ": " + e.getMessage();
      err.println(VarBindJson.error(kind, List.of(message)));
    } else if (e instanceof SnmpTimeoutException) {
      err.println(timeoutLine(agentText));
    } else if (e instanceof ErrorResponseException r) {
      errorInPacket(err, r.status(), r.offendingOid());
    } else if (e instanceof UsmException u && netSnmpWords(u.reason()) != null) {
      err.println(options.tool() + ": " + netSnmpWords(u.reason()));
    } else {
      err.println(spec.name() + ": " + e.getMessage());
    }
    if (options.debug) {
      e.printStackTrace(err);
    }
  }

  /** How Net-SNMP's tools word a refusal of the User-based Security Model (snmp_api.c); null: it has none. */
  static String netSnmpWords(UsmException.Reason reason) {
    switch (reason) {
      case WRONG_DIGESTS:
        return "Authentication failure (incorrect password, community or key)";
      case UNKNOWN_USER_NAME:
        return "Unknown user name";
      case UNSUPPORTED_SEC_LEVEL:
        return "Unsupported security level";
      case NOT_IN_TIME_WINDOW:
        return "Not in time window";
      case UNKNOWN_ENGINE_ID:
        return "Unknown engine ID";
      case DECRYPTION_ERROR:
        return "Decryption error";
      case UNKNOWN_CONTEXT:
        return "Unknown Report message";
      default:
        return null; // an answer that failed our checks: Net-SNMP drops it silently; we say what happened
    }
  }

  /** "Error in packet" (snmpget) or "Error in packet." (the others), the reason, and the failed object with a blank line. */
  void errorInPacket(PrintWriter err, ErrorStatus status, Oid failed) {
    if (output.json) {
      String message = "Error in packet: " + reason(status);
      String name = failed == null ? null : nameOf(failed);
      err.println(VarBindJson.error("errorInPacket", List.of(message), "status", status.name(),
          "failedOid", failed == null ? null : failed.toDottedString(), "failedName", name));
      return;
    }
    err.println(spec.name().equals("get") ? "Error in packet" : "Error in packet.");
    err.println("Reason: " + reason(status));
    if (failed != null) {
      err.println("Failed object: " + nameOf(failed));
      err.println(); // the OID's own line end, then Net-SNMP's; with error-index 0 neither is printed
    }
  }

  /** An OID's name, under the lock of the names several agents' threads share (FanOut). */
  final String nameOf(Oid oid) {
    synchronized (names) {
      return names.name(oid);
    }
  }

  static String reason(ErrorStatus s) {
    return s.code() >= 0 && s.code() < REASONS.length ? REASONS[s.code()] : "Unknown Error";
  }

  /**
   * A varbind from snmpset's OID TYPE VALUE ({@link SetCommand#value}); an OBJECT IDENTIFIER value
   * ({@code o}) may be a name, read as the OIDs are, and an {@code i} value an enumeration label, as
   * snmpset reads them. Unless {@code -Ir}, the value is checked against the MIB as snmpset checks it
   * ({@link SetChecks}); a refusal is Net-SNMP's line in a {@link SnmpOptions.Refused}.
   */
  VarBind varBind(String oidText, String given, String valueText) {
    Oid oid = oids(List.of(oidText)).get(0);
    Mib mib = names.mib();
    String type = given.equals("=") ? SetChecks.letterOf(mib, oid) : given; // "=": the MIB's type
    if (type == null) {
      throw new SnmpOptions.Refused(oidText + ": Bad variable type (\"=\")");
    }
    String complaint = names.checksValues() ? SetChecks.complaint(mib, oid, type, valueText) : null;
    if (complaint != null) {
      throw new SnmpOptions.Refused(oidText + ": " + complaint);
    }
    String text = valueText;
    if (type.equals("i")) {
      text = SetChecks.integer(mib, oid, valueText);
      if (text == null) {
        throw new SnmpOptions.Refused(oidText + ": Value out of range (" + valueText + ")");
      }
    }
    try {
      Value value = type.equals("o") ? new ObjectIdentifier(names.readValue(oidText, valueText)) : SetCommand.value(type, text);
      return new VarBind(oid, value);
    } catch (SetCommand.BadValue e) {
      throw new SnmpOptions.Refused(oidText + ": " + e.getMessage());
    }
  }

  /** OIDs or names from the command line, as Net-SNMP reads them; unknown ones are refused with its words. */
  List<Oid> oids(List<String> texts) {
    synchronized (names) { // several agents' threads share the names (FanOut)
      return names.read(texts);
    }
  }

  /**
   * The help options of the commands that stand for a Net-SNMP tool: {@code --help} prints ours on standard
   * output (exit 0); {@code -h} prints the tool's "USAGE:" line and ours on standard error with exit code 1,
   * as the tool's {@code -h} does; {@code -V}/{@code --version} print our version (exit 0); {@code -H} says
   * there are no configuration directives.
   */
  static final class HelpOptions {
    @Option(names = "--help", usageHelp = true, description = "Show this help on standard output and exit.")
    boolean help;

    @Option(names = "-h", help = true, description = "As Net-SNMP's -h: the usage on standard error, exit code 1.")
    boolean netSnmpHelp;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = "-H", help = true, description = "As Net-SNMP's -H (configuration directives): there are none.")
    boolean directives;
  }
}
