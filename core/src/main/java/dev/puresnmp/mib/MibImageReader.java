package dev.puresnmp.mib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a MIB image: modules as our parser read them and the OID tree {@link MibTree} linked from them,
 * stored so that a {@link Mib} is ready without parsing or linking. {@code MibImageWriter} (test code)
 * writes it; the built-in image is the resource {@value #RESOURCE}. Only what names need is read at
 * once: the tree's arcs, labels and modules, the label tables, the definitions of rows (their INDEX)
 * and the layout of each object an INDEX names; objects, their definitions, the syntaxes and the modules
 * are decoded on first use by {@link MibImage}, and a string when first read.
 *
 * <p>Format, version 2. Numbers are unsigned LEB128 varints, signed ones zigzag-encoded; a string is
 * the varint index+1 of an entry of the string table, 0 for null.
 *
 * <pre>
 * image    = "PMIB" version:u8 flags:u8 [linkedLoad] strings syntaxes modules tree    linkedLoad: {@link LinkedLoad}
 * strings  = count (length:varint latin-1-bytes)*        MIB files are read as ISO-8859-1
 * syntaxes = count (length:varint type enums ranges size:u8)*     the different SYNTAX clauses, shared
 * modules  = count name* length:varint (file imports importAt definitions)*
 * definition = presence-mask name macro [oid] [syntax-index] [clauses …] line column
 * tree     = nodes:count objects:count children labels moduleLabels     the root's children, depth first
 * children = count (arc:varint label module tag:u8 [object] [layout] children)*
 * object   = length:varint module definition:varint kind:u8 role:u8 baseType tc hint enums ranges
 * layout   = category:u8 fixedSize:zigzag inetAddress:u8 enums      {@link IndexType}
 * </pre>
 *
 * The tag says whether a node has an object: 0 none, 1 defined, 3 defined and a row (INDEX or
 * AUGMENTS), 2 a node named in an OID value (no object bytes); with 4 added, an INDEX names the
 * object and its layout follows the object. An object's definition is its offset after the modules'
 * length; the label tables refer to nodes by their depth-first index. A length counts the bytes after
 * it, so that the reader passes over what it does not decode yet.
 */
final class MibImageReader {
  static final String RESOURCE = "built-in-mibs.bin";
  /** The resource's path in a jar (a constant: javac joins it). */
  static final String ENTRY = "dev/puresnmp/mib/" + RESOURCE;
  /** Net-SNMP's default modules linked with no MIB file on the path ({@link LinkedImages}). */
  static final String DEFAULTS_RESOURCE = "net-snmp-defaults.bin";
  static final String DEFAULTS_ENTRY = "dev/puresnmp/mib/" + DEFAULTS_RESOURCE;
  /** Net-SNMP's default modules linked with Debian's libsnmp-base files on the path ({@link LinkedImages}). */
  static final String DEFAULTS_LIBSNMP_RESOURCE = "net-snmp-defaults-libsnmp-base.bin";
  static final String DEFAULTS_LIBSNMP_ENTRY = "dev/puresnmp/mib/" + DEFAULTS_LIBSNMP_RESOURCE;
  static final byte[] MAGIC = {'P', 'M', 'I', 'B'};
  static final int VERSION = 2;
  /** Set when the image keeps the DESCRIPTION clauses. */
  static final int FLAG_DESCRIPTIONS = 1;
  /** Set when a {@link LinkedLoad} follows the flags: what the image was linked from. */
  static final int FLAG_LINKED_LOAD = 2;
  static final int OBJECT_NONE = 0;
  static final int OBJECT_DEFINED = 1;
  static final int OBJECT_NODE = 2;
  static final int OBJECT_ROW = 3;
  /** Or-ed into a node's tag: an INDEX names the object, and its layout follows. */
  static final int INDEX_LAYOUT = 4;
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

  final byte[] in;
  int pos;
  private int nodeCount;
  private int objectCount;
  /** Where each string's length is; a string is decoded when first read (most are prose never asked for). */
  private final int[] stringAt;
  private final String[] strings;

  private MibImageReader(byte[] in, int[] stringAt, String[] strings, int pos) {
    this.in = in;
    this.stringAt = stringAt;
    this.strings = strings;
    this.pos = pos;
  }

  /** Another cursor over the same image and string table, at {@code pos}. */
  MibImageReader at(int pos) {
    return new MibImageReader(in, stringAt, strings, pos);
  }

  /** The built-in image, read from the jar this class came from, else from the classpath. */
  static MibImage builtIn() {
    return read(ImageResource.read(ENTRY, RESOURCE));
  }

  /**
   * What {@code image} was linked from, read without decoding the rest; null if it does not say.
   *
   * @throws IllegalArgumentException if it is not a version 2 image or ends early
   */
  static LinkedLoad linkedLoad(byte[] image) {
    MibImageReader r = header(image);
    if ((image[5] & FLAG_LINKED_LOAD) == 0) {
      return null;
    }
    try {
      r.count();
      return LinkedLoad.read(r);
    } catch (RuntimeException e) {
      throw r.corrupt(e);
    }
  }

  private static MibImageReader header(byte[] image) {
    if (image.length < 6 || !Arrays.equals(image, 0, 4, MAGIC, 0, 4)) {
      throw new IllegalArgumentException("expected a MIB image starting with \"PMIB\"");
    }
    if (image[4] != VERSION) {
      throw new IllegalArgumentException("expected MIB image version " + VERSION + ", found " + image[4]);
    }
    return new MibImageReader(image, null, null, 6);
  }

  /**
   * Decodes the tree of an image; the rest is decoded on first use.
   *
   * @throws IllegalArgumentException if it is not a version 2 image or ends early
   */
  static MibImage read(byte[] image) {
    MibImageReader r = header(image);
    try {
      if ((image[5] & FLAG_LINKED_LOAD) != 0) {
        r.skip(); // the linked load: LinkedImages has read it
      }
      int n = r.count();
      r = new MibImageReader(image, new int[n], new String[n], r.pos);
      return r.image();
    } catch (RuntimeException e) {
      throw r.corrupt(e);
    }
  }

  /** {@code e}, thrown while decoding at {@link #pos}, as the image's fault. */
  IllegalArgumentException corrupt(RuntimeException e) {
    if (e instanceof IndexOutOfBoundsException) {
      // reads run past the end (or a tag past its table) only here: our own generator writes the image,
      // so the reader checks no byte on the way
      return new IllegalArgumentException("corrupt MIB image: a read near offset " + Math.min(pos, in.length) + " of "
          + in.length + " went out of bounds (" + e.getMessage() + ")", e);
    }
    if (e instanceof IllegalArgumentException) {
      return new IllegalArgumentException("corrupt MIB image at offset " + pos + " of " + in.length + ": " + e.getMessage(), e);
    }
    throw e;
  }

  private MibImage image() {
    for (int i = 0; i < stringAt.length; i++) {
      stringAt[i] = pos;
      int n = count();
      pos += n;
    }
    int syntaxesAt = pos;
    for (int i = count(); i > 0; i--) {
      skip();
    }
    String[] moduleNames = new String[count()];
    for (int i = 0; i < moduleNames.length; i++) {
      moduleNames[i] = string();
    }
    int length = count();
    int modulesAt = pos;
    pos += length;
    // a fresh tree holds the three roots (ccitt, iso, joint-iso-ccitt) and their labels
    MibTree tree = MibTree.roots();
    tree.labels.clear();
    MibNode[] nodes = new MibNode[count()];
    MibNode[] objects = new MibNode[count()];
    MibImage image = new MibImage(tree, moduleNames, objects, this, syntaxesAt, modulesAt);
    children(tree.root, image, nodes, objects);
    if (nodeCount != nodes.length || objectCount != objects.length) {
      throw new IllegalArgumentException(nodeCount + " nodes and " + objectCount + " objects, expected " + nodes.length + " and " + objects.length);
    }
    for (int i = count(); i > 0; i--) {
      String label = string();
      int n = count();
      List<MibNode> same = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        same.add(nodes[count()]);
      }
      tree.labels.put(label, same);
    }
    for (int i = count(); i > 0; i--) {
      String module = string();
      int n = count();
      Map<String, MibNode> byLabel = new HashMap<>(n * 2);
      for (int k = 0; k < n; k++) {
        byLabel.put(string(), nodes[count()]);
      }
      tree.moduleLabels.put(module, byLabel);
    }
    if (pos != in.length) {
      throw new IllegalArgumentException((in.length - pos) + " bytes after the label tables");
    }
    return image;
  }

  private void children(MibNode parent, MibImage image, MibNode[] nodes, MibNode[] objects) {
    for (int i = count(); i > 0; i--) {
      long arc = varint();
      String label = string();
      String module = string();
      MibNode node = parent.parent == null ? parent.child(arc) : null;
      if (node == null) {
        node = new MibNode(arc, parent, label, module);
        parent.children.put(arc, node);
      } else {
        node.label = label; // a root: it exists in every tree
        node.module = module;
      }
      nodes[nodeCount++] = node;
      int tag = u8();
      boolean layout = (tag & INDEX_LAYOUT) != 0;
      tag &= ~INDEX_LAYOUT;
      if (tag != OBJECT_NONE) {
        node.image = image;
        objects[objectCount++] = node; // depth first, parents first: the order MibTree.describe adds them
      }
      if (tag == OBJECT_DEFINED || tag == OBJECT_ROW) {
        int length = count();
        node.objectAt = pos;
        if (tag == OBJECT_ROW) {
          node.definition = image.rowDefinition(node); // MibNames reads a row's INDEX from it
        }
        pos = node.objectAt + length;
      } else if (tag == OBJECT_NODE) {
        node.objectAt = -1;
      } else if (tag != OBJECT_NONE) {
        throw new IllegalArgumentException("unknown object tag " + tag);
      }
      if (layout) {
        // what names need of an index object, so that naming an instance decodes no object
        IndexType.Category category = IndexType.Category.values()[u8()];
        long fixedSize = zigzag();
        boolean inetAddress = u8() != 0;
        node.indexType = IndexType.of(category, enums(), fixedSize, inetAddress);
      }
      children(node, image, nodes, objects);
    }
  }

  Map<Long, String> enums() {
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

  List<Syntax.Range> ranges() {
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

  /** Passes over one length-prefixed entry. */
  void skip() {
    int n = count();
    pos += n;
  }

  int u8() {
    return in[pos++] & 0xff;
  }

  // String(bytes, 0, offset, count) is ISO-8859-1 in a few bytecodes; the Charset constructor runs
  // hundreds, cold, for each of the ~1,300 labels read before Mib.builtIn() returns
  @SuppressWarnings("deprecation")
  String string() {
    int i = count();
    if (i == 0) {
      return null;
    }
    String s = strings[i - 1];
    if (s == null) {
      int p = pos;
      pos = stringAt[i - 1];
      int n = count();
      s = new String(in, 0, pos, n);
      strings[i - 1] = s;
      pos = p;
    }
    return s;
  }

  int count() {
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

  long zigzag() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  long varint() {
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

  BigInteger big() {
    if (u8() == RANGE_LONG) {
      return BigInteger.valueOf(zigzag());
    }
    int n = count();
    BigInteger v = new BigInteger(in, pos, n);
    pos += n;
    return v;
  }
}
