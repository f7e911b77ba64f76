package dev.puresnmp.mib;

import java.nio.file.Path;
import java.util.List;

/**
 * The linked images this jar ships beside the built-in one, and which of them a build may take instead of
 * loading and linking: Net-SNMP's default modules ({@link Mib#NET_SNMP_DEFAULT_MODULES}) loaded leniently,
 * built in where missing, once with no MIB file on the path and once with Debian's libsnmp-base files (Net-SNMP's
 * own modules) in /usr/share/snmp/mibs. Every SNMP command of the CLI loads that list, and linking it costs a
 * fresh JVM about 50 ms of cold code, where reading an image costs about a fifth. {@code BuiltInMibGenerator}
 * (test code) writes them; {@code BuiltInMibIT} checks they are current and {@code LinkedImagesTest} that they link what loading links.
 *
 * <pre>{@code
 * ModuleIndex index = new ModuleIndex(path);
 * Mib mib = LinkedImages.find(loads, path, index);   // null: load and link as usual
 * }</pre>
 */
final class LinkedImages {
  /** The images in the order they are tried: their jar entries and resource names. */
  private static final String[][] IMAGES = {
      {MibImageReader.DEFAULTS_LIBSNMP_ENTRY, MibImageReader.DEFAULTS_LIBSNMP_RESOURCE},
      {MibImageReader.DEFAULTS_ENTRY, MibImageReader.DEFAULTS_RESOURCE}};
  /** Each image once decoded, by its place in {@link #IMAGES}; guarded by the class. */
  private static final MibImage[] DECODED = new MibImage[IMAGES.length];

  private LinkedImages() {}

  /**
   * The {@link Mib} that loading {@code loads} leniently from {@code path} (scanned by {@code index}), built
   * in where missing, would link, taken from a linked image; null when no image was linked from the same
   * names and the same files, and the caller must load them.
   */
  static Mib find(List<String> loads, List<Path> path, ModuleIndex index) {
    if (!loads.equals(Mib.NET_SNMP_DEFAULT_MODULES)) {
      return null; // the only list imaged: spare reading the images for any other
    }
    for (int i = 0; i < IMAGES.length; i++) {
      byte[] bytes = ImageResource.read(IMAGES[i][0], IMAGES[i][1]);
      LinkedLoad l = MibImageReader.linkedLoad(bytes);
      if (l != null && l.matches(loads, index)) {
        return Mib.of(decoded(i, bytes), l.problems(path, index));
      }
    }
    return null;
  }

  private static synchronized MibImage decoded(int i, byte[] bytes) {
    if (DECODED[i] == null) {
      DECODED[i] = MibImageReader.read(bytes);
    }
    return DECODED[i];
  }
}
