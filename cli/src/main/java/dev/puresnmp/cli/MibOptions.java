package dev.puresnmp.cli;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Which MIB modules to load and where from, as Net-SNMP 5.9's tools decide it (netsnmp_init_mib in
 * snmplib/mib.c): {@code -m MODULES} or else {@code $MIBS}, {@code -M DIRS} or else {@code $MIBDIRS},
 * colon-separated; a leading '+' adds to Net-SNMP's defaults, a leading '-' puts them after; {@code ALL}
 * loads every module on the path; an entry with a '/' is a file. Missing modules are reported as
 * Net-SNMP reports them ("Cannot find module (X): At line 1 in (none)", after "MIB search path: …").
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
  static final String NET_SNMP_DEFAULT_MODULES = String.join(":",
      "SNMPv2-MIB", "IF-MIB", "IP-MIB", "TCP-MIB", "UDP-MIB", "HOST-RESOURCES-MIB", "NOTIFICATION-LOG-MIB",
      "DISMAN-EVENT-MIB", "DISMAN-SCHEDULE-MIB", "HOST-RESOURCES-TYPES", "MTA-MIB", "NETWORK-SERVICES-MIB",
      "UCD-DISKIO-MIB", "UCD-DLMOD-MIB", "LM-SENSORS-MIB", "UCD-SNMP-MIB", "UCD-DEMO-MIB", "SNMP-TARGET-MIB",
      "NET-SNMP-AGENT-MIB", "SNMP-FRAMEWORK-MIB", "SNMP-MPD-MIB", "SNMP-USER-BASED-SM-MIB",
      "SNMP-VIEW-BASED-ACM-MIB", "SNMP-COMMUNITY-MIB", "IPV6-ICMP-MIB", "IPV6-MIB", "IPV6-TCP-MIB",
      "IPV6-UDP-MIB", "IP-FORWARD-MIB", "NET-SNMP-PASS-MIB", "NET-SNMP-EXTEND-MIB", "SNMP-NOTIFICATION-MIB",
      "SNMPv2-TM", "NET-SNMP-VACM-MIB");
  /** Net-SNMP 5.9.3's NETSNMP_DEFAULT_MIBDIRS, as Debian builds it. */
  static final String NET_SNMP_DEFAULT_DIRS = "$HOME/.snmp/mibs:/usr/share/snmp/mibs:/usr/share/snmp/mibs/iana:/usr/share/snmp/mibs/ietf";
  private static final Pattern FIRST_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  // lists: given twice, the last counts, as with Net-SNMP's getopt
  @Option(names = "-m", paramLabel = "MODULES",
      description = "Modules to load, colon-separated (default $MIBS, else Net-SNMP's list); ALL for every module on the path; +MODULES adds to the default.")
  List<String> modules = new ArrayList<>();

  @Option(names = "-M", paramLabel = "DIRS",
      description = "Directories to load modules from, colon-separated (default $MIBDIRS, else Net-SNMP's); +DIRS adds to the default.")
  List<String> dirs = new ArrayList<>();

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
   * the output is Net-SNMP's with the same modules); without them, the built-in modules ({@link
   * Mib#builtIn}) and whatever else of Net-SNMP's default list the search path holds, silently skipping
   * the rest: a machine with no MIB files (Debian's, whose snmp.conf says "mibs :") still gets names.
   */
  Loaded loadForCommands(PrintWriter err) {
    if (!defaultModules()) {
      return load(err);
    }
    Loaded l = new Loaded(searchPath(), err);
    l.builtIn = true;
    l.loads.addAll(moduleList());
    l.build();
    return l;
  }

  /** Loads the modules (leniently, as Net-SNMP does), printing what Net-SNMP would print on {@code err}. */
  Loaded load(PrintWriter err) {
    Loaded l = new Loaded(searchPath(), err);
    for (String entry : moduleList()) {
      if (entry.equalsIgnoreCase("ALL")) {
        l.loads.addAll(l.allModules());
      } else if (entry.contains("/")) {
        if (Files.isRegularFile(Path.of(entry))) {
          l.loads.add(entry);
        } else {
          err.println(entry + ": No such file or directory");
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
        l.lastNotFound = null; // Net-SNMP repeats a missing module once another one loaded in between
      } else {
        l.notFound(entry);
      }
    }
    return l;
  }

  /** A loaded {@link Mib}, and what Net-SNMP keeps to load a module that a name asks for later ("IF-MIB::ifIndex"). */
  static final class Loaded {
    private final String searchPath;
    private final List<Path> path = new ArrayList<>();
    private final PrintWriter err;
    private final List<String> loads = new ArrayList<>();
    private Mib mib;
    private boolean searchPathShown;
    private String lastNotFound;
    private boolean builtIn;

    private Loaded(String searchPath, PrintWriter err) {
      this.searchPath = searchPath;
      this.err = err;
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
      if (mib.modules().contains(module)) {
        return true;
      }
      notFound(module);
      return false;
    }

    private void build() {
      Mib.Builder b = builder();
      for (String l : loads) {
        if (l.contains("/")) {
          b.loadFile(Path.of(l));
        } else {
          b.load(l);
        }
      }
      try {
        mib = b.build();
      } catch (MibException e) {
        // lenient loading fails only on an unreadable file: go on without what it held
        err.println(e.getMessage());
        loads.removeIf(l -> l.contains("/"));
        mib = builder().load(loads.toArray(new String[0])).build();
      }
    }

    private Mib.Builder builder() {
      Mib.Builder b = Mib.builder().lenient(true).path(path.toArray(new Path[0]));
      return builtIn ? b.builtIn() : b;
    }

    /** print_module_not_found: the search path once, then each missing module (not twice in a row). */
    private void notFound(String module) {
      if (!searchPathShown) {
        err.println("MIB search path: " + searchPath);
        searchPathShown = true;
      }
      if (!module.equals(lastNotFound)) {
        // Net-SNMP's line number is that of the last file it opened: 1 once it has scanned a MIB directory
        err.println("Cannot find module (" + module + "): At line " + (anyFile() ? 1 : 0) + " in (none)");
      }
      lastNotFound = module;
    }

    private boolean anyFile() {
      for (Path d : path) {
        if (!files(d).isEmpty()) {
          return true;
        }
      }
      return false;
    }

    /**
     * What -m ALL loads: every module on the path by the first word of its file, in the order Net-SNMP's
     * read_all_mibs takes them: each directory's files sorted by name, and the whole list reversed.
     */
    private List<String> allModules() {
      List<String> names = new ArrayList<>();
      for (Path d : path) {
        for (Path f : files(d)) {
          String name = firstWord(f);
          if (name != null && !names.contains(name)) {
            names.add(name);
          }
        }
      }
      Collections.reverse(names);
      return names;
    }

    /** scan_directory: the plain files of {@code dir}, sorted, without dot files and editor backups. */
    private static List<Path> files(Path dir) {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(dir)) {
        return s.filter(p -> {
          String n = p.getFileName().toString();
          return !n.startsWith(".") && !n.startsWith("#") && !n.endsWith("#") && !n.endsWith("~") && !Files.isDirectory(p);
        }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
      } catch (IOException e) {
        return List.of();
      }
    }

    /** The module name a file starts with, as Net-SNMP's add_mibfile reads it; null if none. */
    private static String firstWord(Path f) {
      try {
        for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
          String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
          Matcher m = FIRST_WORD.matcher(code.strip());
          if (!code.isBlank()) {
            return m.lookingAt() ? m.group() : null;
          }
        }
      } catch (IOException e) {
        return null;
      }
      return null;
    }
  }
}
