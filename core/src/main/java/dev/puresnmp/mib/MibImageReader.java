package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a MIB image: modules as our parser read them and the OID tree {@link MibTree} linked from them,
 * stored so that a {@link Mib} is ready without parsing or linking. {@code MibImageWriter} (test code)
 * writes it; the built-in image is the resource {@value #RESOURCE}.
 *
 * <p>Format, version 1. Numbers are unsigned LEB128 varints, signed ones zigzag-encoded; a string is
 * the varint index+1 of an entry of the string table, 0 for null.
 *
 * <pre>
 * image    = "PMIB" version:u8 flags:u8 strings syntaxes modules tree
 * strings  = count (length:varint latin-1-bytes)*        MIB files are read as ISO-8859-1
 * syntaxes = count (type enums ranges size:u8)*          the different SYNTAX clauses, shared
 * modules  = count (name file imports importAt definitions)*
 * definition = presence-mask name macro [oid] [syntax-index] [clauses …] line column
 * tree     = children labels moduleLabels               the root's children, depth first
 * children = count (arc:varint label module definition:varint object children)*
 * object   = 0 none | 1 defined: kind:u8 role:u8 baseType tc hint enums ranges | 2 a node named in an OID value
 * </pre>
 *
 * A node's definition is the index+1 of a definition counted over all modules in order, 0 for none; the
 * label tables refer to nodes by their depth-first index.
 */
final class MibImageReader {
  static final String RESOURCE = "built-in-mibs.bin";
  static final byte[] MAGIC = {'P', 'M', 'I', 'B'};
  static final int VERSION = 1;
  /** Set when the image keeps the DESCRIPTION clauses. */
  static final int FLAG_DESCRIPTIONS = 1;
  static final int OBJECT_NONE = 0;
  static final int OBJECT_DEFINED = 1;
  static final int OBJECT_NODE = 2;
  static final int RANGE_LONG = 0;
  static final int RANGE_BIG = 1;
  // which of a definition's optional clauses follow; a trap number other than -1 counts as one
  static final int HAS_OID = 1;
  static final int HAS_SYNTAX = 1 << 1;
  static final int HAS_ACCESS = 1 << 2;
  static final int HAS_STATUS = 1 << 3;
  static final int HAS_DESCRIPTION = 1 << 4;
  static final int HAS_UNITS = 1 << 5;
  static final int HAS_HINT = 1 << 6;
  static final int HAS_REFERENCE = 1 << 7;
  static final int HAS_INDEX = 1 << 8;
  static final int HAS_AUGMENTS = 1 << 9;
  static final int HAS_DEFVAL = 1 << 10;
  static final int HAS_OBJECTS = 1 << 11;
  static final int HAS_ENTERPRISE = 1 << 12;
  static final int HAS_TRAP_NUMBER = 1 << 13;
  private static final MibObject.Kind[] KINDS = MibObject.Kind.values();
  private static final MibObject.Role[] ROLES = MibObject.Role.values();
  private static final Token.Kind[] TOKEN_KINDS = Token.Kind.values();

  /** What an image holds: the modules in load order and the tree linked from them. */
  record Image(List<ModuleSource> modules, MibTree tree) {}

  private final byte[] in;
  private int pos;
  private String[] strings;
  /** Syntaxes written once and shared: 628 definitions of the built-in set have 150 different ones. */
  private Syntax[] syntaxes;
  private final List<ModuleSource> modules = new ArrayList<>();
  private final List<Definition> definitions = new ArrayList<>();
  /** For each definition, the index of its module. */
  private int[] owners = new int[256];
  private final List<MibNode> nodes = new ArrayList<>();

  private MibImageReader(byte[] in) {
    this.in = in;
  }

  /** The built-in image, read from the classpath. */
  static Image builtIn() {
    try (InputStream s = MibImageReader.class.getResourceAsStream(RESOURCE)) {
      if (s == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath next to " + MibImageReader.class.getName());
      }
      return read(s.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
  }

  /**
   * Decodes an image.
   *
   * @throws IllegalArgumentException if it is not a version 1 image or ends early
   */
  static Image read(byte[] image) {
    MibImageReader r = new MibImageReader(image);
    try {
      return r.image();
    } catch (IndexOutOfBoundsException e) {
      // reads run past the end (or a tag past its table) only here: our own generator writes the image,
      // so the reader checks no byte on the way
      throw new IllegalArgumentException("corrupt MIB image: a read near offset " + Math.min(r.pos, image.length) + " of "
          + image.length + " went out of bounds (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("corrupt MIB image at offset " + r.pos + " of " + image.length + ": " + e.getMessage(), e);
    }
  }

  private Image image() {
    if (in.length < 6 || !Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
      throw new IllegalArgumentException("expected a MIB image starting with \"PMIB\"");
    }
    if (in[4] != VERSION) {
      throw new IllegalArgumentException("expected MIB image version " + VERSION + ", found " + in[4]);
    }
    pos = 6;
    strings = new String[count()];
    for (int i = 0; i < strings.length; i++) {
      int n = count();
      strings[i] = new String(in, pos, n, StandardCharsets.ISO_8859_1);
      pos += n;
    }
    syntaxes = new Syntax[count()];
    for (int i = 0; i < syntaxes.length; i++) {
      String type = string();
      Map<Long, String> named = enums();
      List<Syntax.Range> ranges = ranges();
      syntaxes[i] = new Syntax(type, named, ranges, u8() != 0);
    }
    for (int i = count(); i > 0; i--) {
      modules.add(module(modules.size()));
    }
    // a fresh tree holds the three roots (ccitt, iso, joint-iso-ccitt) and their labels
    MibTree tree = MibTree.link(List.of(), false, new ArrayList<>());
    tree.labels.clear();
    for (ModuleSource m : modules) {
      tree.modules.put(m.name(), m);
    }
    children(tree, tree.root, null);
    for (int i = count(); i > 0; i--) {
      String label = string();
      int n = count();
      List<MibNode> same = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        same.add(nodes.get(count()));
      }
      tree.labels.put(label, same);
    }
    for (int i = count(); i > 0; i--) {
      String module = string();
      int n = count();
      Map<String, MibNode> byLabel = new HashMap<>(n * 2);
      for (int k = 0; k < n; k++) {
        byLabel.put(string(), nodes.get(count()));
      }
      tree.moduleLabels.put(module, byLabel);
    }
    if (pos != in.length) {
      throw new IllegalArgumentException((in.length - pos) + " bytes after the label tables");
    }
    return new Image(List.copyOf(modules), tree);
  }

  private ModuleSource module(int index) {
    String name = string();
    String file = string();
    Map<String, String> imports = new LinkedHashMap<>();
    for (int i = count(); i > 0; i--) {
      imports.put(string(), string());
    }
    Map<String, Token> importAt = new LinkedHashMap<>();
    for (int i = count(); i > 0; i--) {
      String module = string();
      importAt.put(module, new Token(TOKEN_KINDS[u8()], string(), count(), count()));
    }
    List<Definition> defs = new ArrayList<>();
    for (int i = count(); i > 0; i--) {
      Definition d = definition();
      defs.add(d);
      if (definitions.size() == owners.length) {
        owners = Arrays.copyOf(owners, owners.length * 2);
      }
      owners[definitions.size()] = index;
      definitions.add(d);
    }
    return new ModuleSource(name, file, imports, importAt, defs, List.of());
  }

  private Definition definition() {
    int has = count();
    String name = string();
    String macro = string();
    List<Definition.OidPart> oid = null;
    if ((has & HAS_OID) != 0) {
      Definition.OidPart[] parts = new Definition.OidPart[count()];
      for (int i = 0; i < parts.length; i++) {
        String part = string();
        long number = varint();
        parts[i] = new Definition.OidPart(part, number == 0 ? null : number - 1);
      }
      oid = List.of(parts);
    }
    Syntax syntax = (has & HAS_SYNTAX) != 0 ? syntaxes[count()] : null;
    String access = (has & HAS_ACCESS) != 0 ? string() : null;
    String status = (has & HAS_STATUS) != 0 ? string() : null;
    String description = (has & HAS_DESCRIPTION) != 0 ? string() : null;
    String units = (has & HAS_UNITS) != 0 ? string() : null;
    String hint = (has & HAS_HINT) != 0 ? string() : null;
    String reference = (has & HAS_REFERENCE) != 0 ? string() : null;
    List<MibObject.IndexPart> index = List.of();
    if ((has & HAS_INDEX) != 0) {
      MibObject.IndexPart[] parts = new MibObject.IndexPart[count()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = new MibObject.IndexPart(string(), u8() != 0);
      }
      index = List.of(parts);
    }
    String augments = (has & HAS_AUGMENTS) != 0 ? string() : null;
    String defval = (has & HAS_DEFVAL) != 0 ? string() : null;
    List<String> objects = List.of();
    if ((has & HAS_OBJECTS) != 0) {
      String[] names = new String[count()];
      for (int i = 0; i < names.length; i++) {
        names[i] = string();
      }
      objects = List.of(names);
    }
    String enterprise = (has & HAS_ENTERPRISE) != 0 ? string() : null;
    long trapNumber = (has & HAS_TRAP_NUMBER) != 0 ? zigzag() : -1;
    return new Definition(name, macro, oid, syntax, access, status, description, units, hint, reference, index,
        augments, defval, objects, enterprise, trapNumber, count(), count());
  }

  private void children(MibTree tree, MibNode parent, Oid parentOid) {
    for (int i = count(); i > 0; i--) {
      long arc = varint();
      String label = string();
      String module = string();
      MibNode node = parent.child(arc);
      if (node == null) {
        node = new MibNode(arc, parent, label, module);
        parent.children.put(arc, node);
      } else {
        node.label = label; // a root: it exists in every tree
        node.module = module;
      }
      nodes.add(node);
      // one arc appended to the parent's OID: a third of the work of encoding every arc again, cold
      Oid oid = parentOid == null ? Oid.of((int) arc) : parentOid.append((int) arc);
      int def = count();
      if (def > 0) {
        node.definition = definitions.get(def - 1);
        node.source = modules.get(owners[def - 1]);
      }
      int object = u8();
      if (object == OBJECT_DEFINED) {
        node.object = object(node, oid);
      } else if (object == OBJECT_NODE) {
        node.object = new MibObject(label, module, oid, MibObject.Kind.NODE,
            MibObject.Role.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), Optional.empty(), List.of());
      } else if (object != OBJECT_NONE) {
        throw new IllegalArgumentException("unknown object tag " + object);
      }
      if (node.object != null) {
        tree.objects.add(node.object); // depth first, parents first: the order MibTree.describe adds them
      }
      children(tree, node, oid);
    }
  }

  /** An OBJECT-TYPE or other defined node: the clauses from its definition, the resolved syntax from the image. */
  private MibObject object(MibNode node, Oid oid) {
    Definition d = node.definition;
    MibObject.Kind kind = KINDS[u8()];
    MibObject.Role role = ROLES[u8()];
    String baseType = string();
    String tc = string();
    String hint = string();
    Map<Long, String> enums = enums();
    List<Syntax.Range> ranges = ranges();
    return new MibObject(d.name(), node.source.name(), oid, kind, role, Optional.ofNullable(d.syntax()),
        Optional.ofNullable(baseType), Optional.ofNullable(tc), Optional.ofNullable(hint), enums, ranges,
        Optional.ofNullable(d.access()), Optional.ofNullable(d.status()), Optional.ofNullable(d.description()),
        Optional.ofNullable(d.units()), Optional.ofNullable(d.reference()), Optional.ofNullable(d.defval()), d.index(),
        Optional.ofNullable(d.augments()), d.objects());
  }

  private Map<Long, String> enums() {
    int n = count();
    if (n == 0) {
      return Map.of();
    }
    Map<Long, String> out = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      long number = zigzag();
      out.put(number, string());
    }
    return out;
  }

  private List<Syntax.Range> ranges() {
    int n = count();
    if (n == 0) {
      return List.of();
    }
    Syntax.Range[] out = new Syntax.Range[n];
    for (int i = 0; i < n; i++) {
      out[i] = new Syntax.Range(big(), big());
    }
    return List.of(out); // immutable already: Syntax and MibObject keep it without a copy
  }

  private BigInteger big() {
    if (u8() == RANGE_LONG) {
      return BigInteger.valueOf(zigzag());
    }
    int n = count();
    BigInteger v = new BigInteger(in, pos, n);
    pos += n;
    return v;
  }

  private int u8() {
    return in[pos++] & 0xff;
  }

  private String string() {
    int i = in[pos++];
    if (i < 0) {
      pos--;
      i = count();
    }
    return i == 0 ? null : strings[i - 1];
  }

  private int count() {
    int b = in[pos++];
    if (b >= 0) {
      return b; // most counts and string indexes take one byte: the writer numbers frequent strings first
    }
    pos--;
    long v = varint();
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("count " + v + " out of range");
    }
    return (int) v;
  }

  private long zigzag() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  private long varint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in[pos++];
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes");
  }
}
