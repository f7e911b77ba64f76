package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.ArrayList;
import java.util.List;

/**
 * OIDs to names, as Net-SNMP 5.9 does it (snmplib/mib.c): the longest known prefix is named, and what
 * follows is decoded by the INDEX of the nearest row above it. {@link NameReader} reads them back.
 */
final class MibNames {
  private final MibTree tree;

  MibNames(MibTree tree) {
    this.tree = tree;
  }

  // --- OID → name ---

  /**
   * The options of each name style alone, so that naming in a style allocates none; in a class of their
   * own, made on the first name and not when Mib.builtIn() makes its MibNames.
   */
  private static final class Styles {
    static final FormatOptions[] ALL = new FormatOptions[Mib.NameStyle.values().length];

    static {
      for (Mib.NameStyle s : Mib.NameStyle.values()) {
        ALL[s.ordinal()] = FormatOptions.builder().names(s).build();
      }
    }
  }

  /**
   * Where {@link Mib.NameStyle#UCD} cuts a full name: Net-SNMP's list of prefixes, each cut with the dot
   * after it when the name is longer (it compares bytes, not labels).
   */
  private static final List<String> UCD_PREFIXES = List.of(
      ".iso.org.dod.internet.mgmt.mib-2", ".iso.org.dod.internet.experimental", ".iso.org.dod.internet.private");

  String format(Oid oid, Mib.NameStyle style) {
    return format(oid, Styles.ALL[style.ordinal()]);
  }

  String format(Oid oid, FormatOptions options) {
    Mib.NameStyle style = options.names();
    if (style == Mib.NameStyle.NUMERIC) {
      return oid.toDottedString();
    }
    List<MibNode> path = new ArrayList<>();
    MibNode n = tree.root;
    int i = 0;
    for (; i < oid.size(); i++) {
      MibNode c = n.child(Integer.toUnsignedLong(oid.arc(i)));
      if (c == null) {
        break;
      }
      n = c;
      path.add(n);
    }
    // only below a column: Net-SNMP prints "nsLoggingEntry.0" as it is, not by the row's INDEX
    List<MibObject.IndexPart> index = n.parent == null || options.indexes() == FormatOptions.Indexes.NUMBERS ? null : indexOf(n.parent);
    if (path.isEmpty()) {
      return oid.toDottedString(); // Net-SNMP prints ".3.4" when not even the root is known
    }
    StringBuilder sb = new StringBuilder(64);
    switch (style) {
      case FULL:
      case UCD:
        for (MibNode p : path) {
          sb.append('.').append(p.shownLabel());
        }
        break;
      case MODULE:
        if (n.module != null) {
          sb.append(n.module).append("::");
        }
        sb.append(n.shownLabel());
        break;
      default:
        sb.append(n.shownLabel());
        break;
    }
    if (index != null && options.indexes() == FormatOptions.Indexes.BRACKETS) {
      String overflow = ExtendedIndex.append(sb, this, tree, options, oid, i, index);
      if (overflow != null) {
        sb.setLength(0);
        for (MibNode p : path) {
          sb.append('.').append(p.shownLabel());
        }
        return sb.append(overflow).toString();
      }
    } else {
      appendIndex(sb, oid, i, index, options.escapeQuotes());
    }
    return style == Mib.NameStyle.UCD ? ucd(sb.toString()) : sb.toString();
  }

  private static String ucd(String full) {
    for (String prefix : UCD_PREFIXES) {
      if (full.length() > prefix.length() && full.startsWith(prefix)) {
        return full.substring(prefix.length() + 1);
      }
    }
    return full;
  }

  /** The INDEX of a row, or of the row it AUGMENTS; null for other nodes. */
  List<MibObject.IndexPart> indexOf(MibNode n) {
    if (n.definition == null) {
      return null;
    }
    if (!n.definition.index().isEmpty()) {
      return n.definition.index();
    }
    if (n.definition.augments() != null) {
      MibNode row = tree.latest(n.definition.augments());
      if (row != null && row.definition != null && !row.definition.index().isEmpty()) {
        return row.definition.index();
      }
    }
    return null;
  }

