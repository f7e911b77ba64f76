package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.mib.FormatOptions;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibObject;
import dev.puresnmp.mib.VarBindFormatter;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code puresnmp table AGENT TABLE}: a table as snmptable 5.9.3 prints it with the same MIBs and
 * {@code -O} letters: "SNMP table: IF-MIB::ifTable", the accessible columns the MIB defines under the
 * table's entry as headers, and each row's values as snmpget -Oq prints them ({@link TableLayout}).
 * {@code -Cb -Ci -Cl -CH -Ch -Cf SEP -Cw WIDTH -Cc WIDTH -CrN}. GETBULK in SNMPv2c/v3; in SNMPv1 GETNEXT, printed in
 * rounds of N rows (-CrN, default 10) as snmptable does.
 */
@Command(name = "table", footerHeading = "%nExamples (against ./puresnmp sim):%n", footer = {"  puresnmp table -v2c -c switch-48 127.0.0.1:1161 ifTable", "  puresnmp table -v2c -c switch-48 -Cb -Ci -Cw 100 127.0.0.1:1161 ifXTable", "  puresnmp table -v2c -c linux-host -Cf , 127.0.0.1:1161 hrStorageTable"},
    versionProvider = Main.Version.class, preprocessor = TableCommand.SeparateValues.class,
    description = "Print a table as snmptable does: -Cb brief headers, -Ci index, -Cl left-align, -CH no headers, "
        + "-Ch headers only, -Cf SEP field separator, -Cw WIDTH parts of at most WIDTH characters, "
        + "-Cc WIDTH every column WIDTH characters wide.")
final class TableCommand extends SnmpCommand {
  @picocli.CommandLine.Mixin HelpOptions help;

  @Parameters(index = "1", paramLabel = "TABLE", description = "The table, by name (ifTable) or OID (1.3.6.1.2.1.2.2).")
  String tableText;

  /** The -C letters, read by {@link SeparateValues} as snmptable's optProc reads them. */
  final TableLayout.Options layout = new TableLayout.Options();
  private boolean read;

