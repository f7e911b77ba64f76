package dev.puresnmp.mib;

import dev.puresnmp.smi.SmiType;
import java.util.HashMap;
import java.util.Map;

/**
 * What Net-SNMP decides once per object when it prints a value: the SMI type the object expects (and
 * the name it gives in "Wrong Type (should be …)"), the display hint, the enumeration labels and the
 * units. Computed once per node and kept on it ({@link MibNode#format}).
 */
final class ObjectFormat {
  /** The printing rule an object's base type selects. */
  enum Kind {
    INTEGER, UNSIGNED, COUNTER, COUNTER64, TIMETICKS, IP_ADDRESS, OPAQUE, OCTETS, OID, BITS, NETWORK_ADDRESS,
    /** Not an OBJECT-TYPE with a simple type: values print as without MIBs. */
    NONE
  }

  /** For nodes that are not objects, and objects of a type Net-SNMP has no printer for. */
  static final ObjectFormat UNTYPED = new ObjectFormat(Kind.NONE, null, null, Map.of(), null, null);

  final Kind kind;
  /** The type a value must have; null for {@link Kind#NONE}. */
  final SmiType expected;
  /** "Wrong Type (should be INTEGER): " */
  final String wrongType;
  /** Enumeration labels of an INTEGER, bit names of BITS. */
  final Map<Long, String> enums;
  /** The bit numbers and names of BITS in the order written, for {@link #bitName}. */
  private final long[] bitNumbers;
  private final String[] bitNames;
  /** " seconds", or null. */
  final String units;
  /** The parsed DISPLAY-HINT; null when there is none or it does not parse. */
  final DisplayHint hint;
  /** "(Bad hint ignored: foo) " for an OCTET STRING hint that does not parse, else null. */
  final String badHint;

  private ObjectFormat(Kind kind, SmiType expected, String shouldBe, Map<Long, String> enums, String units, String hintText) {
    this.kind = kind;
    this.expected = expected;
    this.wrongType = shouldBe == null ? null : "Wrong Type (should be " + shouldBe + "): ";
    this.enums = enums.isEmpty() ? Map.of() : new HashMap<>(enums);
    this.bitNumbers = new long[enums.size()];
    this.bitNames = new String[enums.size()];
    int k = 0;
    for (Map.Entry<Long, String> e : enums.entrySet()) {
      bitNumbers[k] = e.getKey();
      bitNames[k++] = e.getValue();
    }
    this.units = units == null ? null : " " + units;
    DisplayHint h = null;
    String bad = null;
    if (hintText != null) {
      if (kind == Kind.OCTETS) {
        h = DisplayHint.octets(hintText);
        bad = h == null ? "(Bad hint ignored: " + hintText + ") " : null;
      } else if (kind == Kind.INTEGER || kind == Kind.UNSIGNED) {
        h = DisplayHint.integer(hintText);
      }
    }
    this.hint = h;
    this.badHint = bad;
  }

  /**
   * The name of a set bit, searching the names in the order written from where the last search of
   * this value stopped ({@code cursor[0]}); once a search fails, every later bit prints as a number.
   * That is what Net-SNMP 5.9 prints: BITS {zero(0), one(1), nine(9)} with bits 1, 2, 9 set gives
   * "one(1) 2 9".
   */
  String bitName(long bit, int[] cursor) {
    int p = cursor[0];
    while (p < bitNumbers.length && bitNumbers[p] != bit) {
      p++;
    }
    cursor[0] = p;
    return p < bitNumbers.length ? bitNames[p] : null;
  }

  static ObjectFormat of(MibObject o) {
    if (o == null || o.kind() != MibObject.Kind.OBJECT_TYPE) {
      return UNTYPED;
    }
    String units = o.units().orElse(null);
    if (o.baseType().isEmpty()) {
      // a syntax that does not resolve (a textual convention from a module not loaded): values print
      // as without MIBs, but Net-SNMP still adds the UNITS
      return units == null ? UNTYPED : new ObjectFormat(Kind.NONE, null, null, Map.of(), units, null);
    }
    String hint = o.displayHint().orElse(null);
    return switch (o.baseType().get()) {
      case "INTEGER", "Integer32" -> new ObjectFormat(Kind.INTEGER, SmiType.INTEGER32, "INTEGER", o.enums(), units, hint);
      case "Unsigned32", "Gauge32", "Gauge" ->
          new ObjectFormat(Kind.UNSIGNED, SmiType.GAUGE32, "Gauge32 or Unsigned32", Map.of(), units, hint);
      case "Counter32", "Counter" -> new ObjectFormat(Kind.COUNTER, SmiType.COUNTER32, "Counter32", Map.of(), units, null);
      case "Counter64" -> new ObjectFormat(Kind.COUNTER64, SmiType.COUNTER64, "Counter64", Map.of(), units, null);
      case "TimeTicks" -> new ObjectFormat(Kind.TIMETICKS, SmiType.TIMETICKS, "Timeticks", Map.of(), units, null);
      case "IpAddress" -> new ObjectFormat(Kind.IP_ADDRESS, SmiType.IP_ADDRESS, "IpAddress", Map.of(), null, null);
      case "NetworkAddress" ->
          new ObjectFormat(Kind.NETWORK_ADDRESS, SmiType.IP_ADDRESS, "NetworkAddress", Map.of(), null, null);
      case "Opaque" -> new ObjectFormat(Kind.OPAQUE, SmiType.OPAQUE, "Opaque", Map.of(), units, null);
      case "OCTET STRING" -> new ObjectFormat(Kind.OCTETS, SmiType.OCTET_STRING, "OCTET STRING", Map.of(), units, hint);
      case "OBJECT IDENTIFIER" ->
          new ObjectFormat(Kind.OID, SmiType.OBJECT_IDENTIFIER, "OBJECT IDENTIFIER", Map.of(), units, null);
      case "BITS" -> new ObjectFormat(Kind.BITS, SmiType.OCTET_STRING, "BITS", o.enums(), null, null);
      default -> units == null ? UNTYPED : new ObjectFormat(Kind.NONE, null, null, Map.of(), units, null);
    };
  }
}
