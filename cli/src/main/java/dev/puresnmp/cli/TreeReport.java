package dev.puresnmp.cli;

import dev.puresnmp.mib.MibObject;
import dev.puresnmp.mib.Syntax;
import dev.puresnmp.smi.Oid;
import java.util.List;
import java.util.Map;

/**
 * snmptranslate's two reports, as Net-SNMP 5.9 prints them: {@code -Tp} the tree below a node
 * (print_mib_leaves in snmplib/parse.c) and {@code -Td} what the modules say about a node
 * (sprint_realloc_description in snmplib/mib.c), wrapped at {@code width} columns as {@code -w} asks.
 *
 * <pre>{@code
 * TreeReport report = new TreeReport(tree, 1000000);
 * report.tree(tree.deepest(Oid.parse("1.3.6.1.2.1.1")));   // "+--system(1)\n   |\n   +-- -R-- String    sysDescr(1)\n…"
 * report.description(Oid.parse("1.3.6.1.2.1.1.1"));       // "sysDescr OBJECT-TYPE\n  -- FROM\tSNMPv2-MIB\n…"
 * }</pre>
 */
final class TreeReport {
  /** Net-SNMP's MAXQUOTESTR: a longer DESCRIPTION is cut to its first 4095 characters. */
  private static final int MAX_QUOTED = 4095;

  private final TranslateTree tree;
  private final int width;
  private final StringBuilder indent = new StringBuilder();
  private boolean leaveWasSimple;

  TreeReport(TranslateTree tree, int width) {
    this.tree = tree;
    this.width = width;
  }

  // --- -Tp ---

  /** print_mib_tree: {@code node} and everything below it. */
  String tree(TranslateTree.Node node) {
    StringBuilder out = new StringBuilder();
    indent.setLength(0);
    indent.append(' ');
    leaveWasSimple = true;
    leaves(out, node);
    return out.toString();
  }

  private void leaves(StringBuilder out, TranslateTree.Node tp) {
    int ip = indent.length() - 1;
    char last = indent.charAt(ip);
    indent.setCharAt(ip, '+');
    TranslateTree.Type type = tp.type();
    MibObject o = tp.object;
    if (!type.simple()) {
      out.append(indent).append("--").append(label(tp)).append('(').append(tp.arc).append(")\n");
      List<MibObject.IndexPart> index = o == null ? List.of() : o.index();
      if (!index.isEmpty()) {
        indent.setCharAt(ip, last);
        out.append(indent).append("  |  Index: ");
        int cpos = 0;
        int cmax = width - indent.length() - 12;
        for (int i = 0; i < index.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          int len = index.get(i).name().length() + 2;
          cpos += len;
          if (cpos > cmax) {
            out.append('\n').append(indent).append("  |         ");
            cpos = len;
          }
          out.append(index.get(i).name());
        }
        out.append('\n');
        indent.setCharAt(ip, '+');
      }
    } else {
      out.append(indent).append("-- ").append(access(o)).append(' ')
          .append(type == TranslateTree.Type.INTEGER && !o.enums().isEmpty() ? "EnumVal  " : abbreviation(type)).append(' ')
          .append(label(tp)).append('(').append(tp.arc).append(")\n");
      indent.setCharAt(ip, last);
      if (o.textualConvention().isPresent()) {
        out.append(indent).append("        Textual Convention: ").append(o.textualConvention().get()).append('\n');
      }
      if (!o.enums().isEmpty()) {
        out.append(indent).append("        Values: ");
        int cpos = 0;
        int cmax = width - indent.length() - 16;
        boolean first = true;
        for (Map.Entry<Long, String> e : o.enums().entrySet()) {
          if (!first) {
            out.append(", ");
          }
          first = false;
          String buf = e.getValue() + "(" + (int) (long) e.getKey() + ")";
          int bufw = buf.length() + 2;
          cpos += bufw;
          if (cpos >= cmax) {
            out.append('\n').append(indent).append("                ");
            cpos = bufw;
          }
          out.append(buf);
        }
        out.append('\n');
      }
      if (!o.ranges().isEmpty()) {
        boolean size = type == TranslateTree.Type.OCTETSTR || type == TranslateTree.Type.OPAQUE;
        out.append(indent).append(size ? "        Size: " : "        Range: ");
        for (int i = 0; i < o.ranges().size(); i++) {
          out.append(i > 0 ? " | " : "").append(rangeValue(type, o.ranges().get(i), ""));
        }
        out.append('\n');
      }
    }
    indent.setCharAt(ip, last);
    indent.append("  |");
    leaveWasSimple = type != TranslateTree.Type.OTHER;
    int count = tp.children.size();
    int i = 1;
    for (TranslateTree.Node child : tp.children.values()) {
      if (!leaveWasSimple || child.type() == TranslateTree.Type.OTHER) {
        out.append(indent).append('\n');
      }
      if (i == count) {
        indent.setCharAt(ip + 3, ' ');
      }
      leaves(out, child);
      i++;
    }
    if (count > 0) {
      leaveWasSimple = false;
    }
    indent.setLength(ip + 1);
  }

