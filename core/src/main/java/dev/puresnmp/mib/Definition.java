package dev.puresnmp.mib;

import java.util.List;

/**
 * One top-level assignment of a module as parsed, before names are resolved. Absent clauses are null or
 * empty. {@code macro} says which form it was: "OBJECT IDENTIFIER" for a value assignment, "TYPE" for a
 * type assignment, "TEXTUAL-CONVENTION", or the macro name ("OBJECT-TYPE", "TRAP-TYPE", …).
 */
record Definition(
    String name,
    String macro,
    List<OidPart> oid,
    Syntax syntax,
    String access,
    String status,
    String description,
    String units,
    String displayHint,
    String reference,
    List<MibObject.IndexPart> index,
    String augments,
    String defval,
    List<String> objects,
    String enterprise,
    long trapNumber,
    int line,
    int column) {

  /** One component of an OID value: {@code parent}, {@code 3}, or {@code org(3)}; name or number may be absent. */
  record OidPart(String name, Long number) {
    @Override
    public String toString() {
      if (name == null) {
        return Long.toString(number);
      }
      return number == null ? name : name + "(" + number + ")";
    }
  }

  boolean isType() {
    return macro.equals("TYPE") || macro.equals("TEXTUAL-CONVENTION");
  }
}
