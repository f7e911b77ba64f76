package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.smi.Oid;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Net-SNMP's snmptranslate as the oracle: for every object of each module, loaded alone as {@code -m
 * MODULE} loads it, our OID for its name ({@code -IR -On}) and our names for its OID and for instance
 * OIDs below it (default, {@code -Of}, {@code -Os}) must equal snmptranslate's, on the same files.
 */
class MibNetSnmpIT {
  private static final Path SYSTEM_MIBS = Path.of("/usr/share/snmp/mibs");
  /** Arcs after a column: index decoding gets an integer, a 2-character string, an address, more. */
  private static final String INSTANCE = ".2.104.105.10.0.0.1.7";

  private static Path standard;
  private static Path good;
  private static Path facts;

  @BeforeAll
  static void fetchStandardModules() throws Exception {
    NetSnmpPeer.requireTool("snmptranslate", NetSnmpPeer.peersDir());
    standard = StandardMibs.fetch();
    good = MibParserTest.resources("good");
    facts = BuiltInMibGenerator.FACTS;
  }

  static List<String> modules() {
    return List.of("NET-SNMP-MIB", "NET-SNMP-TC", "NET-SNMP-AGENT-MIB", "NET-SNMP-EXTEND-MIB", "NET-SNMP-EXAMPLES-MIB", "UCD-SNMP-MIB",
        "UCD-DISKIO-MIB", "UCD-DLMOD-MIB", "UCD-IPFWACC-MIB", "UCD-DEMO-MIB", "LM-SENSORS-MIB", "SNMPv2-MIB", "IF-MIB",
        "RFC1213-MIB", "IANAifType-MIB", "PURESNMP-TEST-MIB", "PURESNMP-V1-MIB", "IP-MIB", "TCP-MIB", "UDP-MIB",
        "HOST-RESOURCES-MIB", "HOST-RESOURCES-TYPES", "ENTITY-MIB", "INET-ADDRESS-MIB", "SNMP-FRAMEWORK-MIB", "HCNUM-TC",
        "IANA-ENTITY-MIB", "UUID-TC-MIB");
  }

  /** The objects of {@code module} in {@code mib}. */
  private static List<MibObject> objectsOf(Mib mib, String module) {
    List<MibObject> objects = new ArrayList<>();
    for (MibObject o : mib.objects()) {
      if (o.module().equals(module)) {
        objects.add(o);
      }
    }
    assertThat(objects).as("objects of " + module).isNotEmpty();
    return objects;
  }

  /** The module as {@code -m MODULE} loads it; strict: every import is on the path. */
  private static Mib load(String module) {
    return Mib.builder().path(standard, SYSTEM_MIBS, good, facts).load(module).build();
  }

  /** Each object's OID and an instance OID below it (for a column, {@link #INSTANCE}; else ".0"). */
  private static List<String> oidsAndInstances(List<MibObject> objects) {
    List<String> oids = new ArrayList<>();
    for (MibObject o : objects) {
      oids.add(o.oid().toDottedString());
      oids.add(o.oid().toDottedString() + (o.role() == MibObject.Role.COLUMN ? INSTANCE : ".0"));
    }
    return oids;
  }

  @ParameterizedTest
  @MethodSource("modules")
  void namesAndOidsOfEveryObjectMatchSnmptranslate(String module) throws Exception {
    Mib mib = load(module);
    List<MibObject> objects = objectsOf(mib, module);

    List<String> names = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    for (MibObject o : objects) {
      names.add(o.qualifiedName());
      ours.add(mib.oid(o.qualifiedName()).toDottedString());
    }
    assertThat(ours).as(module + " -IR -On").containsExactlyElementsOf(translate(module, List.of("-IR", "-On"), names));

    List<String> oids = oidsAndInstances(objects);
    for (Mib.NameStyle style : List.of(Mib.NameStyle.MODULE, Mib.NameStyle.FULL, Mib.NameStyle.SHORT)) {
      List<String> expected = translate(module, style == Mib.NameStyle.MODULE ? List.of() : List.of(style == Mib.NameStyle.FULL ? "-Of" : "-Os"), oids);
      List<String> got = new ArrayList<>();
      for (String oid : oids) {
        got.add(mib.name(Oid.parse(oid), style));
      }
      assertThat(got).as(module + " " + style).containsExactlyElementsOf(expected);
      if (style == Mib.NameStyle.MODULE) {
        for (int i = 0; i < got.size(); i++) {
          // a string index shows unprintable arcs as '.', so only names without one come back exactly
          Oid back = mib.oid(got.get(i));
          assertThat(mib.name(back)).as("name of the OID of " + got.get(i)).isEqualTo(got.get(i));
          if (!got.get(i).contains("'") && !got.get(i).contains("\"")) {
            assertThat(back.toDottedString()).as("round trip of " + got.get(i)).isEqualTo(oids.get(i));
          }
        }
      }
    }
  }

