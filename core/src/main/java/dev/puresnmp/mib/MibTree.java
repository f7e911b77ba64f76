package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links loaded modules into one OID tree and resolves syntaxes through textual conventions. Names in
 * an OID value are looked up as Net-SNMP looks them up: in the module itself, then in what it imports,
 * then anywhere in the tree. A node defined by two modules keeps the first module's name (Net-SNMP's
 * do_subtree keeps the first modid).
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
  private final List<MibException> problems;

  private MibTree(boolean lenient, List<MibException> problems) {
    this.lenient = lenient;
    this.problems = problems;
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

  static MibTree link(List<ModuleSource> sources, boolean lenient, List<MibException> problems) {
    MibTree t = new MibTree(lenient, problems);
    for (ModuleSource m : sources) {
      t.modules.put(m.name(), m);
      t.moduleLabels.putIfAbsent(m.name(), new HashMap<>());
    }
    t.linkAll(sources);
    t.describe(t.root);
    return t;
  }

  private record Pending(ModuleSource source, Definition def) {}

  private void linkAll(List<ModuleSource> sources) {
    // Module by module in load order, and within a module until no definition moves: a definition may
    // name a parent that the module defines further down.
    List<Pending> left = new ArrayList<>();
    for (ModuleSource m : sources) {
      List<Pending> pending = new ArrayList<>();
      for (Definition d : m.definitions()) {
        if (d.oid() != null || d.macro().equals("TRAP-TYPE")) {
          pending.add(new Pending(m, d));
        }
      }
      linkUntilStuck(pending);
      left.addAll(pending);
    }
    linkUntilStuck(left); // a parent may come from a module loaded later, as Net-SNMP's orphan list allows
    for (Pending p : left) {
      String parent = p.def().macro().equals("TRAP-TYPE") ? p.def().enterprise() : p.def().oid().get(0).name();
      problem(p.source(), p.def(), "cannot link " + p.def().name() + ": its parent " + parent + " is not defined");
    }
  }

  private void linkUntilStuck(List<Pending> pending) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
        Pending p = it.next();
        if (tryLink(p.source(), p.def())) {
          it.remove();
          moved = true;
        }
      }
    }
  }

  private boolean tryLink(ModuleSource m, Definition d) {
    List<Definition.OidPart> parts = d.oid();
    MibNode node;
    int from;
    if (d.macro().equals("TRAP-TYPE")) {
      // RFC 1908 §3.1.2: an SNMPv1 trap is the SNMPv2 notification enterprise.0.specific-trap
      node = lookup(m, d.enterprise());
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
        node = lookup(m, first.name());
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

  /** The node {@code label} means in module {@code m}: its own, an import, else any node so named. */
  MibNode lookup(ModuleSource m, String label) {
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
    return first(label);
  }

  MibNode first(String label) {
    List<MibNode> same = labels.get(label);
    return same == null ? null : same.get(0);
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
    MibException e = new MibException(m.file(), d.line(), d.column(), reason);
    if (!lenient) {
      throw e;
    }
    problems.add(e);
  }
}
