package dev.puresnmp.cli;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Which MIB modules to load and where from, as Net-SNMP 5.9's tools decide it (netsnmp_init_mib in
 * snmplib/mib.c): {@code -m MODULES} or else {@code $MIBS}, {@code -M DIRS} or else {@code $MIBDIRS},
 * colon-separated; a leading '+' adds to Net-SNMP's defaults, a leading '-' puts them after; {@code ALL}
 * loads every module on the path ({@code Mib.Builder.loadAll}); an entry with a '/' is a file. What loading
 * finds is reported as Net-SNMP reports it ({@link MibWarnings}), {@code -Pe} silencing its errors.
 * snmp.conf ({@code mibs}, {@code mibdirs}) is not read.
 *
 * <pre>{@code
 * @Mixin MibOptions mibOptions;
 * MibOptions.Loaded loaded = mibOptions.load(err);
 * loaded.mib().oid("IF-MIB::ifDescr.3");
 * }</pre>
 */
final class MibOptions {
  /** Net-SNMP 5.9.3's NETSNMP_DEFAULT_MIBS, as Debian builds it: what "no -m and no $MIBS" loads. */
  static final String NET_SNMP_DEFAULT_MODULES = String.join(":", Mib.NET_SNMP_DEFAULT_MODULES);
  /** Net-SNMP 5.9.3's NETSNMP_DEFAULT_MIBDIRS, as Debian builds it. */
  /** The -m entry that loads every module on the path; a '/' in a name means a file, so this is no module's. */
  private static final String ALL = "ALL";
  static final String NET_SNMP_DEFAULT_DIRS = "$HOME/.snmp/mibs:/usr/share/snmp/mibs:/usr/share/snmp/mibs/iana:/usr/share/snmp/mibs/ietf";
  /** The letters of Net-SNMP's -P; only e (errors off) changes what we do. */
  private static final String PARSER_OPTIONS = "ucdewWR";

  // lists: given twice, the last counts, as with Net-SNMP's getopt
  @Option(names = "-m", paramLabel = "MODULES",
      description = "Modules to load, colon-separated (default $MIBS, else Net-SNMP's list); ALL for every module on the path; +MODULES adds to the default.")
  List<String> modules = new ArrayList<>();

  @Option(names = "-M", paramLabel = "DIRS",
      description = "Directories to load modules from, colon-separated (default $MIBDIRS, else Net-SNMP's); +DIRS adds to the default.")
  List<String> dirs = new ArrayList<>();

  @Option(names = "-P", paramLabel = "MIBOPTS",
      description = "MIB parsing, as Net-SNMP's letters: e toggles the errors printed while loading (missing modules and symbols, syntax); u c d w W R are accepted and change nothing.")
  List<String> parserOptions = new ArrayList<>();

  /** Where MIBS, MIBDIRS and HOME come from; a test may replace it. */
  Function<String, String> env = System::getenv;

  /** The search path Net-SNMP would use, "$HOME" replaced: what "MIB search path:" shows. */
  String searchPath() {
    return withDefault(dirs.isEmpty() ? env.apply("MIBDIRS") : last(dirs), NET_SNMP_DEFAULT_DIRS)
        .replace("$HOME", String.valueOf(env.apply("HOME")));
  }

  /** Whether neither -m nor $MIBS chose the modules, so that Net-SNMP's default list applies. */
  boolean defaultModules() {
    return modules.isEmpty() && env.apply("MIBS") == null;
  }

  /** The entries to load, in order: module names, "ALL", or files (with a '/'). */
  List<String> moduleList() {
    return split(withDefault(modules.isEmpty() ? env.apply("MIBS") : last(modules), NET_SNMP_DEFAULT_MODULES));
  }

  /** The first letter of -P that Net-SNMP does not know, or null. */
  Character unknownParserOption() {
    for (char c : String.join("", parserOptions).toCharArray()) {
      if (PARSER_OPTIONS.indexOf(c) < 0) {
        return c;
      }
    }
    return null;
  }

  /** Whether loading prints its errors: each -Pe toggles them, as in Net-SNMP. */
  boolean errors() {
    return String.join("", parserOptions).chars().filter(c -> c == 'e').count() % 2 == 0;
  }

  private static String last(List<String> values) {
    return values.get(values.size() - 1);
  }

