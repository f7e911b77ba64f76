package dev.puresnmp.mib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds modules on a search path and loads them with everything they import, depth first, so that
 * {@link #modules} lists each module after the modules it imports: the order in which Net-SNMP links
 * them into its tree, and so the order that decides which module names a node defined twice.
 */
final class MibLoader {
  /** Net-SNMP's file-name conventions: the module name alone or with one of these extensions. */
  private static final List<String> EXTENSIONS = List.of("", ".txt", ".mib", ".my");
  /** How much of a file is read to learn its first module's name. */
  private static final int HEAD_BYTES = 8192;
  /** Names Net-SNMP's parser knows as keywords: importing them loads nothing. */
  private static final Set<String> KEYWORDS = keywords();

  private final List<Path> path;
  private final boolean lenient;
  private final List<MibException> problems;
  private final Map<String, ModuleSource> parsed = new HashMap<>();
  private final Map<String, ModuleSource> modules = new LinkedHashMap<>();
  private final Set<String> loading = new LinkedHashSet<>();
  private final Map<Path, Map<String, Path>> firstModuleIndex = new HashMap<>();

  MibLoader(List<Path> path, boolean lenient, List<MibException> problems) {
    this.path = List.copyOf(path);
    this.lenient = lenient;
    this.problems = problems;
  }

  /** Every module loaded so far, each after those it imports. */
  List<ModuleSource> modules() {
    return new ArrayList<>(modules.values());
  }

  /** Takes {@code loaded}, each after what it imports, as loaded already: they are not looked up again. */
  void preload(List<ModuleSource> loaded) {
    for (ModuleSource m : loaded) {
      parsed.putIfAbsent(m.name(), m);
      modules.putIfAbsent(m.name(), m);
    }
  }

  /** Loads module {@code name} from the path (or the built-in base) with its imports. */
  void load(String name) {
    load(name, null, null);
  }

  /** Loads every module in {@code file} with their imports. */
  void loadFile(Path file) {
    for (ModuleSource m : parseFile(file)) {
      parsed.putIfAbsent(m.name(), m);
      link(m);
    }
  }

  private void load(String name, ModuleSource importer, Token at) {
    if (modules.containsKey(name)) {
      return;
    }
    if (loading.contains(name)) {
      List<String> cycle = new ArrayList<>(loading);
      cycle = cycle.subList(cycle.indexOf(name), cycle.size());
      problem(importer, at, "import cycle: " + String.join(" -> ", cycle) + " -> " + name);
      return;
    }
    ModuleSource m = find(name);
    if (m == null) {
      problem(importer, at, "cannot find module " + name + (importer == null ? "" : " imported by " + importer.name())
          + " in " + (path.isEmpty() ? "an empty search path" : path.toString()));
      return;
    }
    link(m);
  }

  private void link(ModuleSource m) {
    if (modules.containsKey(m.name()) || loading.contains(m.name())) {
      return;
    }
    loading.add(m.name());
    problems.addAll(m.skipped());
    Map<String, List<String>> byModule = new LinkedHashMap<>();
    m.imports().forEach((symbol, from) -> {
      // Net-SNMP reads its keywords (macros, base types) itself and loads no module for them: importing
      // only OBJECT-TYPE FROM RFC-1212 does not load RFC-1212, which changes who defines what first
      if (!KEYWORDS.contains(symbol)) {
        byModule.computeIfAbsent(from, k -> new ArrayList<>()).add(symbol);
      }
    });
    byModule.forEach((from, symbols) -> {
      Token at = m.importAt().get(from);
      load(from, m, at);
      ModuleSource source = modules.get(from);
      if (source != null) {
        for (String symbol : symbols) {
          if (source.definitions().stream().noneMatch(d -> d.name().equals(symbol))) {
            problem(m, at, "'" + symbol + "' is not defined in module " + from);
          }
        }
      }
    });
    loading.remove(m.name());
    modules.put(m.name(), m);
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
    Path file = locate(name);
    if (file != null) {
      try {
        for (ModuleSource each : parseFile(file)) {
          parsed.putIfAbsent(each.name(), each);
        }
      } catch (MibException e) {
        if (!lenient) {
          throw e;
        }
        problems.add(e); // a file broken beyond its definitions: as if it were missing
      }
      m = parsed.get(name);
    }
    if (m == null) {
      m = BaseModules.get(name);
    }
    return m;
  }

  /** The file holding module {@code name}: by file name first, then by each file's first module. */
  private Path locate(String name) {
    for (Path dir : path) {
      for (String ext : EXTENSIONS) {
        Path f = dir.resolve(name + ext);
        if (Files.isRegularFile(f)) {
          return f;
        }
      }
    }
    for (Path dir : path) {
      Path f = firstModuleIndex.computeIfAbsent(dir, MibLoader::indexDirectory).get(name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static Map<String, Path> indexDirectory(Path dir) {
    Map<String, Path> index = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return index;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(Files::isRegularFile).sorted().forEach(f -> {
        String first = MibParser.firstModuleName(head(f));
        if (first != null) {
          index.putIfAbsent(first, f);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list MIB directory " + dir, e);
    }
    return index;
  }

  private static String head(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      // a name cut off at the end of the head only makes the first module unknown; its start is what counts
      return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  private List<ModuleSource> parseFile(Path file) {
    String text;
    try {
      // ISO-8859-1 maps every byte: vendor MIBs carry stray Latin-1 and UTF-8 in descriptions
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new MibException("cannot read MIB file " + file + ": " + e.getMessage());
    }
    return MibParser.parse(file.getFileName().toString(), text, lenient);
  }

  private void problem(ModuleSource where, Token at, String reason) {
    MibException e = where == null || at == null ? new MibException(reason) : new MibException(where.file(), at.line(), at.column(), reason);
    if (!lenient) {
      throw e;
    }
    problems.add(e);
  }
}
