package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.smi.Oid;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in image against the files it was made from: {@link Mib#builtIn} must equal what {@link
 * Mib#builder} loads from them, and regenerating the image must give the checked-in bytes, so that a
 * parser or linker change that alters what is read fails here until the image is regenerated.
 */
class BuiltInMibIT {
  private static Path standard;

  @BeforeAll
  static void fetchStandardModules() throws Exception {
    NetSnmpPeer.requireTool("npm", NetSnmpPeer.peersDir());
    boolean system = Files.isRegularFile(BuiltInMibGenerator.SYSTEM_MIBS.resolve("UCD-SNMP-MIB.txt"));
    if (!system && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but Net-SNMP's MIBs are not in " + BuiltInMibGenerator.SYSTEM_MIBS + ": install libsnmp-base");
    }
    Assumptions.assumeTrue(system, "Net-SNMP's MIBs are not in " + BuiltInMibGenerator.SYSTEM_MIBS);
    Path dir = Path.of("target", "net-snmp-mibs").toAbsolutePath();
    Path script = MibParserTest.resources("fetch-standard-mibs.sh");
    NetSnmpPeer.Result r = NetSnmpPeer.run(List.of("sh", script.toString(), dir.toString()), 300);
    assertThat(r.code()).as("fetch-standard-mibs.sh: " + r.out() + r.err()).isZero();
    standard = dir.resolve("package/lib/mibs");
  }

  @Test
  void equalsWhatTheBuilderLoadsFromTheFiles() {
    Mib files = Mib.builder().path(standard, BuiltInMibGenerator.SYSTEM_MIBS).lenient(true)
        .load(BuiltInMibGenerator.MODULES.toArray(String[]::new)).build();
    Mib builtIn = Mib.builtIn();
    // what the files lack, and the built-in set lacks too (docs/mibs.md says which)
    // (and, as Net-SNMP says too, the symbols the modules import from them)
    assertThat(files.problems()).extracting(Throwable::getMessage)
        .allMatch(m -> m.matches(".*(cannot find module|is not defined in module) (SNMP-FRAMEWORK-MIB|HCNUM-TC)\\b.*"))
        .hasSize(4);

    assertThat(builtIn.modules()).isEqualTo(files.modules());
    assertThat(builtIn.objects()).hasSize(files.objects().size()).isEqualTo(files.objects());
    for (MibObject o : files.objects()) {
      assertThat(builtIn.oid(o.qualifiedName())).as(o.qualifiedName()).isEqualTo(files.oid(o.qualifiedName()));
      assertThat(builtIn.oid(o.name())).as(o.name()).isEqualTo(files.oid(o.name()));
      for (Oid oid : List.of(o.oid(), o.oid().append(0), o.oid().append(2, 104, 105, 10, 0, 0, 1, 7))) {
        for (Mib.NameStyle style : Mib.NameStyle.values()) {
          assertThat(builtIn.name(oid, style)).as(oid + " " + style).isEqualTo(files.name(oid, style));
        }
      }
      assertThat(builtIn.parent(o)).isEqualTo(files.parent(o));
      assertThat(builtIn.children(o)).isEqualTo(files.children(o));
      if (o.role() == MibObject.Role.ROW) {
        assertThat(builtIn.indexObjects(o)).as(o.name()).isEqualTo(files.indexObjects(o)).isNotEmpty();
      }
    }
  }

  @Test
  void checkedInImageIsWhatTheGeneratorWrites() throws Exception {
    byte[] checkedIn;
    try (InputStream in = MibImageReader.class.getResourceAsStream(MibImageReader.RESOURCE)) {
      checkedIn = in.readAllBytes();
    }
    byte[] fresh = BuiltInMibGenerator.generate(standard, BuiltInMibGenerator.SYSTEM_MIBS, true, new ArrayList<>());
    assertThat(Arrays.equals(fresh, checkedIn))
        .as("core/src/main/resources/dev/puresnmp/mib/" + MibImageReader.RESOURCE + " (" + checkedIn.length
            + " bytes) is not what the parser reads now (" + fresh.length + " bytes): regenerate it as the javadoc of"
            + " BuiltInMibGenerator says")
        .isTrue();
  }
}
