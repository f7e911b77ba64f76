package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.ErrorResponseException;
import dev.puresnmp.client.FaultyAgentException;
import dev.puresnmp.client.IncompleteWalkException;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.client.WalkEnd;
import dev.puresnmp.client.WalkResult;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against a broken device: every fault of the simulator ends in the client's documented
 * outcome, an exception or a walk that still ends, never a hang.
 */
@Timeout(60)
class ClientAgainstFaultsTest {
  static final Oid IF_TABLE = Oid.parse("1.3.6.1.2.1.2.2");
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");

  AgentSimulator sim;
  UdpTransport udp;
  SnmpManager manager;

  @BeforeEach
  void start() {
    sim = AgentSimulator.builder().device("switch", ShippedDevices.switch48()).start();
    udp = UdpTransport.builder().build();
    manager = SnmpManager.builder().transport(udp).build();
  }

  @AfterEach
  void stop() {
    manager.close();
    udp.close();
    sim.close();
  }

  static List<Oid> oids(List<VarBind> vbs) {
    return vbs.stream().map(VarBind::oid).toList();
  }

  SnmpClient.Builder client() {
    return SnmpClient.builder(sim.endpoint(), Credentials.v2c("switch")).manager(manager).timeout(Duration.ofMillis(200)).retries(2);
  }

  BlockingSnmpClient healthy() {
    return client().build().blocking();
  }

  @Test
  void aShareOfDroppedRequestsIsCoveredByRetries() {
    List<Oid> expected = oids(healthy().bulkwalk(IF_TABLE)); // the switch's counters grow: compare OIDs
    sim.setFaults(Fault.drop(0.3));
    assertThat(oids(client().retries(10).build().blocking().bulkwalk(IF_TABLE))).isEqualTo(expected);
    assertThat(udp.counters().retransmitted()).isPositive();
  }

  @Test
  void aDelayWithinTheTimeoutIsWaitedForAndOneBeyondEveryAttemptTimesOut() {
    sim.setFaults(Fault.delay(Duration.ofMillis(50)));
    assertThat(healthy().get(SYS_NAME).asText()).isNotEmpty();
    sim.setFaults(Fault.delay(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> healthy().get(SYS_NAME))
        .isInstanceOf(SnmpTimeoutException.class)
        .satisfies(e -> assertThat(((SnmpTimeoutException) e).attempts()).isEqualTo(3));
  }

  @Test
  void duplicateRepliesAreIgnored() {
    sim.setFaults(Fault.duplicate());
    assertThat(healthy().bulkwalk(IF_TABLE)).isNotEmpty();
    assertThat(udp.counters().unmatched()).isPositive();
  }

  @Test
  void repliesWithAWrongRequestIdOrGarbageAreDroppedAndTheRequestTimesOut() {
    sim.setFaults(Fault.wrongRequestId());
    assertThatThrownBy(() -> healthy().get(SYS_NAME)).isInstanceOf(SnmpTimeoutException.class);
    assertThat(udp.counters().unmatched()).isEqualTo(3);
    sim.setFaults(Fault.garbage());
    assertThatThrownBy(() -> healthy().get(SYS_NAME)).isInstanceOf(SnmpTimeoutException.class);
    assertThat(udp.counters().unparsable()).isEqualTo(3);
  }

  @Test
  void nonIncreasingOidsFailAStrictWalkAndEndALenientOne() {
    sim.setFaults(Fault.nonIncreasingAfter(20));
    assertThatThrownBy(() -> healthy().walk(IF_TABLE))
        .isInstanceOfSatisfying(
            IncompleteWalkException.class,
            e -> {
              assertThat(e.rows()).hasSize(20);
              assertThat(((FaultyAgentException) e.reason()).fault()).isEqualTo(FaultyAgentException.Fault.NON_INCREASING_OID);
            });
    sim.setFaults(Fault.nonIncreasingAfter(20));
    List<VarBind> lenient = client().lenientWalks(true).build().blocking().walk(IF_TABLE);
    assertThat(lenient.size()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void anAgentThatLoopsBackFailsAStrictBulkwalkAndALenientOneStillEndsAndSaysSo() {
    sim.setFaults(Fault.loopBackAfter(30));
    assertThatThrownBy(() -> healthy().bulkwalk(IF_TABLE)).isInstanceOf(IncompleteWalkException.class).hasCauseInstanceOf(FaultyAgentException.class);
    sim.setFaults(Fault.loopBackAfter(30));
    WalkResult lenient = client().lenientWalks(true).maxRows(100_000).build().blocking().bulkwalk(IF_TABLE);
    assertThat(lenient.size()).isBetween(30, 100_000);
    assertThat(lenient.end()).isEqualTo(WalkEnd.LOOP);
  }

  @Test
  void aWalkThroughATimeoutHandsBackItsPartialRowsWithTheReason() {
    List<Oid> all = oids(healthy().walk(IF_TABLE));
    sim.setFaults(Fault.silentAfter(12));
    assertThatThrownBy(() -> healthy().walk(IF_TABLE))
        .isInstanceOfSatisfying(
            IncompleteWalkException.class,
            e -> {
              assertThat(oids(e.rows())).isEqualTo(all.subList(0, 12));
              assertThat(e.reason()).isInstanceOf(SnmpTimeoutException.class);
              assertThat(e.root()).isEqualTo(IF_TABLE);
              assertThat(e).hasMessageStartingWith("walk of .1.3.6.1.2.1.2.2 stopped after 12 varbinds: ");
            });
  }

  @Test
  void anEarlyEndOfMibViewEndsTheWalkWithWhatCameBefore() {
    int all = healthy().bulkwalk(IF_TABLE).size();
    sim.setFaults(Fault.endOfMibViewAfter(10));
    List<VarBind> early = healthy().bulkwalk(IF_TABLE);
    assertThat(early).hasSize(10);
    assertThat(all).isGreaterThan(10);
  }

  @Test
  void tooBigMakesABulkwalkAskForLessAndAGetFailNamingTheStatus() {
    List<Oid> expected = oids(healthy().bulkwalk(IF_TABLE));
    sim.setFaults(Fault.tooBigAbove(7));
    assertThat(oids(client().maxRepetitions(50).build().blocking().bulkwalk(IF_TABLE))).isEqualTo(expected);
    List<Oid> many = expected.subList(0, 10);
    assertThatThrownBy(() -> healthy().multiget(many))
        .isInstanceOf(ErrorResponseException.class)
        .satisfies(e -> assertThat(((ErrorResponseException) e).status()).isEqualTo(ErrorStatus.TOO_BIG));
  }

  @Test
  void aDeviceThatFallsSilentTimesOut() {
    sim.setFaults(Fault.silentAfter(3));
    BlockingSnmpClient c = healthy();
    for (int i = 0; i < 3; i++) {
      assertThat(c.get(SYS_NAME)).isNotNull();
    }
    assertThatThrownBy(() -> c.get(SYS_NAME)).isInstanceOf(SnmpTimeoutException.class);
  }
}
