package dev.puresnmp.sim;

import java.util.Objects;

/**
 * A line of a recording that was not served as written: an error (the line was skipped) or a warning
 * (served, but not everything on it was understood, e.g. a variation module we do not support).
 *
 * <pre>{@code
 * Recording r = RecordingReader.lenient().read(Path.of("cisco-3750.snmprec"));
 * r.problems().forEach(p -> System.err.println(p));   // cisco-3750.snmprec:12: error: ...
 * }</pre>
 */
public record RecordingProblem(String source, int line, Severity severity, String message) {
  /** How bad a problem is. */
  public enum Severity {
    /** The line was served, with something on it ignored. */
    WARNING,
    /** The line was not served. */
    ERROR
  }

  public RecordingProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** "dev.snmprec:12: error: no '|' between OID and tag", as compilers print it. */
  @Override
  public String toString() {
    return source + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