  private static String access(MibObject o) {
    switch (o.access().orElse("")) {
      case "not-accessible":
        return "----";
      case "read-only":
        return "-R--";
      case "write-only":
        return "--W-";
      case "read-write":
        return "-RW-";
      case "accessible-for-notify":
        return "---N";
      case "read-create":
        return "CR--";
      default:
        return "    ";
    }
  }

  private static String abbreviation(TranslateTree.Type type) {
    switch (type) {
      case OBJID:
        return "ObjID    ";
      case OCTETSTR:
        return "String   ";
      case INTEGER:
        return "INTEGER  ";
      case NETADDR:
        return "NetAddr  ";
      case IPADDR:
        return "IpAddr   ";
      case COUNTER:
        return "Counter  ";
      case GAUGE:
        return "Gauge    ";
      case TIMETICKS:
        return "TimeTicks";
      case OPAQUE:
        return "Opaque   ";
      case NULL:
        return "Null     ";
      case COUNTER64:
        return "Counter64";
      case BITSTRING:
        return "BitString";
      case NSAPADDRESS:
        return "NsapAddr ";
      case UNSIGNED32:
        return "Unsigned ";
      case UINTEGER:
        return "UInteger ";
      case INTEGER32:
        return "Integer32";
      default:
        return "         ";
    }
  }

  /**
   * print_range_value: signed for INTEGER and Integer32, unsigned for the others that may have a range,
   * {@code other} for the types it has no format for; bounds kept in an int as Net-SNMP keeps them.
   */
  private static String rangeValue(TranslateTree.Type type, Syntax.Range r, String other) {
    int low = r.min().intValue();
    int high = r.max().intValue();
    switch (type) {
      case INTEGER:
      case INTEGER32:
        return low == high ? Integer.toString(low) : low + ".." + high;
      case UNSIGNED32:
      case OCTETSTR:
      case GAUGE:
      case UINTEGER:
        return low == high ? Integer.toUnsignedString(low) : Integer.toUnsignedString(low) + ".." + Integer.toUnsignedString(high);
      default:
        return other;
    }
  }

  private static String label(TranslateTree.Node n) {
    return n.named() ? n.label : Long.toString(n.arc);
  }

  // --- -Td ---

