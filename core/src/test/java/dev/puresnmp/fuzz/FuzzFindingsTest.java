package dev.puresnmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fuzz targets found, each with the input that found it (also kept in the target's seed corpus,
 * so the fuzz test replays it too). docs/testing.md#fuzzing says how a finding gets here.
 */
class FuzzFindingsTest {
  @TempDir Path dir;

  /**
   * MibFuzzTest, first input (the empty file): {@code Mib.builder().lenient(true).loadFile(f).build()}
   * threw "expected a module name, found end of file", though lenient loading throws only for an unreadable
   * file. A file loaded by module name was already taken as missing then; loadFile now reports it the same
   * way, as a problem.
   */
  @Test
  void lenientLoadFileOfAnEmptyFileReportsAProblem() throws Exception {
    Path file = write("EMPTY-MIB.txt", "");
    Mib mib = Mib.builder().lenient(true).loadFile(file).build();
    assertThat(mib.problems()).extracting(Throwable::getMessage)
        .containsExactly("EMPTY-MIB.txt:1:1: expected a module name, found end of file");
    assertThat(mib.problems().get(0).path()).contains(file.toString());
    assertThatThrownBy(() -> Mib.builder().loadFile(file).build()) // strict: as before
        .isInstanceOf(MibException.class)
        .hasMessage("EMPTY-MIB.txt:1:1: expected a module name, found end of file");
  }

  /**
   * MibFuzzTest, seed broken-UNTERMINATED-MIB.txt: a string that never ends leaves the lexer nothing to
   * resume at, so the whole file is broken; lenient loadFile threw it instead of reporting it.
   */
  @Test
  void lenientLoadFileOfAnUnterminatedStringReportsAProblem() throws Exception {
    Path file = write("UNTERMINATED-MIB.txt", "UNTERMINATED-MIB DEFINITIONS ::= BEGIN\n\"oops\nEND\n");
    Mib mib = Mib.builder().lenient(true).loadFile(file).build();
    assertThat(mib.problems()).extracting(Throwable::getMessage)
        .containsExactly("UNTERMINATED-MIB.txt:2:1: unterminated string: no closing '\"' before the end of the file");
  }

  /**
   * MibFuzzTest, input finding-lenient-skip-past-eof (a mutated PURESNMP-TEST-MIB; the shortest form is
   * "X DEFINITIONS ::= BEGIN"): in lenient mode, a definition that fails at the end of the file was skipped
   * by moving one token on, past the EOF token, and the next look at the tokens threw
   * IndexOutOfBoundsException. MibParser now never moves past the EOF token.
   */
  @Test
  void lenientParseOfAModuleThatEndsAfterBeginReportsTheMissingEnd() throws Exception {
    Path file = write("X-MIB.txt", "X DEFINITIONS ::= BEGIN");
    Mib mib = Mib.builder().lenient(true).loadFile(file).build();
    assertThat(mib.problems()).extracting(Throwable::getMessage)
        .containsExactly("X-MIB.txt:1:24: expected 'END' at the end of module X, found end of file");
    assertThatThrownBy(() -> Mib.builder().loadFile(file).build()).isInstanceOf(MibException.class);
    try (var in = FuzzFindingsTest.class.getResourceAsStream("MibFuzzTestInputs/parse/finding-lenient-skip-past-eof")) {
      Path found = Files.write(dir.resolve("FOUND-MIB.txt"), in.readAllBytes());
      assertThat(Mib.builder().lenient(true).loadFile(found).build().problems()).isNotEmpty();
    }
  }

  /**
   * MibFuzzTest, input finding-hex-range-bound-not-hex (a mutated test MIB with {@code 'ffRffff'H} as a
   * range bound): the lexer takes any text between the quotes, and the range's bound went to
   * {@code new BigInteger(text, 16)}, which threw NumberFormatException out of the parser. MibParser now
   * reports it as a MibException at the token; lenient mode skips the definition.
   */
  @Test
  void aRangeBoundThatIsNotHexIsAMibException() throws Exception {
    Path file = write("HEX-MIB.txt", """
        HEX-MIB DEFINITIONS ::= BEGIN
        IMPORTS OBJECT-TYPE, enterprises FROM SNMPv2-SMI;
        hexObject OBJECT-TYPE
            SYNTAX INTEGER ('ffRffff'H..'ff'H)
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "a range bound that is not hex"
            ::= { enterprises 99995 1 }
        okObject OBJECT IDENTIFIER ::= { enterprises 99995 2 }
        END
        """);
    assertThatThrownBy(() -> Mib.builder().loadFile(file).build())
        .isInstanceOf(MibException.class)
        .hasMessage("HEX-MIB.txt:4:21: expected hex digits in a range bound, found 'ffRffff'H");
    Mib mib = Mib.builder().lenient(true).loadFile(file).build();
    assertThat(mib.problems()).extracting(Throwable::getMessage)
        .contains("HEX-MIB.txt:4:21: expected hex digits in a range bound, found 'ffRffff'H");
    assertThat(mib.object("okObject")).isPresent();
    assertThat(mib.object("hexObject")).isEmpty();
  }

  /** Lenient loading still throws for the one thing it documents: a file it cannot read. */
  @Test
  void lenientLoadFileOfAMissingFileStillThrows() {
    assertThatThrownBy(() -> Mib.builder().lenient(true).loadFile(dir.resolve("NOT-THERE-MIB.txt")).build())
        .isInstanceOf(MibException.class)
        .hasMessageStartingWith("cannot read MIB file ");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
  }
}
