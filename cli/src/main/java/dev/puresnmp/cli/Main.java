package dev.puresnmp.cli;

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
    description = "A pure-Java SNMP toolkit.",
    subcommands = {
      DemoCommand.class,
      GetCommand.class,
      GetNextCommand.class,
      WalkCommand.class,
      BulkWalkCommand.class,
      BulkGetCommand.class,
      SetCommand.class,
      TrapCommand.class,
      InformCommand.class,
      ListenCommand.class,
      TableCommand.class,
      SimCommand.class,
      DecodeCommand.class,
      TranslateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code: 0 success, 1 SNMP error, 2 usage or input error. */
  public static int run(String... args) {
    return execute(commandLine(), args);
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

  /** The configured command line, for {@link #run} and for tests that capture its output. */
  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExitCodeExceptionMapper(e -> 2)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(Main::failure);
  }

  /** A usage error: one line and where to find help, exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
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