  /** sprint_realloc_description for the deepest node on the way down {@code oid}; null when there is none. */
  String description(Oid oid) {
    TranslateTree.Node tp = tree.deepest(oid);
    if (tp == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    out.append(label(tp)).append(macro(tp.type())).append('\n');
    node(out, tp);
    out.append("::= {");
    int pos = 5;
    int i = 0;
    TranslateTree.Node sub = tree.top;
    while (oid.size() - i > 1) {
      TranslateTree.Node c = sub.children.get(Integer.toUnsignedLong(oid.arc(i)));
      if (c == null) {
        break;
      }
      pos = wrapped(out, pos, c.named() ? " " + c.label + "(" + c.arc + ")" : " " + c.arc);
      i++;
      sub = c;
    }
    for (; oid.size() - i > 1; i++) {
      pos = wrapped(out, pos, " " + Integer.toUnsignedString(oid.arc(i)));
    }
    wrapped(out, pos, " " + Integer.toUnsignedString(oid.arc(oid.size() - 1)) + " }");
    return out.toString();
  }

  private int wrapped(StringBuilder out, int pos, String s) {
    if (pos + s.length() + 2 > width) {
      out.append("\n     ");
      pos = 5;
    }
    out.append(s);
    return pos + s.length();
  }

  private static String macro(TranslateTree.Type type) {
    if (type.code <= 16) {
      return " OBJECT-TYPE";
    }
    switch (type) {
      case TRAPTYPE:
        return " TRAP-TYPE";
      case NOTIFTYPE:
        return " NOTIFICATION-TYPE";
      case OBJGROUP:
        return " OBJECT-GROUP";
      case AGENTCAP:
        return " AGENT-CAPABILITIES";
      case MODID:
        return " MODULE-IDENTITY";
      case OBJIDENTITY:
        return " OBJECT-IDENTITY";
      case MODCOMP:
        return " MODULE-COMPLIANCE";
      default:
        return " type_" + type.code;
    }
  }

  /** print_tree_node: the clauses Net-SNMP keeps, in its order. */
  private void node(StringBuilder out, TranslateTree.Node tp) {
    MibObject o = tp.object;
    // the roots belong to no module in Net-SNMP's tree: module_name(-1)
    String module = o == null ? "#-1" : o.module();
    out.append("  -- FROM\t").append(module).append('\n');
    if (o == null) {
      return;
    }
    boolean objectType = o.kind() == MibObject.Kind.OBJECT_TYPE;
    TranslateTree.Type type = tp.type();
    if (type.simple() && o.textualConvention().isPresent()) {
      out.append("  -- TEXTUAL CONVENTION ").append(o.textualConvention().get()).append('\n');
    }
    String syntax = syntaxName(type);
    if (syntax != null) {
      out.append("  SYNTAX\t").append(syntax);
    }
    if (objectType && !o.ranges().isEmpty()) {
      out.append(" (");
      for (int i = 0; i < o.ranges().size(); i++) {
        String v = rangeValue(type, o.ranges().get(i), null);
        // for a type without ranges Net-SNMP appends what its buffer last held: the module name
        out.append(v == null ? module : (i > 0 ? " | " : "") + v);
      }
      out.append(") ");
    }
    if (objectType && !o.enums().isEmpty()) {
      out.append(" {");
      int pos = 16 + (syntax == null ? 0 : syntax.length()) + 2;
      boolean first = true;
      for (Map.Entry<Long, String> e : o.enums().entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        String s = e.getValue() + "(" + (int) (long) e.getKey() + ")";
        if (pos + s.length() + 2 > width) {
          out.append("\n\t\t  ");
          pos = 18;
        }
        out.append(s);
        pos += s.length() + 2;
      }
      out.append("} ");
    }
    if (syntax != null) {
      out.append('\n');
    }
    if (objectType) {
      o.displayHint().filter(h -> type.simple()).ifPresent(h -> out.append("  DISPLAY-HINT\t\"").append(h).append("\"\n"));
      o.units().ifPresent(u -> out.append("  UNITS\t\t\"").append(u).append("\"\n"));
      o.access().ifPresent(a -> out.append("  MAX-ACCESS\t").append(a).append('\n'));
      o.status().ifPresent(s -> out.append("  STATUS\t").append(s).append('\n'));
      o.augments().ifPresent(a -> out.append("  AUGMENTS\t{ ").append(a).append(" }\n"));
      if (!o.index().isEmpty()) {
        list(out, "  INDEX\t\t{ ", o.index().stream().map(MibObject.IndexPart::toString).toList());
      }
    }
    if (o.kind() == MibObject.Kind.NOTIFICATION_TYPE && !o.objects().isEmpty()) {
      list(out, "  OBJECTS\t{ ", o.objects());
    } else if (o.kind() == MibObject.Kind.TRAP_TYPE && !o.objects().isEmpty()) {
      list(out, "  VARIABLES\t{ ", o.objects());
    }
    o.description().ifPresent(d ->
        out.append("  DESCRIPTION\t\"").append(d.length() > MAX_QUOTED ? d.substring(0, MAX_QUOTED) : d).append("\"\n"));
    if (objectType) {
      o.defval().ifPresent(d -> out.append("  DEFVAL\t{ ").append(netSnmpDefval(d)).append(" }\n"));
    }
  }

  private void list(StringBuilder out, String head, List<String> items) {
    out.append(head);
    int pos = 16 + 2;
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String s = items.get(i);
      if (pos + s.length() + 2 > width) {
        out.append("\n\t\t  ");
        pos = 16 + 2;
      }
      out.append(s);
      pos += s.length() + 2;
    }
    out.append(" }\n");
  }

  private static String syntaxName(TranslateTree.Type type) {
    switch (type) {
      case OBJID:
        return "OBJECT IDENTIFIER";
      case OCTETSTR:
        return "OCTET STRING";
      case INTEGER:
        return "INTEGER";
      case NETADDR:
        return "NetworkAddress";
      case IPADDR:
        return "IpAddress";
      case COUNTER:
        return "Counter32";
      case GAUGE:
        return "Gauge32";
      case TIMETICKS:
        return "TimeTicks";
      case OPAQUE:
        return "Opaque";
      case NULL:
        return "NULL";
      case COUNTER64:
        return "Counter64";
      case BITSTRING:
        return "BITS";
      case NSAPADDRESS:
        return "NsapAddress";
      case UINTEGER:
        return "UInteger32";
      case UNSIGNED32:
        return "Unsigned32";
      case INTEGER32:
        return "Integer32";
      default:
        return null;
    }
  }

  /**
   * A DEFVAL as Net-SNMP keeps it (parse.c parse_objecttype): its tokens joined by spaces, strings in
   * backslash-escaped quotes, 'hex'H and 'binary'B literals as decimal numbers.
   */
  static String netSnmpDefval(String written) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = written.length();
    while (i < n) {
      char c = written.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      if (c == '"') {
        int end = written.indexOf('"', i + 1);
        end = end < 0 ? n : end;
        out.append("\\\"").append(written, i + 1, end).append("\\\"");
        i = end + 1;
      } else if (c == '\'' && written.indexOf('\'', i + 1) > 0 && written.indexOf('\'', i + 1) + 1 < n) {
        int end = written.indexOf('\'', i + 1);
        String digits = written.substring(i + 1, end);
        int radix = Character.toUpperCase(written.charAt(end + 1)) == 'B' ? 2 : 16;
        long val = 0;
        for (int k = 0; k < digits.length(); k++) {
          val = val * radix + Character.digit(digits.charAt(k), radix);
        }
        out.append(val);
        i = end + 2;
      } else {
        int end = written.indexOf(' ', i);
        end = end < 0 ? n : end;
        out.append(written, i, end);
        i = end;
      }
    }
    return out.toString();
  }
}