  /**
   * {@code -OX} (indexes in brackets, their strings and TimeTicks by {@code -Oq}/{@code -Ot}), {@code -Ob}
   * (indexes as numbers) and {@code -Ou} (UCD style), alone and with the other name letters, for every
   * object and an instance below it.
   */
  @ParameterizedTest
  @MethodSource("modules")
  void extendedNumericAndUcdNamesOfEveryObjectMatchSnmptranslate(String module) throws Exception {
    Mib mib = load(module);
    List<String> oids = oidsAndInstances(objectsOf(mib, module));
    for (String letters : List.of("X", "Xq", "Xst", "Xf", "b", "bX", "u", "uX", "us")) {
      List<String> expected = translate(module, List.of("-O" + letters), oids);
      FormatOptions options = FormatOptions.netSnmp(letters);
      List<String> got = new ArrayList<>();
      for (String oid : oids) {
        // a string index may hold a line break: compare lines, as snmptranslate's output is read
        mib.name(Oid.parse(oid), options).lines().filter(l -> !l.isEmpty()).forEach(got::add);
      }
      assertThat(got).as(module + " -O" + letters).containsExactlyElementsOf(expected);
    }
  }

  /** An InetAddress index follows the InetAddressType before it, where the length fits the type. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ipAddressIfIndex.1.4.127.0.0.1", "ipAddressIfIndex.1.5.1.2.3.4.5", "ipAddressIfIndex.1.3.1.2.3",
        "ipAddressIfIndex.0.4.65.66.67.68", "ipAddressIfIndex.3.8.1.2.3.4.0.0.0.1",
        "ipAddressIfIndex.4.20.254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.1.5",
        "ipAddressIfIndex.2.16.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1", "ipAddressIfIndex.16.3.97.98.99",
        "ipAddressIfIndex.2.4.1.2.3.4", "ipAddressIfIndex.1.4.127.0.0.1.9",
        "ipAddressIfIndex.1.0", "tcpConnectionState.1.4.127.0.0.1.22.2.16.254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1.5000",
        "ipNetToPhysicalPhysAddress.2.1.4.10.0.0.1", "udpEndpointProcess.1.4.0.0.0.0.161.0.0.0.1.4.0.0.0.0.0.7",
        "ipAddressPrefixOrigin.4.1.4.192.0.2.0.24"
      })
  void inetAddressIndexesPrintAsSnmptranslatePrintsThem(String instance) throws Exception {
    Mib mib = Mib.builtIn();
    String module = instance.startsWith("tcp") ? "TCP-MIB" : instance.startsWith("udp") ? "UDP-MIB" : "IP-MIB";
    String oid = translate(module, List.of("-IR", "-On"), List.of(instance)).get(0);
    assertThat(mib.oid(instance).toDottedString()).isEqualTo(oid);
    for (String letters : List.of("", "X", "b", "u")) {
      assertThat(mib.name(Oid.parse(oid), FormatOptions.netSnmp(letters))).as("-O" + letters)
          .isEqualTo(translate(module, letters.isEmpty() ? List.of() : List.of("-O" + letters), List.of(oid)).get(0));
    }
  }

  private static List<String> translate(String module, List<String> flags, List<String> args) throws Exception {
    List<String> out = new ArrayList<>();
    int batch = 200; // keeps each command line short
    for (int from = 0; from < args.size(); from += batch) {
      List<String> cmd = new ArrayList<>(List.of("env", "SNMPCONFPATH=/nonexistent", "snmptranslate", "-M",
          standard + File.pathSeparator + SYSTEM_MIBS + File.pathSeparator + good + File.pathSeparator + facts, "-m", module));
      cmd.addAll(flags);
      cmd.addAll(args.subList(from, Math.min(args.size(), from + batch)));
      NetSnmpPeer.Result r = NetSnmpPeer.run(cmd, 120);
      assertThat(r.code()).as(String.join(" ", cmd) + "\n" + r.err()).isZero();
      out.addAll(r.out().lines().filter(l -> !l.isEmpty()).toList()); // a blank line between answers
    }
    return out;
  }
}