  private static String withDefault(String value, String dflt) {
    if (value == null) {
      return dflt;
    }
    if (value.startsWith("+")) {
      return dflt + ":" + value.substring(1);
    }
    if (value.startsWith("-")) {
      return value.substring(1) + ":" + dflt;
    }
    return value;
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String e : s.split(":")) {
      if (!e.isEmpty()) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * What the SNMP commands load: with {@code -m} or {@code $MIBS}, exactly what {@link #load} loads (so that
   * the output is Net-SNMP's with the same modules); without them, Net-SNMP's default list, each module
   * from the search path or else from the built-in set ({@link Mib.Builder#builtInWhereMissing}),
   * silently skipping what neither has: a machine with no MIB files (Debian's, whose snmp.conf says "mibs
   * :") prints what a Net-SNMP with all its default modules prints. With no MIB file on the path, or
   * Debian's libsnmp-base files unchanged, the library takes that result from a linked image (docs/mibs.md).
   */
  Loaded loadForCommands(PrintWriter err) {
    return loadForCommands(NetSnmpLog.toStderr(err));
  }

  /** {@link #loadForCommands(PrintWriter)}, what loading finds logged as -L says. */
  Loaded loadForCommands(NetSnmpLog log) {
    if (!defaultModules()) {
      return load(log);
    }
    String path = searchPath();
    Loaded l = new Loaded(path, new MibWarnings(log, path, errors(), anyFile(path)));
    l.builtInWhereMissing = true;
    l.loads.addAll(moduleList());
    l.build();
    l.warnings.printed(l.mib.problems()); // Net-SNMP's default list: most machines lack much of it, so silently
    return l;
  }

  /** Loads the modules (leniently, as Net-SNMP does), printing what Net-SNMP would print on {@code err}. */
  Loaded load(PrintWriter err) {
    return load(NetSnmpLog.toStderr(err));
  }

  /** {@link #load(PrintWriter)}, what loading finds logged as -L says. */
  Loaded load(NetSnmpLog log) {
    String path = searchPath();
    Loaded l = new Loaded(path, new MibWarnings(log, path, errors(), anyFile(path)));
    List<Boolean> loadedBefore = new ArrayList<>();
    boolean loaded = false;
    for (String entry : moduleList()) {
      if (entry.equalsIgnoreCase("ALL")) {
        l.loads.add(ALL);
      } else if (entry.contains("/")) {
        if (Files.isRegularFile(Path.of(entry))) {
          l.loads.add(entry);
        } else {
          log.log(NetSnmpLog.ERR, entry + ": No such file or directory");
        }
      } else {
        l.loads.add(entry);
      }
    }
    l.build();
    for (String entry : moduleList()) {
      if (entry.equalsIgnoreCase("ALL") || entry.contains("/")) {
        continue;
      }
      if (l.mib.modules().contains(entry)) {
        loaded = true;
      } else {
        loadedBefore.add(loaded);
        loaded = false;
      }
    }
    l.warnings.expectMissing(loadedBefore);
    l.warnings.print(l.mib.problems());
    return l;
  }

  private static boolean anyFile(String searchPath) {
    for (String d : split(searchPath)) {
      try (Stream<Path> files = Files.list(Path.of(d))) {
        if (files.anyMatch(Files::isRegularFile)) {
          return true;
        }
      } catch (IOException | RuntimeException e) {
        // not a directory: nothing scanned there
      }
    }
    return false;
  }

  /** A loaded {@link Mib}, and what Net-SNMP keeps to load a module that a name asks for later ("IF-MIB::ifIndex"). */
  static final class Loaded {
    private final List<Path> path = new ArrayList<>();
    private final MibWarnings warnings;
    private final List<String> loads = new ArrayList<>();
    private Mib mib;
    /** Without -m: a module no file on the path has comes from the built-in set. */
    private boolean builtInWhereMissing;

    private Loaded(String searchPath, MibWarnings warnings) {
      this.warnings = warnings;
      for (String d : split(searchPath)) {
        path.add(Path.of(d));
      }
    }

    Mib mib() {
      return mib;
    }

    /** Whether {@code module} is loaded, after trying to load it as Net-SNMP's netsnmp_read_module does. */
    boolean ensure(String module) {
      if (mib.modules().contains(module)) {
        return true;
      }
      loads.add(module);
      build();
      warnings.print(mib.problems());
      return mib.modules().contains(module);
    }

    private void build() {
      Mib.Builder b = builder();
      for (String l : loads) {
        if (l.equals(ALL)) {
          b.loadAll();
        } else if (l.contains("/")) {
          b.loadFile(Path.of(l));
        } else {
          b.load(l);
        }
      }
      try {
        mib = b.build();
      } catch (MibException e) {
        // lenient loading fails only on an unreadable file: go on without what it held
        warnings.print(List.of(e));
        loads.removeIf(l -> l.contains("/"));
        mib = builder().load(loads.toArray(new String[0])).build();
      }
    }

    private Mib.Builder builder() {
      Mib.Builder b = Mib.builder().lenient(true).path(path.toArray(new Path[0]));
      return builtInWhereMissing ? b.builtInWhereMissing() : b;
    }
  }
}
