package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.mib.FormatOptions;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.security.SecurityLevel;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every SNMP command shares, spelled as Net-SNMP's tools spell them: {@code -v 1|2c|3} (also
 * {@code -v2c}), {@code -c COMMUNITY}; SNMPv3's {@code -u USER -l LEVEL -a PROTOCOL -A PASSPHRASE -x
 * PROTOCOL -X PASSPHRASE -n CONTEXT -e ENGINE-ID -E ENGINE-ID} with Net-SNMP's defaults (noAuthNoPriv, MD5, DES); {@code -t
 * SECONDS}, {@code -r RETRIES}, {@code -Cr50}/{@code -Cn1}/{@code -Cc}; {@code -m MODULES}, {@code -M
 * DIRS} and the {@code -O} letters for names ({@link OidNames}).
 */
final class SnmpOptions {
  @Spec(Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "-v", paramLabel = "1|2c|3", description = "SNMP version: 1, 2c or 3 (default 2c).")
  String version = "2c";

  @Option(names = "-c", paramLabel = "COMMUNITY", description = "Community (default public).")
  String community = "public";

  @Option(names = "-u", paramLabel = "USER-NAME", description = "SNMPv3 security name (user).")
  String user;

  @Option(names = "-l", paramLabel = "LEVEL", description = "SNMPv3 security level: noAuthNoPriv (default), authNoPriv or authPriv.")
  String level = "noAuthNoPriv";

  @Mixin PassPhraseOptions passPhrases;

  @Option(names = "-n", paramLabel = "CONTEXT", description = "SNMPv3 context name (default: the default context).")
  String contextName = "";

  @Option(names = "-e", paramLabel = "ENGINE-ID", description = "SNMPv3 security engine ID, hex (e.g. 800000020109840301): no discovery.")
  String engineId;

  @Option(names = "-E", paramLabel = "ENGINE-ID", description = "SNMPv3 context engine ID, hex (default: the agent's).")
  String contextEngineId;

  @Option(names = "-Z", paramLabel = "BOOTS,TIME",
      description = "SNMPv3 engine boots and time of the agent, as Net-SNMP's: checked, then learnt from the agent all the same.")
  String engineBootsTime;

  @Option(names = "-T", paramLabel = "NAME=VALUE", description = "Transport configuration, as Net-SNMP's: UDP takes none (refused as there).")
  List<String> transportOptions = new ArrayList<>();

  @Option(names = "-Y", paramLabel = "DIRECTIVE", description = "An snmp.conf directive, as Net-SNMP's: refused (puresnmp reads no snmp.conf).")
  List<String> directives = new ArrayList<>();

  @Option(names = "-t", paramLabel = "SECONDS", description = "Timeout of each attempt in seconds, fractions allowed (default 1).")
  double timeoutSeconds = 1;

  @Option(names = "-r", paramLabel = "RETRIES", description = "Retries after the first attempt (default 5).")
  int retries = 5;

  @Option(names = "--adaptive-timeout", description = "Wait what the agent's measured round trip says before each resend (RFC 6298), at most -t, instead of all of -t: on a lossy link a lost packet then costs about a round trip.")
  boolean adaptiveTimeout;

  @Option(names = "-C", paramLabel = "FLAGS", parameterConsumer = AppFlags.class,
      description = "Application flags, as Net-SNMP's: get, getnext f (no retry without the failed OID); set q (quiet); "
          + "walk c (no increase check), i (get the OID first), I (no GET when nothing was found), p (count), t (time), T (each request's time), E OID (end); "
          + "bulkwalk c, i, p, nN, rN; bulkget nN non-repeaters, rN max-repetitions.")
  List<String> appFlags = new ArrayList<>();

  /** The OID after -CE (walk): where the walk ends. */
  String endOid;

  @Option(names = "-D", paramLabel = "TOKENS", arity = "0..1", fallbackValue = "ALL",
      description = "Net-SNMP's debugging tokens: accepted and ignored, with a note on standard error.")
  String debugTokens;

  @Option(names = "-d", description = "Dump every packet sent and received, as Net-SNMP's -d does.")
  boolean dump;

  @Option(names = "-O", paramLabel = "OUTOPTS", parameterConsumer = OidNames.OutputWords.class,
      description = "Output, as Net-SNMP's: S MODULE::name (default), s name, f full, n numeric, u UCD-style OIDs; b indexes as numbers, X indexes in brackets, "
          + "E string indexes in escaped quotes; e enums as numbers, q quick, Q quick with =, v values only, U no units, t TimeTicks as numbers, "
          + "x strings as hex, a strings as text, T text beside hex, 0 two hex digits a byte, p PRECISION floats as printf's %%PRECISIONf.")
  List<String> outputOptions = new ArrayList<>();

