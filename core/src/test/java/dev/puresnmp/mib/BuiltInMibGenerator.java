package dev.puresnmp.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the built-in MIB image, {@code core/src/main/resources/dev/puresnmp/mib/built-in-mibs.bin}, from
 * the standard modules of the npm package net-snmp and Net-SNMP's own modules, parsed and linked by our
 * own code as {@link Mib.Builder} does. {@code BuiltInMibIT} checks that the checked-in image is what
 * this writes. From the repository root:
 *
 * <pre>{@code
 * sh core/src/test/resources/dev/puresnmp/mib/fetch-standard-mibs.sh core/target/net-snmp-mibs
 * mvn -B -o -q -pl core test-compile -Djacoco.skip=true
 * java -cp core/target/classes:core/target/test-classes dev.puresnmp.mib.BuiltInMibGenerator \
 *     core/src/main/resources/dev/puresnmp/mib/built-in-mibs.bin core/target/net-snmp-mibs/package/lib/mibs
 * }</pre>
 *
 * A third argument replaces {@code /usr/share/snmp/mibs}; {@code --no-descriptions} leaves the
 * DESCRIPTION clauses out (to measure; the checked-in image keeps them).
 */
final class BuiltInMibGenerator {
  /** Where Debian's libsnmp-base puts Net-SNMP's own modules. */
  static final Path SYSTEM_MIBS = Path.of("/usr/share/snmp/mibs");
  /**
   * The modules asked for, in this order: SNMPv2-MIB and IF-MIB before RFC1213-MIB so that the nodes both
   * define (sysDescr, ifTable) are named after the SMIv2 modules, as Net-SNMP names them.
   */
  static final List<String> MODULES =
      List.of("SNMPv2-MIB", "IF-MIB", "RFC1213-MIB", "NET-SNMP-MIB", "NET-SNMP-TC", "NET-SNMP-AGENT-MIB",
          "NET-SNMP-EXTEND-MIB", "UCD-SNMP-MIB", "UCD-DISKIO-MIB", "LM-SENSORS-MIB");

  private BuiltInMibGenerator() {}

  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean descriptions = !rest.remove("--no-descriptions");
    if (rest.size() < 2 || rest.size() > 3) {
      System.err.println("usage: BuiltInMibGenerator OUTPUT STANDARD_MIBS_DIR [SYSTEM_MIBS_DIR] [--no-descriptions]");
      System.exit(2);
    }
    Path system = rest.size() == 3 ? Path.of(rest.get(2)) : SYSTEM_MIBS;
    List<MibException> problems = new ArrayList<>();
    byte[] image = generate(Path.of(rest.get(1)), system, descriptions, problems);
    problems.forEach(p -> System.err.println("lenient: " + p.getMessage()));
    Files.write(Path.of(rest.get(0)), image);
    System.out.println("wrote " + rest.get(0) + ": " + image.length + " bytes");
  }

  /**
   * The image of {@link #MODULES} loaded leniently from {@code standard} then {@code system}, checked by
   * reading it back.
   *
   * @param problems receives what lenient loading passed over (imports of modules that are on neither path)
   */
  static byte[] generate(Path standard, Path system, boolean descriptions, List<MibException> problems) {
    // lenient: UCD-SNMP-MIB and NET-SNMP-AGENT-MIB import HCNUM-TC and SNMP-FRAMEWORK-MIB, which neither
    // path has; snmptranslate passes over them the same way
    MibLoader loader = new MibLoader(List.of(standard, system), true, problems);
    MODULES.forEach(loader::load);
    List<ModuleSource> modules = loader.modules();
    MibTree tree = MibTree.link(modules, true, problems);
    byte[] image = MibImageWriter.write(modules, tree, descriptions);
    MibImageReader.Image back = MibImageReader.read(image);
    if (descriptions && (!back.tree().objects.equals(tree.objects) || !back.modules().equals(modules))) {
      throw new IllegalStateException("the image does not read back as written");
    }
    return image;
  }
}
