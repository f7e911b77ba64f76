package dev.puresnmp.bench.mib;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.VarBind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the MIB benchmarks share: every module file of a search path loaded as {@code snmptranslate -m ALL}
 * does, and a recorded walk kept as a file of length-prefixed v2c Response messages (at most 500 varbinds
 * each, so that no message passes the codec's 65,507-byte limit), decoded by the same codec the client uses.
 */
final class MibFixtures {
  private static final int PER_MESSAGE = 500;

  private MibFixtures() {}

  /** The directories of a colon-separated search path, as {@code -M} takes it. */
  static Path[] dirs(String searchPath) {
    return Stream.of(searchPath.split(":")).filter(s -> !s.isEmpty()).map(Path::of).toArray(Path[]::new);
  }

  /** Every regular file in {@code dirs}, in name order per directory: the files {@code -m ALL} reads. */
  static List<Path> files(Path[] dirs) {
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      try (Stream<Path> s = Files.list(d)) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * Every module on {@code dirs}, leniently and in the order {@code -m ALL} reads them (Mib.Builder.loadAll),
   * so that a node two modules define is named by the same module as snmpbulkwalk -m ALL names it.
   */
  static Mib loadAll(Path[] dirs) {
    return Mib.builder().path(dirs).lenient(true).loadAll().build();
  }

  /** {@link #loadAll} of a search path; an empty one means {@link Mib#builtIn}. */
  static Mib mib(String searchPath) {
    if (searchPath.isEmpty()) {
      return Mib.builtIn();
    }
    Path[] dirs = dirs(searchPath);
    return loadAll(dirs);
  }

  static void write(Path file, List<VarBind> varBinds) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < varBinds.size(); i += PER_MESSAGE) {
        List<VarBind> part = varBinds.subList(i, Math.min(varBinds.size(), i + PER_MESSAGE));
        byte[] m = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.response(i, ErrorStatus.NO_ERROR, 0, part)));
        out.writeInt(m.length);
        out.write(m);
      }
    }
  }

  static List<VarBind> read(Path file) throws IOException {
    List<VarBind> out = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      while (true) {
        int n;
        try {
          n = in.readInt();
        } catch (EOFException end) {
          return out;
        }
        byte[] m = in.readNBytes(n);
        out.addAll(((CommunityMessage) MessageCodec.decode(m)).pdu().varBinds());
      }
    }
  }
}
