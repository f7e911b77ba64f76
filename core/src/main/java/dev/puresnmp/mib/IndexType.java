package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an INDEX object's values are laid out in an instance OID (RFC 2578 §7.7), with what Net-SNMP
 * needs to print them: enumeration labels for integers, the size of a fixed-length string, whether a
 * string is an address whose type the index before it gives.
 */
final class IndexType {
  /** TIMETICKS and NETWORK_ADDRESS are decoded only with -OX; without it they end decoding, as OTHER. */
  enum Category { INTEGER, TIMETICKS, OCTETS, IP_ADDRESS, NETWORK_ADDRESS, OBJECT_IDENTIFIER, OTHER }

  private static final IndexType OTHER = new IndexType(Category.OTHER, Map.of(), -1, false);

  final Category category;
  final Map<Long, String> enums;
  /** The length of a string of fixed size (SIZE (n)), else -1. */
  final long fixedSize;
  /**
   * An InetAddress whose sibling just below it is an InetAddressType (as ipAddressAddr, the InetAddress
   * columns of TCP-MIB and UDP-MIB): Net-SNMP prints it as an address of the type the arc before its
   * length gives, where the length fits that type.
   */
  final boolean inetAddress;

  private IndexType(Category category, Map<Long, String> enums, long fixedSize, boolean inetAddress) {
    this.category = category;
    this.enums = enums;
    this.fixedSize = fixedSize;
    this.inetAddress = inetAddress;
  }

  /** A layout as an image stores it. */
  static IndexType of(Category category, Map<Long, String> enums, long fixedSize, boolean inetAddress) {
    return new IndexType(category, enums, fixedSize, inetAddress);
  }

  /**
   * The layout of index object {@code name}, found anywhere in the tree as Net-SNMP finds it; worked
   * out once per node and kept there (an image stores it for every object an INDEX names).
   */
  static IndexType of(MibTree tree, String name) {
    MibNode n = tree.latest(name);
    if (n == null) {
      return OTHER;
    }
    IndexType t = n.indexType;
    if (t == null) {
      t = of(n);
      n.indexType = t;
    }
    return t;
  }

  private static IndexType of(MibNode n) {
    MibObject o = n.object();
    if (o == null || o.baseType().isEmpty()) {
      return OTHER; // SMIv1 type names in an INDEX ("INTEGER") are not objects: printed as numbers
    }
    switch (o.baseType().get()) {
      case "INTEGER":
      case "Integer32":
      case "Unsigned32":
      case "Gauge32":
      case "Gauge":
        return new IndexType(Category.INTEGER, o.enums(), -1, false);
      case "OCTET STRING":
        List<Syntax.Range> r = o.ranges();
        long fixed = r.size() == 1 && r.get(0).isFixed() ? r.get(0).min().longValue() : -1;
        return new IndexType(Category.OCTETS, Map.of(), fixed, isInetAddress(n));
      case "TimeTicks":
        return new IndexType(Category.TIMETICKS, Map.of(), -1, false);
      case "NetworkAddress":
        return new IndexType(Category.NETWORK_ADDRESS, Map.of(), -1, false);
      case "IpAddress":
        return new IndexType(Category.IP_ADDRESS, Map.of(), -1, false);
      case "OBJECT IDENTIFIER":
        return new IndexType(Category.OBJECT_IDENTIFIER, Map.of(), -1, false);
      default:
        return OTHER;
    }
  }

  private static boolean isInetAddress(MibNode n) {
    if (!n.object().textualConvention().equals(Optional.of("InetAddress")) || n.parent == null) {
      return false;
    }
    Map.Entry<Long, MibNode> below = n.parent.children.lowerEntry(n.arc);
    MibObject type = below == null ? null : below.getValue().object();
    return type != null && type.textualConvention().equals(Optional.of("InetAddressType"));
  }

  /**
   * Where a string index that starts at arc {@code i} of {@code oid} has its octets: {first arc, count},
   * or null when the arcs do not hold it. A length comes first unless the index is IMPLIED (the rest of
   * the OID) or of fixed size (RFC 2578 §7.7).
   */
  int[] octets(Oid oid, int i, boolean implied) {
    int remaining = oid.size() - i;
    if (implied) {
      return new int[] {i, remaining};
    }
    long n = fixedSize >= 0 ? fixedSize : Integer.toUnsignedLong(oid.arc(i));
    int start = fixedSize >= 0 ? i : i + 1;
    return n <= oid.size() - start && (fixedSize >= 0 || n < remaining) ? new int[] {start, (int) n} : null;
  }
}