  @Option(names = "-I", paramLabel = "INOPTS", parameterConsumer = InputOptions.Joined.class,
      description = "Input, as Net-SNMP's: R random access only, b best match (a regular expression), u names below mib-2 first, "
          + "h no display hints, r no value checks, s SUFFIX and S PREFIX added to every OID.")
  List<String> inputOptions = new ArrayList<>();

  @Mixin MibOptions mibOptions;

  @Option(names = "-L", paramLabel = "LOGOPTS", parameterConsumer = NetSnmpLog.Joined.class,
      description = "Where what loading MIBs finds is logged, as Net-SNMP's: e stderr (default), o stdout, n nowhere, f FILE, "
          + "s FACILITY (syslog: dropped); E, O, N, F, S with a priority first: -LE 3, -LO 3-4.")
  List<String> logOptions = new ArrayList<>();

  /** The -L destinations, made by {@link #names}; closed by {@link #stopClients}. */
  private NetSnmpLog log;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  Credentials credentials() {
    level(spec.commandLine(), level); // Net-SNMP refuses a bad -l whatever the version
    switch (version) {
      case "1":
        return Credentials.v1(community);
      case "2c":
      case "2":
        return Credentials.v2c(community);
      case "3":
        return v3();
      default:
        throw new ParameterException(spec.commandLine(), "Invalid version specified after -v flag: " + version);
    }
  }

