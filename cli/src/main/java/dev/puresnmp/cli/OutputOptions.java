package dev.puresnmp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What the SNMP commands print and to how many agents they speak: {@code --json} (one object per
 * varbind, per table row, per error: {@link VarBindJson}), and more agents than the positional AGENT
 * ({@code --agent HOST}, repeatable; {@code --agents FILE}, one a line) queried at once ({@link FanOut}).
 *
 * <pre>{@code
 * puresnmp get --json 127.0.0.1:1161 sysName.0
 * puresnmp walk --agent 127.0.0.1:1162 --agents more.txt --parallel 16 127.0.0.1:1161 system
 * }</pre>
 */
final class OutputOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object per varbind (per row for table), errors as one object on stderr.")
  boolean json;

  @Option(names = "--agent", paramLabel = "HOST", description = "Another agent to query besides AGENT (get, walk, bulkwalk); repeatable.")
  List<String> more = new ArrayList<>();

  @Option(names = {"--agents", "-f"}, paramLabel = "FILE", description = "More agents, one a line ('#' lines and blank lines skipped).")
  Path agentsFile;

  @Option(names = "--parallel", paramLabel = "N", description = "Agents queried at once with several agents (default 64).")
  int parallel = 64;

  @Option(names = "--quiet", description = "No progress on stderr during a walk or table (shown only when stderr is a terminal).")
  boolean quiet;

  /** AGENT, then the --agent ones, then the file's, each once, in that order. */
  List<String> agents(String first) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(more);
    if (agentsFile != null) {
      try {
        for (String line : Files.readAllLines(agentsFile)) {
          String agent = line.strip();
          if (!agent.isEmpty() && !agent.startsWith("#")) {
            all.add(agent);
          }
        }
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read --agents " + agentsFile + ": " + e.getMessage());
      }
    }
    if (parallel < 1) {
      throw new ParameterException(spec.commandLine(), "--parallel must be 1 or more");
    }
    return all.stream().distinct().toList();
  }
}
