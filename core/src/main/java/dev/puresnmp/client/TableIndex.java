package dev.puresnmp.client;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibObject;
import dev.puresnmp.mib.Syntax;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A row's INDEX as a MIB declares it, to read an instance's index arcs back into values (RFC 2578
 * §7.7): one arc for an integer, four for an IpAddress, a length then the octets or arcs for a string or
 * an OBJECT IDENTIFIER, no length for a fixed-size string or the IMPLIED last object.
 */
final class TableIndex {
  /** No index known: every row's values are empty. */
  static final TableIndex NONE = new TableIndex(List.of(), List.of());

  private enum Kind { SIGNED, UNSIGNED, OCTETS, IP_ADDRESS, OBJECT_IDENTIFIER }

  private record Part(String name, Kind kind, boolean implied, int fixedSize) {}

  private final List<Part> parts;
  private final List<String> names;

  private TableIndex(List<Part> parts, List<String> names) {
    this.parts = parts;
    this.names = names;
  }

  /**
   * The INDEX of {@code row} (or of the row it AUGMENTS); {@link #NONE} when an index object is unknown
   * or of a type that cannot index a table.
   */
  static TableIndex of(Mib mib, MibObject row) {
    List<MibObject.IndexPart> declared = row.index();
    if (declared.isEmpty() && row.augments().isPresent()) {
      declared = mib.object(row.augments().get()).map(MibObject::index).orElse(List.of());
    }
    List<MibObject> objects = mib.indexObjects(row);
    if (declared.isEmpty() || objects.size() != declared.size()) {
      return NONE;
    }
    List<Part> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      MibObject o = objects.get(i);
      Kind kind = kind(o.baseType().orElse(""));
      if (kind == null) {
        return NONE;
      }
      List<Syntax.Range> r = o.ranges();
      int fixed = kind == Kind.OCTETS && r.size() == 1 && r.get(0).isFixed() ? r.get(0).min().intValueExact() : -1;
      parts.add(new Part(o.name(), kind, declared.get(i).implied(), fixed));
      names.add(o.name());
    }
    return new TableIndex(List.copyOf(parts), List.copyOf(names));
  }

  private static Kind kind(String baseType) {
    switch (baseType) {
      case "INTEGER":
      case "Integer32":
        return Kind.SIGNED;
      case "Unsigned32":
      case "Gauge32":
      case "Gauge":
        return Kind.UNSIGNED;
      case "OCTET STRING":
        return Kind.OCTETS;
      case "IpAddress":
        return Kind.IP_ADDRESS;
      case "OBJECT IDENTIFIER":
        return Kind.OBJECT_IDENTIFIER;
      default:
        return null; // not a type an INDEX may use (RFC 2578 §7.7), or unresolved
    }
  }

  /** The names of the INDEX objects, in order. */
  List<String> names() {
    return names;
  }

  /** The values {@code index} holds, one per INDEX object; empty if it does not fit the INDEX exactly. */
  List<Value> decode(Oid index) {
    if (parts.isEmpty()) {
      return List.of();
    }
    List<Value> out = new ArrayList<>(parts.size());
    int at = 0;
    for (Part p : parts) {
      int left = index.size() - at;
      switch (p.kind) {
        case SIGNED:
        case UNSIGNED:
          if (left < 1) {
            return List.of();
          }
          int arc = index.arc(at++);
          out.add(p.kind == Kind.SIGNED ? new Integer32(arc) : new Gauge32(Integer.toUnsignedLong(arc)));
          break;
        case IP_ADDRESS:
          if (left < 4) {
            return List.of();
          }
          byte[] quad = octets(index, at, 4);
          if (quad == null) {
            return List.of();
          }
          out.add(IpAddress.of(quad));
          at += 4;
          break;
        case OCTETS:
        case OBJECT_IDENTIFIER:
          int n;
          if (p.fixedSize >= 0) {
            n = p.fixedSize;
          } else if (p.implied) {
            n = left;
          } else {
            if (left < 1 || Integer.toUnsignedLong(index.arc(at)) > left - 1) {
              return List.of();
            }
            n = index.arc(at++);
          }
          if (n > index.size() - at) {
            return List.of();
          }
          if (p.kind == Kind.OCTETS) {
            byte[] bytes = octets(index, at, n);
            if (bytes == null) {
              return List.of();
            }
            out.add(new OctetString(Bytes.of(bytes)));
          } else {
            if (n == 0) {
              return List.of(); // an OBJECT IDENTIFIER has at least one arc here
            }
            out.add(new ObjectIdentifier(Oid.of(Arrays.copyOfRange(index.toArcs(), at, at + n))));
          }
          at += n;
          break;
        default:
          throw new AssertionError(p.kind);
      }
    }
    return at == index.size() ? List.copyOf(out) : List.of();
  }

  /** {@code n} arcs from {@code at} as octets, or null if one exceeds 255. */
  private static byte[] octets(Oid index, int at, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      int arc = index.arc(at + i);
      if (arc < 0 || arc > 255) {
        return null;
      }
      b[i] = (byte) arc;
    }
    return b;
  }
}
