package dev.puresnmp.mib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MibTree} could not link when it linked each module, and the problems that go with it, in the
 * order Net-SNMP 5.9 prints them (found by experiment with snmptranslate): after each module, "Did not find"
 * for each import not in the tree, then "Unlinked OID" for each definition whose parent the module neither
 * defines nor imports; once every module is linked (and at the end of each {@code ALL}), "Cannot adopt
 * OID" for what no node took. Net-SNMP keeps such "orphans" in a table hashed by the parent's name (the sum
 * of its lower-case characters, modulo 128) and reports them in that table's order: for one parent the
 * last found first, and the other way round at each report after the first.
 */
final class Orphans {
  /** A definition waiting for its parent. */
  record Orphan(ModuleSource source, Definition def) {
    /** The name the definition hangs below: its OID value's first name, or a trap's enterprise. */
    String parent() {
      return def.macro().equals("TRAP-TYPE") ? def.enterprise() : def.oid().get(0).name();
    }
  }

  /** What linking each module found, by module name, in load order. */
  final Map<String, List<MibException>> moduleProblems = new LinkedHashMap<>();
  /** What could not be linked at all. */
  final List<MibException> endProblems = new ArrayList<>();
  /** Every orphan so far, the last found first. */
  final List<Orphan> left = new ArrayList<>();
  private int reports;
  private final boolean lenient;
  private final Map<Definition, Integer> endLines;

  Orphans(boolean lenient, Map<Definition, Integer> endLines) {
    this.lenient = lenient;
    this.endLines = endLines;
  }

  /** Starts the problems of module {@code m}. */
  void module(ModuleSource m) {
    moduleProblems.putIfAbsent(m.name(), new ArrayList<>());
  }

  /** "Did not find 'symbol' in module from": {@code known} whether that module was found at all. */
  void importNotFound(ModuleSource m, String symbol, String from, boolean known) {
    Token at = m.importAt().get(from);
    MibException e = new MibException(m.file(), at == null ? 0 : at.line(), at == null ? 0 : at.column(),
        "'" + symbol + "' is not defined in module " + from + (known ? "" : ", which was not found"),
        MibException.Kind.SYMBOL_NOT_FOUND, null, known ? List.of(symbol, from) : List.of(symbol));
    add(m, e);
  }

  /** Takes what module {@code m} left unlinked, reporting those whose parent is none of its own definitions. */
  void unlinked(ModuleSource m, List<Orphan> pending) {
    List<Orphan> reported = new ArrayList<>();
    for (int i = pending.size() - 1; i >= 0; i--) {
      Orphan o = pending.get(i);
      left.add(pending.size() - 1 - i, o);
      if (m.definitions().stream().noneMatch(d -> d.name().equals(o.parent()))) {
        reported.add(o);
      }
    }
    reported.sort(Comparator.comparingInt(o -> bucket(o.parent())));
    if (lenient) {
      for (Orphan o : reported) {
        moduleProblems.get(m.name()).add(new MibException(m.file(), endLines.getOrDefault(o.def(), o.def().line()),
            o.def().column(), o.def().name() + " is below " + o.parent() + ", which " + m.name() + " neither defines nor imports",
            MibException.Kind.UNLINKED, null, subjects(o)));
      }
    }
  }

  /**
   * Reports what is still left after the orphans were adopted where they could be: with {@code after} null
   * once every module is linked, else at the end of an {@code ALL} whose last module was {@code after}.
   */
  void notAdopted(ModuleSource after) {
    if (!lenient && after != null) {
      return; // strict: only what is never linked fails
    }
    List<Orphan> sorted = new ArrayList<>(left);
    if (reports++ % 2 == 1) {
      Collections.reverse(sorted);
    }
    sorted.sort(Comparator.comparingInt(o -> bucket(o.parent())));
    for (Orphan o : sorted) {
      MibException e = new MibException(o.source().file(), o.def().line(), o.def().column(),
          "cannot link " + o.def().name() + ": its parent " + o.parent() + " is not defined", MibException.Kind.NOT_ADOPTED,
          null, subjects(o));
      if (!lenient) {
        throw e;
      }
      (after == null ? endProblems : moduleProblems.get(after.name())).add(e);
    }
  }

  /** Any other problem of a definition of {@code m}. */
  void problem(ModuleSource m, Definition d, String reason) {
    add(m, new MibException(m.file(), d.line(), d.column(), reason));
  }

  private void add(ModuleSource m, MibException e) {
    if (!lenient) {
      throw e;
    }
    moduleProblems.get(m.name()).add(e);
  }

  private static int bucket(String label) {
    int sum = 0;
    for (char c : label.toCharArray()) {
      sum += Character.toLowerCase(c);
    }
    return sum & 127;
  }

  /**
   * [module, the node Net-SNMP could not link, its parent, its arc]: a trap's "enterprise#" node, else the
   * definition, or for { parent a b } the node between ("&lt;no label&gt;"; Net-SNMP numbers it "anonymous#N").
   */
  private static List<String> subjects(Orphan o) {
    Definition d = o.def();
    if (d.macro().equals("TRAP-TYPE")) {
      return List.of(o.source().name(), d.enterprise() + "#", d.enterprise(), "0");
    }
    List<Definition.OidPart> parts = d.oid();
    Definition.OidPart second = parts.size() > 1 ? parts.get(1) : null;
    String label = parts.size() <= 2 ? d.name() : second.name() == null ? "<no label>" : second.name();
    return List.of(o.source().name(), label, o.parent(), second == null || second.number() == null ? "0" : Long.toString(second.number()));
  }
}
