package dev.puresnmp.cli;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code puresnmp completion bash}: prints a script that completes the commands, their options and the
 * values of enumerated options, made from the command model by picocli's {@link AutoComplete}, so it is
 * never out of date. The script is for bash, and zsh runs it through its bashcompinit.
 *
 * <pre>
 * source &lt;(puresnmp completion bash)      # in ~/.bashrc
 * source &lt;(puresnmp completion zsh)       # in ~/.zshrc
 * </pre>
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script for bash or zsh.",
      "bash: add  source <(puresnmp completion bash)  to ~/.bashrc",
      "zsh:  add  source <(puresnmp completion zsh)   to ~/.zshrc"
    })
final class CompletionCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SHELL", description = "bash or zsh", completionCandidates = Shells.class)
  String shell;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new ParameterException(spec.commandLine(), "expected bash or zsh but was '" + shell + "'");
    }
    // one script for both: picocli's starts zsh's bashcompinit when zsh runs it; made from the model of
    // every command (a run builds only the command it names)
    CommandLine all = Main.commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash(all.getCommandName(), all));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The shells, for completing this command's own argument. */
  static final class Shells implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("bash", "zsh").iterator();
    }
  }
}
