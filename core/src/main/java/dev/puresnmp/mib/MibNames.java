package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.ArrayList;
import java.util.List;

/**
 * OIDs to names and back, as Net-SNMP 5.9 does it (snmplib/mib.c): the longest known prefix is named,
 * and what follows is decoded by the INDEX of the nearest row above it.
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
      appendIndex(sb, oid, i, index);
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
  private List<MibObject.IndexPart> indexOf(MibNode n) {
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
  private void appendIndex(StringBuilder sb, Oid oid, int i, List<MibObject.IndexPart> index) {
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
                appendString(sb, oid, octets[0], octets[1], part.implied() || type.fixedSize >= 0 ? '\'' : '"');
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
   * after a length and in single quotes where no length is sent (IMPLIED or fixed size); nothing is
   * escaped, so an arc 34 prints as a bare '"'.
   */
  static void appendString(StringBuilder sb, Oid oid, int from, int n, char quote) {
    sb.append(quote);
    for (int k = from; k < from + n; k++) {
      long c = Integer.toUnsignedLong(oid.arc(k));
      sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
    }
    sb.append(quote);
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

  // --- name → OID ---

  Oid parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new MibException("not an OID or a name: \"\"");
    }
    List<String> parts = split(text, s);
    MibNode n;
    int i;
    String module = null;
    String first = parts.get(0);
    int sep = first.indexOf("::");
    if (sep >= 0) {
      module = first.substring(0, sep);
      first = first.substring(sep + 2);
      parts.set(0, first);
    }
    List<Long> arcs = new ArrayList<>();
    if (s.startsWith(".")) {
      n = tree.root;
      i = 1; // split gives "" before the leading dot
    } else if (module != null) {
      if (!tree.moduleLabels.containsKey(module)) {
        throw new MibException("unknown module " + module + " in \"" + text + "\": it is not loaded");
      }
      n = tree.moduleLabels.get(module).get(first);
      if (n == null) {
        throw new MibException("unknown object identifier \"" + text + "\": " + module + " has no " + first);
      }
      i = 1;
      addPath(arcs, n);
    } else if (isNumber(first)) {
      n = tree.root;
      i = 0;
    } else {
      // random access, as snmptranslate -IR and snmpget: a label anywhere in the tree
      n = tree.latest(first);
      if (n == null) {
        throw new MibException("unknown object identifier \"" + text + "\": no object is called " + first);
      }
      i = 1;
      addPath(arcs, n);
    }
    List<MibObject.IndexPart> index = null;
    int indexPos = 0;
    boolean inTree = n != null;
    for (; i < parts.size(); i++) {
      String p = parts.get(i);
      if (isNumber(p)) {
        long arc = Long.parseLong(p);
        if (arc > 0xFFFF_FFFFL) {
          throw new MibException("arc " + p + " in \"" + text + "\" is beyond 4294967295");
        }
        arcs.add(arc);
        MibNode c = inTree ? n.child(arc) : null;
        if (c != null) {
          n = c;
        } else {
          index = leaveTree(inTree, n, index);
          inTree = false;
          indexPos++;
        }
      } else if (p.startsWith("\"") || p.startsWith("'")) {
        index = leaveTree(inTree, n, index);
        MibObject.IndexPart part = index != null && indexPos < index.size() ? index.get(indexPos) : null;
        addString(arcs, p, part, text);
        inTree = false;
        indexPos++;
      } else {
        MibNode c = inTree ? childLabelled(n, p) : null;
        if (c == null) {
          index = leaveTree(inTree, n, index);
        }
        Long label = c == null ? enumValue(index, indexPos, p) : null;
        if (c != null) {
          n = c;
          arcs.add(c.arc);
        } else if (label != null) {
          arcs.add(label); // an enumeration label as an index, as Net-SNMP reads "pstColourValue.green"
          inTree = false;
          indexPos++;
        } else {
          throw new MibException("unknown object identifier \"" + text + "\": " + p + " is not below " + n.shownLabel());
        }
      }
    }
    if (arcs.isEmpty()) {
      throw new MibException("not an OID or a name: \"" + text + "\"");
    }
    int[] a = new int[arcs.size()];
    for (int k = 0; k < a.length; k++) {
      a[k] = (int) (long) arcs.get(k);
    }
    return Oid.of(a);
  }

  /**
   * A quoted index: "text" gets its length first unless the index is IMPLIED or of fixed size (as
   * Net-SNMP reads it); 'text' never does.
   */
  private void addString(List<Long> arcs, String quoted, MibObject.IndexPart part, String text) {
    char q = quoted.charAt(0);
    if (quoted.length() < 2 || quoted.charAt(quoted.length() - 1) != q) {
      throw new MibException("unterminated " + q + " in \"" + text + "\"");
    }
    String body = quoted.substring(1, quoted.length() - 1).replace("\\" + q, String.valueOf(q)).replace("\\\\", "\\");
    boolean prefix = q == '"';
    if (prefix && part != null) {
      IndexType type = IndexType.of(tree, part.name());
      prefix = !part.implied() && type.fixedSize < 0;
    }
    if (prefix) {
      arcs.add((long) body.length());
    }
    for (int k = 0; k < body.length(); k++) {
      arcs.add((long) body.charAt(k));
    }
  }

  /** The INDEX that applies once a name leaves the tree below node {@code n}: its row's, if it is a column. */
  private List<MibObject.IndexPart> leaveTree(boolean inTree, MibNode n, List<MibObject.IndexPart> index) {
    return inTree ? (n.parent == null ? null : indexOf(n.parent)) : index;
  }

  private static MibNode childLabelled(MibNode n, String label) {
    for (MibNode k : n.children.values()) {
      if (label.equals(k.label)) {
        return k;
      }
    }
    return null;
  }

  private Long enumValue(List<MibObject.IndexPart> index, int pos, String label) {
    if (index == null || pos >= index.size()) {
      return null;
    }
    for (var e : IndexType.of(tree, index.get(pos).name()).enums.entrySet()) {
      if (e.getValue().equals(label)) {
        return e.getKey();
      }
    }
    return null;
  }

  private static void addPath(List<Long> arcs, MibNode n) {
    List<Long> rev = new ArrayList<>();
    for (MibNode p = n; p.parent != null; p = p.parent) {
      rev.add(p.arc);
    }
    for (int k = rev.size() - 1; k >= 0; k--) {
      arcs.add(rev.get(k));
    }
  }

  /** Splits at dots outside quotes; keeps "MODULE::" with the first part. */
  private static List<String> split(String text, String s) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quote != 0) {
        cur.append(c);
        if (c == '\\' && k + 1 < s.length()) {
          cur.append(s.charAt(++k));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (c == '.') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quote != 0) {
      throw new MibException("unterminated " + quote + " in \"" + text + "\"");
    }
    parts.add(cur.toString());
    for (int k = s.startsWith(".") ? 1 : 0; k < parts.size(); k++) {
      if (parts.get(k).isEmpty()) {
        throw new MibException("empty component in \"" + text + "\"");
      }
    }
    return parts;
  }

  private static boolean isNumber(String p) {
    if (p.isEmpty() || p.length() > 10) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (!Character.isDigit(p.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
