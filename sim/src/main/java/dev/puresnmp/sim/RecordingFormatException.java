package dev.puresnmp.sim;

import dev.puresnmp.SnmpException;
import java.util.List;

/**
 * A recording file has lines that do not parse, and the reader was strict: nothing of it is served. {@link
 * #problems()} lists every bad line (file and line number), not only the first.
 *
 * <pre>{@code
 * try {
 *   RecordingReader.strict().read(Path.of("dev.snmprec"));
 * } catch (RecordingFormatException e) {
 *   e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class RecordingFormatException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final transient List<RecordingProblem> problems;

  public RecordingFormatException(List<RecordingProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<RecordingProblem> problems) {
    if (problems.isEmpty()) {
      return "bad recording";
    }
    String first = problems.get(0).toString();
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
  }

  /** Every problem found, in file order. */
  public List<RecordingProblem> problems() {
    return problems;
  }
}
