package dev.puresnmp.cli;

import dev.puresnmp.mib.FormatOptions;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.smi.Oid;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code puresnmp translate [-m MODULES] [-M DIRS] [-P MIBOPTS] [-On|-Of|-Os|-OS] [-IR] [-Td|-Tp] OID|NAME…}: names to
 * OIDs and back, and what the MIB modules say about them, printed as Net-SNMP 5.9's snmptranslate prints
 * them (standard output, standard error and exit code).
 *
 * <pre>
 * puresnmp translate -M /usr/share/snmp/mibs -m SNMPv2-MIB:IF-MIB -IR -On sysDescr.0
 * puresnmp translate -m +NET-SNMP-MIB -IR -Td nsExtendOutput1Line
 * puresnmp translate -IR -Tp ifTable
 * </pre>
 */
@Command(
    name = "translate",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp translate -On IF-MIB::ifDescr.3", "  puresnmp translate -IR -Td ifOperStatus", "  puresnmp translate -Tp -m IF-MIB .1.3.6.1.2.1.2"},
    mixinStandardHelpOptions = true,
    description = {
      "Translate names to OIDs and back, as Net-SNMP's snmptranslate does, with the MIB modules of -m and -M.",
      "Without -IR a name must start at the top of the tree (iso.org…) or name its module (SNMPv2-MIB::sysDescr)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:translated", "1:bad option, or -Tp of an OID below no node", "2:unknown name, or usage error"})
