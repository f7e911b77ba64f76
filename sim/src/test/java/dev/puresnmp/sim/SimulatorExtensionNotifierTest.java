package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension gives a test the notifier of its simulator, as a user's receiver test would take it. */
@ExtendWith(SimulatorExtension.class)
class SimulatorExtensionNotifierTest {
  @SimulatorData("linux-host")
  AgentSimulator sim;

  Notifier notifier;

  @Test
  void aNotifierFieldSendsAsTheClasssSimulatorField() throws Exception {
    assertThat(notifier.simulator()).isSameAs(sim);
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).handler(heard::add).start()) {
      notifier.send(NotificationType.linkDown(2), NotificationTarget.trap(receiver.localEndpoint(), Credentials.v2c("public"))).join();
      Notification n = heard.poll(5, TimeUnit.SECONDS);
      assertThat(n).isNotNull();
      assertThat(n.varBinds()).contains(VarBind.of("1.3.6.1.2.1.2.2.1.8.2", Integer32.of(2)));
    }
  }

  @Test
  void aNotifierParameterAloneSendsAsTheField(Notifier n) {
    assertThat(n.simulator()).isSameAs(sim);
    assertThat(n.community()).isEqualTo("linux-host");
  }

  @Test
  void aNotifierParameterSendsAsTheSimulatorParameterOfItsMethod(@SimulatorData("switch-48") AgentSimulator sw, Notifier n) {
    assertThat(n.simulator()).isSameAs(sw).isNotSameAs(sim);
    assertThat(n.community()).isEqualTo("switch-48");
  }

  @Test
  void evenWhenItComesFirst(Notifier n, @SimulatorData("switch-48") AgentSimulator sw) {
    assertThat(n.simulator()).isSameAs(sw);
  }
}
