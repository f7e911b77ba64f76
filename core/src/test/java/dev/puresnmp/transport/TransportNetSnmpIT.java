package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The transport against a real Net-SNMP snmpd on loopback, IPv4 and IPv6. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportNetSnmpIT {
  @TempDir static Path dir;
  NetSnmpPeer snmpd;

  @BeforeAll
  void start() throws Exception {
    snmpd = NetSnmpPeer.startSnmpd(dir.resolve("snmpd"));
  }

  @AfterAll
  void stop() throws Exception {
    if (snmpd != null) {
      snmpd.close();
    }
  }

  private static byte[] getSysName(int id) {
    return MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(id, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")))));
  }

  @Test
  void aGetEncodedByTheCodecIsAnsweredBySnmpd() {
    byte[] reply = Transport.sendUdp(snmpd.endpoint(), getSysName(4242));
    StandardPdu pdu = (StandardPdu) MessageCodec.decode(reply).pdu();
    assertThat(pdu.requestId()).isEqualTo(4242);
    assertThat(pdu.varBinds()).containsExactly(VarBind.of("1.3.6.1.2.1.1.5.0", dev.puresnmp.smi.OctetString.of("snmpd-peer")));
  }

  @Test
  void overIpv6Too() {
    Endpoint v6 = Endpoint.of("::1", snmpd.port);
    byte[] reply = Transport.sendUdp(v6, getSysName(4343), Duration.ofSeconds(1), 3);
    assertThat(MessageCodec.decode(reply).pdu().varBinds().get(0).value().asText()).isEqualTo("snmpd-peer");
  }

  @Test
  void aThousandConcurrentGetsShareOneSocket() {
    try (UdpTransport udp = UdpTransport.builder().build()) {
      List<CompletableFuture<byte[]>> futures = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int id = udp.nextRequestId();
        ids.add(id);
        futures.add(udp.send(snmpd.endpoint(), getSysName(id), Duration.ofSeconds(1), 3));
      }
      for (int i = 0; i < futures.size(); i++) {
        StandardPdu pdu = (StandardPdu) MessageCodec.decode(futures.get(i).join()).pdu();
        assertThat(pdu.requestId()).isEqualTo(ids.get(i));
      }
      assertThat(udp.counters().matched()).isEqualTo(1000);
    }
  }

  /** The original's functions go through per-agent pacing: a burst of 2,000 no longer overflows snmpd. */
  @Test
  void twoThousandConcurrentSendUdpAsyncCallsToOneSnmpdAllComplete() {
    List<CompletableFuture<byte[]>> futures = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int id = Transport.shared().nextRequestId();
      ids.add(id);
      futures.add(Transport.sendUdpAsync(snmpd.endpoint(), getSysName(id), Duration.ofMillis(500), 1));
    }
    for (int i = 0; i < futures.size(); i++) {
      StandardPdu pdu = (StandardPdu) MessageCodec.decode(futures.get(i).join()).pdu();
      assertThat(pdu.requestId()).isEqualTo(ids.get(i));
      assertThat(pdu.varBinds().get(0).value().asText()).isEqualTo("snmpd-peer");
    }
  }

  @Test
  void aWrongCommunityTimesOutWithAMessageThatSaysWhatToCheck() {
    byte[] wrong = MessageCodec.encode(CommunityMessage.v2c("wrong", StandardPdu.get(7, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")))));
    try {
      Transport.sendUdp(snmpd.endpoint(), wrong, Duration.ofMillis(200), 2);
      throw new AssertionError("snmpd answered a wrong community");
    } catch (SnmpTimeoutException e) {
      assertThat(e).hasMessage("timeout after 2 attempts of 200 ms to " + snmpd.endpoint() + "; check address, port and community/credentials");
    }
  }
}
