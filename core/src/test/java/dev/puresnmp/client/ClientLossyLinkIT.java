package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.LossyLink;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against snmpd through a {@link LossyLink}: answers lost, duplicated, delayed and reordered
 * never turn into a wrong value or a wrong walk, only into retries (and, when every attempt is lost, a
 * timeout).
 */
@Timeout(300)
class ClientLossyLinkIT {
  static final String TABLE = "1.3.6.1.4.1.8072.9999.9999.7";
  static final String NAMES = TABLE + ".1.2"; // "row-<i>" for row i

  @TempDir static Path dir;
  static NetSnmpPeer snmpd;
  static SnmpManager manager;

  @BeforeAll
  static void start() throws Exception {
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
    manager = SnmpManager.builder().build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (manager != null) {
      manager.close();
    }
    if (snmpd != null) {
      snmpd.close();
    }
  }

  @Test
  void tenThousandGetsThroughALossyLinkEachGetTheDirectValueOrATimeout() throws Exception {
    Map<Oid, Value> direct = new HashMap<>();
    for (VarBind vb : manager.clientBuilder(snmpd.endpoint(), Credentials.v2c("bigtable-10000")).maxRepetitions(50).build().blocking().bulkwalk(NAMES)) {
      direct.put(vb.oid(), vb.value());
    }
    assertThat(direct).hasSize(10_000);

    // 20% of the datagrams lost each way, 5% duplicated, up to 20 ms of reordering
    try (LossyLink link = LossyLink.builder(snmpd.endpoint()).loss(0.2).duplicate(0.05).reorder(Duration.ofMillis(20)).seed(7).start()) {
      SnmpClient lossy = manager.clientBuilder(link.endpoint(), Credentials.v2c("bigtable-10000"))
          .timeout(Duration.ofMillis(500)).retries(3).adaptiveTimeout(true).build();
      UdpTransport.Counters before = manager.transport().counters();
      // 64 in flight at a time, the pacer's default: none waits in its queue long enough to time out there
      Semaphore window = new Semaphore(SnmpManager.DEFAULT_MAX_OUTSTANDING_PER_AGENT);
      AtomicInteger right = new AtomicInteger();
      AtomicInteger timedOut = new AtomicInteger();
      List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<?>[] all = new CompletableFuture<?>[10_000];
      for (int i = 1; i <= 10_000; i++) {
        Oid oid = Oid.parse(NAMES + "." + i);
        window.acquire();
        all[i - 1] = lossy.get(oid).whenComplete((value, failure) -> {
          window.release();
          Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
          if (cause instanceof SnmpTimeoutException) {
            timedOut.incrementAndGet();
          } else if (cause != null) {
            wrong.add(oid + ": " + cause);
          } else if (value.equals(direct.get(oid))) {
            right.incrementAndGet();
          } else {
            wrong.add(oid + " = " + value + ", directly " + direct.get(oid));
          }
        }).exceptionally(e -> null);
      }
      CompletableFuture.allOf(all).join();
      assertThat(wrong).isEmpty();
      assertThat(right.get() + timedOut.get()).isEqualTo(10_000);
      assertThat(right.get()).as("4 attempts each, 36% of them lost: about 1.7% time out").isGreaterThan(9_500);
      assertThat(link.toAgent().dropped()).isPositive();
      assertThat(link.toClient().duplicated()).isPositive();
      UdpTransport.Counters after = manager.transport().counters();
      System.out.printf("lossy link, 10,000 GETs: %,d right, %,d timed out, %,d wrong; link to snmpd %s, to the client %s; %,d resends, %,d late or duplicate answers dropped%n",
          right.get(), timedOut.get(), wrong.size(), link.toAgent(), link.toClient(), after.retransmitted() - before.retransmitted(), after.unmatched() - before.unmatched());
      assertThat(after.retransmitted() - before.retransmitted()).isPositive();
      assertThat(after.unmatched() - before.unmatched()).as("duplicate and late answers, dropped").isPositive();
      assertThat(manager.pacer.roundTrip(link.endpoint()).flatMap(rtt -> rtt.smoothedRtt())).isPresent();
    }
  }

  @Test
  void aHundredThousandRowWalkThroughALossyLinkReturnsExactlyTheDirectWalk() throws Exception {
    SnmpClient direct = manager.clientBuilder(snmpd.endpoint(), Credentials.v2c("bigtable-100000")).maxRepetitions(100).build();
    WalkResult expected = direct.blocking().bulkwalk(TABLE);
    assertThat(expected).hasSize(400_000);

    // moderate loss, so that the walk stays within a minute: 5% lost each way, 2% duplicated, up to 2 ms of reordering
    try (LossyLink link = LossyLink.builder(snmpd.endpoint()).loss(0.05).duplicate(0.02).reorder(Duration.ofMillis(2)).seed(11).start()) {
      SnmpClient lossy = direct.newBuilder().agent(link.endpoint()).timeout(Duration.ofSeconds(1)).retries(8).adaptiveTimeout(true).build();
      WalkResult walked = lossy.blocking().bulkwalk(TABLE);
      assertThat(walked.end()).isEqualTo(WalkEnd.END_OF_SUBTREE);
      assertThat(walked.size()).isEqualTo(expected.size());
      assertThat(walked).isEqualTo(expected);
      System.out.printf("lossy link, 100,000-row walk: %,d varbinds as the direct walk's; link to snmpd %s, to the client %s%n", walked.size(), link.toAgent(), link.toClient());
      assertThat(link.toAgent().dropped() + link.toClient().dropped()).isPositive();
    }
  }
}
