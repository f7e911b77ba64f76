package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetSnmpLogTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private NetSnmpLog log(String... words) {
    return NetSnmpLog.of(List.of(words), new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aFileIsWrittenAnewWithWhatItsPrioritiesTake() throws Exception {
    Path file = Files.writeString(dir.resolve("mib.log"), "from before\n");
    NetSnmpLog log = log("F3 " + file);
    log.log(NetSnmpLog.ERR, "Cannot find module (X): At line 1 in (none)");
    log.log(NetSnmpLog.WARNING, "Did not find 'y' in module #-1 (z)");
    log.close();
    assertThat(Files.readString(file)).isEqualTo("Cannot find module (X): At line 1 in (none)\n");
    assertThat(out.toString() + err).isEmpty();
  }

  @Test
  void aFileThatCannotBeOpenedIsSaidOnceAndItsMessagesAreDropped() {
    NetSnmpLog log = log("f " + dir.resolve("no/such/dir/mib.log"), "o");
    log.log(NetSnmpLog.ERR, "MIB search path: /x");
    assertThat(err.toString()).startsWith("puresnmp: cannot open the log file " + dir.resolve("no/such/dir/mib.log")).endsWith(
        "its messages are dropped\n");
    assertThat(out.toString()).isEqualTo("MIB search path: /x\n");
  }

  @Test
  void nothingGivenIsStandardErrorAndNDropsWhatCameBefore() {
    log().log(NetSnmpLog.WARNING, "w");
    log("o", "n", "E4-4").log(NetSnmpLog.WARNING, "only here");
    log("o", "n", "E4-4").log(NetSnmpLog.ERR, "nowhere");
    assertThat(err.toString()).isEqualTo("w\nonly here\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void prioritiesAreDigitsOrTheLettersOfDecodePriority() {
    assertThat(NetSnmpLog.priority('3')).isEqualTo(NetSnmpLog.ERR);
    assertThat(NetSnmpLog.priority('e')).isEqualTo(NetSnmpLog.ERR);
    assertThat(NetSnmpLog.priority('W')).isEqualTo(NetSnmpLog.WARNING);
    assertThat(NetSnmpLog.priority('!')).isZero();
    assertThat(NetSnmpLog.priority('x')).isEqualTo(-1);
  }
}
