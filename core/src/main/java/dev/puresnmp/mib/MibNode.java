package dev.puresnmp.mib;

import java.util.TreeMap;

/**
 * One node of the OID tree while a {@link Mib} is built, and read-only afterwards: the tree is never
 * changed once {@link Mib.Builder#build} returns, which is what makes a {@link Mib} safe to share.
 */
final class MibNode {
  final long arc;
  final MibNode parent;
  /** Null for a node only numbered, as {@code 9} in {@code { enterprises 9 1 }}. */
  String label;
  /** The module that defined the node first, which Net-SNMP prints; null for the roots. */
  String module;
  /** In a tree read from an image, only a row's, which names need; the rest is decoded with {@link #object()}. */
  Definition definition;
  /** Null in a tree read from an image. */
  ModuleSource source;
  /** Read it through {@link #object()}: in a tree read from an image it is decoded on first use. */
  MibObject object;
  /** In a tree read from an image, what decodes {@link #object} from {@link #objectAt}; else null. */
  MibImage image;
  int objectAt;
  /** How values of this node print; set on first use by {@link Mib#objectFormat} (the same whoever sets it). */
  volatile ObjectFormat format;
  /** How values of this node print in an index; set on first use by {@link IndexType#of}, or read from an image. */
  volatile IndexType indexType;
  final TreeMap<Long, MibNode> children = new TreeMap<>();

  MibNode(long arc, MibNode parent, String label, String module) {
    this.arc = arc;
    this.parent = parent;
    this.label = label;
    this.module = module;
  }

  /** What the modules say about this node, null for a node that is only numbered. */
  MibObject object() {
    MibObject o = object; // read without a lock: a MibObject's fields are final (JLS §17.5)
    return o != null || image == null ? o : image.object(this);
  }

  MibNode child(long arc) {
    return children.get(arc);
  }

  /** The label, or the arc for an unnamed node. */
  String shownLabel() {
    return label != null ? label : Long.toString(arc);
  }
}
