package dev.puresnmp.mib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMI base modules as facts, so a module that imports from them loads where their files are missing
 * (Net-SNMP needs the files; vendors rarely ship them). Only what other modules use: the well-known nodes,
 * the base types, the macros (as names) and the textual conventions with their display hints. A file of
 * the same name on the search path takes precedence.
 */
final class BaseModules {
  static final String FILE = "built-in";

  private BaseModules() {}

  /** The built-in module called {@code name}, or null if there is none. */
  static ModuleSource get(String name) {
    switch (name) {
      case "SNMPv2-SMI":
        return snmpV2Smi();
      case "SNMPv2-TC":
        return snmpV2Tc();
      case "SNMPv2-CONF":
        return new Module(name).macros("OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE", "AGENT-CAPABILITIES").build();
      case "RFC1155-SMI":
        return rfc1155();
      case "RFC-1212":
        return new Module(name).macros("OBJECT-TYPE").build();
      case "RFC-1215":
        return new Module(name).macros("TRAP-TYPE").build();
      case "RFC1213-MIB":
        return rfc1213();
      default:
        return null;
    }
  }

  // RFC 2578 §2 and §7.1
  private static ModuleSource snmpV2Smi() {
    Module m = new Module("SNMPv2-SMI");
    internet(m, true);
    m.node("mib-2", "mgmt", 1).node("transmission", "mib-2", 10).node("security", "internet", 5).node("snmpV2", "internet", 6);
    m.node("snmpDomains", "snmpV2", 1).node("snmpProxys", "snmpV2", 2).node("snmpModules", "snmpV2", 3);
    m.node("zeroDotZero", "ccitt", 0); // RFC 2578 §2: { 0 0 }, an OBJECT-IDENTITY
    m.macros("MODULE-IDENTITY", "OBJECT-IDENTITY", "OBJECT-TYPE", "NOTIFICATION-TYPE");
    m.type("Integer32", "INTEGER", range(-2147483648L, 2147483647L));
    m.type("Unsigned32", "Unsigned32").type("Counter32", "Counter32").type("Counter64", "Counter64");
    m.type("Gauge32", "Gauge32").type("TimeTicks", "TimeTicks").type("IpAddress", "IpAddress").type("Opaque", "Opaque");
    m.type("ObjectName", "OBJECT IDENTIFIER").type("NotificationName", "OBJECT IDENTIFIER");
    return m.build();
  }

  // RFC 1155 §3.1 and §3.2
  private static ModuleSource rfc1155() {
    Module m = new Module("RFC1155-SMI");
    internet(m, false);
    m.macros("OBJECT-TYPE");
    m.type("NetworkAddress", "NetworkAddress").type("IpAddress", "IpAddress").type("Counter", "Counter");
    m.type("Gauge", "Gauge").type("TimeTicks", "TimeTicks").type("Opaque", "Opaque").type("ObjectName", "OBJECT IDENTIFIER");
    return m.build();
  }

  private static void internet(Module m, boolean v2) {
    if (v2) {
      m.node("org", "iso", 3).node("dod", "org", 6).node("internet", "dod", 1);
    } else {
      m.path("internet", "iso", "org", 3, "dod", 6, 1); // RFC 1155: { iso org(3) dod(6) 1 }
    }
    m.node("directory", "internet", 1).node("mgmt", "internet", 2).node("experimental", "internet", 3);
    m.node("private", "internet", 4).node("enterprises", "private", 1);
  }

  // RFC 1213 §6: the groups of MIB-II and its two types, which it defines without a DISPLAY-HINT
  private static ModuleSource rfc1213() {
    Module m = new Module("RFC1213-MIB");
    m.node("mib-2", "mgmt", 1);
    String[] groups = {"system", "interfaces", "at", "ip", "icmp", "tcp", "udp", "egp"};
    for (int i = 0; i < groups.length; i++) {
      m.node(groups[i], "mib-2", i + 1);
    }
    m.node("transmission", "mib-2", 10).node("snmp", "mib-2", 11);
    m.type("DisplayString", "OCTET STRING").type("PhysAddress", "OCTET STRING");
    m.imports("mgmt", "RFC1155-SMI");
    return m.build();
  }

