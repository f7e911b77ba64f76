package dev.puresnmp.mib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a linked image ({@link LinkedImages}): Net-SNMP's default modules loaded leniently from a path,
 * built in where missing, as {@link Mib.Builder#build} loads them, linked, and led by the {@link LinkedLoad}
 * that says from what. {@link BuiltInMibGenerator} runs it beside the built-in image, with the modules it
 * built in as the fallback, so that a regenerated pair agrees before the built-in image is on the classpath.
 */
final class LinkedImageGenerator {
  private LinkedImageGenerator() {}

  /**
   * The image of {@link Mib#NET_SNMP_DEFAULT_MODULES} loaded from {@code path} with {@code builtIn} (the
   * built-in image's modules) where the path lacks one; checked by reading it back.
   *
   * @throws IllegalStateException if a problem or a module's file is one that a {@link LinkedLoad} cannot
   *     carry over to another search path
   */
  static byte[] generate(List<Path> path, List<ModuleSource> builtIn) {
    ModuleIndex index = new ModuleIndex(path);
    MibLoader loader = new MibLoader(path, index, true, new ArrayList<>());
    loader.fallback(builtIn);
    Mib.NET_SNMP_DEFAULT_MODULES.forEach(loader::load);
    List<ModuleSource> modules = loader.modules();
    MibTree tree = MibTree.link(modules, true, loader.endLines(), loader.allEnds());
    List<MibException> problems = loader.interleave(tree.orphans.moduleProblems, tree.orphans.endProblems);

    Set<String> lookedUp = new LinkedHashSet<>();
    modules.forEach(m -> lookedUp.add(m.name()));
    problems.stream().filter(p -> p.kind() == MibException.Kind.MODULE_NOT_FOUND).forEach(p -> lookedUp.add(p.subjects().get(0)));
    List<LinkedLoad.File> files = new ArrayList<>();
    for (String module : lookedUp) {
      LinkedLoad.File f = file(module, index);
      Path found = index.file(module);
      String readFrom = loader.pathOf(module);
      if (found == null ? readFrom != null : !found.toString().equals(readFrom)) {
        throw new IllegalStateException(module + " was read from " + readFrom + ", not from the file the path has for it ("
            + found + "): a file of two modules, which a linked load does not describe");
      }
      files.add(f);
    }
    List<LinkedLoad.Problem> left = new ArrayList<>();
    String searchPath = ModuleIndex.searchPathText(path);
    for (MibException p : problems) {
      String pathModule = p.path().map(at -> moduleAt(at, lookedUp, index)).orElse(null);
      left.add(new LinkedLoad.Problem(p.kind(), p.file().orElse(null), p.line(), p.column(),
          p.reason().replace(searchPath, LinkedLoad.SEARCH_PATH), pathModule, p.subjects()));
    }
    LinkedLoad linked = new LinkedLoad(Mib.NET_SNMP_DEFAULT_MODULES, files, left);
    byte[] image = MibImageWriter.write(modules, tree, true, encode(linked));
    MibImage back = MibImageReader.read(image);
    if (!back.objects().equals(tree.objects) || !back.modules().equals(modules) || !linked.equals(MibImageReader.linkedLoad(image))
        || !linked.problems(path, index).toString().equals(problems.toString())) {
      throw new IllegalStateException("the linked image does not read back as written");
    }
    return image;
  }

  private static LinkedLoad.File file(String module, ModuleIndex index) {
    try {
      return LinkedLoad.File.of(module, index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The looked-up module whose file is {@code at}: where the reader finds the problem's path again. */
  private static String moduleAt(String at, Set<String> lookedUp, ModuleIndex index) {
    for (String m : lookedUp) {
      Path f = index.file(m);
      if (f != null && f.toString().equals(at)) {
        return m;
      }
    }
    throw new IllegalStateException("a problem in " + at + ", which is no looked-up module's file");
  }

  /** {@code l} in the format {@link LinkedLoad} describes. */
  static byte[] encode(LinkedLoad l) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MibImageWriter.varint(out, l.loads().size());
    l.loads().forEach(s -> inline(out, s));
    MibImageWriter.varint(out, l.files().size());
    for (LinkedLoad.File f : l.files()) {
      inline(out, f.module());
      inline(out, f.name());
      MibImageWriter.varint(out, f.size());
      MibImageWriter.varint(out, f.crc());
    }
    MibImageWriter.varint(out, l.problems().size());
    for (LinkedLoad.Problem p : l.problems()) {
      out.write(p.kind().ordinal());
      inline(out, p.file());
      MibImageWriter.varint(out, p.line());
      MibImageWriter.varint(out, p.column());
      inline(out, p.reason());
      inline(out, p.pathModule());
      MibImageWriter.varint(out, p.subjects().size());
      p.subjects().forEach(s -> inline(out, s));
    }
    return out.toByteArray();
  }

  private static void inline(ByteArrayOutputStream out, String s) {
    if (s == null) {
      out.write(0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    MibImageWriter.varint(out, b.length + 1L);
    out.writeBytes(b);
  }
}
