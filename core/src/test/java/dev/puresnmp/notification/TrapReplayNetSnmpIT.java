package dev.puresnmp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Net-SNMP's snmptrap sends one authPriv SNMPv3 trap; the test catches it and plays it to our receiver
 * as a network or an attacker might: twice (a duplicate inside the time window: delivered once), then a
 * later trap of the same engine (its clock 1,000 s on, made with the library's codec), then the first
 * again (a replay now outside the time window: dropped).
 */
class TrapReplayNetSnmpIT {
  static final Credentials.V3 USER = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");

  @Test
  void aDuplicatedV3TrapIsDeliveredOnceAndAReplayOutsideTheTimeWindowIsDropped() throws Exception {
    NetSnmpPeer.requireTool("snmptrap", NetSnmpPeer.peersDir());
    byte[] trap;
    try (DatagramSocket catcher = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      catcher.setSoTimeout(30_000);
      NetSnmpPeer.Result sent = NetSnmpPeer.run(List.of("env", "ONLY=v3-trap", "bash", NetSnmpPeer.peersDir().resolve("trap-send.sh").toString(),
          Integer.toString(catcher.getLocalPort())), 60);
      assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
      byte[] buf = new byte[65_535];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      catcher.receive(p);
      trap = Arrays.copyOf(buf, p.getLength());
    }
    BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
    try (TrapReceiver r = TrapReceiver.builder().bind(Endpoint.of("127.0.0.1", 0)).user(USER).handler(heard::add).start();
        TrapReceiverTest.Sender s = new TrapReceiverTest.Sender(r)) {
      s.send(trap);
      s.send(trap);
      TrapReceiverTest.eventually(() -> r.counters().delivered() == 1 && r.counters().duplicateTraps() == 1);
      s.send(later(trap, 1_000, USER));
      TrapReceiverTest.eventually(() -> r.counters().delivered() == 2);
      s.send(trap);
      TrapReceiverTest.eventually(() -> r.counters().notInTimeWindow() == 1);
      assertThat(r.counters().delivered()).isEqualTo(2);
      assertThat(r.counters().duplicateTraps()).isEqualTo(1);
      assertThat(heard).hasSize(2);
    }
  }

  /**
   * {@code trap} as its engine would send it {@code seconds} later, under the next msgID: decrypted,
   * encrypted again at the new time and signed, with {@code user}'s keys for the trap's engine.
   */
  static byte[] later(byte[] trap, int seconds, Credentials.V3 user) {
    V3Message m = (V3Message) MessageCodec.decode(trap);
    UsmParameters u = m.usm();
    byte[] engineId = u.engineId().toByteArray();
    byte[] authKey = user.auth().localizedKey(user.authPassword().getBytes(StandardCharsets.UTF_8), engineId);
    int time = u.engineTime() + seconds;
    Bytes mac = Bytes.of(new byte[user.auth().macLength()]);
    V3Message next;
    if (m.encrypted()) {
      byte[] privKey = user.priv().localizedKey(user.auth(), user.privPassword().getBytes(StandardCharsets.UTF_8), engineId);
      byte[] cipher = m.encryptedPdu().toByteArray();
      byte[] plain = user.priv().decrypt(privKey, u.engineBoots(), u.engineTime(), u.privParameters().toByteArray(), cipher, 0, cipher.length);
      PrivProtocol.Encrypted e = user.priv().encrypt(privKey, u.engineBoots(), time, 0x5EED, plain, 0, plain.length);
      next = new V3Message(m.msgId() + 1, m.maxSize(), m.flags(), new UsmParameters(u.engineId(), u.engineBoots(), time, u.userName(), mac, Bytes.of(e.privParameters())),
          null, Bytes.of(e.ciphertext()));
    } else {
      next = new V3Message(m.msgId() + 1, m.maxSize(), m.flags(), new UsmParameters(u.engineId(), u.engineBoots(), time, u.userName(), mac, Bytes.EMPTY), m.scopedPdu(), null);
    }
    byte[] wire = MessageCodec.encode(next);
    user.auth().signMessage(authKey, wire);
    return wire;
  }
}