  /**
   * Reads every -C before picocli does, as snmptable does: each letter a flag, and f, w, c and r each
   * taking the next word (-Cf SEP, -Cw WIDTH, -Cc WIDTH, -Cr N); picocli's -C would take one word only. Passes -Cr
   * on as -CrN for {@link SnmpOptions} (which also takes -Cr25 in one word); a letter snmptable does not
   * know is refused with its words.
   */
  static final class SeparateValues implements IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
      if (argSpec != null || !(spec.userObject() instanceof TableCommand command) || command.read) {
        return false;
      }
      command.read = true; // the first call sees all the arguments; the -Cr it passes on is not read again
      List<String> in = new ArrayList<>(args);
      Collections.reverse(in); // the top of the stack is the next argument
      List<String> out = new ArrayList<>();
      TableLayout.Options o = command.layout;
      for (int i = 0; i < in.size(); i++) {
        String a = in.get(i);
        if (!a.startsWith("-C")) {
          out.add(a);
          continue;
        }
        String letters = a.length() == 2 && i + 1 < in.size() ? in.get(++i) : a.substring(2);
        if (letters.matches("r[0-9]+")) {
          out.add("-C" + letters); // -Cr25 in one word, as the other commands take it
          continue;
        }
        for (char c : letters.toCharArray()) {
          switch (c) {
            case 'b' -> o.brief = true;
            case 'i' -> o.showIndex = true;
            case 'l' -> o.leftAligned = true;
            case 'H' -> o.noHeaders = true;
            case 'h' -> o.headersOnly = true;
            case 'B' -> { } // GETNEXT instead of GETBULK: the same output
            case 'f', 'w', 'r', 'c' -> {
              if (i + 1 >= in.size()) {
                throw new ParameterException(spec.commandLine(), "-C" + c + " needs a value");
              }
              String value = in.get(++i);
              if (c == 'f') {
                o.separator = value;
              } else if (c == 'w') {
                o.maxWidth = number(spec, c, value);
              } else if (c == 'c') {
                o.columnWidth = number(spec, c, value);
                if (o.columnWidth < 3) { // snmptable's usage text below 3
                  throw new ParameterException(spec.commandLine(), "-Cc takes a width of 3 or more, not " + value);
                }
              } else {
                out.add("-Cr" + number(spec, c, value));
              }
            }
            default -> throw new ParameterException(spec.commandLine(), "Bad option after -C: " + c);
          }
        }
      }
      args.clear();
      for (int i = out.size() - 1; i >= 0; i--) {
        args.push(out.get(i));
      }
      return false;
    }

    private static int number(CommandSpec spec, char flag, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "-C" + flag + " takes a number, not " + value);
      }
    }
  }

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    Oid table = oids(List.of(tableText)).get(0);
    String letters = OidNames.letters(options.outputOptions);
    // snmptable turns QUICK_PRINT on before reading -O, which toggles it: -Oq prints the type labels
    FormatOptions format = FormatOptions.netSnmp("q" + letters);
    Mib mib = names.mib();
    Mib.NameStyle style = format.names();
    String tableName = mib.name(table, format);
    Columns columns = Columns.of(mib, table, style);
    if (columns == null) {
      warn(err, "notATable", "Was that a table? " + tableName);
      return 1;
    }
    TableLayout t = new TableLayout(tableName, columns.labels, layout);
    if (layout.headersOnly) {
      t.print(out);
    } else {
      VarBindFormatter values = mib.formatter(format);
      Map<String, Map<Integer, String>> rows = new LinkedHashMap<>();
      Map<String, Map<Integer, VarBind>> cells = new LinkedHashMap<>(); // --json
      boolean[] extra = new boolean[1];
      WalkProgress progress = WalkProgress.ofCells(!output.quiet && err == spec.commandLine().getErr(), spec.name(), err);
      try {
        client.blocking().bulkwalk(table, vb -> {
          progress.row();
          if (!vb.oid().startsWith(columns.entry) || vb.oid().size() <= columns.entry.size()) {
            return;
          }
          int field = columns.subids.indexOf(vb.oid().toArcs()[columns.entry.size()]);
          if (field < 0) {
            extra[0] = true;
            return;
          }
          String index = index(mib.name(vb.oid(), format), tableName, format);
          rows.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(field, values.formatValue(vb).replace('\n', ' '));
          if (output.json) {
            cells.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(field, vb);
          }
        });
      } finally {
        progress.done();
      }
      if (output.json) {
        cells.forEach((index, row) -> out.println(VarBindJson.row(index, columns.labels, row, names)));
        return 0;
      }
      // snmptable reads SNMPv1 tables in rounds of -Cr rows (all at once with -Cw) and prints each round
      boolean v1 = options.version.equals("1");
      int round = v1 && layout.maxWidth == 0 ? Math.max(1, options.flag('r', 10)) : Integer.MAX_VALUE;
      for (Map.Entry<String, Map<Integer, String>> row : rows.entrySet()) {
        row.getValue().forEach((field, text) -> t.put(row.getKey(), field, text));
        if (t.pending() >= round) {
          t.print(out);
        }
      }
      t.print(out);
      if (extra[0]) {
        out.print(tableName + ": WARNING: More columns on agent than in MIB\n");
      }
    }
    if (t.total() == 0) {
      out.print(tableName + ": No entries\n");
    }
    return 0;
  }

  /**
   * The index part of an instance's name as snmptable cuts it: after the first '.' following the module
   * ("IF-MIB::ifDescr.1" → "1"), or the table's name and the entry's ("-Of", "-Ou"); with -OX from the
   * first '[' ("[1]").
   */
  static String index(String name, String tableName, FormatOptions format) {
    if (format.indexes() == FormatOptions.Indexes.BRACKETS) {
      int bracket = name.indexOf('[');
      return bracket < 0 ? "" : name.substring(bracket);
    }
    String rest;
    switch (format.names()) {
      case MODULE -> {
        int colon = name.indexOf(':');
        rest = colon < 0 ? name : name.substring(colon + 1);
      }
      case SHORT -> rest = name;
      default -> {
        rest = name.length() > tableName.length() + 1 ? name.substring(tableName.length() + 1) : "";
        int dot = rest.indexOf('.');
        rest = dot < 0 ? "" : rest.substring(dot + 1);
      }
    }
    int dot = rest.indexOf('.');
    return dot < 0 ? "" : rest.substring(dot + 1);
  }

  /** The entry and the columns snmptable prints: the MIB's accessible ones, until one has no name. */
  record Columns(Oid entry, List<Integer> subids, List<String> labels) {
    static Columns of(Mib mib, Oid table, Mib.NameStyle style) {
      MibObject t = mib.object(table).orElse(null);
      if (t == null || t.role() != MibObject.Role.TABLE) {
        return null;
      }
      List<MibObject> entries = mib.children(t);
      if (entries.isEmpty()) {
        return null;
      }
      Oid entry = entries.get(0).oid();
      List<Integer> subids = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (MibObject c : mib.children(entries.get(0))) {
        if (c.access().filter("not-accessible"::equals).isPresent()) {
          continue;
        }
        String label = label(mib.name(c.oid(), style));
        if (label.isEmpty() || Character.isDigit(label.charAt(0))) {
          break; // -On: no names, so no columns
        }
        subids.add(c.oid().toArcs()[entry.size()]);
        labels.add(label);
      }
      return labels.isEmpty() ? null : new Columns(entry, subids, labels);
    }

    /** The last part of a column's name: "ifDescr" of "IF-MIB::ifDescr" or ".iso….ifEntry.ifDescr". */
    private static String label(String name) {
      int dot = name.lastIndexOf('.');
      return dot >= 0 ? name.substring(dot + 1) : name.substring(name.lastIndexOf(':') + 1);
    }
  }

  /** A value without its type prefix and string quotes, as the demo shows cells: "lo", "1500", "0:01:02.03". */
  static String cell(Value v) {
    String f = NetSnmpFormat.formatValue(v).replace('\n', ' ').strip();
    if (f.startsWith("STRING: \"")) {
      return f.substring(9, f.length() - 1);
    }
    if (f.startsWith("Timeticks: (")) {
      return f.substring(f.indexOf(") ") + 2);
    }
    int colon = f.indexOf(": ");
    return colon > 0 && colon < 20 ? f.substring(colon + 2) : f;
  }
}
