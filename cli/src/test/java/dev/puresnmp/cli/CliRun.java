package dev.puresnmp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line with its output captured. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    return of(new StringWriter(), args);
  }

  /** As {@link #of(String...)}, with standard error written to {@code err} as it comes (for a command still running). */
  static CliRun of(StringWriter err, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = Main.execute(cli, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
