package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import org.junit.jupiter.api.Test;

/** Copies and replays of authenticated SNMPv3 traps from our own manager, played to our receiver by the test. */
class TrapReplayTest {
  static final Bytes ENGINE = Bytes.decodeHex("8000000001020304");
  static final Credentials.V3 AUTH = Credentials.v3("traps").auth(AuthProtocol.SHA256, "authpass123");

  /** An authNoPriv trap of our manager, with engine {@link #ENGINE}, as it went over the wire. */
  private static byte[] authNoPrivTrap() throws Exception {
    try (SnmpManager m = SnmpManager.builder().engineId(ENGINE).build()) {
      return V3TrapsTest.capture(m, AUTH);
    }
  }

  private static TrapReceiver receiver() {
    return TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).user(AUTH).handler(n -> { }).start();
  }

  @Test
  void anAuthNoPrivTrapSentThreeTimesIsDeliveredOnceAndItsCopiesCounted() throws Exception {
    byte[] trap = authNoPrivTrap();
    try (TrapReceiver r = receiver();
        TrapReceiverTest.Sender s = new TrapReceiverTest.Sender(r)) {
      for (int i = 0; i < 3; i++) {
        s.send(trap);
      }
      TrapReceiverTest.eventually(() -> r.counters().delivered() + r.counters().duplicateTraps() == 3);
      assertThat(r.counters().delivered()).isEqualTo(1);
      assertThat(r.counters().duplicateTraps()).isEqualTo(2);
    }
  }

  @Test
  void aTrapReplayedAfterItsEngineMovedOnBeyondTheWindowIsDroppedAndCounted() throws Exception {
    byte[] trap = authNoPrivTrap();
    try (TrapReceiver r = receiver();
        TrapReceiverTest.Sender s = new TrapReceiverTest.Sender(r)) {
      s.send(trap);
      s.send(TrapReplayNetSnmpIT.later(trap, SenderClocks.TIME_WINDOW_SECONDS + 1, AUTH));
      TrapReceiverTest.eventually(() -> r.counters().delivered() == 2);
      s.send(trap);
      TrapReceiverTest.eventually(() -> r.counters().notInTimeWindow() == 1);
      assertThat(r.counters().delivered()).isEqualTo(2);
      assertThat(r.counters().duplicateTraps()).isZero();
    }
  }
}
