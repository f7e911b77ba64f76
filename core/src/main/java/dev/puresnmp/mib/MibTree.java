package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links loaded modules into one OID tree and resolves syntaxes through textual conventions. Names in
 * an OID value are looked up as Net-SNMP looks them up: in the module itself, then in what it imports,
 * and, for a name neither defines, once the module is linked, the node most recently given that name
 * anywhere (Net-SNMP links such an "orphan" later and warns "Unlinked OID"). A node defined by two modules
 * keeps the first module's name; a name given to two nodes means, where nothing narrows it, the node that
 * got it last (snmptranslate -IR, found by experiment: docs/mibs.md, "Loading").
 */
final class MibTree {
  /** The base types Net-SNMP knows by keyword; resolution stops at them (RFC 2578 §7.1, RFC 1155 §3.2). */
  static final Set<String> BASE_TYPES =
      Set.of(
          "INTEGER", "Integer32", "Unsigned32", "Counter32", "Counter64", "Gauge32", "TimeTicks", "IpAddress", "Opaque",
          "OCTET STRING", "OBJECT IDENTIFIER", "BITS", "NetworkAddress", "Counter", "Gauge");
  /** Textual conventions that refer to one another in a loop are cut off here. */
  private static final int MAX_TYPE_DEPTH = 32;

  final MibNode root = new MibNode(-1, null, null, null);
  final Map<String, List<MibNode>> labels = new HashMap<>();
  final Map<String, Map<String, MibNode>> moduleLabels = new LinkedHashMap<>();
  final Map<String, ModuleSource> modules = new LinkedHashMap<>();
  final List<MibObject> objects = new ArrayList<>();
  private final boolean lenient;
  /** What linking could not link, and its problems by module (Net-SNMP prints them right after the module). */
  final Orphans orphans;

  private MibTree(boolean lenient, Map<Definition, Integer> endLines) {
    this.lenient = lenient;
    this.orphans = new Orphans(lenient, endLines);
    // Net-SNMP's three roots (X.660) belong to no module: it prints "iso", not "SNMPv2-SMI::iso"
    String[] roots = {"ccitt", "iso", "joint-iso-ccitt"};
    for (int i = 0; i < roots.length; i++) {
      MibNode n = new MibNode(i, root, roots[i], null);
      root.children.put((long) i, n);
      List<MibNode> same = new ArrayList<>(1); // no lambda: a JVM's first costs milliseconds, and Mib.builtIn() comes here
      same.add(n);
      labels.put(roots[i], same);
    }
  }

  /**
   * A tree of the three roots only, for a reader that adds its nodes itself: nothing to link, so none of
   * linking's lambdas (a JVM's first costs milliseconds, and Mib.builtIn() comes here).
   */
  static MibTree roots() {
    return new MibTree(false, Map.of());
  }

  /** Links {@code sources} in order; every problem is added to {@code problems}, each module's in order. */
  static MibTree link(List<ModuleSource> sources, boolean lenient, List<MibException> problems) {
    MibTree t = link(sources, lenient, new IdentityHashMap<>(), List.of());
    t.orphans.moduleProblems.values().forEach(problems::addAll);
    problems.addAll(t.orphans.endProblems);
    return t;
  }

  /**
   * Links {@code sources} in order, keeping the problems in {@link #orphans};
   * {@code endLines} says where each definition ends (else its start is named); {@code adoptAfter} holds
   * the counts of modules after which an {@code ALL} ended, where Net-SNMP adopts its orphans too.
   */
  static MibTree link(List<ModuleSource> sources, boolean lenient, Map<Definition, Integer> endLines, List<Integer> adoptAfter) {
    MibTree t = new MibTree(lenient, endLines);
    for (ModuleSource m : sources) {
      t.modules.put(m.name(), m);
      t.moduleLabels.putIfAbsent(m.name(), new HashMap<>());
      t.orphans.module(m);
    }
    t.linkAll(sources, adoptAfter);
    t.describe(t.root);
    return t;
  }

