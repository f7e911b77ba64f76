package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.LossyLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Net-SNMP's snmpinform through a {@link LossyLink} to our receiver: requests and acknowledgements lost,
 * duplicated and reordered, so snmpinform retransmits; each inform reaches the handler once, and every
 * copy that reaches the receiver is acknowledged.
 */
@Timeout(300)
class TrapReceiverLossyLinkIT {
  static final Oid HEARTBEAT = Oid.parse("1.3.6.1.4.1.8072.2.3.0.1");
  static final String RATE = "1.3.6.1.4.1.8072.2.3.2.1";
  static final int INFORMS = 40;

  @Test
  void eachInformIsHandedOverOnceAndEveryCopyThatArrivesIsAcknowledged() throws Exception {
    NetSnmpPeer.requireTool("snmpinform", NetSnmpPeer.peersDir());
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try (TrapReceiver receiver = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).community("public").handler(heard::add).start();
        // 20% of the datagrams lost each way, 5% duplicated, up to 20 ms of reordering
        LossyLink link = LossyLink.builder(receiver.localEndpoint()).loss(0.2).duplicate(0.05).reorder(Duration.ofMillis(20)).seed(3).start()) {
      List<CompletableFuture<NetSnmpPeer.Result>> sent = new ArrayList<>();
      for (int i = 0; i < INFORMS; i++) {
        // -t 0.2 -r 10: 11 attempts, each lost (either way) with a chance of 36%: all lost about once in 80,000 informs
        List<String> cmd = List.of("snmpinform", "-m", "", "-v2c", "-c", "public", "-t", "0.2", "-r", "10",
            "127.0.0.1:" + link.endpoint().port(), "4200", HEARTBEAT.toString(), RATE, "i", Integer.toString(i));
        sent.add(CompletableFuture.supplyAsync(() -> {
          try {
            return NetSnmpPeer.run(cmd, 60);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, senders));
      }
      for (int i = 0; i < INFORMS; i++) {
        NetSnmpPeer.Result r = sent.get(i).join();
        assertThat(r.code()).as("snmpinform " + i + " exits 0 once acknowledged: " + r.out() + r.err()).isZero();
      }
      // the link holds a copy back 20 ms at most: after that, wait until all it relayed has reached the receiver
      Thread.sleep(100);
      for (int i = 0; i < 500 && receiver.counters().received() < link.toAgent().relayed(); i++) {
        Thread.sleep(10);
      }
      List<Integer> rates = new ArrayList<>();
      for (Notification n; (n = heard.poll(100, TimeUnit.MILLISECONDS)) != null; ) {
        assertThat(n.isInform()).isTrue();
        rates.add((int) n.varBinds().stream().filter(vb -> vb.oid().equals(Oid.parse(RATE))).findFirst().map(VarBind::value).orElseThrow().asLong());
      }
      assertThat(rates).hasSize(INFORMS).doesNotHaveDuplicates();

      TrapReceiver.Counters c = receiver.counters();
      System.out.printf("lossy link, %d snmpinforms: %d delivered, %d copies received and acknowledged (%d duplicates); link to the receiver %s, to snmpinform %s%n",
          INFORMS, c.delivered(), c.received(), c.duplicateInforms(), link.toAgent(), link.toClient());
      assertThat(c.received()).isEqualTo(link.toAgent().relayed());
      assertThat(c.acknowledged()).as("every copy acknowledged").isEqualTo(c.received());
      assertThat(c.delivered()).isEqualTo(INFORMS);
      assertThat(c.duplicateInforms()).as("retransmissions and duplicates").isEqualTo(c.received() - INFORMS).isPositive();
      assertThat(c.malformed() + c.wrongCommunity() + c.queueFull() + c.handlerFailures()).isZero();
      assertThat(link.toAgent().dropped() + link.toClient().dropped()).isPositive();
    } finally {
      senders.shutdownNow();
    }
  }
}
