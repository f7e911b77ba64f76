package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a MIB says about one named node: where it is, how it was defined and, for an OBJECT-TYPE, its
 * syntax resolved through textual conventions (RFC 2579): the base type, the display hint and the
 * enumeration labels. Absent clauses are empty.
 *
 * <pre>{@code
 * MibObject o = mib.object("IF-MIB::ifPhysAddress").orElseThrow();
 * o.oid();               // 1.3.6.1.2.1.2.2.1.6
 * o.textualConvention(); // Optional[PhysAddress]
 * o.displayHint();       // Optional[1x:]
 * o.role();              // COLUMN
 * }</pre>
 *
 * @param syntax the SYNTAX as written
 * @param baseType the type the syntax resolves to: "INTEGER", "Integer32", "Unsigned32", "Counter32",
 *     "Gauge32", "Counter64", "TimeTicks", "IpAddress", "Opaque", "OCTET STRING", "OBJECT IDENTIFIER",
 *     "BITS", SMIv1's "NetworkAddress", "Counter", "Gauge", or "SEQUENCE OF …" for a table
 * @param textualConvention the first named type the syntax refers to ("DisplayString")
 * @param displayHint the DISPLAY-HINT of the nearest textual convention on the way to the base type
 * @param enums the enumeration labels (or BITS names) of the syntax, else of its textual convention
 * @param ranges the ranges or sizes of the syntax, else of its textual convention
 * @param index the INDEX of a row; empty for everything else
 * @param augments the row this row AUGMENTS
 * @param objects OBJECTS of a notification or group, VARIABLES of a trap
 */
public record MibObject(
    String name,
    String module,
    Oid oid,
    Kind kind,
    Role role,
    Optional<Syntax> syntax,
    Optional<String> baseType,
    Optional<String> textualConvention,
    Optional<String> displayHint,
    Map<Long, String> enums,
    List<Syntax.Range> ranges,
    Optional<String> access,
    Optional<String> status,
    Optional<String> description,
    Optional<String> units,
    Optional<String> reference,
    Optional<String> defval,
    List<IndexPart> index,
    Optional<String> augments,
    List<String> objects) {

  public MibObject {
    enums = Collections.unmodifiableMap(new LinkedHashMap<>(enums));
    ranges = List.copyOf(ranges);
    index = List.copyOf(index);
    objects = List.copyOf(objects);
  }

  /** How the node was defined. */
  public enum Kind {
    /** A value assignment: {@code x OBJECT IDENTIFIER ::= { parent 3 }}, or a node named inside one. */
    NODE,
    OBJECT_TYPE,
    OBJECT_IDENTITY,
    MODULE_IDENTITY,
    NOTIFICATION_TYPE,
    /** An SMIv1 trap (RFC 1215), placed at {@code enterprise.0.number} as Net-SNMP places it. */
    TRAP_TYPE,
    OBJECT_GROUP,
    NOTIFICATION_GROUP,
    MODULE_COMPLIANCE,
    AGENT_CAPABILITIES
  }

  /** An OBJECT-TYPE's place in a table (RFC 2578 §7.1.12, §7.10). */
  public enum Role {
    /** SYNTAX SEQUENCE OF a row type. */
    TABLE,
    /** Has INDEX or AUGMENTS. */
    ROW,
    /** A child of a row. */
    COLUMN,
    /** Any other OBJECT-TYPE. */
    SCALAR,
    /** Not an OBJECT-TYPE. */
    NONE
  }

  /** One object of an INDEX clause; {@code implied} for {@code IMPLIED name} (RFC 2578 §7.7). */
  public record IndexPart(String name, boolean implied) {
    @Override
    public String toString() {
      return implied ? "IMPLIED " + name : name;
    }
  }

  /** "MODULE::name", as Net-SNMP prints a node. */
  public String qualifiedName() {
    return module + "::" + name;
  }
}
