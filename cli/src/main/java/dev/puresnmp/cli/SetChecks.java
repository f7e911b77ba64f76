package dev.puresnmp.cli;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibObject;
import dev.puresnmp.mib.Syntax;
import dev.puresnmp.smi.Oid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What snmpset 5.9.3 checks of an {@code OID TYPE VALUE} against the MIB before it sends anything, and
 * how it words a refusal (found by experiment; {@code -Ir} turns the checks off): the type letter must fit
 * the object's type ("Bad variable type (Type of attribute is OCTET STRING, not INTEGER)"), an {@code i}
 * value may be an enumeration label and must be in the object's ranges ("Value out of range (200 ::
 * {(0..127)})"). The object is the one whose OID is the longest the varbind's starts with; tables, rows,
 * plain nodes and OIDs no module knows are not checked.
 *
 * <pre>{@code
 * SetChecks.complaint(mib, oid("sysName.0"), "i", "5");     // "Bad variable type (Type of attribute is OCTET STRING, not INTEGER)"
 * SetChecks.integer(mib, oid("ifAdminStatus.1"), "up");     // "1"
 * }</pre>
 */
final class SetChecks {
  private SetChecks() {}

  /** The type each letter stands for in snmpset's words, and the base types of the objects it may set. */
  private static final Map<String, String> LETTER_NAMES = Map.of("i", "INTEGER", "u", "Unsigned32", "t", "Timeticks",
      "a", "IpAddress", "o", "OBJECT IDENTIFIER", "s", "OCTET STRING", "x", "OCTET STRING", "d", "OCTET STRING",
      "b", "BITS", "c", "Counter32");
  private static final Map<String, Set<String>> FITS = Map.of("i", Set.of("INTEGER", "Integer32"), "u",
      Set.of("Unsigned32", "Gauge32", "Gauge"), "t", Set.of("TimeTicks"), "a", Set.of("IpAddress", "NetworkAddress"),
      "o", Set.of("OBJECT IDENTIFIER"), "s", Set.of("OCTET STRING", "BITS"), "x", Set.of("OCTET STRING", "BITS"),
      "d", Set.of("OCTET STRING", "BITS"), "b", Set.of("BITS"), "c", Set.of("Counter32", "Counter"));

  /** Net-SNMP's name of an object's base type in "Type of attribute is …". */
  private static String attributeName(String baseType) {
    return switch (baseType) {
      case "Integer32" -> "INTEGER";
      case "TimeTicks" -> "Timeticks";
      case "Gauge" -> "Gauge32";
      case "Counter" -> "Counter32";
      default -> baseType;
    };
  }

  /**
   * What snmpset says of this value before sending it, after "NAME: ", or null when it has nothing to
   * say: "Bad variable type (…)", "Value out of range (…)". {@code text} of an {@code i} value is read
   * as {@link #integer} reads it.
   */
  static String complaint(Mib mib, Oid oid, String type, String text) {
    MibObject o = object(mib, oid);
    if (o == null || o.baseType().isEmpty() || !LETTER_NAMES.containsKey(type)) {
      return null; // n, U, I, F, D, C: not checked
    }
    String base = o.baseType().get();
    if (!FITS.get(type).contains(base)) {
      boolean known = FITS.values().stream().anyMatch(s -> s.contains(base)) || base.equals("Counter64") || base.equals("Opaque");
      return known ? "Bad variable type (Type of attribute is " + attributeName(base) + ", not " + LETTER_NAMES.get(type) + ")" : null;
    }
    if (type.equals("i") && !o.ranges().isEmpty()) {
      String number = integer(mib, oid, text);
      if (number != null && !inRanges(o.ranges(), new BigInteger(number))) {
        return "Value out of range (" + text + " :: " + ranges(o.ranges()) + ")";
      }
    }
    return null;
  }

  /**
   * The letter snmpset's type {@code =} stands for at this OID: the object's type's ("i" for an INTEGER,
   * "s" for an OCTET STRING); null when no object with a type is there.
   */
  static String letterOf(Mib mib, Oid oid) {
    MibObject o = object(mib, oid);
    if (o == null || o.baseType().isEmpty()) {
      return null;
    }
    String base = o.baseType().get();
    if (base.equals("Counter64")) {
      return "C";
    }
    for (String letter : List.of("i", "u", "t", "a", "o", "s", "b", "c")) {
      if (FITS.get(letter).contains(base) && !(letter.equals("s") && base.equals("BITS"))) {
        return letter;
      }
    }
    return null;
  }

  /** An {@code i} value as a decimal number: the number, or an enumeration label's; null when it is neither. */
  static String integer(Mib mib, Oid oid, String text) {
    if (text.matches("-?[0-9]+")) {
      return text;
    }
    MibObject o = object(mib, oid);
    if (o != null) {
      for (Map.Entry<Long, String> e : o.enums().entrySet()) {
        if (e.getValue().equals(text)) {
          return Long.toString(e.getKey());
        }
      }
    }
    return null;
  }

  private static MibObject object(Mib mib, Oid oid) {
    MibObject o = mib.objectAbove(oid).orElse(null);
    return o != null && o.kind() == MibObject.Kind.OBJECT_TYPE && o.role() != MibObject.Role.TABLE && o.role() != MibObject.Role.ROW ? o : null;
  }

  private static boolean inRanges(List<Syntax.Range> ranges, BigInteger v) {
    for (Syntax.Range r : ranges) {
      if (r.min().compareTo(v) <= 0 && v.compareTo(r.max()) <= 0) {
        return true;
      }
    }
    return false;
  }

  /** "{(0..100), (200)}", as snmpset prints an object's ranges. */
  private static String ranges(List<Syntax.Range> ranges) {
    List<String> parts = new ArrayList<>();
    for (Syntax.Range r : ranges) {
      parts.add("(" + r + ")");
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
