package dev.puresnmp.mib;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A MIB image as {@link MibImageReader} read it: the tree, ready for names, and the module names in
 * load order. What the tree does not hold is decoded from the image bytes on first use: each node's
 * {@link MibObject} with its definition, the syntaxes, and the modules for {@code
 * Mib.builder().builtIn()}. A {@link Mib} is shared between threads, so decoding holds this image's
 * lock and each value is decoded once: every thread gets the same instance. Readers check a node's
 * field without the lock, which is safe because what is stored there is immutable with final fields
 * (JLS §17.5).
 */
final class MibImage {
  private final MibTree tree;
  private final List<String> moduleNames;
  /** The nodes that have an object, in OID order. */
  private final MibNode[] objectNodes;
  /** The image and its string table, shared with the cursors made here. */
  private final MibImageReader image;
  private final int syntaxesAt;
  private final int modulesAt;
  /** Where each syntax starts and the syntaxes decoded so far; null until a syntax is first asked for. */
  private int[] syntaxAt;
  private Syntax[] syntaxes;
  private List<ModuleSource> modules;

  MibImage(MibTree tree, String[] moduleNames, MibNode[] objectNodes, MibImageReader image, int syntaxesAt, int modulesAt) {
    this.tree = tree;
    this.moduleNames = List.of(moduleNames);
    this.objectNodes = objectNodes;
    this.image = image;
    this.syntaxesAt = syntaxesAt;
    this.modulesAt = modulesAt;
  }

  MibTree tree() {
    return tree;
  }

  List<String> moduleNames() {
    return moduleNames;
  }

  /** Every object in OID order, each decoded when first read. */
  List<MibObject> objects() {
    return new ObjectList(objectNodes);
  }

  /** The modules in load order, as our parser read them. */
  synchronized List<ModuleSource> modules() {
    if (modules == null) {
      MibImageReader r = image.at(modulesAt);
      try {
        List<ModuleSource> out = new ArrayList<>(moduleNames.size());
        for (String name : moduleNames) {
          out.add(module(r, name));
        }
        modules = List.copyOf(out);
      } catch (RuntimeException e) {
        throw r.corrupt(e);
      }
    }
    return modules;
  }

  /** The object of {@code n}, decoded once. */
  synchronized MibObject object(MibNode n) {
    if (n.object == null && n.objectAt < 0) {
      n.object = node(n);
    } else if (n.object == null) {
      MibImageReader r = image.at(n.objectAt);
      try {
        n.object = object(r, n);
      } catch (RuntimeException e) {
        throw r.corrupt(e);
      }
    }
    return n.object;
  }

  /** The definition of the row {@code n}, while the tree is read; the image is not shared yet. */
  Definition rowDefinition(MibNode n) {
    MibImageReader r = image.at(n.objectAt);
    r.string();
    return definition((int) r.varint());
  }

  /** A node named inside another OID value, as org(3) in { iso org(3) dod(6) 1 }. */
  private static MibObject node(MibNode n) {
    return new MibObject(n.label, n.module, MibTree.oidOf(n), MibObject.Kind.NODE, MibObject.Role.NONE, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of());
  }

  /** An OBJECT-TYPE or other defined node: the clauses from its definition, the resolved syntax from the image. */
  private MibObject object(MibImageReader r, MibNode n) {
    String module = r.string();
    int definitionAt = (int) r.varint();
    Definition d = n.definition != null ? n.definition : definition(definitionAt);
    MibObject.Kind kind = MibObject.Kind.values()[r.u8()];
    MibObject.Role role = MibObject.Role.values()[r.u8()];
    String baseType = r.string();
    String tc = r.string();
    String hint = r.string();
    Map<Long, String> enums = r.enums();
    List<Syntax.Range> ranges = r.ranges();
    return new MibObject(d.name(), module, MibTree.oidOf(n), kind, role, Optional.ofNullable(d.syntax()),
        Optional.ofNullable(baseType), Optional.ofNullable(tc), Optional.ofNullable(hint), enums, ranges,
        Optional.ofNullable(d.access()), Optional.ofNullable(d.status()), Optional.ofNullable(d.description()),
        Optional.ofNullable(d.units()), Optional.ofNullable(d.reference()), Optional.ofNullable(d.defval()), d.index(),
        Optional.ofNullable(d.augments()), d.objects());
  }

