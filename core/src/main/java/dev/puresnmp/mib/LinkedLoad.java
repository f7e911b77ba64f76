package dev.puresnmp.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What a linked image was linked from, so that a build can take the image only when it would link the
 * same: the modules asked for, what the search path held for each module the loader looked up, and the
 * problems lenient loading reported. {@link Mib.Builder#build} takes the image when it is asked for the
 * same {@link #loads} and the search path gives each looked-up module the same file (same name, size and
 * CRC32C of the bytes), or no file where the generator found none; the loader's steps depend on nothing
 * else, so the result is the same {@link Mib}.
 *
 * <pre>{@code
 * LinkedLoad l = MibImageReader.linkedLoad(image);
 * if (l != null && l.matches(loads, index)) {
 *   Mib mib = Mib.of(MibImageReader.read(image), l.problems(path, index));
 * }
 * }</pre>
 *
 * Encoded at the front of an image whose flags hold {@link MibImageReader#FLAG_LINKED_LOAD}, with its
 * strings inline (a varint length+1, 0 for null, then ISO-8859-1 bytes), so that it is read without the
 * image's string table:
 *
 * <pre>
 * linkedLoad = length:varint loads:count string* files:count (module string name string size:varint crc:varint)*
 *              problems:count (kind:u8 file line:varint column:varint reason pathModule subjects:count string*)*
 * </pre>
 *
 * A file's name is null where the path must hold no file for the module. In a problem's reason {@link
 * #SEARCH_PATH} stands for the search path as the loader spells it; pathModule names the looked-up module
 * whose file is the problem's {@link MibException#path()}, null for none.
 *
 * @param loads the module names asked for, in order
 * @param files every module the loader looked up (loaded or not found) and the file the path gave it
 * @param problems what lenient loading reported, the search path left out
 */
record LinkedLoad(List<String> loads, List<File> files, List<Problem> problems) {
  /** Stands for the search path in a problem's reason ("cannot find module X in …"). */
  static final String SEARCH_PATH = "\u0001search path\u0001";

  LinkedLoad {
    loads = List.copyOf(loads);
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /**
   * The file a module was read from: its name on the path, its size and the CRC32C of its bytes; a null
   * name when no file on the path had the module.
   */
  record File(String module, String name, long size, long crc) {
    /** What the path holds for {@code module}: the file {@code index} finds for it, or none. */
    static File of(String module, ModuleIndex index) throws IOException {
      Path f = index.file(module);
      if (f == null) {
        return new File(module, null, 0, 0);
      }
      byte[] bytes = Files.readAllBytes(f);
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, bytes.length);
      return new File(module, f.getFileName().toString(), bytes.length, crc.getValue());
    }
  }

  /** A problem with the search path left out, and its file as a module that the path gives it. */
  record Problem(MibException.Kind kind, String file, int line, int column, String reason, String pathModule, List<String> subjects) {
    Problem {
      subjects = List.copyOf(subjects);
    }
  }

  /**
   * Whether loading {@code loads} from the path {@code index} scans, leniently and built in where missing,
   * links exactly this image: the same names asked for and, for each module looked up, the same file or none.
   */
  boolean matches(List<String> loads, ModuleIndex index) {
    if (!loads.equals(this.loads)) {
      return false;
    }
    for (File f : files) {
      Path p = index.file(f.module());
      if (f.name() == null ? p != null : p == null || !p.getFileName().toString().equals(f.name())) {
        return false;
      }
    }
    try {
      for (File f : files) {
        // fields compared by hand: a record's first equals() bootstraps method handles, milliseconds cold
        File now = f.name() == null ? f : File.of(f.module(), index);
        if (now.size() != f.size() || now.crc() != f.crc()) {
          return false; // the bytes differ: another parse, perhaps another tree
        }
      }
    } catch (IOException e) {
      return false; // unreadable: the slow way reports it
    }
    return true;
  }

  /** The problems as loading from {@code path} reports them: its search path in the words, its files' paths. */
  List<MibException> problems(List<Path> path, ModuleIndex index) {
    List<MibException> out = new ArrayList<>(problems.size());
    String searchPath = ModuleIndex.searchPathText(path);
    for (Problem p : problems) {
      Path file = p.pathModule() == null ? null : index.file(p.pathModule());
      out.add(new MibException(p.file(), p.line(), p.column(), p.reason().replace(SEARCH_PATH, searchPath), p.kind(),
          file == null ? null : file.toString(), p.subjects()));
    }
    return out;
  }

  /** The linked load that {@code r} is at: an image's, just after its flags and length. */
  static LinkedLoad read(MibImageReader r) {
    List<String> loads = new ArrayList<>();
    for (int i = r.count(); i > 0; i--) {
      loads.add(inline(r));
    }
    List<File> files = new ArrayList<>();
    for (int i = r.count(); i > 0; i--) {
      files.add(new File(inline(r), inline(r), r.varint(), r.varint()));
    }
    List<Problem> problems = new ArrayList<>();
    for (int i = r.count(); i > 0; i--) {
      MibException.Kind kind = MibException.Kind.values()[r.u8()];
      String file = inline(r);
      int line = r.count();
      int column = r.count();
      String reason = inline(r);
      String pathModule = inline(r);
      List<String> subjects = new ArrayList<>();
      for (int k = r.count(); k > 0; k--) {
        subjects.add(inline(r));
      }
      problems.add(new Problem(kind, file, line, column, reason, pathModule, subjects));
    }
    return new LinkedLoad(loads, files, problems);
  }

  @SuppressWarnings("deprecation") // ISO-8859-1 in a few bytecodes, as MibImageReader.string
  private static String inline(MibImageReader r) {
    int n = r.count();
    if (n == 0) {
      return null;
    }
    String s = new String(r.in, 0, r.pos, n - 1);
    r.pos += n - 1;
    return s;
  }
}
