package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.smi.Oid;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Mib#builtIn} with no MIB file anywhere; BuiltInMibIT compares it with the files. */
class BuiltInMibTest {
  /** A vendor module that imports from built-in modules other than the SMI base. */
  private static final String VENDOR_MIB = String.join("\n",
      "VENDOR-MIB DEFINITIONS ::= BEGIN",
      "IMPORTS OBJECT-TYPE, enterprises FROM SNMPv2-SMI",
      "        DisplayString FROM SNMPv2-TC",
      "        ifEntry FROM IF-MIB;",
      "vendor OBJECT IDENTIFIER ::= { enterprises 99998 }",
      "vendorIfTable OBJECT-TYPE SYNTAX SEQUENCE OF VendorIfEntry MAX-ACCESS not-accessible STATUS current",
      "    DESCRIPTION \"per interface\" ::= { vendor 1 }",
      "vendorIfEntry OBJECT-TYPE SYNTAX VendorIfEntry MAX-ACCESS not-accessible STATUS current",
      "    DESCRIPTION \"a row\" AUGMENTS { ifEntry } ::= { vendorIfTable 1 }",
      "VendorIfEntry ::= SEQUENCE { vendorIfLabel DisplayString }",
      "vendorIfLabel OBJECT-TYPE SYNTAX DisplayString MAX-ACCESS read-only STATUS current",
      "    DESCRIPTION \"a label\" ::= { vendorIfEntry 1 }",
      "END");

