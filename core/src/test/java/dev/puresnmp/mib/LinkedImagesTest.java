package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Net-SNMP's default modules taken from a linked image ({@link LinkedImages}) against the same modules
 * loaded and linked: taken only when the path holds the same files, and then the same {@link Mib}, object
 * for object, name for name, problem for problem.
 */
class LinkedImagesTest {
  /** Net-SNMP's default search path on Debian, as the CLI spells it without $HOME set. */
  private static final List<Path> DEBIAN_PATH = List.of(Path.of("/nonexistent-home/.snmp/mibs"), Path.of("/usr/share/snmp/mibs"),
      Path.of("/usr/share/snmp/mibs/iana"), Path.of("/usr/share/snmp/mibs/ietf"));

  @TempDir
  Path tmp;

  @Test
  void withNoMibFileTheImageIsWhatLoadingLinks() {
    List<Path> path = List.of(tmp.resolve("empty"));
    assertThat(taken(path)).isTrue();
    assertSame(defaults(path, true), defaults(path, false));
    assertSame(defaults(List.of(), true), defaults(List.of(), false));
  }

  @Test
  void withDebiansMibFilesTheImageIsWhatLoadingLinks() {
    requireLibsnmpBase();
    assertThat(taken(DEBIAN_PATH)).isTrue();
    Mib fast = defaults(DEBIAN_PATH, true);
    assertSame(fast, defaults(DEBIAN_PATH, false));
    assertThat(fast.modules()).contains("UCD-DEMO-MIB", "NET-SNMP-PASS-MIB", "NET-SNMP-VACM-MIB");
    assertThat(fast.problems()).extracting(MibException::path)
        .contains(Optional.of("/usr/share/snmp/mibs/NET-SNMP-VACM-MIB.txt"));
  }

  @Test
  void anEditedDescriptionInOneFileLoadsTheFilesAndShowsIt() throws IOException {
    Path dir = copyOfLibsnmpBase();
    Path ucd = dir.resolve("UCD-SNMP-MIB.txt");
    String text = Files.readString(ucd, StandardCharsets.ISO_8859_1);
    Files.writeString(ucd, text.replace("\"The total amount of swap space configured for this host.\"", "\"Edited.\""), StandardCharsets.ISO_8859_1);
    assertThat(Files.readString(ucd, StandardCharsets.ISO_8859_1)).isNotEqualTo(text);

    assertThat(taken(List.of(dir))).isFalse();
    Mib mib = defaults(List.of(dir), true);
    assertThat(mib.object("memTotalSwap").orElseThrow().description()).hasValue("Edited.");
    assertSame(mib, defaults(List.of(dir), false));
  }

  @Test
  void anObjectAddedToOneFileLoadsTheFilesAndNamesIt() throws IOException {
    Path dir = copyOfLibsnmpBase();
    Path demo = dir.resolve("UCD-DEMO-MIB.txt");
    String text = Files.readString(demo, StandardCharsets.ISO_8859_1);
    int end = text.lastIndexOf("END");
    Files.writeString(demo, text.substring(0, end) + "ucdDemoAdded OBJECT IDENTIFIER ::= { ucdDemoMIB 99 }\n\n"
        + text.substring(end), StandardCharsets.ISO_8859_1);

    assertThat(taken(List.of(dir))).isFalse();
    Mib mib = defaults(List.of(dir), true);
    assertThat(mib.name(mib.oid("ucdDemoAdded"))).isEqualTo("UCD-DEMO-MIB::ucdDemoAdded");
    assertSame(mib, defaults(List.of(dir), false));
  }

  @Test
  void aDefaultModuleThatNoImageHasLoadsTheFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mta"));
    Files.writeString(dir.resolve("MTA-MIB.txt"), String.join("\n",
        "MTA-MIB DEFINITIONS ::= BEGIN",
        "IMPORTS mib-2 FROM SNMPv2-SMI;",
        "mta OBJECT IDENTIFIER ::= { mib-2 28 }",
        "END", ""));

    assertThat(taken(List.of(dir))).isFalse();
    Mib mib = defaults(List.of(dir), true);
    assertThat(mib.modules()).contains("MTA-MIB");
    assertThat(mib.name(Oid.parse("1.3.6.1.2.1.28"))).isEqualTo("MTA-MIB::mta");
    assertSame(mib, defaults(List.of(dir), false));
  }

  @Test
  void aFileForABuiltInModuleLoadsTheFiles() {
    List<Path> path = List.of(MibParserTest.resources("facts"));
    assertThat(taken(path)).isFalse();
    assertSame(defaults(path, true), defaults(path, false));
  }

  @Test
  void otherModulesOrOneMoreModuleLoadTheFiles() {
    List<String> more = new ArrayList<>(Mib.NET_SNMP_DEFAULT_MODULES);
    more.add("ENTITY-MIB");
    assertThat(LinkedImages.find(more, List.of(), new ModuleIndex(List.of()))).isNull();
    assertThat(LinkedImages.find(List.of("IF-MIB"), List.of(), new ModuleIndex(List.of()))).isNull();
    Mib mib = Mib.builder().lenient(true).builtInWhereMissing().load(more.toArray(String[]::new)).build();
    assertThat(mib.modules()).contains("ENTITY-MIB");
    assertThat(mib.oid("ENTITY-MIB::entPhysicalName.1")).isEqualTo(Oid.parse("1.3.6.1.2.1.47.1.1.1.1.7.1"));
  }

  private static boolean taken(List<Path> path) {
    return LinkedImages.find(Mib.NET_SNMP_DEFAULT_MODULES, path, new ModuleIndex(path)) != null;
  }

  private static Mib defaults(List<Path> path, boolean linkedImages) {
    Mib.Builder b = Mib.builder().lenient(true).path(path.toArray(Path[]::new)).builtInWhereMissing()
        .load(Mib.NET_SNMP_DEFAULT_MODULES.toArray(String[]::new));
    b.linkedImages = linkedImages;
    return b.build();
  }

  private static void requireLibsnmpBase() {
    boolean present = Files.isRegularFile(BuiltInMibGenerator.SYSTEM_MIBS.resolve("UCD-SNMP-MIB.txt"));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but Net-SNMP's MIBs are not in " + BuiltInMibGenerator.SYSTEM_MIBS + ": install libsnmp-base");
    }
    Assumptions.assumeTrue(present, "Net-SNMP's MIBs are not in " + BuiltInMibGenerator.SYSTEM_MIBS);
  }

  private Path copyOfLibsnmpBase() throws IOException {
    requireLibsnmpBase();
    Path dir = Files.createDirectories(tmp.resolve("mibs"));
    for (Path f : ModuleIndex.files(BuiltInMibGenerator.SYSTEM_MIBS)) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    assertThat(taken(List.of(dir))).as("an unchanged copy").isTrue();
    return dir;
  }

  /** The same modules, problems, objects, names and OIDs, as translate and the commands show them. */
  private static void assertSame(Mib fast, Mib slow) {
    assertThat(problems(fast)).isEqualTo(problems(slow));
    SameMib.assertSame(fast, slow);
  }

  private static List<String> problems(Mib mib) {
    List<String> out = new ArrayList<>();
    for (MibException p : mib.problems()) {
      out.add(p.kind() + " " + p.getMessage() + " path=" + p.path() + " file=" + p.file() + ":" + p.line() + ":" + p.column()
          + " " + p.subjects());
    }
    return out;
  }
}
