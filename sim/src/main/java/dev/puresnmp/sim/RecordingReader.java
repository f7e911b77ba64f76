package dev.puresnmp.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads recordings: snmpsim's {@code .snmprec} ({@code OID|TAG|VALUE}) and Net-SNMP's {@code snmpwalk -On}
 * output ({@code .walk}, {@code .snmpwalk}, or anything else that does not look like snmprec). Lenient by
 * default: a line that does not parse is logged with its file and line number, listed in {@link
 * Recording#problems()}, and the rest is served. Strict refuses the whole file with a {@link
 * RecordingFormatException}. Lines may come in any order; they are sorted once.
 *
 * <pre>{@code
 * Recording r = RecordingReader.lenient().read(Path.of("dev.walk"));   // snmpwalk -On -v2c -c public host .1 > dev.walk
 * Recording s = RecordingReader.strict().read(Path.of("dev.snmprec"));
 * }</pre>
 */
public final class RecordingReader {
  private static final Logger log = LoggerFactory.getLogger(RecordingReader.class);

  /** The two file formats. */
  public enum Format {
    /** snmpsim's {@code OID|TAG|VALUE}. */
    SNMPREC,
    /** Net-SNMP's {@code snmpwalk -On} output. */
    WALK
  }

  private static final RecordingReader LENIENT = new RecordingReader(false);
  private static final RecordingReader STRICT = new RecordingReader(true);

  private final boolean strict;

  private RecordingReader(boolean strict) {
    this.strict = strict;
  }

  /** Skips bad lines (logged, and in {@link Recording#problems()}) and serves the rest. */
  public static RecordingReader lenient() {
    return LENIENT;
  }

  /** Refuses a file with any bad line. Warnings (an unsupported variation module) do not refuse it. */
  public static RecordingReader strict() {
    return STRICT;
  }

  /** Reads a file; its format comes from the extension, or from its first record when that says nothing. */
  public Recording read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in, formatOf(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code in} (closed by the caller) in {@code format}; {@code source} names it in problems. */
  public Recording read(String source, InputStream in, Format format) {
    // ISO-8859-1 maps every byte to one char and back, so strings keep their exact bytes
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    RecordingBuilder out = new RecordingBuilder(source);
    try {
      if (format == Format.SNMPREC) {
        readSnmprec(lines, out);
      } else {
        readWalk(lines, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    Recording recording = out.build();
    List<RecordingProblem> problems = recording.problems();
    if (strict && problems.stream().anyMatch(p -> p.severity() == RecordingProblem.Severity.ERROR)) {
      throw new RecordingFormatException(problems.stream().filter(p -> p.severity() == RecordingProblem.Severity.ERROR).toList());
    }
    for (RecordingProblem p : problems) {
      if (p.severity() == RecordingProblem.Severity.ERROR) {
        log.error("{}", p);
      } else {
        log.warn("{}", p);
      }
    }
    return recording;
  }

  private static void readSnmprec(BufferedReader lines, RecordingBuilder out) throws IOException {
    int lineNo = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNo++;
      SnmprecFormat.parseLine(line, lineNo, out);
    }
  }

  private static void readWalk(BufferedReader lines, RecordingBuilder out) throws IOException {
    int lineNo = 0;
    StringBuilder record = null;
    int recordLine = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNo++;
      if (WalkFormat.startsRecord(line)) {
        if (record != null) {
          WalkFormat.parseRecord(record.toString(), recordLine, out);
        }
        record = new StringBuilder(line);
        recordLine = lineNo;
      } else if (record != null) {
        record.append('\n').append(line); // a string with a line break, or a long Hex-STRING
      } else if (!line.isBlank()) {
        out.problem(lineNo, RecordingProblem.Severity.ERROR,
            "expected .OID = TYPE: VALUE (snmpwalk -On output) but found \"" + SnmprecFormat.clip(line) + "\"");
      }
    }
    if (record != null) {
      WalkFormat.parseRecord(record.toString(), recordLine, out);
    }
  }

  /** {@code .snmprec} → SNMPREC; {@code .walk}/{@code .snmpwalk} → WALK; otherwise a look at the first line. */
  public static Format formatOf(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".snmprec")) {
      return Format.SNMPREC;
    }
    if (name.endsWith(".walk") || name.endsWith(".snmpwalk")) {
      return Format.WALK;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (int i = 0; i < 100; i++) {
        String line = r.readLine();
        if (line == null) {
          break;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        return WalkFormat.startsRecord(line) ? Format.WALK : Format.SNMPREC;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Format.SNMPREC;
  }

  /** The device name a file serves under, as snmpsim names it: its path under the data directory, without extension. */
  public static String deviceName(Path dataDir, Path file) {
    String rel = dataDir.relativize(file).toString().replace('\\', '/');
    int dot = rel.lastIndexOf('.');
    int slash = rel.lastIndexOf('/');
    return dot > slash ? rel.substring(0, dot) : rel;
  }

  /** True for the files a data directory serves. */
  public static boolean isRecordingFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".snmprec") || name.endsWith(".walk") || name.endsWith(".snmpwalk");
  }
}
