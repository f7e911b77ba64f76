package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.SnmpException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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
  void notifiesTheReceiverTheGivenNumberOfTimesWithTheRecordedInterface(@TempDir Path dir) throws Exception {
    Path rec = dir.resolve("lab-router.snmprec");
    Files.writeString(rec, "1.3.6.1.2.1.1.5.0|4|r1\n1.3.6.1.2.1.2.2.1.1.1|2|1\n1.3.6.1.2.1.2.2.1.7.1|2|1\n1.3.6.1.2.1.2.2.1.8.1|2|2\n");
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("traps").handler(heard::add).start()) {
      CliRun run = CliRun.of("sim", "--data", rec.toString(), "--port", "0", "--bind", "127.0.0.1", "--notify", receiver.localEndpoint().toString(),
          "--notify-as", "v2c:traps", "--inform", "--notification", "linkDown:1", "--notify-every", "0.1", "--notify-count", "3", "--exit-after", "PT1S");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("notifying linkDown:1 (inform v2c to " + receiver.localEndpoint() + ") every 0.1 s, 3 times")
          .contains("notifications: Counters[traps=0, informs=3, acknowledged=3, failed=0]");
      assertThat(heard).hasSize(3).allSatisfy(n -> assertThat(n.varBinds()).endsWith(
          VarBind.of("1.3.6.1.2.1.2.2.1.1.1", Integer32.of(1)), VarBind.of("1.3.6.1.2.1.2.2.1.7.1", Integer32.of(1)),
          VarBind.of("1.3.6.1.2.1.2.2.1.8.1", Integer32.of(2))));
    }
  }

  @Test
  void anInformInSnmpV1IsAUsageError() {
    CliRun run = CliRun.of("sim", "--port", "0", "--notify", "127.0.0.1:1162", "--notify-as", "v1:public", "--inform");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("SNMPv1 has no InformRequest");
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun run = CliRun.of("sim", "--data", "/nonexistent/dev.snmprec", "--port", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory: /nonexistent/dev.snmprec");
  }
}