final class TranslateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MibOptions mibOptions;

  @Option(names = "-O", paramLabel = "OUTOPTS", description = "Output: n numeric, f full, s last label only, S MODULE::label (default), u UCD-style, b indexes as numbers, X in brackets, E string indexes in escaped quotes.")
  List<String> outputOptions = new ArrayList<>();

  @Option(names = "-I", paramLabel = "INOPTS",
      description = "Input: R random access (a label anywhere in the tree), b best match (a regular expression), u names below mib-2.")
  List<String> inputOptions = new ArrayList<>();

  @Option(names = "-T", paramLabel = "TRANSOPTS", description = "Report: d the details of the node, p the tree below it.")
  List<String> reports = new ArrayList<>();

  @Option(names = "-w", paramLabel = "WIDTH", description = "Wrap -Td and -Tp output at WIDTH columns (default 1000000).")
  String width;

  @Option(names = "-L", paramLabel = "LOGOPTS", parameterConsumer = NetSnmpLog.Joined.class,
      description = "Where what loading MIBs finds is logged, as Net-SNMP's -L: e stderr (default), o stdout, n nowhere, f FILE, s FACILITY (dropped); E O N F S with a priority.")
  List<String> logOptions = new ArrayList<>();

  /** The -L destinations while translating; closed when done. */
  private NetSnmpLog log;

  @Option(names = "--json", description = "One JSON object per OID or name (input, oid, name; details with -Td); errors as one object on stderr.")
  boolean json;

  @Parameters(paramLabel = "OID|NAME", description = "Names (sysDescr.0, SNMPv2-MIB::sysDescr.0, iso.org.dod) or OIDs (.1.3.6.1.2.1.1.1.0).")
  List<String> names = new ArrayList<>();

  private enum Report { NAME, DESCRIPTION, TREE }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return translate(out, err);
    } finally {
      if (log != null) {
        log.close();
      }
      out.flush();
      err.flush();
    }
  }

  private int translate(PrintWriter out, PrintWriter err) {
    int columns = 1000000;
    if (width != null) {
      columns = atoi(width);
      if (columns <= 0) {
        err.println("Invalid width specification: " + width);
        return 1;
      }
    }
    StringBuilder letters = new StringBuilder();
    for (String o : outputOptions) {
      for (int i = 0; i < o.length(); i++) {
        char c = o.charAt(i);
        switch (c) {
          // names, and what -OX's index values follow (q, Q, t, 0, E); the value formats change nothing here
          case 'n', 'f', 's', 'S', 'u', 'b', 'X', 'a', 'e', 'q', 'Q', 't', 'U', 'v', 'x', '0', 'E', 'T' -> letters.append(c);
          case 'p' -> {
            if (i == o.length() - 1) {
              return usage(err, "Missing precision for -Op"); // snmptranslate 5.9.3 crashes here
            }
            i = o.length(); // the rest of the word is the precision of floats: no name has one
          }
          default -> {
            return usage(err, "Unknown OID option to -O: " + c + ".");
          }
        }
      }
    }
    boolean random = false;
    boolean best = false;
    boolean ucd = false;
    for (String o : inputOptions) {
      for (char c : o.toCharArray()) {
        switch (c) {
          case 'R' -> random = true;
          case 'b' -> best = true;
          case 'u' -> ucd = true;
          case 'h', 'r' -> { } // display hints and range checks of values: translate reads no values
          case 's', 'S' -> {
            return unsupported(err, "-I" + c); // snmptranslate 5.9.3 crashes (SIGSEGV) with either
          }
          default -> {
            return usage(err, "Unknown OID option to -I: " + c + ".");
          }
        }
      }
    }
    FormatOptions format = FormatOptions.netSnmp(letters.toString());
    Report report = Report.NAME;
    boolean description = false;
    for (String t : reports) {
      for (char c : t.toCharArray()) {
        switch (c) {
          case 'd' -> description = true;
          case 'p' -> report = Report.TREE;
          case 'B', 'a', 'l', 'o', 's', 't', 'z' -> {
            return unsupported(err, "-T" + c);
          }
          default -> {
            return usage(err, "Invalid -T<lostpad> character: " + c);
          }
        }
      }
    }
    if (report == Report.NAME && description) {
      report = Report.DESCRIPTION;
    }

    Character parserOption = mibOptions.unknownParserOption();
    if (parserOption != null) {
      return usage(err, "Unknown parser option to -P: " + parserOption + ".");
    }
    if (json && report == Report.TREE) {
      return usage(err, "translate: --json gives names and OIDs, not -Tp's tree");
    }
    log = NetSnmpLog.of(logOptions, out, err);
    MibOptions.Loaded loaded = mibOptions.loadForCommands(log); // without -m: the built-in set too, as the other commands
    if (names.isEmpty()) {
      if (report != Report.TREE) {
        return usage(err, "translate: give one or more OIDs or names");
      }
      TranslateTree tree = new TranslateTree(loaded.mib());
      out.print(new TreeReport(tree, columns).tree(tree.top.children.get(1L)));
      return 0;
    }
    Mib mib = null;
    TranslateTree tree = null;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String module = moduleOf(name);
      if (module != null) {
        loaded.ensure(module); // Net-SNMP loads a module that a name asks for, or says it cannot find it
      }
      if (loaded.mib() != mib) {
        mib = loaded.mib();
        tree = new TranslateTree(mib);
      }
      Mib m = mib;
      OidReader reader = new OidReader(m, tree, mod -> m.modules().contains(mod));
      // -IR wins over -Ib; -Iu reads below mib-2
      Oid oid = random ? reader.node(name) : best ? reader.wild(name) : reader.read(ucd ? InputOptions.belowMib2(name) : name);
      reader.log.forEach(err::println);
      if (oid == null) {
        if (best && !random) {
          return fail(err, "Unable to find a matching object identifier for \"" + name + "\"", 1);
        } else if (random) {
          return fail(err, "Unknown object identifier: " + name, 2);
        }
        return fail(err, name + ": Unknown Object Identifier" + (reader.detail == null ? "" : " (" + reader.detail + ")"), 2);
      }
      TreeReport printer = new TreeReport(tree, columns);
      if (report == Report.TREE) {
        TranslateTree.Node node = tree.deepest(oid);
        if (node == null) {
          err.println("Unable to find a matching object identifier for \"" + name + "\"");
          return 1;
        }
        out.print(printer.tree(node));
      } else if (json) {
        Json j = new Json().begin().field("input").string(name).field("oid").string(oid.toDottedString());
        j.field("name").string(mib.name(oid, format));
        if (report == Report.DESCRIPTION) {
          String d = printer.description(oid);
          j.field("details").string(d == null ? "" : d);
        }
        out.println(j.end());
        continue; // one object a line: no blank line between them
      } else {
        out.println(mib.name(oid, format));
        if (report == Report.DESCRIPTION) {
          String d = printer.description(oid);
          // Net-SNMP prints its empty buffer and " [TRUNCATED]" when no node is above the OID
          out.println(d == null ? " [TRUNCATED]" : d);
        }
      }
      if (i + 1 < names.size()) {
        out.println();
      }
    }
    return 0;
  }

  /** The module a name asks for ("IF-MIB" of "IF-MIB::ifIndex"), as Net-SNMP's get_node finds it; null if none. */
  static String moduleOf(String name) {
    int i = 0;
    while (i < name.length() && (name.charAt(i) < 0x80 && Character.isLetterOrDigit(name.charAt(i)) || name.charAt(i) == '-')) {
      i++;
    }
    return i < name.length() && name.charAt(i) == ':' ? name.substring(0, i) : null;
  }

  /** C's atoi: the leading digits, 0 if none. */
  private static int atoi(String s) {
    String t = s.strip();
    int end = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
    while (end < t.length() && Character.isDigit(t.charAt(end)) && end < 10) {
      end++;
    }
    try {
      return Integer.parseInt(t.substring(0, end));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A name that names nothing: snmptranslate's line (one error object with --json) and its exit code. */
  private int fail(PrintWriter err, String line, int exit) {
    err.println(json ? VarBindJson.error("unknownOid", List.of(line)) : line);
    return exit;
  }

  private int usage(PrintWriter err, String message) {
    err.println(message);
    err.println("Try '" + spec.qualifiedName() + " --help' for more.");
    return 1;
  }

  private static int unsupported(PrintWriter err, String option) {
    err.println("translate: " + option + " is not supported");
    return 1;
  }
}
