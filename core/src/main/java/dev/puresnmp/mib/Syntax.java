package dev.puresnmp.mib;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SYNTAX as a module writes it (RFC 2578 §7.1): the type's name and the refinements given with it.
 * {@code INTEGER { up(1), down(2) }} is type "INTEGER" with two named numbers; {@code DisplayString (SIZE
 * (0..32))} is type "DisplayString" with one size range; {@code BITS { a(0) }} names bits. What the type
 * resolves to through textual conventions is on {@link MibObject}.
 *
 * <pre>{@code
 * Syntax s = mib.object("ifAdminStatus").orElseThrow().syntax().orElseThrow();
 * s.type();            // "INTEGER"
 * s.namedNumbers();    // {1=up, 2=down, 3=testing}
 * }</pre>
 *
 * @param type "INTEGER", "OCTET STRING", "OBJECT IDENTIFIER", "BITS", a type or textual convention name
 *     ("DisplayString", "Counter32"), "SEQUENCE", "SEQUENCE OF IfEntry" or "CHOICE"
 * @param namedNumbers enumeration labels or bit names by number, in the order written
 * @param ranges the allowed values, or with {@code size} the allowed lengths; empty when unrefined
 * @param size whether {@code ranges} are a SIZE constraint
 */
public record Syntax(String type, Map<Long, String> namedNumbers, List<Range> ranges, boolean size) {
  public Syntax {
    namedNumbers = Collections.unmodifiableMap(new LinkedHashMap<>(namedNumbers));
    ranges = List.copyOf(ranges);
  }

  static Syntax of(String type) {
    return new Syntax(type, Map.of(), List.of(), false);
  }

  /**
   * One range {@code min..max}, or a single value when both are equal. Values are big integers because
   * Counter64 and Unsigned32 ranges pass {@code Long.MAX_VALUE}.
   */
  public record Range(BigInteger min, BigInteger max) {
    /** Whether this range allows only one value, as {@code SIZE (6)} does. */
    public boolean isFixed() {
      return min.equals(max);
    }

    @Override
    public String toString() {
      return isFixed() ? min.toString() : min + ".." + max;
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type);
    if (!namedNumbers.isEmpty()) {
      sb.append(" {");
      namedNumbers.forEach((n, label) -> sb.append(' ').append(label).append('(').append(n).append("),"));
      sb.setLength(sb.length() - 1);
      sb.append(" }");
    }
    if (!ranges.isEmpty()) {
      sb.append(size ? " (SIZE (" : " (");
      for (int i = 0; i < ranges.size(); i++) {
        sb.append(i > 0 ? " | " : "").append(ranges.get(i));
      }
      sb.append(size ? "))" : ")");
    }
    return sb.toString();
  }
}