  private void linkAll(List<ModuleSource> sources, List<Integer> adoptAfter) {
    // Module by module in load order, and within a module until no definition moves: a definition may
    // name a parent that the module defines further down. What is left waits, as Net-SNMP's orphans do,
    // until every module is linked, for the node last given its parent's name by any module: snmptranslate
    // -m B:D:A links D's { x 7 } below A's x, not B's, though B's was there when D was read.
    int linked = 0;
    for (ModuleSource m : sources) {
      checkImports(m);
      List<Orphans.Orphan> pending = new ArrayList<>();
      for (Definition d : m.definitions()) {
        if (d.oid() != null || d.macro().equals("TRAP-TYPE")) {
          pending.add(new Orphans.Orphan(m, d));
        }
      }
      linkUntilStuck(pending, false);
      orphans.unlinked(m, pending);
      linked++;
      for (int end : adoptAfter) {
        if (end == linked) {
          linkUntilStuck(orphans.left, true);
          orphans.notAdopted(m);
        }
      }
    }
    linkUntilStuck(orphans.left, true);
    orphans.notAdopted(null);
  }

  /**
   * Reports each symbol {@code m} imports that is neither a node its module has linked so far nor a type it
   * defines, as Net-SNMP checks imports against its tree when it links a module ("Did not find"): a node
   * of a module still loading (an import cycle), or one its module could not link, is not found either.
   */
  private void checkImports(ModuleSource m) {
    m.imports().forEach((symbol, from) -> {
      if (MibLoader.KEYWORDS.contains(symbol)) {
        return;
      }
      ModuleSource source = modules.get(from);
      boolean found = source != null && (moduleLabels.get(from).containsKey(symbol) || typeIn(source, symbol) != null);
      // strict: only a symbol its module lacks fails; a missing module failed loading (or came built in)
      if (!found && (lenient || source != null && source.definitions().stream().noneMatch(d -> d.name().equals(symbol)))) {
        orphans.importNotFound(m, symbol, from, source != null);
      }
    });
  }

