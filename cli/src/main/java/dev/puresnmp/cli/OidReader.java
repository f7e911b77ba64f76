package dev.puresnmp.cli;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import dev.puresnmp.mib.MibObject;
import dev.puresnmp.mib.Syntax;
import dev.puresnmp.smi.Oid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a name as Net-SNMP 5.9's snmptranslate reads it (snmplib/mib.c): {@link #read} as read_objid
 * (from the top of the tree, "MODULE::name" anywhere), {@link #node} as get_node ({@code -IR}: the first
 * label anywhere). On failure both return null and {@link #detail} holds what Net-SNMP's snmp_set_detail
 * would: "Sub-id not found: (top) -> sysDescr", "Index out of range: x (ifIndex)".
 *
 * <pre>{@code
 * OidReader r = new OidReader(mib, new TranslateTree(mib), module -> false);
 * r.read("sysDescr");       // null; r.detail: "Sub-id not found: (top) -> sysDescr"
 * r.node("sysDescr.0");     // 1.3.6.1.2.1.1.1.0
 * }</pre>
 */
final class OidReader {
  private final Mib mib;
  private final TranslateTree tree;
  private final Predicate<String> moduleLoaded;
  /** Net-SNMP's snmp_set_detail after the last failure; null when it set none. */
  String detail;
  /** What Net-SNMP logs on the way (an index of an unexpected type); printed on standard error. */
  final List<String> log = new ArrayList<>();

  /** {@code moduleLoaded} answers, loading it if it can, whether "MODULE::" names a loaded module. */
  OidReader(Mib mib, TranslateTree tree, Predicate<String> moduleLoaded) {
    this.mib = mib;
    this.tree = tree;
    this.moduleLoaded = moduleLoaded;
  }

  /** read_objid: ".1.3.6", "iso.org.dod", "SNMPv2-MIB::sysDescr.0". */
  Oid read(String input) {
    detail = null;
    if (moduleSeparator(input) >= 0) {
      return node(input);
    }
    String s = input.startsWith(".") ? input.substring(1) : input;
    List<Long> out = new ArrayList<>();
    return addStrings(tree.top, s, out) ? oid(out) : null;
  }

  /** get_node, as {@code -IR}: "sysDescr.0", ".sysDescr", "SNMPv2-MIB::sysDescr", "SNMPv2-MIB:sysDescr". */
  Oid node(String name) {
    detail = null;
    int colon = moduleSeparator(name);
    if (colon < 0) {
      return moduleNode(name.startsWith(".") ? name.substring(1) : name, null);
    }
    String module = name.substring(0, colon);
    int from = colon + 1;
    if (from < name.length() && name.charAt(from) == ':') {
      from++;
    }
    return moduleNode(name.substring(from), module);
  }

  /**
   * get_wild_node, snmp_parse_oid's last try: the node whose label the whole input, as a
   * case-insensitive regular expression, matches earliest ("sysDesc" finds sysDescr); its OID, no index.
   * Nodes are tried depth first, the highest arc first, as Net-SNMP mostly links them.
   */
  Oid wild(String pattern) {
    java.util.regex.Pattern p;
    try {
      p = java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.CASE_INSENSITIVE);
    } catch (java.util.regex.PatternSyntaxException e) {
      return null;
    }
    TranslateTree.Node[] best = {null};
    int[] bestAt = {Integer.MAX_VALUE};
    bestMatch(tree.top, p, best, bestAt);
    return best[0] == null ? null : TranslateTree.oidOf(best[0]);
  }

  /** find_best_tree_node: false once a label matched at its start, the best there is. */
  private static boolean bestMatch(TranslateTree.Node n, java.util.regex.Pattern p, TranslateTree.Node[] best, int[] bestAt) {
    for (TranslateTree.Node c : n.children.descendingMap().values()) { // Net-SNMP links children last first
      if (c.label != null) {
        java.util.regex.Matcher m = p.matcher(c.label);
        if (m.find() && m.start() < bestAt[0]) {
          best[0] = c;
          bestAt[0] = m.start();
          if (m.start() == 0) {
            return false;
          }
        }
      }
      if (!bestMatch(c, p, best, bestAt)) {
        return false;
      }
    }
    return true;
  }

  /** Where a leading run of letters, digits and '-' ends in ':', as Net-SNMP tests for a module name. */
  private static int moduleSeparator(String s) {
    int i = 0;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 0x80 || s.charAt(i) == '-')) {
      i++;
    }
    return i < s.length() && s.charAt(i) == ':' ? i : -1;
  }

  /** get_module_node: the first label anywhere (or in {@code module}), the rest below it. */
  private Oid moduleNode(String fname, String module) {
    if (module != null && !moduleLoaded.test(module)) {
      return null;
    }
    int dot = fname.indexOf('.');
    String first = dot < 0 ? fname : fname.substring(0, dot);
    String rest = dot < 0 ? null : fname.substring(dot + 1);
    TranslateTree.Node tp = findTreeNode(first, module);
    if (tp == null) {
      return null;
    }
    Oid base = TranslateTree.oidOf(tp);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      out.add(Integer.toUnsignedLong(base.arc(i)));
    }
    if (rest != null && !addStrings(tp, rest, out)) {
      return null;
    }
    return oid(out);
  }

  /** find_tree_node: a node so labelled, in {@code module} when given. */
  private TranslateTree.Node findTreeNode(String label, String module) {
    if (label.isEmpty() || Character.isDigit(label.charAt(0)) || label.contains("\"") || label.contains("'")) {
      return null;
    }
    if (module == null) {
      TranslateTree.Node root = TranslateTree.child(tree.top, label);
      if (root != null) {
        return root;
      }
    }
    try {
      return tree.node(mib.oid(module == null ? label : module + "::" + label));
    } catch (MibException e) {
      return null;
    }
  }

  private static Oid oid(List<Long> arcs) {
    int[] a = new int[arcs.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (int) (long) arcs.get(i);
    }
    return Oid.of(a);
  }

  /** _add_strings_to_oid: child labels and numbers, then the row's INDEX values, then numbers and strings. */
  private boolean addStrings(TranslateTree.Node start, String cp, List<Long> out) {
    TranslateTree.Node tp = start;
    String fcp = null;
    while (cp != null && tp != null && !tp.children.isEmpty()) {
      String entry = entry(cp);
      fcp = entry;
      String cp2 = after(cp);
      TranslateTree.Node tp2;
      long subid;
      if (!entry.isEmpty() && isDigit(entry.charAt(0))) {
        Long v = strtoul(entry);
        if (v == null) {
          return bad(fcp, null, tp);
        }
        subid = v;
        tp2 = tp.children.get(subid);
      } else {
        tp2 = TranslateTree.child(tp, entry);
        if (tp2 == null) {
          return bad(fcp, null, tp);
        }
        subid = tp2.arc;
      }
      if (out.size() >= Oid.MAX_ARCS) {
        return bad(fcp, null, tp);
      }
      out.add(subid);
      cp = cp2;
      if (tp2 == null) {
        break;
      }
      tp = tp2;
    }

    List<MibObject.IndexPart> indices = null;
    if (tp != null && tp.children.isEmpty()) {
      indices = indexOf(tp.parent);
      tp = null;
    }
    int at = 0;
    while (cp != null && indices != null && at < indices.size()) {
      MibObject.IndexPart part = indices.get(at);
      fcp = cp;
      MibObject io = mib.object(part.name()).orElse(null);
      if (io == null) {
        break;
      }
      tp = tree.node(io.oid());
      TranslateTree.Type type = TranslateTree.typeOf(io);
      String cp2;
      switch (type) {
        case INTEGER:
        case INTEGER32:
        case UINTEGER:
        case UNSIGNED32:
        case TIMETICKS: {
          String entry = entry(cp);
          fcp = entry;
          cp2 = after(cp);
          Long subid;
          if (!entry.isEmpty() && isDigit(entry.charAt(0))) {
            subid = strtoul(entry);
          } else {
            subid = io.enums().isEmpty() ? null : label(io.enums(), entry);
          }
          if (subid == null || !inRange(io.ranges(), subid, type == TranslateTree.Type.INTEGER || type == TranslateTree.Type.INTEGER32)) {
            return bad(fcp, part, tp);
          }
          out.add(subid);
          break;
        }
        case IPADDR:
          cp2 = bytes(cp, 4, out, part, tp);
          if (cp2 == FAILED) {
            return false;
          }
          break;
        case OCTETSTR: {
          List<Syntax.Range> ranges = io.ranges();
          long len = ranges.size() == 1 && ranges.get(0).isFixed() ? ranges.get(0).min().intValue() : -1;
          if (cp.startsWith("\"") || cp.startsWith("'")) {
            char quote = cp.charAt(0);
            int lenIndex = -1;
            if (!part.implied() && len == -1) {
              if (quote == '\'') {
                detail = "'-quote is for fixed length strings";
                return false;
              }
              lenIndex = out.size();
              out.add(0L);
            } else if (quote == '"') {
              detail = "\"-quote is for variable length strings";
              return false;
            }
            StringBuilder value = new StringBuilder();
            int end = unescape(cp, 1, quote, value);
            fcp = quote + value.toString();
            if (end < 0) {
              return bad(fcp, part, tp);
            }
            for (int k = 0; k < value.length(); k++) {
              out.add((long) (value.charAt(k) & 0xFF));
            }
            long pos = value.length();
            String rest = cp.substring(end + 1);
            if (rest.isEmpty()) {
              cp2 = null;
            } else if (rest.charAt(0) != '.') {
              return bad(fcp, part, tp);
            } else {
              cp2 = rest.substring(1);
            }
            if (len == -1) {
              if (!inRange(ranges, pos, true) || ranges.isEmpty()) {
                return bad(fcp, part, tp);
              }
              if (lenIndex >= 0) {
                out.set(lenIndex, pos);
              }
            } else if (pos != len) {
              return bad(fcp, part, tp);
            }
          } else {
            cp2 = cp;
            if (!part.implied() && len == -1) {
              String entry = entry(cp2);
              fcp = entry;
              Long v = strtoul(entry);
              if (v == null) {
                return bad(fcp, part, tp);
              }
              len = v;
              out.add(len);
              cp2 = after(cp2);
            }
            cp2 = bytes(cp2, len, out, part, tp); // len -1 (IMPLIED): all that is left
            if (cp2 == FAILED) {
              return false;
            }
          }
          break;
        }
        case OBJID:
          indices = null;
          cp2 = cp;
          break;
        case NETADDR: {
          String entry = entry(cp);
          fcp = entry;
          cp2 = after(cp);
          Long subid = strtoul(entry);
          if (subid == null) {
            return bad(fcp, part, tp);
          }
          out.add(subid);
          if (subid == 1) {
            cp2 = bytes(cp2, 4, out, part, tp); // RFC 1155 NetworkAddress: internet(1) and an IpAddress
            if (cp2 == FAILED) {
              return false;
            }
          } else {
            indices = null;
          }
          break;
        }
        default:
          log.add("Unexpected index type: " + type.code + " " + part.name() + " " + cp);
          indices = null;
          cp2 = cp;
          break;
      }
      cp = cp2;
      at++;
    }
    MibObject.IndexPart stillIndex = indices != null && at < indices.size() ? indices.get(at) : null;

    while (cp != null) {
      fcp = cp;
      char c = cp.isEmpty() ? 0 : cp.charAt(0);
      String cp2;
      if (isDigit(c)) {
        String entry = entry(cp);
        fcp = entry;
        Long v = strtoul(entry);
        if (v == null || out.size() >= Oid.MAX_ARCS) {
          return bad(fcp, stillIndex, tp);
        }
        out.add(v);
        cp2 = after(cp);
      } else if (c == '"' || c == '\'') {
        int close = cp.indexOf(c, 1);
        if (cp.length() == 1 || close < 0) {
          return bad(fcp, stillIndex, tp);
        }
        String value = cp.substring(1, close);
        if (c == '"') {
          out.add((long) value.length());
        }
        for (int k = 0; k < value.length(); k++) {
          out.add((long) (value.charAt(k) & 0xFF));
        }
        String rest = cp.substring(close + 1);
        if (rest.isEmpty()) {
          cp2 = null;
        } else if (rest.charAt(0) == '.') {
          cp2 = rest.substring(1);
        } else {
          return bad(fcp, stillIndex, tp);
        }
      } else {
        return bad(fcp, stillIndex, tp);
      }
      cp = cp2;
    }
    return true;
  }

  /** What {@link #bytes} returns after a failure; compared by identity. */
  private static final String FAILED = new String("failed");

  /** Up to {@code count} arcs of at most 255 each (an address, a string's octets): the rest, or {@link #FAILED}. */
  private String bytes(String cp, long count, List<Long> out, MibObject.IndexPart part, TranslateTree.Node tp) {
    while (count != 0 && cp != null) {
      String entry = entry(cp);
      Long v = strtoul(entry);
      if (v == null || v > 255) {
        bad(entry, part, tp);
        return FAILED;
      }
      out.add(v);
      count--;
      cp = after(cp);
    }
    return cp;
  }

  /** The INDEX that names what follows a column: its row's, or that of the row the row AUGMENTS. */
  private List<MibObject.IndexPart> indexOf(TranslateTree.Node row) {
    if (row == null || row.object == null) {
      return null;
    }
    List<MibObject.IndexPart> index = row.object.index();
    if (index.isEmpty() && row.object.augments().isPresent()) {
      index = mib.object(row.object.augments().get()).map(MibObject::index).orElse(List.of());
    }
    return index.isEmpty() ? null : index;
  }

  /** The bad_id exit: the detail names the index, else the node the name left, else just the part. */
  private boolean bad(String fcp, MibObject.IndexPart index, TranslateTree.Node tp) {
    if (index != null) {
      detail = "Index out of range: " + fcp + " (" + index.name() + ")";
    } else if (tp != null) {
      detail = "Sub-id not found: " + (tp.named() ? tp.label : Long.toString(tp.arc)) + " -> " + fcp;
    } else {
      detail = fcp;
    }
    return false;
  }

  private static boolean inRange(List<Syntax.Range> ranges, long value, boolean signed) {
    if (ranges.isEmpty()) {
      return true;
    }
    for (Syntax.Range r : ranges) {
      // Net-SNMP keeps range bounds in an int and compares as int or as unsigned int
      int low = r.min().intValue();
      int high = r.max().intValue();
      boolean ok = signed
          ? low <= (int) value && (int) value <= high
          : Integer.compareUnsigned(low, (int) value) <= 0 && Long.compareUnsigned(value, Integer.toUnsignedLong(high)) <= 0;
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static Long label(Map<Long, String> enums, String label) {
    for (Map.Entry<Long, String> e : enums.entrySet()) {
      if (e.getValue().equals(label)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** _apply_escapes: copies up to the closing {@code quote}, a backslash keeping the next character; -1 when unclosed. */
  private static int unescape(String s, int from, char quote, StringBuilder value) {
    boolean backslash = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (backslash) {
        backslash = false;
        value.append(c);
      } else if (c == quote) {
        return i;
      } else if (c == '\\') {
        backslash = true;
      } else {
        value.append(c);
      }
    }
    return -1;
  }

  private static String entry(String cp) {
    int dot = cp.indexOf('.');
    return dot < 0 ? cp : cp.substring(0, dot);
  }

  private static String after(String cp) {
    int dot = cp.indexOf('.');
    return dot < 0 ? null : cp.substring(dot + 1);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** strtoul(s, &end, 0) with nothing after the number: decimal, 0x hex or 0 octal; null otherwise or beyond 32 bits. */
  private static Long strtoul(String s) {
    if (s.isEmpty() || !isDigit(s.charAt(0))) {
      return null;
    }
    int radix = 10;
    String digits = s;
    if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      radix = 16;
      digits = s.substring(2);
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8;
      digits = s.substring(1);
    }
    try {
      long v = Long.parseLong(digits, radix);
      return v >= 0 && v <= 0xFFFF_FFFFL ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