  private ModuleSource module(MibImageReader r, String name) {
    String file = r.string();
    Map<String, String> imports = new LinkedHashMap<>();
    for (int i = r.count(); i > 0; i--) {
      imports.put(r.string(), r.string());
    }
    Map<String, Token> importAt = new LinkedHashMap<>();
    for (int i = r.count(); i > 0; i--) {
      String module = r.string();
      importAt.put(module, new Token(Token.Kind.values()[r.u8()], r.string(), r.count(), r.count()));
    }
    List<Definition> defs = new ArrayList<>();
    for (int i = r.count(); i > 0; i--) {
      defs.add(definition(r));
    }
    return new ModuleSource(name, file, imports, importAt, defs, List.of());
  }

  private Definition definition(int at) {
    return definition(image.at(modulesAt + at));
  }

  private Definition definition(MibImageReader r) {
    int has = r.count();
    String name = r.string();
    String macro = r.string();
    List<Definition.OidPart> oid = null;
    if ((has & MibImageReader.HAS_OID) != 0) {
      Definition.OidPart[] parts = new Definition.OidPart[r.count()];
      for (int i = 0; i < parts.length; i++) {
        String part = r.string();
        long number = r.varint();
        parts[i] = new Definition.OidPart(part, number == 0 ? null : number - 1);
      }
      oid = List.of(parts);
    }
    Syntax syntax = (has & MibImageReader.HAS_SYNTAX) != 0 ? syntax(r.count()) : null;
    String access = (has & MibImageReader.HAS_ACCESS) != 0 ? r.string() : null;
    String status = (has & MibImageReader.HAS_STATUS) != 0 ? r.string() : null;
    String description = (has & MibImageReader.HAS_DESCRIPTION) != 0 ? r.string() : null;
    String units = (has & MibImageReader.HAS_UNITS) != 0 ? r.string() : null;
    String hint = (has & MibImageReader.HAS_HINT) != 0 ? r.string() : null;
    String reference = (has & MibImageReader.HAS_REFERENCE) != 0 ? r.string() : null;
    List<MibObject.IndexPart> index = List.of();
    if ((has & MibImageReader.HAS_INDEX) != 0) {
      MibObject.IndexPart[] parts = new MibObject.IndexPart[r.count()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = new MibObject.IndexPart(r.string(), r.u8() != 0);
      }
      index = List.of(parts);
    }
    String augments = (has & MibImageReader.HAS_AUGMENTS) != 0 ? r.string() : null;
    String defval = (has & MibImageReader.HAS_DEFVAL) != 0 ? r.string() : null;
    List<String> objects = List.of();
    if ((has & MibImageReader.HAS_OBJECTS) != 0) {
      String[] names = new String[r.count()];
      for (int i = 0; i < names.length; i++) {
        names[i] = r.string();
      }
      objects = List.of(names);
    }
    String enterprise = (has & MibImageReader.HAS_ENTERPRISE) != 0 ? r.string() : null;
    long trapNumber = (has & MibImageReader.HAS_TRAP_NUMBER) != 0 ? r.zigzag() : -1;
    return new Definition(name, macro, oid, syntax, access, status, description, units, hint, reference, index,
        augments, defval, objects, enterprise, trapNumber, r.count(), r.count());
  }

  /** Syntax {@code index}, shared by the definitions that write it alike. */
  private Syntax syntax(int index) {
    if (syntaxAt == null) {
      MibImageReader r = image.at(syntaxesAt);
      syntaxAt = new int[r.count()];
      for (int i = 0; i < syntaxAt.length; i++) {
        syntaxAt[i] = r.pos;
        r.skip();
      }
      syntaxes = new Syntax[syntaxAt.length];
    }
    Syntax s = syntaxes[index];
    if (s == null) {
      MibImageReader r = image.at(syntaxAt[index]);
      r.count();
      String type = r.string();
      Map<Long, String> named = r.enums();
      List<Syntax.Range> ranges = r.ranges();
      s = new Syntax(type, named, ranges, r.u8() != 0);
      syntaxes[index] = s;
    }
    return s;
  }

  /** A list of objects decoded on first read, for {@link Mib#objects}. */
  private static final class ObjectList extends AbstractList<MibObject> implements RandomAccess {
    private final MibNode[] nodes;

    ObjectList(MibNode[] nodes) {
      this.nodes = nodes;
    }

    @Override
    public MibObject get(int index) {
      return nodes[index].object();
    }

    @Override
    public int size() {
      return nodes.length;
    }
  }
}
