package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.ArrayList;
import java.util.List;

/**
 * Names to OIDs, as Net-SNMP 5.9 reads them with random access (-IR): {@code sysName.0},
 * {@code SNMPv2-MIB::sysName.0}, {@code .iso.org.dod…}, {@code iso.3.6.1.2.1.1.5.0}, indexes by the row's
 * INDEX ({@code ifDescr.3}, {@code ipAdEntAddr.127.0.0.1}, quoted strings, enumeration labels). The
 * reverse of {@link MibNames}.
 */
final class NameReader {
  private final MibTree tree;
  private final MibNames names;

  NameReader(MibTree tree, MibNames names) {
    this.tree = tree;
    this.names = names;
  }

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
    return inTree ? (n.parent == null ? null : names.indexOf(n.parent)) : index;
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
