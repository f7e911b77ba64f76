package dev.puresnmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the MIB parser and loader on arbitrary text: {@code MibParser.parse} (and so {@code MibLexer})
 * strict and lenient, and {@code Mib.builder().loadFile(file)} strict and lenient, which also links what
 * was parsed against the SMI base modules. Their javadoc: a module that cannot be read is a
 * {@link MibException} (strict: the first problem; lenient: only an unreadable file, the rest are
 * {@link Mib#problems()}). So for every input: modules or a {@code MibException}, nothing else; lenient
 * loading never throws; and each step allocates at most {@link #PER_CHAR} · length + {@link #FIXED} bytes
 * ({@link #PER_CHAR_FUZZING} per character under the fuzzer).
 *
 * <p>Seeds: {@code src/test/resources/dev/puresnmp/fuzz/MibFuzzTestInputs/parse/}, the test MIBs of
 * {@code dev/puresnmp/mib} (good, broken and the formatting one).
 */
class MibFuzzTest {
  /**
   * Bytes per input character. The lexer makes a token (record, String, its bytes: ~90 bytes) per word or
   * symbol, and a one-character symbol can follow a one-character word: "a{a{…" is a token a character;
   * the parser then keeps definitions, OID values and names that point into them, and lists that grow by
   * doubling (×2 at worst). Measured on the seed MIBs (uninstrumented, loadFile lenient): 19–141 bytes per
   * character. 1,024 still catches anything quadratic or sized by a number in the text.
   */
  static final long PER_CHAR = 1024;
  /**
   * Bytes per character while fuzzing: Jazzer's hooks on String comparisons (how it learns the keywords)
   * allocate at each one, and the parser compares every token: measured ~2,100 bytes per character on
   * IP-MIB under the fuzzer against 31 without it. Still linear: a quadratic step shows at any size.
   */
  static final long PER_CHAR_FUZZING = 4 * 1024;

  private static final long PER = System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()
      ? PER_CHAR : PER_CHAR_FUZZING;
  /**
   * Fixed bytes: the builder, loader and an empty Mib (measured: 3 KB for an empty file; the SMI base
   * modules are made once), an exception and its message, lists' first arrays.
   */
  static final long FIXED = 256 * 1024;

  /** {@code MibParser.parse(String file, String text, boolean lenient)}: the parser is package-private. */
  private static final Method PARSE;
  private static final Path DIR;

  static {
    try {
      PARSE = Class.forName("dev.puresnmp.mib.MibParser").getDeclaredMethod("parse", String.class, String.class, boolean.class);
      PARSE.setAccessible(true);
      DIR = Files.createTempDirectory("mib-fuzz");
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @AfterAll
  static void removeDir() throws Exception {
    try (var files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(DIR);
  }

  @FuzzTest(maxDuration = "20s")
  @DictionaryEntries({
    "DEFINITIONS", "::=", "BEGIN", "END", "IMPORTS", "EXPORTS", "FROM", "MACRO", "OBJECT-TYPE", "OBJECT-IDENTITY",
    "MODULE-IDENTITY", "NOTIFICATION-TYPE", "TRAP-TYPE", "OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE",
    "AGENT-CAPABILITIES", "TEXTUAL-CONVENTION", "SYNTAX", "UNITS", "MAX-ACCESS", "ACCESS", "STATUS", "DESCRIPTION",
    "REFERENCE", "INDEX", "AUGMENTS", "DEFVAL", "LAST-UPDATED", "ORGANIZATION", "CONTACT-INFO", "REVISION", "OBJECTS",
    "ENTERPRISE", "VARIABLES", "DISPLAY-HINT", "NOTIFICATIONS", "OBJECT IDENTIFIER", "OCTET STRING", "INTEGER",
    "Integer32", "Unsigned32", "Counter32", "Counter64", "Gauge32", "TimeTicks", "IpAddress", "Opaque", "BITS",
    "SEQUENCE", "OF", "SIZE", "IMPLIED", "current", "deprecated", "obsolete", "mandatory", "read-only",
    "read-write", "read-create", "not-accessible", "accessible-for-notify", "SNMPv2-SMI", "SNMPv2-TC", "RFC1155-SMI",
    "enterprises", "mib-2", "iso", "org", "dod", "internet", "{", "}", "(", ")", "..", "|", ";", ",", "--", "\"",
    "'H", "'B", "-2147483648", "4294967295", "18446744073709551615"
  })
  void parse(byte[] data) throws Exception {
    // ISO-8859-1: one char per byte, every byte value a char (MIB files are ASCII; the rest must not break it)
    String text = new String(data, StandardCharsets.ISO_8859_1);
    parse(text, data.length, false);
    parse(text, data.length, true);
    Path file = DIR.resolve("FUZZ-MIB.txt");
    Files.write(file, data);
    load(file, data.length, false);
    load(file, data.length, true);
  }

  private static void parse(String text, int length, boolean lenient) throws Exception {
    try {
      Bounded.run("MibParser.parse" + (lenient ? " (lenient)" : ""), length, PER, FIXED, () -> {
        try {
          Object modules = PARSE.invoke(null, "FUZZ-MIB.txt", text, lenient);
          assertThat((List<?>) modules).isNotEmpty();
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception x) {
            throw x;
          }
          throw (Error) e.getCause();
        }
      });
    } catch (MibException e) {
      assertThat(e.getMessage()).isNotEmpty();
    }
  }

  private static void load(Path file, int length, boolean lenient) throws Exception {
    try {
      Bounded.run("Mib.loadFile" + (lenient ? " (lenient)" : ""), length, PER, FIXED, () -> {
        Mib mib = Mib.builder().lenient(lenient).loadFile(file).build();
        mib.objects().forEach(o -> mib.name(o.oid()));
        mib.problems().forEach(Throwable::getMessage);
      });
    } catch (MibException e) {
      assertThat(lenient).as("lenient loading threw " + e).isFalse();
    }
  }
}
