package dev.puresnmp.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the built-in MIB image, {@code core/src/main/resources/dev/puresnmp/mib/built-in-mibs.bin}, from
 * the standard modules of the npm package net-snmp, the facts of the standard modules no fetchable source
 * ships ({@link #FACTS}, written by {@link MibFactsWriter}) and Net-SNMP's own modules, parsed and linked by
 * our own code as {@link Mib.Builder} does. {@code BuiltInMibIT} checks that the checked-in image is what
 * this writes. From the repository root:
 *
 * <pre>{@code
 * sh core/src/test/resources/dev/puresnmp/mib/fetch-standard-mibs.sh core/target/net-snmp-mibs
 * mvn -B -o -q -pl core test-compile -Djacoco.skip=true
 * java -cp core/target/classes:core/target/test-classes dev.puresnmp.mib.BuiltInMibGenerator \
 *     core/src/main/resources/dev/puresnmp/mib/built-in-mibs.bin core/target/net-snmp-mibs/package/lib/mibs
 * }</pre>
 *
 * Beside OUTPUT it writes the linked images of Net-SNMP's default modules ({@link LinkedImageGenerator}):
 * {@value MibImageReader#DEFAULTS_RESOURCE}, loaded with no file on the path, and {@value
 * MibImageReader#DEFAULTS_LIBSNMP_RESOURCE}, loaded from {@code /usr/share/snmp/mibs}. A third argument
 * replaces {@code /usr/share/snmp/mibs}; {@code --no-descriptions} leaves the DESCRIPTION clauses out of
 * the built-in image (to measure; the checked-in image keeps them) and writes no linked image.
 */
final class BuiltInMibGenerator {
  /** Where Debian's libsnmp-base puts Net-SNMP's own modules. */
  static final Path SYSTEM_MIBS = Path.of("/usr/share/snmp/mibs");
  /** IP-MIB, TCP-MIB, UDP-MIB, HOST-RESOURCES-MIB, ENTITY-MIB and their imports, without their prose. */
  static final Path FACTS = MibParserTest.resources("facts");
  /**
   * The modules asked for, in this order: the SMIv2 modules before RFC1213-MIB so that the nodes both
   * define (sysDescr, ifTable, ipForwarding, tcpConnTable) are named after them, as Net-SNMP names them.
   * HCNUM-TC, SNMP-FRAMEWORK-MIB, INET-ADDRESS-MIB, IANA-ENTITY-MIB and UUID-TC-MIB come in as imports.
   */
  static final List<String> MODULES =
      List.of("SNMPv2-MIB", "IF-MIB", "IP-MIB", "TCP-MIB", "UDP-MIB", "HOST-RESOURCES-MIB", "HOST-RESOURCES-TYPES",
          "ENTITY-MIB", "RFC1213-MIB", "NET-SNMP-MIB", "NET-SNMP-TC", "NET-SNMP-AGENT-MIB", "NET-SNMP-EXTEND-MIB",
          "UCD-SNMP-MIB", "UCD-DISKIO-MIB", "LM-SENSORS-MIB");

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
    byte[] image = generate(path(Path.of(rest.get(1)), system), descriptions, problems);
    problems.forEach(p -> System.err.println("lenient: " + p.getMessage()));
    Files.write(Path.of(rest.get(0)), image);
    System.out.println("wrote " + rest.get(0) + ": " + image.length + " bytes");
    if (descriptions) {
      List<ModuleSource> builtIn = MibImageReader.read(image).modules();
      Path dir = Path.of(rest.get(0)).toAbsolutePath().getParent();
      write(dir.resolve(MibImageReader.DEFAULTS_RESOURCE), LinkedImageGenerator.generate(List.of(), builtIn));
      write(dir.resolve(MibImageReader.DEFAULTS_LIBSNMP_RESOURCE), LinkedImageGenerator.generate(List.of(system), builtIn));
    }
  }

  private static void write(Path file, byte[] image) throws IOException {
    Files.write(file, image);
    System.out.println("wrote " + file + ": " + image.length + " bytes");
  }

  /** Where the modules are looked for: the npm package's, then the facts, then Net-SNMP's. */
  static List<Path> path(Path standard, Path system) {
    return List.of(standard, FACTS, system);
  }

  /**
   * The image of {@link #MODULES} loaded from {@code path}, checked by reading it back.
   *
   * @param problems receives what lenient loading passed over (none, with the whole path)
   */
  static byte[] generate(List<Path> path, boolean descriptions, List<MibException> problems) {
    MibLoader loader = new MibLoader(path, true, problems);
    MODULES.forEach(loader::load);
    List<ModuleSource> modules = loader.modules();
    MibTree tree = MibTree.link(modules, true, problems);
    byte[] image = MibImageWriter.write(modules, tree, descriptions);
    MibImage back = MibImageReader.read(image);
    if (descriptions && (!back.objects().equals(tree.objects) || !back.modules().equals(modules))) {
      throw new IllegalStateException("the image does not read back as written");
    }
    return image;
  }
}
