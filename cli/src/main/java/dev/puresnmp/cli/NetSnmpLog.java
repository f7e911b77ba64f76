package dev.puresnmp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where the messages Net-SNMP logs go (what loading MIB modules finds: "MIB search path: …" and "Cannot
 * find module" at priority err, "Did not find …" and "Unlinked OID …" at warning), as the tools' {@code
 * -L} sets it: {@code e} standard error (the default), {@code o} standard output, {@code f FILE} a file
 * (written anew), {@code n} nowhere, {@code s FACILITY} syslog; in capitals with a priority first, that
 * priority and more urgent ones ({@code -LE 3}, {@code -LE w}), or a range ({@code -LO 3-4}). Several
 * {@code -L} add destinations; {@code n} drops those before it. Syslog cannot be reached from Java 17 (it
 * has no datagram Unix sockets): what goes there is dropped, as with {@code n}.
 *
 * <pre>{@code
 * NetSnmpLog log = NetSnmpLog.of(List.of("o"), out, err);   // -Lo
 * log.log(NetSnmpLog.ERR, "MIB search path: /usr/share/snmp/mibs");
 * }</pre>
 */
final class NetSnmpLog {
  /** syslog's priorities, as Net-SNMP's messages carry them. */
  static final int ERR = 3;
  static final int WARNING = 4;
  private static final int DEBUG = 7;

  /** One destination: where, and the priorities it takes, {@code low} (most urgent) to {@code high}. */
  private record Destination(char kind, int low, int high, PrintWriter to) {}

  private final List<Destination> destinations;

  private NetSnmpLog(List<Destination> destinations) {
    this.destinations = destinations;
  }

  /** Everything on {@code err}: no {@code -L}. */
  static NetSnmpLog toStderr(PrintWriter err) {
    return new NetSnmpLog(List.of(new Destination('e', 0, DEBUG, err)));
  }

  /**
   * The destinations of the -L words as {@link Joined} keeps them ("e", "O 3-4", "f /tmp/x.log"); none:
   * standard error. A log file that cannot be opened is said so on {@code err} and dropped (Net-SNMP drops
   * it silently).
   */
  static NetSnmpLog of(List<String> words, PrintWriter out, PrintWriter err) {
    if (words.isEmpty()) {
      return toStderr(err);
    }
    List<Destination> all = new ArrayList<>();
    for (String w : words) {
      char kind = w.charAt(0);
      String[] parts = w.substring(1).strip().split(" ", 2);
      int[] range = Character.isUpperCase(kind) ? priorities(parts[0]) : new int[] {0, DEBUG};
      String target = Character.isUpperCase(kind) ? (parts.length > 1 ? parts[1] : "") : w.substring(1).strip();
      switch (Character.toLowerCase(kind)) {
        case 'e' -> all.add(new Destination('e', range[0], range[1], err));
        case 'o' -> all.add(new Destination('o', range[0], range[1], out));
        case 'f' -> {
          try {
            all.add(new Destination('f', range[0], range[1], file(target)));
          } catch (IOException e) {
            err.println("puresnmp: cannot open the log file " + target + " (" + e.getMessage() + "): its messages are dropped");
          }
        }
        case 's' -> all.add(new Destination('s', range[0], range[1], null));
        default -> { // n: nothing so far, and nowhere for these priorities
          all.clear();
          all.add(new Destination('n', range[0], range[1], null));
        }
      }
    }
    return new NetSnmpLog(List.copyOf(all));
  }

  private static PrintWriter file(String path) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), true);
  }

  /** "3" (that and more urgent: 0 to 3), "3-5" or "5-3" (3 to 5), letters too ("w", "e-w"). */
  private static int[] priorities(String spec) {
    int first = priority(spec.charAt(0));
    if (spec.length() > 2 && spec.charAt(1) == '-') {
      int second = priority(spec.charAt(2));
      return new int[] {Math.min(first, second), Math.max(first, second)};
    }
    return new int[] {0, first};
  }

  /** decode_priority's digits and letters; -1 for anything else. */
  static int priority(char c) {
    int digit = "01234567".indexOf(c);
    return digit >= 0 ? digit : "!acewnid".indexOf(Character.toLowerCase(c));
  }

  /** Logs {@code line} at {@code priority} ({@link #ERR}, {@link #WARNING}) wherever -L sends it. */
  void log(int priority, String line) {
    for (Destination d : destinations) {
      if (d.to != null && priority >= d.low && priority <= d.high) {
        d.to.println(line);
        d.to.flush();
      }
    }
  }

  /** Closes the log files. */
  void close() {
    for (Destination d : destinations) {
      if (d.kind == 'f') {
        d.to.close();
      }
    }
  }

  /**
   * Picocli's reader of one -L, as Net-SNMP's snmp_log_options reads it: the first letter says where; {@code
   * f} and {@code s} take the rest of the word or the next word, {@code E O N} a priority from there, {@code
   * F S} a priority and then a file or facility. Kept as "LETTER[PRIORITY][ TARGET]" for {@link #of}; what
   * the tool refuses is refused in its words.
   */
  static final class Joined implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      if (args.isEmpty()) {
        throw new ParameterException(commandSpec.commandLine(), "Missing required parameter for option '-L' (LOGOPTS)");
      }
      String word = args.pop();
      char kind = word.charAt(0);
      String rest = word.substring(1).replaceFirst("^=", "").strip();
      String kept;
      switch (kind) {
        case 'e', 'o', 'n' -> kept = String.valueOf(kind);
        case 'f', 's' -> kept = kind + " " + target(kind, rest.isEmpty() ? next(args) : rest, commandSpec);
        case 'E', 'O', 'N', 'F', 'S' -> {
          String spec = rest.isEmpty() ? next(args) : rest;
          if (spec == null) {
            throw new ParameterException(commandSpec.commandLine(), ""); // the tool prints its usage alone
          }
          boolean range = spec.length() > 1 && spec.charAt(1) == '-';
          int used = range ? 3 : 1;
          for (int i = 0; i < used; i += 2) {
            if (i >= spec.length() || priority(spec.charAt(i)) < 0) {
              throw new ParameterException(commandSpec.commandLine(), "invalid priority: " + (i < spec.length() ? spec.charAt(i) : ""));
            }
          }
          kept = kind + spec.substring(0, used);
          if (kind == 'F' || kind == 'S') {
            String after = spec.substring(used).strip();
            kept += " " + target(kind, after.isEmpty() ? next(args) : after, commandSpec);
          }
        }
        default -> throw new ParameterException(commandSpec.commandLine(), "Unknown logging option passed to -L: " + kind + ".");
      }
      List<String> words = argSpec.getValue();
      List<String> all = words == null ? new ArrayList<>() : new ArrayList<>(words);
      all.add(kept);
      argSpec.setValue(all);
    }

    private static String next(Stack<String> args) {
      return args.isEmpty() ? null : args.pop();
    }

    /** A log file, or a syslog facility as decode_facility takes it (d, u, 0 to 7). */
    private static String target(char kind, String value, CommandSpec commandSpec) {
      boolean file = Character.toLowerCase(kind) == 'f';
      if (value == null) {
        throw new ParameterException(commandSpec.commandLine(), file ? "Missing log file" : "Missing syslog facility");
      }
      if (!file && "dDuU01234567".indexOf(value.charAt(0)) < 0) {
        throw new ParameterException(commandSpec.commandLine(), "invalid syslog facility: " + value.charAt(0));
      }
      return value;
    }
  }
}
