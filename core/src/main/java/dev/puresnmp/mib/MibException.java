package dev.puresnmp.mib;

import dev.puresnmp.SnmpException;
import java.util.Optional;

/**
 * A MIB module that cannot be read, or a name that the loaded MIB does not know. When the problem is in
 * a file, the message starts with where, as compilers print it: {@code IF-MIB.txt:123:5: expected '::='
 * after OBJECT-TYPE clauses, found 'STATUS'}; {@link #file}, {@link #line} and {@link #column} hold the
 * same facts, {@link #reason} the rest.
 *
 * <pre>{@code
 * try {
 *   Mib mib = Mib.builder().path(dir).load("VENDOR-MIB").build();
 * } catch (MibException e) {
 *   System.err.println(e.getMessage());   // VENDOR-MIB.txt:40:3: expected ...
 * }
 * }</pre>
 */
public final class MibException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  /** A problem at a place in a file; {@code file} is the name shown (the file's name, or a module's). */
  public MibException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** A problem with no place in a file: an unknown name, a module not on the path. */
  public MibException(String reason) {
    super(reason);
    this.file = null;
    this.line = 0;
    this.column = 0;
    this.reason = reason;
  }

  /** The file (or built-in module) the problem is in, if it is in one. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** 1-based line in {@link #file}; 0 when there is no file. */
  public int line() {
    return line;
  }

  /** 1-based column in {@link #file}; 0 when there is no file. */
  public int column() {
    return column;
  }

  /** The message without the place: "expected '::=' after OBJECT-TYPE clauses, found 'STATUS'". */
  public String reason() {
    return reason;
  }
}
