package dev.puresnmp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code puresnmp} command: Net-SNMP style tools on the puresnmp library.
 *
 * <pre>
 * puresnmp demo
 * puresnmp decode 302902010104067075626c6963a01c...
 * </pre>
 */
@Command(
    name = "puresnmp",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A pure-Java SNMP toolkit.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The commands, in the order help lists them, each with the name its {@code @Command} gives it. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("demo", DemoCommand::new);
    COMMANDS.put("get", GetCommand::new);
    COMMANDS.put("getnext", GetNextCommand::new);
    COMMANDS.put("walk", WalkCommand::new);
    COMMANDS.put("bulkwalk", BulkWalkCommand::new);
    COMMANDS.put("bulkget", BulkGetCommand::new);
    COMMANDS.put("set", SetCommand::new);
    COMMANDS.put("trap", TrapCommand::new);
    COMMANDS.put("inform", InformCommand::new);
    COMMANDS.put("listen", ListenCommand::new);
    COMMANDS.put("table", TableCommand::new);
    COMMANDS.put("sim", SimCommand::new);
    COMMANDS.put("decode", DecodeCommand::new);
    COMMANDS.put("translate", TranslateCommand::new);
    COMMANDS.put("completion", CompletionCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage or input error; the SNMP
   * commands use their Net-SNMP tool's codes (1 usage error or timeout, 2 error in a packet).
   */
  public static int run(String... args) {
    return execute(commandLine(args.length > 0 ? args[0] : null), args);
  }

  /**
   * Runs {@code cli} on {@code args}, then stops the threads and sockets the command's clients started:
   * a thread left waiting in the kernel holds up the JVM's exit until its selector's nap ends (~100 ms).
   */
  static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } finally {
      for (CommandLine.ParseResult p = cli.getParseResult(); p != null; p = p.subcommand()) {
        if (p.commandSpec().userObject() instanceof SnmpCommand c) {
          c.options.stopClients();
        }
      }
    }
  }

  /** The configured command line with every command, for tests that capture its output. */
  static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The configured command line; when {@code first} names a command, with that one only: picocli builds
   * each command's model by reflection, which costs a short run more than its work (help, a mistyped
   * name and the rest get them all).
   */
  static CommandLine commandLine(String first) {
    CommandLine cli = new CommandLine(new Main())
        .setExitCodeExceptionMapper(e -> 2)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(Main::failure);
    if (first != null && COMMANDS.containsKey(first) && !first.equals("help")) {
      cli.addSubcommand(first, COMMANDS.get(first).get());
    } else {
      COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    return cli;
  }

  /** A usage error: one line and where to find help, exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    if (cmd.getCommand() instanceof SnmpCommand c && c.netSnmpUsage() != null) {
      return c.usageError(e); // as the Net-SNMP tool: its words and USAGE line, exit code 1
    }
    java.io.PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandName() + ": " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
    return 2;
  }

  /** A failure nobody handled: one line (the stack trace with --debug), exit code 1. */
  private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    java.io.PrintWriter err = cmd.getErr();
    // our exceptions' messages say what happened and what to check; anything else is named by its class
    err.println(cmd.getCommandName() + ": " + (e instanceof dev.puresnmp.SnmpException && e.getMessage() != null ? e.getMessage() : e));
    if (parsed.hasMatchedOption("--debug")) {
      e.printStackTrace(err);
    }
    return 1;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"puresnmp " + (v == null ? "development build" : v)};
    }
  }
}
