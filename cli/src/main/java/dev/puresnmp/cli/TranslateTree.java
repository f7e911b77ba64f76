package dev.puresnmp.cli;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibObject;
import dev.puresnmp.smi.Oid;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OID tree of a {@link Mib} as Net-SNMP 5.9 holds it ({@code struct tree} in snmplib/parse.c): one
 * node per arc, labelled where a module names it, with the type code Net-SNMP gives each node. {@link
 * OidReader} reads names against it and {@link TreeReport} prints it ({@code -Tp}, {@code -Td}).
 *
 * <pre>{@code
 * TranslateTree tree = new TranslateTree(mib);
 * TranslateTree.Node n = tree.deepest(Oid.parse("1.3.6.1.2.1.1.1.0"));   // sysDescr
 * n.type();                                                             // Type.OCTETSTR
 * }</pre>
 */
final class TranslateTree {
  /** Net-SNMP's TYPE_* codes (parse.h); the code is printed as "type_23" where Net-SNMP has no name. */
  enum Type {
    OTHER(0), OBJID(1), OCTETSTR(2), INTEGER(3), NETADDR(4), IPADDR(5), COUNTER(6), GAUGE(7), TIMETICKS(8),
    OPAQUE(9), NULL(10), COUNTER64(11), BITSTRING(12), NSAPADDRESS(13), UINTEGER(14), UNSIGNED32(15),
    INTEGER32(16), TRAPTYPE(20), NOTIFTYPE(21), OBJGROUP(22), NOTIFGROUP(23), MODID(24), AGENTCAP(25),
    MODCOMP(26), OBJIDENTITY(27);

    final int code;

    Type(int code) {
      this.code = code;
    }

    /** TYPE_OBJID to TYPE_INTEGER32: an OBJECT-TYPE with a value (TYPE_SIMPLE_LAST). */
    boolean simple() {
      return code >= 1 && code <= 16;
    }
  }

  /** One node; {@code object} is null for the three roots and for arcs no module names. */
  static final class Node {
    final long arc;
    final Node parent;
    final TreeMap<Long, Node> children = new TreeMap<>();
    String label;
    MibObject object;
    Type type = Type.OTHER;

    Node(long arc, Node parent) {
      this.arc = arc;
      this.parent = parent;
    }

    Type type() {
      return type;
    }

    /** Whether Net-SNMP would print this node by name; an unnamed arc prints as its number. */
    boolean named() {
      return label != null;
    }
  }

  /** Net-SNMP's "(top)": the parent of ccitt, iso and joint-iso-ccitt. */
  final Node top = new Node(-1, null);

  TranslateTree(Mib mib) {
    String[] roots = {"ccitt", "iso", "joint-iso-ccitt"};
    for (int i = 0; i < roots.length; i++) {
      Node r = new Node(i, top);
      r.label = roots[i];
      top.children.put((long) i, r);
    }
    top.label = "(top)";
    for (MibObject o : mib.objects()) {
      Node n = top;
      Oid oid = o.oid();
      for (int i = 0; i < oid.size(); i++) {
        long arc = Integer.toUnsignedLong(oid.arc(i));
        Node parent = n;
        n = n.children.computeIfAbsent(arc, a -> new Node(a, parent));
      }
      n.label = o.name();
      n.object = o;
      n.type = typeOf(o);
    }
  }

  /** The node at exactly {@code oid}, or null. */
  Node node(Oid oid) {
    Node n = top;
    for (int i = 0; i < oid.size() && n != null; i++) {
      n = n.children.get(Integer.toUnsignedLong(oid.arc(i)));
    }
    return n == top ? null : n;
  }

  /** Net-SNMP's get_tree: the deepest node on the way down {@code oid}, null when not even its first arc is known. */
  Node deepest(Oid oid) {
    Node n = top;
    for (int i = 0; i < oid.size(); i++) {
      Node c = n.children.get(Integer.toUnsignedLong(oid.arc(i)));
      if (c == null) {
        break;
      }
      n = c;
    }
    return n == top ? null : n;
  }

  static Oid oidOf(Node n) {
    int depth = 0;
    for (Node p = n; p.parent != null; p = p.parent) {
      depth++;
    }
    int[] arcs = new int[depth];
    for (Node p = n; p.parent != null; p = p.parent) {
      arcs[--depth] = (int) p.arc;
    }
    return Oid.of(arcs);
  }

  /** The child of {@code n} labelled {@code label}, or null. */
  static Node child(Node n, String label) {
    for (Node c : n.children.values()) {
      if (label.equals(c.label)) {
        return c;
      }
    }
    return null;
  }

  private static final Map<String, Type> BASE_TYPES = Map.ofEntries(
      Map.entry("INTEGER", Type.INTEGER), Map.entry("Integer32", Type.INTEGER32),
      Map.entry("Unsigned32", Type.UNSIGNED32), Map.entry("UInteger32", Type.UINTEGER),
      Map.entry("Counter32", Type.COUNTER), Map.entry("Counter", Type.COUNTER),
      Map.entry("Gauge32", Type.GAUGE), Map.entry("Gauge", Type.GAUGE),
      Map.entry("Counter64", Type.COUNTER64), Map.entry("TimeTicks", Type.TIMETICKS),
      Map.entry("IpAddress", Type.IPADDR), Map.entry("NetworkAddress", Type.NETADDR),
      Map.entry("Opaque", Type.OPAQUE), Map.entry("OCTET STRING", Type.OCTETSTR),
      Map.entry("OBJECT IDENTIFIER", Type.OBJID), Map.entry("BITS", Type.BITSTRING),
      Map.entry("NsapAddress", Type.NSAPADDRESS));

  /**
   * The type Net-SNMP gives a node: an OBJECT-TYPE's base type, TYPE_OTHER for tables, rows and syntaxes
   * it cannot resolve (parse.c translation_table), a code per macro for the rest.
   */
  static Type typeOf(MibObject o) {
    switch (o.kind()) {
      case OBJECT_TYPE:
        if (o.role() == MibObject.Role.TABLE || o.role() == MibObject.Role.ROW) {
          return Type.OTHER;
        }
        return o.baseType().map(t -> BASE_TYPES.getOrDefault(t, Type.OTHER)).orElse(Type.OTHER);
      case OBJECT_IDENTITY:
        return Type.OBJIDENTITY;
      case MODULE_IDENTITY:
        return Type.MODID;
      case NOTIFICATION_TYPE:
        return Type.NOTIFTYPE;
      case TRAP_TYPE:
        return Type.TRAPTYPE;
      case OBJECT_GROUP:
        return Type.OBJGROUP;
      case NOTIFICATION_GROUP:
        return Type.NOTIFGROUP;
      case MODULE_COMPLIANCE:
        return Type.MODCOMP;
      case AGENT_CAPABILITIES:
        return Type.AGENTCAP;
      default:
        return Type.OTHER;
    }
  }
}
