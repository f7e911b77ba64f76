package dev.puresnmp.mib;

import dev.puresnmp.SnmpException;
import java.util.List;
import java.util.Optional;

/**
 * A MIB module that cannot be read, or a name that the loaded MIB does not know. When the problem is in
 * a file, the message starts with where, as compilers print it: {@code IF-MIB.txt:123:5: expected '::='
 * after OBJECT-TYPE clauses, found 'STATUS'}; {@link #file}, {@link #line} and {@link #column} hold the
 * same facts, {@link #reason} the rest. {@link #kind} and {@link #subjects} say what a loading problem is
 * about, for those who report it in other words (the CLI prints Net-SNMP's).
 *
 * <pre>{@code
 * try {
 *   Mib mib = Mib.builder().path(dir).load("VENDOR-MIB").build();
 * } catch (MibException e) {
 *   System.err.println(e.getMessage());   // VENDOR-MIB.txt:40:3: expected ...
 * }
 * for (MibException p : Mib.builder().path(dir).lenient(true).load("VENDOR-MIB").build().problems()) {
 *   if (p.kind() == MibException.Kind.MODULE_NOT_FOUND) {
 *     System.err.println("missing " + p.subjects().get(0) + " at " + p.path().orElse("(none)") + ":" + p.line());
 *   }
 * }
 * }</pre>
 */
public final class MibException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;
  private final Kind kind;
  private final String path;
  private final List<String> subjects;

  /** What went wrong, for callers that report problems in their own words (the CLI prints Net-SNMP's). */
  public enum Kind {
    /** The text does not parse, or anything not listed here. */
    OTHER,
    /** A module to load or import is on no file of the path: {@link #subjects} = [module]. */
    MODULE_NOT_FOUND,
    /** An imported symbol its module does not define: {@link #subjects} = [symbol, module imported from], or [symbol] when that module was not found. */
    SYMBOL_NOT_FOUND,
    /**
     * An OID value whose parent is neither defined nor imported by its module when the module is linked (it
     * may still be linked to a node of that name later): {@link #subjects} = [module, label, parent, arc].
     */
    UNLINKED,
    /** An OID value that was never linked, reported once all modules are loaded; subjects as {@link #UNLINKED}. */
    NOT_ADOPTED,
    /** Modules that import one another in a loop: {@link #subjects} = the modules of the loop. */
    IMPORT_CYCLE
  }

  /** A problem at a place in a file; {@code file} is the name shown (the file's name, or a module's). */
  public MibException(String file, int line, int column, String reason) {
    this(file, line, column, reason, Kind.OTHER, null, List.of());
  }

  /** A problem with no place in a file: an unknown name, a module not on the path. */
  public MibException(String reason) {
    this(null, 0, 0, reason, Kind.OTHER, null, List.of());
  }

  /**
   * A problem of a known kind; {@code path} is the file as found on the search path ("dir/IF-MIB.txt"), null
   * when there is none.
   */
  MibException(String file, int line, int column, String reason, Kind kind, String path, List<String> subjects) {
    super(file == null ? reason : placed(file, line, column, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.kind = kind;
    this.path = path;
    this.subjects = List.copyOf(subjects);
  }

  /**
   * "IF-MIB.txt:123:5: reason", built without {@code +}: a JVM's first string concatenation of a shape costs
   * 5-9 ms cold, and every command that loads Net-SNMP's files makes one of these.
   */
  private static String placed(String file, int line, int column, String reason) {
    return new StringBuilder(file.length() + reason.length() + 16).append(file).append(':').append(line).append(':')
        .append(column).append(": ").append(reason).toString();
  }

  /** This problem, found in the file at {@code path} as the search path spells it. */
  MibException at(String path) {
    return new MibException(file, line, column, reason, kind, path, subjects);
  }

  /** The kind of problem; {@link Kind#OTHER} for syntax errors and unknown names. */
  public Kind kind() {
    return kind;
  }

  /** The file as found on the search path ("/usr/share/snmp/mibs/IF-MIB.txt"), when the problem is in one. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** The names the problem is about, as {@link Kind} lists them for each kind; empty for {@link Kind#OTHER}. */
  public List<String> subjects() {
    return subjects;
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
