package dev.puresnmp.mib;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the MIB images this package ships ({@link MibImageReader#RESOURCE} and the linked images of
 * {@link LinkedImages}) as cheaply as a fresh JVM allows: from the jar the classes came from, else from the
 * classpath.
 *
 * <pre>{@code
 * byte[] image = ImageResource.read(MibImageReader.ENTRY, MibImageReader.RESOURCE);
 * }</pre>
 */
final class ImageResource {
  private ImageResource() {}

  /**
   * The bytes of resource {@code name} ({@code entry} in a jar), read from the jar this class came from,
   * else from the classpath.
   */
  static byte[] read(String entry, String name) {
    byte[] image = fromOwnJar(entry);
    if (image != null) {
      return image;
    }
    try (InputStream s = ImageResource.class.getResourceAsStream(name)) {
      if (s == null) {
        throw new IllegalStateException("resource " + name + " is missing from the classpath next to " + ImageResource.class.getName());
      }
      return s.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  /**
   * The resource read straight from the jar file this class was loaded from; null if it came from
   * elsewhere (a directory, a jar inside a jar, a runtime image), where getResourceAsStream reads it. The
   * JVM's first getResourceAsStream costs twice as much (about 4.5 ms here): it searches the JDK's own
   * modules first, then opens the jar again through a URL connection, while this shares the class
   * loader's open jar. No string is concatenated here: in a JVM that has run none, the first costs
   * milliseconds (invokedynamic).
   */
  private static byte[] fromOwnJar(String entry) {
    try {
      CodeSource source = ImageResource.class.getProtectionDomain().getCodeSource();
      return source == null ? null : fromJar(source.getLocation(), entry);
    } catch (SecurityException e) {
      return null;
    }
  }

  /** Entry {@code entry} of the jar file at {@code jar}; null if that is no jar file or has none. */
  static byte[] fromJar(URL jar, String entry) {
    if (jar == null || !"file".equals(jar.getProtocol()) || !jar.getPath().endsWith(".jar")) {
      return null;
    }
    try (ZipFile zip = new ZipFile(new File(jar.toURI()))) {
      ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        return null;
      }
      try (InputStream s = zip.getInputStream(e)) {
        return s.readAllBytes();
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null; // getResourceAsStream tries next, and says what is wrong if it fails too
    }
  }
}
