package dev.puresnmp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Net-SNMP's input options, {@code -I} letters, as its tools read them: {@code R} random access (a label
 * anywhere, and nothing else: not even a numeric OID), {@code b} best match (the name as a
 * case-insensitive regular expression over labels), {@code u} names read below mib-2 first, {@code h}
 * no DISPLAY-HINTs (for values printed too), {@code r} no checks of set values, {@code s SUFFIX} and
 * {@code S PREFIX} added to every OID on the command line. Letters combine ({@code -IRs .0}); after
 * {@code s} or {@code S} the rest of the word is the value, or the next word when nothing is left.
 *
 * <pre>{@code
 * InputOptions in = InputOptions.parse(List.of("Rs.0"));    // as "-IR -Is .0"
 * in.random;                                                // true
 * in.apply("sysName");                                      // "sysName.0"
 * }</pre>
 */
final class InputOptions {
  /** {@code -IR}: get_node only. */
  boolean random;
  /** {@code -Ib}: get_wild_node only (unless {@code R}, which wins, or a module name). */
  boolean best;
  /** {@code -Iu}: read below mib-2 before anything else. */
  boolean ucd;
  /** {@code -Ih}: no DISPLAY-HINTs. */
  boolean noHints;
  /** {@code -Ir}: set values are not checked against the MIB ({@link SetChecks}). */
  boolean noChecks;
  /** {@code -Is}, {@code -IS}: the last of each wins, as in Net-SNMP; empty when not given. */
  String suffix = "";
  String prefix = "";

  /** What a bad letter is refused with: Net-SNMP's first line. */
  static final class UnknownLetter extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final char letter;

    UnknownLetter(char letter) {
      super("Unknown input option passed to -I: " + letter + ".");
      this.letter = letter;
    }
  }

  /**
   * The options of the -I words as {@link Joined} keeps them.
   *
   * @throws UnknownLetter at the first letter Net-SNMP does not know
   */
  static InputOptions parse(List<String> words) {
    InputOptions in = new InputOptions();
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        switch (c) {
          case 'R' -> in.random = true;
          case 'b' -> in.best = true;
          case 'u' -> in.ucd = true;
          case 'h' -> in.noHints = true;
          case 'r' -> in.noChecks = true;
          case 's', 'S' -> {
            if (c == 's') {
              in.suffix = w.substring(i + 1);
            } else {
              in.prefix = w.substring(i + 1);
            }
            i = w.length();
          }
          default -> throw new UnknownLetter(c);
        }
      }
    }
    return in;
  }

  /**
   * What read_objid reads for {@code text} with {@code -Iu}: below mib-2 unless it starts at the top of
   * the tree or names a module ("system.sysName.0" → ".1.3.6.1.2.1.system.sysName.0").
   */
  static String belowMib2(String text) {
    return text.startsWith(".") || TranslateCommand.moduleOf(text) != null ? text : ".1.3.6.1.2.1." + text;
  }

  /** The text Net-SNMP parses for an OID given as {@code text}: with the prefix and suffix of -IS and -Is. */
  String apply(String text) {
    return prefix + text + suffix;
  }

  /**
   * Picocli's reader of one -I: the letters, and after an {@code s} or {@code S} that ends them, the next
   * word joined on ("-Is .0" is kept as "s.0"), so that {@link #parse} needs only the words.
   */
  static final class Joined implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      if (args.isEmpty()) {
        throw new ParameterException(commandSpec.commandLine(), "Missing required parameter for option '-I' (INOPTS)");
      }
      String letters = args.pop();
      int valueAt = firstValueLetter(letters);
      if (valueAt == letters.length() - 1) {
        if (args.isEmpty()) {
          throw new ParameterException(commandSpec.commandLine(), "-I" + letters.charAt(valueAt) + " needs a value");
        }
        letters += args.pop();
      }
      List<String> words = argSpec.getValue();
      List<String> all = words == null ? new ArrayList<>() : new ArrayList<>(words);
      all.add(letters);
      argSpec.setValue(all);
    }

    private static int firstValueLetter(String letters) {
      for (int i = 0; i < letters.length(); i++) {
        if (letters.charAt(i) == 's' || letters.charAt(i) == 'S') {
          return i;
        }
      }
      return -1;
    }
  }
}
