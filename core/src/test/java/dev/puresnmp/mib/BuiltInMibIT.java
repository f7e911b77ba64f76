package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
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
 * parser or linker change that alters what is read fails here until the image is regenerated; the same for
 * the linked images of Net-SNMP's default modules ({@link LinkedImages}), made from the checked-in built-in image.
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
    Mib files = Mib.builder().path(BuiltInMibGenerator.path(standard, BuiltInMibGenerator.SYSTEM_MIBS).toArray(Path[]::new))
        .load(BuiltInMibGenerator.MODULES.toArray(String[]::new)).build();
    Mib builtIn = Mib.builtIn();
    assertThat(files.problems()).isEmpty();

    SameMib.assertSame(builtIn, files);
    for (MibObject o : files.objects()) {
      if (o.role() == MibObject.Role.ROW) {
        assertThat(builtIn.indexObjects(o)).as(o.name()).isNotEmpty();
      }
    }
  }

  @Test
  void checkedInImageIsWhatTheGeneratorWrites() throws Exception {
    assertCurrent(MibImageReader.RESOURCE,
        BuiltInMibGenerator.generate(BuiltInMibGenerator.path(standard, BuiltInMibGenerator.SYSTEM_MIBS), true, new ArrayList<>()));
  }

  @Test
  void checkedInLinkedImagesAreWhatTheGeneratorWrites() throws Exception {
    List<ModuleSource> builtIn = MibImageReader.builtIn().modules();
    assertCurrent(MibImageReader.DEFAULTS_RESOURCE, LinkedImageGenerator.generate(List.of(), builtIn));
    assertCurrent(MibImageReader.DEFAULTS_LIBSNMP_RESOURCE, LinkedImageGenerator.generate(List.of(BuiltInMibGenerator.SYSTEM_MIBS), builtIn));
  }

  private static void assertCurrent(String resource, byte[] fresh) throws Exception {
    byte[] checkedIn;
    try (InputStream in = MibImageReader.class.getResourceAsStream(resource)) {
      checkedIn = in.readAllBytes();
    }
    assertThat(Arrays.equals(fresh, checkedIn))
        .as("core/src/main/resources/dev/puresnmp/mib/" + resource + " (" + checkedIn.length + " bytes) is not what the"
            + " generator writes now (" + fresh.length + " bytes): regenerate it as the javadoc of"
            + " BuiltInMibGenerator says")
        .isTrue();
  }
}