  /**
   * Net-SNMP's _get_realloc_symbol without -OX: each index object by its type; at the first that does
   * not fit (an unknown object or type, too few arcs) the rest is printed as numbers.
   */
  private void appendIndex(StringBuilder sb, Oid oid, int i, List<MibObject.IndexPart> index, boolean escapeQuotes) {
    int size = oid.size();
    if (index != null) {
      for (MibObject.IndexPart part : index) {
        if (i >= size) {
          break;
        }
        IndexType type = IndexType.of(tree, part.name());
        int remaining = size - i;
        int next = -1;
        switch (type.category) {
          case INTEGER:
            long v = Integer.toUnsignedLong(oid.arc(i));
            String label = type.enums.get(v);
            sb.append('.').append(label != null ? label : Long.toString(v));
            next = i + 1;
            break;
          case IP_ADDRESS:
            if (remaining >= 4) {
              for (int k = 0; k < 4; k++) {
                sb.append('.').append(Integer.toUnsignedLong(oid.arc(i + k)));
              }
              next = i + 4;
            }
            break;
          case OCTETS:
            int[] octets = type.octets(oid, i, part.implied());
            if (octets != null) {
              sb.append('.');
              // Net-SNMP reads an InetAddress by its type only where a length comes first
              boolean address = type.inetAddress && !part.implied() && type.fixedSize < 0 && octets[1] > 0
                  && appendInetAddress(sb, oid, octets[0], octets[1]);
              if (!address) {
                appendString(sb, oid, octets[0], octets[1], part.implied() || type.fixedSize >= 0 ? '\'' : '"', escapeQuotes);
              }
              next = octets[0] + octets[1];
            }
            break;
          case OBJECT_IDENTIFIER:
            long count = part.implied() ? remaining : Integer.toUnsignedLong(oid.arc(i)) + 1;
            if (count <= remaining) {
              for (int k = 0; k < count; k++) {
                sb.append('.').append(Integer.toUnsignedLong(oid.arc(i + k)));
              }
              next = i + (int) count;
            }
            break;
          default:
            break;
        }
        if (next < 0) {
          break;
        }
        i = next;
      }
    }
    for (; i < size; i++) {
      sb.append('.').append(Integer.toUnsignedLong(oid.arc(i)));
    }
  }

  /**
   * Net-SNMP's dump_realloc_oid_to_string: printable arcs as characters, others as '.', in double quotes
   * after a length and in single quotes where no length is sent (IMPLIED or fixed size); nothing inside
   * is escaped, so an arc 34 prints as a bare '"'. With {@code escapeQuotes} (-OE) the quotes themselves
   * get a backslash: {@code \"usr\"}.
   */
  static void appendString(StringBuilder sb, Oid oid, int from, int n, char quote, boolean escapeQuotes) {
    String q = escapeQuotes ? "\\" + quote : String.valueOf(quote);
    sb.append(q);
    for (int k = from; k < from + n; k++) {
      long c = Integer.toUnsignedLong(oid.arc(k));
      sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
    }
    sb.append(q);
  }

  /**
   * An InetAddress index in quotes as Net-SNMP prints it, by the address type in the arc before its
   * length: ipv4(1) "192.0.2.1", ipv6(2) sixteen hex pairs "fe:80:…:01", ipv4z(3) and ipv6z(4) with
   * "%zone". False, with nothing appended, for another type, a length that does not fit it or an arc
   * above 255.
   */
  static boolean appendInetAddress(StringBuilder sb, Oid oid, int from, int n) {
    long type = Integer.toUnsignedLong(oid.arc(from - 2));
    int bytes = type == 1 || type == 3 ? 4 : type == 2 || type == 4 ? 16 : -1;
    boolean zoned = type == 3 || type == 4;
    if (bytes < 0 || n != bytes + (zoned ? 4 : 0)) {
      return false;
    }
    for (int k = from; k < from + n; k++) {
      if (Integer.toUnsignedLong(oid.arc(k)) > 255) {
        return false;
      }
    }
    sb.append('"');
    for (int k = 0; k < bytes; k++) {
      int b = oid.arc(from + k);
      if (bytes == 4) {
        sb.append(k > 0 ? "." : "").append(b);
      } else {
        sb.append(k > 0 ? ":" : "").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
      }
    }
    if (zoned) {
      long zone = 0;
      for (int k = bytes; k < n; k++) {
        zone = zone << 8 | oid.arc(from + k);
      }
      sb.append('%').append(zone);
    }
    sb.append('"');
    return true;
  }
}
