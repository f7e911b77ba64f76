package dev.puresnmp.mib;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a MIB image in the format {@link MibImageReader} describes: the modules as parsed and the tree
 * linked from them. Only the generator uses it, so it lives with the tests. The same input gives the
 * same bytes: label tables are written sorted.
 */
final class MibImageWriter {
  /** Where the body goes; a length-prefixed part is written to a buffer of its own first. */
  private ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 18);
  /** In the first pass how often each string is written; in the second its index, most frequent first. */
  private Map<String, Integer> strings = new LinkedHashMap<>();
  private boolean counting = true;
  /** Each definition's offset after the modules' length. */
  private final Map<Definition, Integer> definitions = new IdentityHashMap<>();
  private final Map<MibNode, Integer> nodes = new IdentityHashMap<>();
  private final Map<String, Integer> syntaxes = new LinkedHashMap<>();
  /** The layout of each object an INDEX names, written with it. */
  private final Map<MibNode, IndexType> layouts = new IdentityHashMap<>();
  private final List<Syntax> syntaxList = new ArrayList<>();
  private final boolean descriptions;
  /** What the image was linked from, written before the string table; null for none. */
  private final byte[] linkedLoad;

  private MibImageWriter(boolean descriptions, byte[] linkedLoad) {
    this.descriptions = descriptions;
    this.linkedLoad = linkedLoad;
  }

  /**
   * The image of {@code tree} as linked from {@code modules}; without DESCRIPTION clauses unless
   * {@code descriptions}.
   */
  static byte[] write(List<ModuleSource> modules, MibTree tree, boolean descriptions) {
    return write(modules, tree, descriptions, null);
  }

  /**
   * The image of {@code tree}, as {@link #write(List, MibTree, boolean)}, led by {@code linkedLoad} (a
   * {@link LinkedLoad} as {@link LinkedImageGenerator#encode} encodes it) when not null.
   */
  static byte[] write(List<ModuleSource> modules, MibTree tree, boolean descriptions, byte[] linkedLoad) {
    MibImageWriter w = new MibImageWriter(descriptions, linkedLoad);
    w.body(modules, tree);
    // a one-byte index for the 127 most used strings: fewer bytes and, cold, fewer steps for the reader
    List<Map.Entry<String, Integer>> byUse = new ArrayList<>(w.strings.entrySet());
    byUse.sort(Map.Entry.<String, Integer>comparingByValue().reversed()); // stable: ties keep first-use order
    w.strings = new LinkedHashMap<>();
    byUse.forEach(e -> w.strings.put(e.getKey(), w.strings.size()));
    w.counting = false;
    w.body.reset();
    w.definitions.clear();
    w.nodes.clear();
    w.body(modules, tree);
    return w.image();
  }

  private void body(List<ModuleSource> modules, MibTree tree) {
    syntaxes.clear();
    syntaxList.clear();
    for (ModuleSource m : modules) {
      for (Definition d : m.definitions()) {
        if (d.syntax() != null) {
          // toString shows the named numbers in their order, which equals() on the map does not compare
          syntaxes.putIfAbsent(d.syntax().toString() + "|" + d.syntax().size(), syntaxes.size());
          if (syntaxes.size() > syntaxList.size()) {
            syntaxList.add(d.syntax());
          }
        }
      }
    }
    count(syntaxList.size());
    for (Syntax s : syntaxList) {
      lengthPrefixed(() -> {
        string(s.type());
        enums(s.namedNumbers());
        ranges(s.ranges());
        body.write(s.size() ? 1 : 0);
      });
    }
    count(modules.size());
    for (ModuleSource m : modules) {
      string(m.name());
    }
    lengthPrefixed(() -> modules.forEach(this::module));
    layouts(tree, tree.root);
    count(countNodes(tree.root, false));
    count(countNodes(tree.root, true));
    children(tree.root);
    Map<String, List<MibNode>> labels = new TreeMap<>(tree.labels);
    count(labels.size());
    labels.forEach((label, same) -> {
      string(label);
      count(same.size());
      same.forEach(n -> count(node(n)));
    });
    count(tree.moduleLabels.size());
    tree.moduleLabels.forEach((module, byLabel) -> {
      string(module);
      count(byLabel.size());
      new TreeMap<>(byLabel).forEach((label, n) -> {
        string(label);
        count(node(n));
      });
    });
  }

  private byte[] image() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + (1 << 16));
    out.writeBytes(MibImageReader.MAGIC);
    out.write(MibImageReader.VERSION);
    out.write((descriptions ? MibImageReader.FLAG_DESCRIPTIONS : 0) | (linkedLoad != null ? MibImageReader.FLAG_LINKED_LOAD : 0));
    if (linkedLoad != null) {
      varint(out, linkedLoad.length);
      out.writeBytes(linkedLoad);
    }
    varint(out, strings.size());
    for (String s : strings.keySet()) {
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      varint(out, b.length);
      out.writeBytes(b);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private void module(ModuleSource m) {
    if (!m.skipped().isEmpty()) {
      throw new IllegalArgumentException(m.name() + ": a module with skipped definitions cannot be built in: " + m.skipped());
    }
    string(m.file());
    count(m.imports().size());
    m.imports().forEach((symbol, from) -> {
      string(symbol);
      string(from);
    });
    count(m.importAt().size());
    m.importAt().forEach((module, at) -> {
      string(module);
      body.write(at.kind().ordinal());
      string(at.text());
      count(at.line());
      count(at.column());
    });
    count(m.definitions().size());
    for (Definition d : m.definitions()) {
      definitions.put(d, body.size());
      definition(d);
    }
  }

  private void definition(Definition d) {
    String description = descriptions ? d.description() : null;
    int has = (d.oid() != null ? MibImageReader.HAS_OID : 0)
        | (d.syntax() != null ? MibImageReader.HAS_SYNTAX : 0)
        | (d.access() != null ? MibImageReader.HAS_ACCESS : 0)
        | (d.status() != null ? MibImageReader.HAS_STATUS : 0)
        | (description != null ? MibImageReader.HAS_DESCRIPTION : 0)
        | (d.units() != null ? MibImageReader.HAS_UNITS : 0)
        | (d.displayHint() != null ? MibImageReader.HAS_HINT : 0)
        | (d.reference() != null ? MibImageReader.HAS_REFERENCE : 0)
        | (!d.index().isEmpty() ? MibImageReader.HAS_INDEX : 0)
        | (d.augments() != null ? MibImageReader.HAS_AUGMENTS : 0)
        | (d.defval() != null ? MibImageReader.HAS_DEFVAL : 0)
        | (!d.objects().isEmpty() ? MibImageReader.HAS_OBJECTS : 0)
        | (d.enterprise() != null ? MibImageReader.HAS_ENTERPRISE : 0)
        | (d.trapNumber() != -1 ? MibImageReader.HAS_TRAP_NUMBER : 0);
    count(has);
    string(d.name());
    string(d.macro());
    if (d.oid() != null) {
      count(d.oid().size());
      for (Definition.OidPart p : d.oid()) {
        string(p.name());
        if (p.number() != null && p.number() < 0) {
          throw new IllegalArgumentException(d.name() + ": negative arc " + p.number());
        }
        varint(body, p.number() == null ? 0 : p.number() + 1);
      }
    }
    if (d.syntax() != null) {
      count(syntaxes.get(d.syntax().toString() + "|" + d.syntax().size()));
    }
    for (String clause : new String[] {d.access(), d.status(), description, d.units(), d.displayHint(), d.reference()}) {
      if (clause != null) {
        string(clause);
      }
    }
    if (!d.index().isEmpty()) {
      count(d.index().size());
      for (MibObject.IndexPart p : d.index()) {
        string(p.name());
        body.write(p.implied() ? 1 : 0);
      }
    }
    for (String clause : new String[] {d.augments(), d.defval()}) {
      if (clause != null) {
        string(clause);
      }
    }
    if (!d.objects().isEmpty()) {
      count(d.objects().size());
      d.objects().forEach(this::string);
    }
    if (d.enterprise() != null) {
      string(d.enterprise());
    }
    if (d.trapNumber() != -1) {
      zigzag(d.trapNumber());
    }
    count(d.line());
    count(d.column());
  }

  private void children(MibNode parent) {
    count(parent.children.size());
    for (MibNode n : parent.children.values()) {
      nodes.put(n, nodes.size());
      varint(body, n.arc);
      string(n.label);
      string(n.module);
      object(n);
      IndexType layout = layouts.get(n);
      if (layout != null) {
        body.write(layout.category.ordinal());
        zigzag(layout.fixedSize);
        body.write(layout.inetAddress ? 1 : 0);
        enums(layout.enums);
      }
      children(n);
    }
  }

  private void layouts(MibTree tree, MibNode n) {
    for (MibNode c : n.children.values()) {
      if (c.definition != null) {
        for (MibObject.IndexPart p : c.definition.index()) {
          MibNode named = tree.latest(p.name());
          if (named != null && named.object != null) {
            layouts.put(named, IndexType.of(tree, p.name()));
          }
        }
      }
      layouts(tree, c);
    }
  }

  /** The nodes below {@code n}, or only those with an object. */
  private static int countNodes(MibNode n, boolean objects) {
    int sum = 0;
    for (MibNode c : n.children.values()) {
      sum += (objects && c.object == null ? 0 : 1) + countNodes(c, objects);
    }
    return sum;
  }

  private void object(MibNode n) {
    MibObject o = n.object;
    Definition d = n.definition;
    int layout = layouts.containsKey(n) ? MibImageReader.INDEX_LAYOUT : 0;
    if (o == null) {
      if (d != null) {
        throw new IllegalArgumentException(n.label + ": a definition without an object");
      }
      body.write(MibImageReader.OBJECT_NONE | layout);
    } else if (d == null) {
      if (o.kind() != MibObject.Kind.NODE || !o.name().equals(n.label) || !o.module().equals(n.module)) {
        throw new IllegalArgumentException(o.qualifiedName() + ": an object without a definition must be a plain node");
      }
      body.write(MibImageReader.OBJECT_NODE | layout);
    } else {
      Integer at = definitions.get(d);
      if (at == null || n.source == null) {
        throw new IllegalArgumentException(n.label + ": its definition is not one of the modules written");
      }
      if (!o.name().equals(d.name()) || !o.module().equals(n.source.name())) {
        throw new IllegalArgumentException(o.qualifiedName() + ": expected the name and module of its definition");
      }
      boolean row = !d.index().isEmpty() || d.augments() != null;
      body.write((row ? MibImageReader.OBJECT_ROW : MibImageReader.OBJECT_DEFINED) | layout);
      lengthPrefixed(() -> {
        string(o.module());
        varint(body, at);
        body.write(o.kind().ordinal());
        body.write(o.role().ordinal());
        string(o.baseType().orElse(null));
        string(o.textualConvention().orElse(null));
        string(o.displayHint().orElse(null));
        enums(o.enums());
        ranges(o.ranges());
      });
    }
  }

  /** Writes what {@code part} writes after its length in bytes, so that a reader can pass over it. */
  private void lengthPrefixed(Runnable part) {
    ByteArrayOutputStream outer = body;
    body = new ByteArrayOutputStream();
    part.run();
    ByteArrayOutputStream inner = body;
    body = outer;
    count(inner.size());
    body.writeBytes(inner.toByteArray());
  }

  private void enums(Map<Long, String> enums) {
    count(enums.size());
    enums.forEach((number, label) -> {
      zigzag(number);
      string(label);
    });
  }

  private void ranges(List<Syntax.Range> ranges) {
    count(ranges.size());
    for (Syntax.Range r : ranges) {
      big(r.min());
      big(r.max());
    }
  }

  private void big(BigInteger v) {
    if (v.bitLength() < 64) {
      body.write(MibImageReader.RANGE_LONG);
      zigzag(v.longValueExact());
    } else {
      body.write(MibImageReader.RANGE_BIG);
      byte[] b = v.toByteArray();
      count(b.length);
      body.writeBytes(b);
    }
  }

  private int node(MibNode n) {
    Integer i = nodes.get(n);
    if (i == null) {
      throw new IllegalArgumentException("label table names a node outside the tree: " + n.shownLabel());
    }
    return i;
  }

  private void string(String s) {
    if (s == null) {
      count(0);
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff) {
        throw new IllegalArgumentException("not ISO-8859-1 at " + i + " of \"" + s + "\"");
      }
    }
    if (counting) {
      strings.merge(s, 1, Integer::sum);
    } else {
      count(strings.get(s) + 1);
    }
  }

  private void count(int n) {
    varint(body, n);
  }

  private void zigzag(long v) {
    varint(body, (v << 1) ^ (v >> 63));
  }

  static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}
