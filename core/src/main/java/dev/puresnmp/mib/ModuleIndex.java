package dev.puresnmp.mib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which file holds which module on a search path, as Net-SNMP 5.9 notes them before it reads any: every
 * directory in order, each directory's files sorted by name, each file known by the first module it
 * defines. A module that two files define is read from the file scanned last (a later directory, or a
 * later name in the same one); file names themselves mean nothing. Found by experiment with snmptranslate
 * (docs/mibs.md, "Loading").
 */
final class ModuleIndex {
  /** How much of a file is read to learn its first module's name; all of it if that is only comments. */
  private static final int HEAD_BYTES = 8192;

  private final List<Path> path;
  private Map<String, Path> files;

  ModuleIndex(List<Path> path) {
    this.path = List.copyOf(path);
  }

  /** The search path as "cannot find module" names it. */
  static String searchPathText(List<Path> path) {
    return path.isEmpty() ? "an empty search path" : path.toString();
  }

  /** The file module {@code name} is read from, or null if no file on the path starts with it. */
  Path file(String name) {
    return scan().get(name);
  }

  /**
   * Every module on the path in the order {@code -m ALL} reads them: the reverse of the order in which
   * the scan first met each (Net-SNMP keeps its module list newest first and reads it from the head).
   */
  List<String> allModules() {
    List<String> names = new ArrayList<>(scan().keySet());
    Collections.reverse(names);
    return names;
  }

  private Map<String, Path> scan() {
    if (files == null) {
      // insertion order is the order first met; a module met again keeps its place and takes the new file
      files = new LinkedHashMap<>();
      for (Path dir : path) {
        for (Path f : files(dir)) {
          String head = head(f, HEAD_BYTES);
          String first = firstWord(head);
          if (head.length() == HEAD_BYTES && (first == null || head.endsWith(first))) {
            first = firstWord(head(f, Integer.MAX_VALUE)); // a long header of comments, or a name cut off
          }
          if (first != null) {
            files.put(first, f);
          }
        }
      }
    }
    return files;
  }

  /**
   * The plain files of {@code dir} by name, without dot files and editor backups, as Net-SNMP scans them.
   * A loop, not a stream: every command without {@code -m} scans the path in a fresh JVM, where a stream's
   * first lambdas cost milliseconds each.
   */
  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".") && !n.startsWith("#") && !n.endsWith("#") && !n.endsWith("~") && Files.isRegularFile(p)) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list MIB directory " + dir, e);
    }
    Collections.sort(names);
    List<Path> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(dir.resolve(n));
    }
    return out;
  }

  /**
   * The first word of a MIB text, comments skipped: all Net-SNMP reads of a file before it needs the file,
   * so a file that does not parse further on is still found by its module's name. Null if it starts otherwise.
   */
  static String firstWord(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("--", i)) {
        // an ASN.1 comment ends at the end of the line or at the next "--"
        int end = i + 2;
        while (end < n && text.charAt(end) != '\n' && !text.startsWith("--", end)) {
          end++;
        }
        i = end < n && text.charAt(end) != '\n' ? end + 2 : end;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '_') && text.charAt(i) < 0x80) {
      i++;
    }
    return i > start && Character.isLetter(text.charAt(start)) ? text.substring(start, i) : null;
  }

  private static String head(Path f, int bytes) {
    try (InputStream in = Files.newInputStream(f)) {
      return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