  /**
   * The MIB modules of -m/-M ({@link MibOptions#loadForCommands}), the -O letters and the -I options; what loading
   * reports goes to {@code err}, as Net-SNMP prints it.
   */
  OidNames names(java.io.PrintWriter err) {
    String letters = OidNames.letters(outputOptions);
    int precisionAt = letters.indexOf('p');
    for (char c : (precisionAt < 0 ? letters : letters.substring(0, precisionAt)).toCharArray()) {
      if ("SfsnubXeqQvUtxaT0E".indexOf(c) < 0) {
        throw new Refused("Unknown output option passed to -O: " + c + ".", "Try '" + spec.qualifiedName() + " --help' for more.");
      }
    }
    try {
      FormatOptions.netSnmp(letters);
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage()); // a precision that is no printf width and precision
    }
    Character parserOption = mibOptions.unknownParserOption();
    if (parserOption != null) {
      throw new Refused("Unknown parsing option passed to -P: " + parserOption + ".", "Try '" + spec.qualifiedName() + " --help' for more.");
    }
    InputOptions input;
    try {
      input = InputOptions.parse(inputOptions);
    } catch (InputOptions.UnknownLetter e) {
      throw new Refused(e.getMessage(), "Try '" + spec.qualifiedName() + " --help' for more.");
    }
    log = NetSnmpLog.of(logOptions, spec.commandLine().getOut(), err);
    return new OidNames(mibOptions.loadForCommands(log), letters, input);
  }

  /** The SNMPv3 user the flags describe; what Net-SNMP refuses is refused with its words. */
  private Credentials.V3 v3() {
    SecurityLevel l = level(spec.commandLine(), level);
    if (user == null) {
      throw new Refused(tool() + ": No securityName specified");
    }
    Credentials.V3.Key authKey = passPhrases.authKey(spec.commandLine());
    Credentials.V3.Key privKey = passPhrases.privKey(spec.commandLine());
    Credentials.V3 v3 = Credentials.v3(user);
    if (l == SecurityLevel.NO_AUTH_NO_PRIV) {
      return v3;
    }
    AuthProtocol auth = authProtocol(spec.commandLine(), passPhrases.authProtocol);
    if (authKey != null) {
      v3 = v3.auth(auth, authKey);
    } else if (passPhrases.authPassPhrase == null) {
      throw new Refused(tool() + ": USM authentication failure (incorrect password or key)");
    } else {
      v3 = v3.auth(auth, requireLongEnough(passPhrases.authPassPhrase, "authentication"));
    }
    if (l == SecurityLevel.AUTH_NO_PRIV) {
      return v3;
    }
    PrivProtocol priv = privProtocol(spec.commandLine(), passPhrases.privProtocol);
    if (privKey != null) {
      try {
        return v3.priv(priv, privKey);
      } catch (IllegalArgumentException tooShort) {
        throw new Refused(tool() + ": USM encryption error"); // Net-SNMP's words when its cipher gets too short a key
      }
    }
    if (passPhrases.privPassPhrase == null) {
      throw new Refused(tool() + ": USM generic error");
    }
    return v3.priv(priv, requireLongEnough(passPhrases.privPassPhrase, "privacy"));
  }

  /** {@code -l}'s level, or Net-SNMP's words for a bad one. */
  static SecurityLevel level(CommandLine cl, String text) {
    try {
      return SecurityLevel.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "Invalid security level specified after -3l flag: " + text);
    }
  }

  /** {@code -a}'s protocol by Net-SNMP's name (MD5, SHA, SHA-224 … SHA-512), or Net-SNMP's words for a bad one. */
  static AuthProtocol authProtocol(CommandLine cl, String name) {
    try {
      return AuthProtocol.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "Invalid authentication protocol specified after -3a flag: " + name);
    }
  }

  /** {@code -x}'s protocol by Net-SNMP's name (DES, AES, AES-192 …), or Net-SNMP's words for a bad one. */
  static PrivProtocol privProtocol(CommandLine cl, String name) {
    try {
      return PrivProtocol.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "Invalid privacy protocol specified after -3x flag: " + name);
    }
  }

  /** Net-SNMP's three lines for a pass phrase below USM's 8 characters. */
  private String requireLongEnough(String passPhrase, String which) {
    if (passPhrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 8) {
      throw new Refused(
          "Error: passphrase chosen is below the length requirements of the USM (min=8).",
          tool() + ":  (The supplied password length is too short.)",
          "Error generating a key (Ku) from the supplied " + which + " pass phrase. ");
    }
    return passPhrase;
  }

  /** The Net-SNMP tool this command stands for, as its messages name it: "snmpget", "snmpbulkwalk". */
  String tool() {
    return "snmp" + spec.commandLine().getCommandName();
  }

  /** What Net-SNMP refuses before sending anything: the lines it prints, exit code 1. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final List<String> lines;

    Refused(String... lines) {
      super(lines[0], null, false, false);
      this.lines = List.of(lines);
    }
  }

  /** "host", "host:port", "udp:host:port", "udp6:[::1]:port", "[::1]:port", "::1". */
  static Endpoint agent(String text) {
    return agent(text, 161);
  }

  static Endpoint agent(String text, int defaultPort) {
    String s = text;
    if (s.startsWith("udp6:")) {
      s = s.substring(5);
    } else if (s.startsWith("udp:")) {
      s = s.substring(4);
    } else if (s.startsWith("tcp:") || s.startsWith("tcp6:")) {
      throw new IllegalArgumentException("only UDP agents are supported, not " + text);
    }
    return Endpoint.parse(s, defaultPort);
  }

  int flag(char name, int otherwise) {
    for (String f : appFlags) {
      if (!f.isEmpty() && f.charAt(0) == name && f.length() > 1) {
        try {
          return Integer.parseInt(f.substring(1));
        } catch (NumberFormatException e) {
          throw new ParameterException(spec.commandLine(), "not a number in -C" + f);
        }
      }
    }
    return otherwise;
  }

  /** Whether a -C word has the letter {@code name} (not counting the digits of -CrN and -CnN). */
  boolean hasFlag(char name) {
    return appFlags.stream().anyMatch(f -> f.replaceAll("[0-9]+", "").indexOf(name) >= 0);
  }

  /** The -C letters each tool knows (their optProc); the letters that take a number are n and r. */
  private static String knownFlags(String command) {
    return switch (command) {
      case "get", "getnext" -> "f";
      case "set" -> "q";
      case "walk" -> "iIpctTE";
      case "bulkwalk" -> "cinrp";
      case "bulkget" -> "nr";
      default -> null; // table reads its own (TableCommand.SeparateValues)
    };
  }

  /** Refuses a -C letter the tool does not know, with its words and exit code 1; notes that -D is ignored. */
  void checkFlags(java.io.PrintWriter err) {
    if (debugTokens != null) {
      err.println("puresnmp: -D debugging tokens are not supported; ignored");
    }
    if (engineBootsTime != null) {
      checkBootsAndTime(engineBootsTime);
    }
    for (String t : transportOptions) {
      if (t.indexOf('=') < 0) {
        throw new ParameterException(spec.commandLine(), "-T expects a NAME=VALUE pair.");
      }
    }
    if (!directives.isEmpty()) {
      throw new Refused("puresnmp: -Y " + directives.get(0) + ": snmp.conf directives are not supported (puresnmp reads no snmp.conf)");
    }
    String known = knownFlags(spec.name());
    if (known == null) {
      return;
    }
    for (String f : appFlags) {
      if (f.matches(".*[nr]([^0-9].*)?") && known.contains("n")) {
        throw new ParameterException(spec.commandLine(), ""); // -Cn, -Cr without a number: the tool prints its usage alone
      }
      for (char c : f.replaceAll("(?<=[nr])[0-9]+", "").toCharArray()) {
        if (known.indexOf(c) < 0) {
          throw new Refused("Unknown flag passed to -C: " + c);
        }
      }
    }
  }

  /** -Z's "BOOTS,TIME" as snmpv3_parse_arg reads it (numbers, a comma between), or its words for what it refuses. */
  private void checkBootsAndTime(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*\\+?(\\d+)(.*)", java.util.regex.Pattern.DOTALL).matcher(text);
    if (!m.matches()) {
      throw new ParameterException(spec.commandLine(), "Need engine boots value after -3Z flag.");
    }
    String rest = m.group(2);
    if (!rest.startsWith(",")) {
      throw new ParameterException(spec.commandLine(), "Need engine time after \"-Z engineBoot\".");
    }
    if (!rest.substring(1).matches("\\s*\\+?\\d+.*")) {
      throw new ParameterException(spec.commandLine(), "Need engine time after \"-3Z engineBoot,\".");
    }
  }

  /** -C as Net-SNMP's getopt hands it over: one word of letters; E takes the next word too (snmpwalk's end OID). */
  static final class AppFlags implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(java.util.Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec commandSpec) {
      if (args.isEmpty()) {
        throw new ParameterException(commandSpec.commandLine(), "Missing required parameter for option '-C' (FLAGS)");
      }
      String letters = args.pop();
      List<String> flags = argSpec.getValue();
      flags.add(letters);
      if (letters.indexOf('E') >= 0 && commandSpec.name().equals("walk")) {
        if (args.isEmpty()) {
          throw new ParameterException(commandSpec.commandLine(), "-CE needs an OID");
        }
        ((SnmpCommand) commandSpec.userObject()).options.endOid = args.pop();
      }
    }
  }

  /** The clients' manager, started by the first client: one per run, stopped by {@link Main#execute}. */
  private SnmpManager manager;

  SnmpClient client(String agentText) {
    return client(agentText, 161);
  }

  /** The client of {@code agentText}, whose port is {@code defaultPort} unless it names one (162 for notifications). */
  SnmpClient client(String agentText, int defaultPort) {
    if (!(timeoutSeconds > 0)) {
      throw new ParameterException(spec.commandLine(), "-t must be positive");
    }
    if (retries < 0) {
      throw new ParameterException(spec.commandLine(), "-r must be 0 or more");
    }
    if (!transportOptions.isEmpty()) {
      throw new Refused(tool() + ": Configuration data found but the transport can't be configured"); // UDP takes none
    }
    Endpoint endpoint;
    try {
      endpoint = agent(agentText, defaultPort);
    } catch (IllegalArgumentException e) {
      String why = String.valueOf(e.getMessage());
      if (why.startsWith("only UDP")) {
        throw new ParameterException(spec.commandLine(), why);
      }
      // Net-SNMP's words; for what does not parse (a bad port, a lone '[') it adds the errno its parser left
      throw new Refused(tool() + ": Unknown host (" + agentText + ")" + (why.startsWith("unknown host") ? "" : " (No such file or directory)"));
    }
    SnmpManager manager = manager();
    SnmpClient.Builder b = SnmpClient.builder(endpoint, credentials())
        .manager(manager)
        .timeout(Duration.ofNanos((long) (timeoutSeconds * 1e9)))
        .retries(retries)
        .adaptiveTimeout(adaptiveTimeout)
        .maxRepetitions(Math.max(1, flag('r', SnmpClient.DEFAULT_MAX_REPETITIONS)))
        .lenientWalks(hasFlag('c'))
        .contextName(contextName);
    if (dump) {
      b.sender(new PacketDump(manager.transport(), spec.commandLine().getErr()));
    }
    if (engineId != null) {
      b.engineId(engineIdFlag(engineId, 'e'));
    }
    if (contextEngineId != null) {
      b.contextEngineId(engineIdFlag(contextEngineId, 'E'));
    }
    return b.build();
  }

  /** The run's one manager, started by the first client (several agents' threads may ask at once). */
  private synchronized SnmpManager manager() {
    if (manager == null) {
      manager = SnmpManager.builder().build();
    }
    return manager;
  }

  /** Stops the manager of this command's clients (its thread and sockets), if one was started. */
  synchronized void stopClients() {
    if (manager != null) {
      manager.close();
    }
    if (log != null) {
      log.close();
    }
  }

  private Bytes engineIdFlag(String text, char flag) {
    return engineId(spec.commandLine(), text, "-3" + flag + " flag");
  }

  /** An engine ID as Net-SNMP takes it: hex, "0x" in front or not, 1 to 32 octets; {@code where} names the flag. */
  static Bytes engineId(CommandLine cl, String text, String where) {
    String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    try {
      Bytes id = Bytes.decodeHex(hex);
      if (id.size() > 0 && id.size() <= 32) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // below: Net-SNMP's words
    }
    throw new ParameterException(cl, "Bad engine ID value after " + where + ".");
  }
}