  private void linkUntilStuck(List<Orphans.Orphan> pending, boolean anywhere) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Iterator<Orphans.Orphan> it = pending.iterator(); it.hasNext(); ) {
        Orphans.Orphan p = it.next();
        if (tryLink(p.source(), p.def(), anywhere)) {
          it.remove();
          moved = true;
        }
      }
    }
  }

  private boolean tryLink(ModuleSource m, Definition d, boolean anywhere) {
    List<Definition.OidPart> parts = d.oid();
    MibNode node;
    int from;
    if (d.macro().equals("TRAP-TYPE")) {
      // RFC 1908 §3.1.2: an SNMPv1 trap is the SNMPv2 notification enterprise.0.specific-trap
      node = anywhere ? lookup(m, d.enterprise()) : scoped(m, d.enterprise());
      if (node == null) {
        return false;
      }
      // Net-SNMP names the node between them after the enterprise: "pstV1#"
      node = childOf(node, 0, node.label + "#", m);
      parts = List.of(new Definition.OidPart(null, d.trapNumber()));
      from = 0;
    } else {
      Definition.OidPart first = parts.get(0);
      if (first.name() == null) {
        node = root.child(first.number());
        if (node == null) {
          node = childOf(root, first.number(), null, m);
        }
      } else {
        node = anywhere ? lookup(m, first.name()) : scoped(m, first.name());
        if (node == null) {
          return false;
        }
      }
      from = 1;
      if (parts.size() == 1) {
        // "x OBJECT IDENTIFIER ::= { y }": another name for y; Net-SNMP has no way to print it either
        define(node, m, d);
        return true;
      }
    }
    if (depth(node) + parts.size() - from > Oid.MAX_ARCS) {
      // RFC 2578 §3.5: at most 128 sub-identifiers; a deeper chain of definitions would give OIDs that cannot exist
      problem(m, d, "the OID value of " + d.name() + " makes an OID of more than " + Oid.MAX_ARCS + " arcs");
      return true;
    }
    for (int i = from; i < parts.size() - 1; i++) {
      Definition.OidPart part = parts.get(i);
      if (part.number() == null) {
        problem(m, d, "expected a number for " + part.name() + " inside the OID value of " + d.name());
        return true;
      }
      node = childOf(node, part.number(), part.name(), m);
    }
    Definition.OidPart last = parts.get(parts.size() - 1);
    if (last.number() == null) {
      problem(m, d, "expected a number at the end of the OID value of " + d.name() + ", found " + last.name());
      return true;
    }
    MibNode leaf = childOf(node, last.number(), d.name(), m);
    define(leaf, m, d);
    return true;
  }

  private void define(MibNode node, ModuleSource m, Definition d) {
    if (node.definition == null && d.name().equals(node.label)) {
      node.definition = d;
      node.source = m;
    }
    name(node, d.name(), m);
  }

  private MibNode childOf(MibNode parent, long arc, String label, ModuleSource m) {
    MibNode n = parent.child(arc);
    if (n == null) {
      n = new MibNode(arc, parent, label, label == null ? null : m.name());
      parent.children.put(arc, n);
    } else if (n.label == null && label != null) {
      n.label = label;
      n.module = m.name();
    }
    if (label != null) {
      name(n, label, m);
    }
    return n;
  }

  /** Registers {@code label} for {@code node}; a second label for a node only adds a name to look up. */
  private void name(MibNode node, String label, ModuleSource m) {
    moduleLabels.get(m.name()).putIfAbsent(label, node);
    List<MibNode> same = labels.computeIfAbsent(label, k -> new ArrayList<>());
    if (!same.contains(node)) {
      same.add(node);
    }
  }

  /** The node {@code label} means in module {@code m}: {@link #scoped}, else the node that got the name last. */
  MibNode lookup(ModuleSource m, String label) {
    MibNode n = scoped(m, label);
    return n != null ? n : latest(label);
  }

  /** The node {@code label} means inside module {@code m}: its own, an import, or a root (which every module has). */
  private MibNode scoped(ModuleSource m, String label) {
    MibNode n = moduleLabels.get(m.name()).get(label);
    if (n != null) {
      return n;
    }
    String from = m.imports().get(label);
    if (from != null && moduleLabels.containsKey(from)) {
      n = moduleLabels.get(from).get(label);
      if (n != null) {
        return n;
      }
    }
    for (MibNode root : this.root.children.values()) {
      if (label.equals(root.label)) {
        return root;
      }
    }
    return null;
  }

  /**
   * The node most recently given {@code label}, by any module: what a name means where nothing narrows it
   * (snmptranslate -IR, an INDEX, an orphan's parent), as Net-SNMP's label lookup finds the newest node first.
   */
  MibNode latest(String label) {
    List<MibNode> same = labels.get(label);
    return same == null ? null : same.get(same.size() - 1);
  }

  private record TypeRef(ModuleSource source, Definition def) {}

  /** The type definition {@code name} means in module {@code m}, looked up as {@link #lookup} does. */
  private TypeRef type(ModuleSource m, String name) {
    for (Definition d : m.definitions()) {
      if (d.isType() && d.name().equals(name)) {
        return new TypeRef(m, d);
      }
    }
    String from = m.imports().get(name);
    if (from != null && modules.containsKey(from)) {
      TypeRef r = typeIn(modules.get(from), name);
      if (r != null) {
        return r;
      }
    }
    for (ModuleSource other : modules.values()) {
      TypeRef r = typeIn(other, name);
      if (r != null) {
        return r;
      }
    }
    ModuleSource base = BaseModules.get("SNMPv2-TC");
    TypeRef r = typeIn(base, name);
    return r != null ? r : typeIn(BaseModules.get("SNMPv2-SMI"), name);
  }

  private static TypeRef typeIn(ModuleSource m, String name) {
    for (Definition d : m.definitions()) {
      if (d.isType() && d.name().equals(name)) {
        return new TypeRef(m, d);
      }
    }
    return null;
  }

  /** What {@code syntax} resolves to: base type, first named type, hint, enums and ranges. */
  record Resolved(String baseType, String tc, String hint, Map<Long, String> enums, List<Syntax.Range> ranges) {}

  Resolved resolve(ModuleSource m, Syntax syntax) {
    String tc = null;
    String hint = null;
    Map<Long, String> enums = syntax.namedNumbers();
    List<Syntax.Range> ranges = syntax.ranges();
    ModuleSource scope = m;
    Syntax s = syntax;
    for (int depth = 0; depth < MAX_TYPE_DEPTH && !BASE_TYPES.contains(s.type()) && !s.type().startsWith("SEQUENCE"); depth++) {
      TypeRef r = type(scope, s.type());
      if (r == null || r.def().syntax() == null) {
        return new Resolved(null, tc == null ? s.type() : tc, hint, enums, ranges); // Net-SNMP: an unknown type
      }
      if (tc == null) {
        tc = s.type();
      }
      if (hint == null) {
        hint = r.def().displayHint();
      }
      s = r.def().syntax();
      scope = r.source();
      enums = enums.isEmpty() ? s.namedNumbers() : enums;
      ranges = ranges.isEmpty() ? s.ranges() : ranges;
    }
    return new Resolved(s.type(), tc, hint, enums, ranges);
  }

  /** Builds the {@link MibObject} of every defined node, parents before children. */
  private void describe(MibNode n) {
    if (n.definition != null) {
      n.object = object(n);
      objects.add(n.object);
    } else if (n.label != null && n.module != null) {
      // named inside another OID value, as org(3) in { iso org(3) dod(6) 1 }
      n.object = new MibObject(n.label, n.module, oidOf(n), MibObject.Kind.NODE, MibObject.Role.NONE, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of());
      objects.add(n.object);
    }
    for (MibNode c : n.children.values()) {
      describe(c);
    }
  }

  private MibObject object(MibNode n) {
    Definition d = n.definition;
    Resolved r = d.syntax() == null ? null : resolve(n.source, d.syntax());
    MibObject.Kind kind = kind(d.macro());
    MibObject.Role role = MibObject.Role.NONE;
    if (kind == MibObject.Kind.OBJECT_TYPE) {
      MibObject parent = n.parent.object;
      if (d.syntax().type().startsWith("SEQUENCE OF")) {
        role = MibObject.Role.TABLE;
      } else if (!d.index().isEmpty() || d.augments() != null) {
        role = MibObject.Role.ROW;
      } else if (parent != null && parent.role() == MibObject.Role.ROW) {
        role = MibObject.Role.COLUMN;
      } else {
        role = MibObject.Role.SCALAR;
      }
    }
    return new MibObject(
        d.name(), n.source.name(), oidOf(n), kind, role, Optional.ofNullable(d.syntax()),
        Optional.ofNullable(r == null ? null : r.baseType()),
        Optional.ofNullable(r == null ? null : r.tc()), Optional.ofNullable(r == null ? null : r.hint()),
        r == null ? Map.of() : r.enums(), r == null ? List.of() : r.ranges(),
        Optional.ofNullable(d.access()), Optional.ofNullable(d.status()), Optional.ofNullable(d.description()),
        Optional.ofNullable(d.units()), Optional.ofNullable(d.reference()), Optional.ofNullable(d.defval()), d.index(),
        Optional.ofNullable(d.augments()), d.objects());
  }

  private static MibObject.Kind kind(String macro) {
    switch (macro) {
      case "OBJECT IDENTIFIER":
        return MibObject.Kind.NODE;
      default:
        return MibObject.Kind.valueOf(macro.replace('-', '_'));
    }
  }

  /** How many arcs the OID of {@code n} has. */
  private static int depth(MibNode n) {
    int depth = 0;
    for (MibNode p = n; p.parent != null; p = p.parent) {
      depth++;
    }
    return depth;
  }

  static Oid oidOf(MibNode n) {
    int depth = 0;
    for (MibNode p = n; p.parent != null; p = p.parent) {
      depth++;
    }
    int[] arcs = new int[depth];
    for (MibNode p = n; p.parent != null; p = p.parent) {
      arcs[--depth] = (int) p.arc;
    }
    return Oid.of(arcs);
  }

  private void problem(ModuleSource m, Definition d, String reason) {
    orphans.problem(m, d, reason);
  }
}