  // RFC 2579 §2: each textual convention with its DISPLAY-HINT and SYNTAX
  private static ModuleSource snmpV2Tc() {
    Module m = new Module("SNMPv2-TC");
    m.macros("TEXTUAL-CONVENTION");
    m.tc("DisplayString", "255a", size(0, 255), "OCTET STRING");
    m.tc("PhysAddress", "1x:", List.of(), "OCTET STRING");
    m.tc("MacAddress", "1x:", size(6, 6), "OCTET STRING");
    m.tc("TruthValue", null, List.of(), "INTEGER", "true", 1, "false", 2);
    m.tc("TestAndIncr", null, range(0, 2147483647L), "INTEGER");
    m.tc("AutonomousType", null, List.of(), "OBJECT IDENTIFIER");
    m.tc("InstancePointer", null, List.of(), "OBJECT IDENTIFIER");
    m.tc("VariablePointer", null, List.of(), "OBJECT IDENTIFIER");
    m.tc("RowPointer", null, List.of(), "OBJECT IDENTIFIER");
    m.tc("RowStatus", null, List.of(), "INTEGER",
        "active", 1, "notInService", 2, "notReady", 3, "createAndGo", 4, "createAndWait", 5, "destroy", 6);
    m.tc("TimeStamp", null, List.of(), "TimeTicks");
    m.tc("TimeInterval", null, range(0, 2147483647L), "INTEGER");
    m.tc("DateAndTime", "2d-1d-1d,1d:1d:1d.1d,1a1d:1d", List.of(range(8, 8).get(0), range(11, 11).get(0)), "OCTET STRING");
    m.tc("StorageType", null, List.of(), "INTEGER",
        "other", 1, "volatile", 2, "nonVolatile", 3, "permanent", 4, "readOnly", 5);
    m.tc("TDomain", null, List.of(), "OBJECT IDENTIFIER");
    m.tc("TAddress", null, size(1, 255), "OCTET STRING");
    m.imports("Integer32", "SNMPv2-SMI").imports("TimeTicks", "SNMPv2-SMI");
    return m.build();
  }

  private static List<Syntax.Range> range(long min, long max) {
    return List.of(new Syntax.Range(BigInteger.valueOf(min), BigInteger.valueOf(max)));
  }

  private static List<Syntax.Range> size(long min, long max) {
    return range(min, max); // the caller marks it a SIZE through the base type
  }

  /** Builds one module's definitions. */
  private static final class Module {
    private final String name;
    private final List<Definition> defs = new ArrayList<>();
    private final Map<String, String> imports = new LinkedHashMap<>();

    Module(String name) {
      this.name = name;
    }

    Module node(String label, String parent, long arc) {
      return add(label, "OBJECT IDENTIFIER", List.of(new Definition.OidPart(parent, null), new Definition.OidPart(null, arc)), null, null);
    }

    /** {@code label OBJECT IDENTIFIER ::= { root n1(a1) n2(a2) arc }}. */
    Module path(String label, String root, String n1, long a1, String n2, long a2, long arc) {
      return add(label, "OBJECT IDENTIFIER",
          List.of(new Definition.OidPart(root, null), new Definition.OidPart(n1, a1), new Definition.OidPart(n2, a2),
              new Definition.OidPart(null, arc)), null, null);
    }

    Module macros(String... names) {
      for (String n : names) {
        add(n, "MACRO", null, null, null);
      }
      return this;
    }

    Module type(String label, String base) {
      return type(label, base, List.of());
    }

    Module type(String label, String base, List<Syntax.Range> ranges) {
      return add(label, "TYPE", null, new Syntax(base, Map.of(), ranges, false), null);
    }

    /** A textual convention; {@code named} alternates labels and numbers. */
    Module tc(String label, String hint, List<Syntax.Range> ranges, String base, Object... named) {
      Map<Long, String> enums = new LinkedHashMap<>();
      for (int i = 0; i < named.length; i += 2) {
        enums.put(((Integer) named[i + 1]).longValue(), (String) named[i]);
      }
      boolean size = base.equals("OCTET STRING") && !ranges.isEmpty();
      return add(label, "TEXTUAL-CONVENTION", null, new Syntax(base, enums, ranges, size), hint);
    }

    Module imports(String symbol, String module) {
      imports.put(symbol, module);
      return this;
    }

    private Module add(String label, String macro, List<Definition.OidPart> oid, Syntax syntax, String hint) {
      defs.add(new Definition(label, macro, oid, syntax, null, "current", null, null, hint, null, List.of(), null, null,
          List.of(), null, -1, 0, 0));
      return this;
    }

    ModuleSource build() {
      Map<String, Token> at = new LinkedHashMap<>();
      imports.values().forEach(m -> at.put(m, new Token(Token.Kind.WORD, m, 0, 0)));
      return new ModuleSource(name, FILE, imports, at, defs, List.of());
    }
  }
}
