package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.SnmpException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.transport.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SimCommandTest {
  @Test
  void helpListsTheSimulator() {
    assertThat(CliRun.of("--help").out()).contains("sim ");
  }

  @Test
  void servesAFileAndSaysWhereAndWhichCommunities(@TempDir Path dir) throws Exception {
    Path rec = dir.resolve("lab-router.snmprec");
    Files.writeString(rec, "1.3.6.1.2.1.1.1.0|4|lab router\n1.3.6.1.2.1.1.5.0|4|r1\n");
    int port = NetSnmpPeer.freeUdpPort();
    CompletableFuture<CliRun> run =
        CompletableFuture.supplyAsync(() -> CliRun.of("sim", "--data", rec.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--exit-after", "PT3S"));
    String value = null;
    try (SnmpClient c = SnmpClient.builder(Endpoint.of("127.0.0.1", port), Credentials.v2c("lab-router")).timeout(Duration.ofMillis(100)).retries(0).build()) {
      for (int i = 0; i < 25 && value == null; i++) {
        try {
          value = c.blocking().get("1.3.6.1.2.1.1.5.0").asText();
        } catch (SnmpException notYet) {
          Thread.sleep(50);
        }
      }
    }
    CliRun done = run.get();
    assertThat(value).isEqualTo("r1");
    assertThat(done.exitCode()).isZero();
    assertThat(done.out()).contains("listening on 127.0.0.1:" + port).contains("lab-router");
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun run = CliRun.of("sim", "--data", "/nonexistent/dev.snmprec", "--port", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory: /nonexistent/dev.snmprec");
  }
}