  @Test
  void namesScalarsAndColumnsWithoutFiles() {
    Mib mib = Mib.builtIn();
    assertThat(mib.oid("sysDescr.0")).isEqualTo(Oid.parse("1.3.6.1.2.1.1.1.0"));
    assertThat(mib.oid("IF-MIB::ifDescr")).isEqualTo(Oid.parse("1.3.6.1.2.1.2.2.1.2"));
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.1.1.0"))).isEqualTo("SNMPv2-MIB::sysDescr.0");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.2.2.1.2.3"))).isEqualTo("IF-MIB::ifDescr.3");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.2.2.1.2.3"), Mib.NameStyle.FULL))
        .isEqualTo(".iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable.ifEntry.ifDescr.3");
    assertThat(mib.name(Oid.parse("1.3.6.1.4.1.2021.4.5.0"))).isEqualTo("UCD-SNMP-MIB::memTotalReal.0");
    assertThat(mib.oid("nsExtendOutput1Line.\"test\"")).isEqualTo(Oid.parse("1.3.6.1.4.1.8072.1.3.2.3.1.1.4.116.101.115.116"));
  }

  @Test
  void namesTheStandardModulesThatNoFileOnThisMachineHas() {
    Mib mib = Mib.builtIn();
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.4.1.0"))).isEqualTo("IP-MIB::ipForwarding.0");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.4.34.1.3.1.4.192.0.2.1"))).isEqualTo("IP-MIB::ipAddressIfIndex.ipv4.\"192.0.2.1\"");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.6.13.1.1.127.0.0.1.22.0.0.0.0.0"))).isEqualTo("TCP-MIB::tcpConnState.127.0.0.1.22.0.0.0.0.0");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.25.2.3.1.2.1"))).isEqualTo("HOST-RESOURCES-MIB::hrStorageType.1");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.25.2.1.4"))).isEqualTo("HOST-RESOURCES-TYPES::hrStorageFixedDisk");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.47.1.1.1.1.7.1"))).isEqualTo("ENTITY-MIB::entPhysicalName.1");
    assertThat(mib.object("entPhysicalClass").orElseThrow().enums()).containsEntry(3L, "chassis");
    assertThat(mib.object("snmpEngineID").orElseThrow().module()).isEqualTo("SNMP-FRAMEWORK-MIB");
    // the facts of these modules carry no prose
    assertThat(mib.object("ipForwarding").orElseThrow().description()).hasValue("");
    // what only RFC1213-MIB defines keeps its name
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.4.21.1.1.127.0.0.1"))).isEqualTo("RFC1213-MIB::ipRouteDest.127.0.0.1");
    // a notification's OBJECTS
    assertThat(mib.object(Oid.parse("1.3.6.1.6.3.1.1.5.3")).map(MibObject::objects)).hasValue(List.of("ifIndex", "ifAdminStatus", "ifOperStatus"));
  }

  @Test
  void keepsMetadataOfTablesAndTextualConventions() {
    Mib mib = Mib.builtIn();
    assertThat(mib.object("ifTable").orElseThrow().role()).isEqualTo(MibObject.Role.TABLE);
    MibObject entry = mib.object("ifEntry").orElseThrow();
    assertThat(entry.role()).isEqualTo(MibObject.Role.ROW);
    assertThat(mib.indexObjects(entry)).extracting(MibObject::name).containsExactly("ifIndex");
    assertThat(mib.indexObjects(mib.object("ifXEntry").orElseThrow())).extracting(MibObject::name).containsExactly("ifIndex");

    MibObject type = mib.object("ifType").orElseThrow();
    assertThat(type.module()).isEqualTo("IF-MIB");
    assertThat(type.textualConvention()).contains("IANAifType");
    assertThat(type.enums()).containsEntry(6L, "ethernetCsmacd").containsEntry(24L, "softwareLoopback");

    MibObject phys = mib.object("ifPhysAddress").orElseThrow();
    assertThat(phys.baseType()).contains("OCTET STRING");
    assertThat(phys.displayHint()).contains("1x:");
    assertThat(mib.object("ifAdminStatus").orElseThrow().enums()).isEqualTo(Map.of(1L, "up", 2L, "down", 3L, "testing"));
    assertThat(mib.object("ifHCInOctets").orElseThrow().baseType()).contains("Counter64");
    assertThat(mib.object("ifSpeed").orElseThrow().access()).contains("read-only");
    assertThat(mib.object("sysDescr").orElseThrow().description().orElseThrow()).startsWith("A textual description of the entity.");
    assertThat(mib.object("memTotalReal").orElseThrow().units()).contains("kB");
    assertThat(mib.modules()).contains("SNMPv2-MIB", "IF-MIB", "IANAifType-MIB", "RFC1213-MIB", "UCD-SNMP-MIB");
    assertThat(mib.problems()).isEmpty();
  }

  @Test
  void isLoadedOnceForAllThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Mib>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(Mib::builtIn);
      }
      for (Future<Mib> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isSameAs(Mib.builtIn());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anObjectIsDecodedOnceForAllThreads() throws Exception {
    MibImage image = MibImageReader.builtIn(); // a fresh read: nothing decoded yet
    List<MibObject> objects = image.objects();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<MibObject>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int start = i * 149;
        calls.add(() -> {
          List<MibObject> seen = new ArrayList<>();
          for (int k = 0; k < objects.size(); k++) {
            seen.add(objects.get((start + k) % objects.size())); // each thread starts elsewhere
          }
          seen.sort(Comparator.comparing(MibObject::oid));
          return seen;
        });
      }
      List<MibObject> first = null;
      for (Future<List<MibObject>> f : pool.invokeAll(calls)) {
        List<MibObject> seen = f.get();
        if (first == null) {
          first = seen;
        }
        for (int k = 0; k < seen.size(); k++) {
          assertThat(seen.get(k)).isSameAs(first.get(k));
        }
      }
      assertThat(first).isEqualTo(Mib.builtIn().objects());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void relinkingTheBuiltInModulesGivesTheStoredTree() {
    // the image stores both the modules and the tree linked from them: a change to the linker shows here
    Mib relinked = Mib.builder().builtIn().build();
    Mib stored = Mib.builtIn();
    assertThat(relinked.modules()).isEqualTo(stored.modules());
    assertThat(relinked.objects()).isEqualTo(stored.objects());
    for (MibObject o : stored.objects()) {
      assertThat(relinked.oid(o.name())).as(o.name()).isEqualTo(stored.oid(o.name()));
      Oid instance = o.oid().append(2, 104, 105, 10, 0, 0, 1, 7);
      assertThat(relinked.name(instance)).isEqualTo(stored.name(instance));
    }
  }

  @Test
  void vendorModuleImportsFromTheBuiltInSet(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("VENDOR-MIB.txt"), VENDOR_MIB);
    Mib mib = Mib.builder().builtIn().path(dir).load("VENDOR-MIB").build();
    MibObject label = mib.object("VENDOR-MIB::vendorIfLabel").orElseThrow();
    assertThat(label.displayHint()).contains("255a");
    assertThat(mib.name(Oid.parse("1.3.6.1.4.1.99998.1.1.1.7"))).isEqualTo("VENDOR-MIB::vendorIfLabel.7");
    assertThat(mib.indexObjects(mib.object("vendorIfEntry").orElseThrow())).extracting(MibObject::qualifiedName)
        .containsExactly("IF-MIB::ifIndex");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.1.5.0"))).isEqualTo("SNMPv2-MIB::sysName.0");

    assertThatThrownBy(() -> Mib.builder().path(dir).load("VENDOR-MIB").build())
        .isInstanceOf(MibException.class)
        .hasMessageContaining("cannot find module IF-MIB imported by VENDOR-MIB");
  }

  @Test
  void imageIsReadStraightFromAJarFile(@TempDir Path dir) throws Exception {
    byte[] image = {'P', 'M', 'I', 'B', 2, 1, 0};
    Path jar = dir.resolve("with-image.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("dev/puresnmp/mib/" + MibImageReader.RESOURCE));
      out.write(image);
    }
    Path other = dir.resolve("without.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(other))) {
      out.putNextEntry(new JarEntry("dev/puresnmp/mib/Other.class"));
    }
    assertThat(ImageResource.fromJar(jar.toUri().toURL(), MibImageReader.ENTRY)).isEqualTo(image);
    assertThat(ImageResource.fromJar(other.toUri().toURL(), MibImageReader.ENTRY)).isNull();
    assertThat(ImageResource.fromJar(dir.toUri().toURL(), MibImageReader.ENTRY)).as("a directory: getResourceAsStream reads it").isNull();
    assertThat(ImageResource.fromJar(new URL("jar:" + jar.toUri() + "!/nested.jar"), MibImageReader.ENTRY)).isNull();
  }

  @Test
  void readRejectsWhatIsNotAnImage() {
    assertThatThrownBy(() -> MibImageReader.read("PMIX\1\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a MIB image starting with \"PMIB\"");
    assertThatThrownBy(() -> MibImageReader.read(new byte[] {'P', 'M', 'I', 'B', 2, 0, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt MIB image: a read near offset 7 of 7 went out of bounds (Index 7 out of bounds for length 7)");
  }
}
