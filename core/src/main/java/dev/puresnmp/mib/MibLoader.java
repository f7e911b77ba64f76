package dev.puresnmp.mib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds modules on a search path ({@link ModuleIndex}) and loads them with everything they import, depth
 * first, so that {@link #modules} lists each module after the modules it imports: the order in which
 * Net-SNMP links them into its tree, and so the order that decides which module names a node defined twice.
 * Problems are recorded in the order Net-SNMP prints them: an imported module's before its importer's,
 * then the importer's syntax errors; {@link #interleave} puts what linking found after each module's.
 */
final class MibLoader {
  /** Names Net-SNMP's parser knows as keywords: importing them loads nothing. */
  static final Set<String> KEYWORDS = keywords();

  private final List<Path> path;
  private final ModuleIndex index;
  private final boolean lenient;
  private final List<MibException> problems;
  private final Map<String, ModuleSource> parsed = new HashMap<>();
  private final Map<String, ModuleSource> fallback = new HashMap<>();
  private final Map<String, String> paths = new HashMap<>();
  private final Map<String, ModuleSource> modules = new LinkedHashMap<>();
  private final Map<String, Integer> problemsBefore = new HashMap<>();
  private final Set<String> loading = new LinkedHashSet<>();
  private final Map<Definition, Integer> endLines = new IdentityHashMap<>();
  private final List<Integer> allEnds = new ArrayList<>();

  MibLoader(List<Path> path, boolean lenient, List<MibException> problems) {
    this(path, new ModuleIndex(path), lenient, problems);
  }

  /** A loader that finds modules with {@code index}, a scan of {@code path}. */
  MibLoader(List<Path> path, ModuleIndex index, boolean lenient, List<MibException> problems) {
    this.path = List.copyOf(path);
    this.index = index;
    this.lenient = lenient;
    this.problems = problems;
  }

  /** Every module loaded so far, each after those it imports. */
  List<ModuleSource> modules() {
    return new ArrayList<>(modules.values());
  }

  /** The file module {@code name} was read from, as the search path spells it; null if none. */
  String pathOf(String name) {
    return paths.get(name);
  }

  /** The line each definition read from a file ends on. */
  Map<Definition, Integer> endLines() {
    return endLines;
  }

  /** Takes {@code loaded}, each after what it imports, as loaded already: they are not looked up again. */
  void preload(List<ModuleSource> loaded) {
    for (ModuleSource m : loaded) {
      parsed.putIfAbsent(m.name(), m);
      modules.putIfAbsent(m.name(), m);
    }
  }

  /**
   * Makes {@code sources} the place to find a module that the path lacks (before the built-in SMI base);
   * unlike {@link #preload}, none of them is loaded unless asked for or imported.
   */
  void fallback(List<ModuleSource> sources) {
    for (ModuleSource m : sources) {
      fallback.putIfAbsent(m.name(), m);
    }
  }

  /** Loads module {@code name} from the path (or the fallback, or the built-in base) with its imports. */
  void load(String name) {
    load(name, null, null);
  }

  /** Loads every module on the path, in the order Net-SNMP's {@code -m ALL} reads them. */
  void loadAll() {
    index.allModules().forEach(this::load);
    allEnds.add(modules.size());
  }

  /** How many modules were loaded when each {@link #loadAll} ended: where Net-SNMP adopts its orphans too. */
  List<Integer> allEnds() {
    return allEnds;
  }

  /** Loads every module in {@code file} with their imports. */
  void loadFile(Path file) {
    List<ModuleSource> modules;
    try {
      modules = parseFile(file);
    } catch (MibException e) {
      if (!lenient || e.file().isEmpty()) { // strict, or the file could not be read: lenient throws only then
        throw e;
      }
      problems.add(e.at(file.toString())); // broken beyond its definitions: as find() takes such a file
      return;
    }
    for (ModuleSource m : modules) {
      parsed.putIfAbsent(m.name(), m);
      paths.putIfAbsent(m.name(), file.toString());
      link(m);
    }
  }

  /**
   * The loading problems with {@code linking}'s (module → what linking it found) each put right after
   * the problems of loading that module, and {@code atEnd} last: the order in which Net-SNMP prints them,
   * since it links each module as soon as it has read it.
   */
  List<MibException> interleave(Map<String, List<MibException>> linking, List<MibException> atEnd) {
    List<MibException> out = new ArrayList<>();
    int from = 0;
    for (ModuleSource m : modules.values()) {
      Integer upTo = problemsBefore.get(m.name());
      if (upTo == null) {
        continue; // preloaded: nothing was reported while loading it
      }
      out.addAll(problems.subList(from, upTo));
      from = upTo;
      linking.getOrDefault(m.name(), List.of()).forEach(p -> out.add(placed(p, m.name())));
    }
    out.addAll(problems.subList(from, problems.size()));
    atEnd.forEach(p -> out.add(placed(p, null)));
    return out;
  }

  /** {@code p} with the path of the file of its module: the one it names first if it was never adopted. */
  private MibException placed(MibException p, String module) {
    String in = p.kind() == MibException.Kind.NOT_ADOPTED ? p.subjects().get(0) : module;
    String path = in == null ? null : paths.get(in);
    return path == null ? p : p.at(path);
  }

  private void load(String name, ModuleSource importer, Token at) {
    if (modules.containsKey(name)) {
      return;
    }
    if (loading.contains(name)) {
      List<String> cycle = new ArrayList<>(loading);
      cycle = cycle.subList(cycle.indexOf(name), cycle.size());
      problem(importer, at, "import cycle: " + String.join(" -> ", cycle) + " -> " + name, MibException.Kind.IMPORT_CYCLE, cycle);
      return;
    }
    ModuleSource m = find(name);
    if (m == null) {
      problem(importer, at, "cannot find module " + name + (importer == null ? "" : " imported by " + importer.name())
          + " in " + ModuleIndex.searchPathText(path), MibException.Kind.MODULE_NOT_FOUND, List.of(name));
      return;
    }
    link(m);
  }

  private void link(ModuleSource m) {
    if (modules.containsKey(m.name()) || loading.contains(m.name())) {
      return;
    }
    loading.add(m.name());
    Map<String, List<String>> byModule = new LinkedHashMap<>();
    m.imports().forEach((symbol, from) -> {
      // Net-SNMP reads its keywords (macros, base types) itself and loads no module for them: importing
      // only OBJECT-TYPE FROM RFC-1212 does not load RFC-1212, which changes who defines what first
      if (!KEYWORDS.contains(symbol)) {
        byModule.computeIfAbsent(from, k -> new ArrayList<>()).add(symbol);
      }
    });
    byModule.forEach((from, symbols) -> load(from, m, m.importAt().get(from)));
    // Net-SNMP reads the imported modules at IMPORTS and the rest of the file after, so a module's syntax
    // errors come after its imports' problems; it checks the imported symbols when it links (MibTree)
    String path = paths.get(m.name());
    m.skipped().forEach(p -> problems.add(path == null ? p : p.at(path)));
    loading.remove(m.name());
    modules.put(m.name(), m);
    problemsBefore.put(m.name(), problems.size());
  }
  private static Set<String> keywords() {
    Set<String> k = new java.util.HashSet<>(MibParser.MACROS);
    k.addAll(MibTree.BASE_TYPES);
    k.add("TEXTUAL-CONVENTION");
    k.add("UInteger32");
    return Set.copyOf(k);
  }

  private ModuleSource find(String name) {
    ModuleSource m = parsed.get(name);
    if (m != null) {
      return m;
    }
    Path file = index.file(name);
    if (file != null) {
      try {
        for (ModuleSource each : parseFile(file)) {
          parsed.putIfAbsent(each.name(), each);
          paths.putIfAbsent(each.name(), file.toString());
        }
      } catch (MibException e) {
        if (!lenient) {
          throw e;
        }
        problems.add(e.at(file.toString())); // a file broken beyond its definitions: as if it were missing
      }
      m = parsed.get(name);
    }
    if (m == null) {
      m = fallback.get(name);
    }
    if (m == null) {
      m = BaseModules.get(name);
    }
    return m;
  }

  private List<ModuleSource> parseFile(Path file) {
    String text;
    try {
      // ISO-8859-1 maps every byte: vendor MIBs carry stray Latin-1 and UTF-8 in descriptions
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new MibException("cannot read MIB file " + file + ": " + e.getMessage());
    }
    return MibParser.parse(file.getFileName().toString(), text, lenient, endLines);
  }

  private void problem(ModuleSource where, Token at, String reason, MibException.Kind kind, List<String> subjects) {
    boolean placed = where != null && at != null;
    MibException e = new MibException(placed ? where.file() : null, placed ? at.line() : 0, placed ? at.column() : 0, reason,
        kind, where == null ? null : paths.get(where.name()), subjects);
    if (!lenient) {
      throw e;
    }
    problems.add(e);
  }
}
