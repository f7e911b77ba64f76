package dev.puresnmp.mib;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import java.util.List;

/**
 * The index of an instance's name as Net-SNMP 5.9 prints it with {@code -OX}, each INDEX object's value
 * in brackets: integers as numbers or enumeration labels ({@code -Oe} does not apply), IpAddress as
 * four numbers, TimeTicks as an uptime ("0:00:00.09", {@code -Oq} "0:0:00:00.09", {@code -Ot} "9"),
 * OBJECT IDENTIFIERs named, strings with a DISPLAY-HINT by it ("STRING: 1:2:3:4:5:6", {@code -Oq}
 * without "STRING: "), other strings quoted as without {@code -OX}, an SMIv1 NetworkAddress as its
 * numbers. Found by experiment with snmptranslate and snmpget 5.9.3 (MibNetSnmpIT, NamesNetSnmpIT).
 *
 * <pre>{@code
 * ExtendedIndex.append(sb, names, tree, options, oid, 10, index);   // "[1][2]" after "ifStackStatus"
 * }</pre>
 */
final class ExtendedIndex {
  private ExtendedIndex() {}

  /** What {@link #value} returns when the rest of the OID has been printed (a NetworkAddress that does not fit). */
  private static final int ALL = Integer.MAX_VALUE;

  /**
   * Appends the index from arc {@code i}; returns null, or, where Net-SNMP's own buffer overflows, what
   * it prints after the full name of the column instead (see {@link #overflow}). At an index whose type
   * Net-SNMP does not print (Counter32) or that the arcs do not fill, the bracket stays open and the rest
   * follows as numbers ("[.10"); at an index object that no loaded module defines, the rest follows as
   * numbers without a bracket, as Net-SNMP prints them.
   */
  static String append(StringBuilder sb, MibNames names, MibTree tree, FormatOptions options, Oid oid, int i,
      List<MibObject.IndexPart> index) {
    int size = oid.size();
    for (MibObject.IndexPart part : index) {
      if (i >= size) {
        break;
      }
      if (tree.latest(part.name()) == null) {
        break; // an index object no loaded module defines: numbers, and no bracket
      }
      IndexType type = IndexType.of(tree, part.name());
      if (type.category == IndexType.Category.OBJECT_IDENTIFIER) {
        String overflow = overflow(tree, oid, i, part);
        if (overflow != null) {
          return overflow;
        }
      }
      sb.append('[');
      int next = value(sb, names, tree, options, oid, i, part, type);
      if (next == ALL) {
        return null;
      }
      if (next < 0) {
        break;
      }
      sb.append(']');
      i = next;
    }
    for (; i < size; i++) {
      sb.append('.').append(Integer.toUnsignedLong(oid.arc(i)));
    }
    return null;
  }

  /**
   * An OBJECT IDENTIFIER index that is empty or starts below no root (".104.105"): Net-SNMP 5.9.3 then
   * overflows its buffer and prints the column's full name, "[" and the index's numbers one character
   * short, and " [TRUNCATED]" (".…pstOidKey[.104.10 [TRUNCATED]"); null for any other index.
   */
  private static String overflow(MibTree tree, Oid oid, int i, MibObject.IndexPart part) {
    int remaining = oid.size() - i;
    long count = part.implied() ? remaining : Integer.toUnsignedLong(oid.arc(i)) + 1;
    int from = part.implied() ? i : i + 1;
    if (count > remaining || (from < i + count && tree.root.child(Integer.toUnsignedLong(oid.arc(from))) != null)) {
      return null;
    }
    StringBuilder digits = new StringBuilder("[");
    for (int k = from; k < i + count; k++) {
      digits.append('.').append(Integer.toUnsignedLong(oid.arc(k)));
    }
    return digits.substring(0, digits.length() - 1) + " [TRUNCATED]";
  }

  /** One index value from arc {@code i}; the arc after it, or -1 when it does not print. */
  private static int value(StringBuilder sb, MibNames names, MibTree tree, FormatOptions options, Oid oid, int i,
      MibObject.IndexPart part, IndexType type) {
    int remaining = oid.size() - i;
    switch (type.category) {
      case INTEGER -> {
        long v = Integer.toUnsignedLong(oid.arc(i));
        String label = type.enums.get(v);
        sb.append(label != null ? label : Long.toString(v));
        return i + 1;
      }
      case TIMETICKS -> {
        VarBindFormatter.appendUptime(sb, Integer.toUnsignedLong(oid.arc(i)), options);
        return i + 1;
      }
      case IP_ADDRESS -> {
        if (remaining < 4) {
          return -1;
        }
        for (int k = 0; k < 4; k++) {
          sb.append(k > 0 ? "." : "").append(Integer.toUnsignedLong(oid.arc(i + k)));
        }
        return i + 4;
      }
      case NETWORK_ADDRESS -> {
        // internet(1) and four numbers closes the bracket; anything else prints all that is left, unclosed
        boolean fits = oid.arc(i) == 1 && remaining >= 5;
        int end = fits ? i + 5 : oid.size();
        for (int k = i; k < end; k++) {
          sb.append(k > i ? "." : "").append(Integer.toUnsignedLong(oid.arc(k)));
        }
        return fits ? end : ALL;
      }
      case OCTETS -> {
        return octets(sb, tree, options, oid, i, part, type);
      }
      case OBJECT_IDENTIFIER -> {
        long count = part.implied() ? remaining : Integer.toUnsignedLong(oid.arc(i)) + 1;
        if (count > remaining) {
          return -1;
        }
        int from = part.implied() ? i : i + 1;
        int[] arcs = new int[(int) (i + count - from)];
        for (int k = 0; k < arcs.length; k++) {
          arcs[k] = oid.arc(from + k);
        }
        sb.append(names.format(Oid.of(arcs), options));
        return i + (int) count;
      }
      default -> {
        return -1;
      }
    }
  }

  private static int octets(StringBuilder sb, MibTree tree, FormatOptions options, Oid oid, int i, MibObject.IndexPart part,
      IndexType type) {
    int[] octets = type.octets(oid, i, part.implied());
    if (octets == null) {
      return -1;
    }
    int start = octets[0];
    int n = octets[1];
    MibNode node = tree.latest(part.name());
    DisplayHint hint = node == null ? null : ObjectFormat.of(node.object()).hint;
    if (hint == null || ObjectFormat.of(node.object()).kind != ObjectFormat.Kind.OCTETS || !options.displayHints()) {
      boolean address = type.inetAddress && !part.implied() && type.fixedSize < 0 && n > 0
          && MibNames.appendInetAddress(sb, oid, start, n);
      if (!address) {
        MibNames.appendString(sb, oid, start, n, part.implied() || type.fixedSize >= 0 ? '\'' : '"', options.escapeQuotes());
      }
    } else {
      byte[] b = new byte[n];
      for (int k = 0; k < n; k++) {
        b[k] = (byte) oid.arc(start + k);
      }
      sb.append(options.bare() ? "" : "STRING: ");
      hint.appendOctets(sb, Bytes.of(b), options.twoDigitHex());
    }
    return start + n;
  }
}
