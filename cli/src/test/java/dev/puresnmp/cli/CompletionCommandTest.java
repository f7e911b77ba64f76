package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashCompletesTheCommandNamesFromTheScript() throws Exception {
    assertThat(complete("puresnmp bulk")).containsExactlyInAnyOrder("bulkwalk", "bulkget");
  }

  @Test
  void bashCompletesTheOptionsOfACommand() throws Exception {
    assertThat(complete("puresnmp listen --js")).containsExactly("--json");
  }

  @Test
  void theScriptCompletesItsOwnShellArgument() throws Exception {
    assertThat(complete("puresnmp completion z")).containsExactly("zsh");
  }

  @Test
  void zshGetsTheScriptThatStartsItsBashCompatibility() {
    CliRun run = CliRun.of("completion", "zsh");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("bashcompinit").contains("complete -F _complete_puresnmp");
  }

  @Test
  void anotherShellIsAUsageError() {
    CliRun run = CliRun.of("completion", "fish");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected bash or zsh but was 'fish'");
  }

  /** What bash offers for the last word of {@code line}, with the script sourced as a user would. */
  private String[] complete(String line) throws IOException, InterruptedException {
    CliRun run = CliRun.of("completion", "bash");
    assertThat(run.exitCode()).isZero();
    Path script = Files.writeString(dir.resolve("puresnmp.bash"), run.out());
    String words = line.endsWith(" ") ? line + "''" : line;
    String probe = "source '" + script + "'\n"
        + "COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
        + "_complete_puresnmp\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    // stderr dropped: outside a real completion, bash's compopt complains that it is not in one
    Process bash = new ProcessBuilder("bash", "-c", probe).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(out).isZero();
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }
}
