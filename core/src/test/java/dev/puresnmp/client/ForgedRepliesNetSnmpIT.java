package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged, replayed and duplicated replies against a real snmpd: a relay in front of it sends each kind of
 * forgery to the client before snmpd's true answer, and a copy of the true answer after it. The request
 * completes with snmpd's value, and each forgery is dropped and counted by its kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedRepliesNetSnmpIT {
  static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");
  static final String AUTH_PASS = "authpass123";
  static final Credentials.V3 AUTH_NO_PRIV = Credentials.v3("usr-sha-none").auth(AuthProtocol.SHA, AUTH_PASS);
  static final Credentials.V3 AUTH_PRIV = Credentials.v3("usr-sha256-aes").auth(AuthProtocol.SHA256, AUTH_PASS).priv(PrivProtocol.AES, "privpass123");

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

  static List<VarBind> forgedValue() {
    return List.of(VarBind.of(SYS_NAME, OctetString.of("forged")));
  }

  @Test
  void aV2cRequestWhoseForgedRepliesArriveFirstCompletesWithTheAgentsReplyAndCountsEachForgery() throws Exception {
    try (ForgingRelay relay = new ForgingRelay(snmpd.endpoint(), reply -> {
          CommunityMessage m = (CommunityMessage) MessageCodec.decode(reply);
          int id = ((StandardPdu) m.pdu()).requestId();
          StandardPdu forged = StandardPdu.response(id, ErrorStatus.NO_ERROR, 0, forgedValue());
          return new ForgingRelay.Forgeries(
              List.of(MessageCodec.encode(new CommunityMessage(SnmpVersion.V2C, m.community(), forged))), // another port
              List.of(
                  MessageCodec.encode(new CommunityMessage(SnmpVersion.V2C, Bytes.utf8("guessed"), forged)),
                  MessageCodec.encode(new CommunityMessage(SnmpVersion.V2C, m.community(), StandardPdu.response(id + 1, ErrorStatus.NO_ERROR, 0, forgedValue()))),
                  MessageCodec.encode(new CommunityMessage(SnmpVersion.V1, m.community(), forged))),
              List.of(reply)); // a duplicate, after the request completed
        });
        SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient client = manager.clientBuilder(relay.endpoint(), Credentials.v2c("public")).timeout(Duration.ofSeconds(10)).retries(0).build();

      assertThat(client.blocking().get(SYS_NAME).asText()).isEqualTo("snmpd-peer");

      eventually(() -> manager.droppedReplies().total() == 5);
      assertThat(manager.droppedReplies()).isEqualTo(new DroppedReplies(1, 2, 0, 1, 1, 0, 0, 0, 0)); // wrong id + duplicate: unmatched
      assertThat(manager.transport().counters().rejected()).isEqualTo(2);
    }
  }

  @Test
  void anAuthNoPrivRequestWhoseForgedAndReplayedRepliesArriveFirstCompletesWithTheAgentsReplyAndCountsEachKind() throws Exception {
    try (ForgingRelay relay = new ForgingRelay(snmpd.endpoint(), ForgedRepliesNetSnmpIT::forgeAuthNoPriv);
        SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient client = manager.clientBuilder(relay.endpoint(), AUTH_NO_PRIV).timeout(Duration.ofSeconds(10)).retries(0).build();

      assertThat(client.blocking().get(SYS_NAME).asText()).isEqualTo("snmpd-peer");

      eventually(() -> manager.droppedReplies().total() == 6);
      // another port; the duplicate; a request-id other than the msgID; unauthenticated; a bad digest; lower boots
      assertThat(manager.droppedReplies()).isEqualTo(new DroppedReplies(1, 1, 0, 0, 0, 1, 1, 1, 1));
    }
  }

  @Test
  void anAuthPrivRequestDropsATamperedCiphertextAndAPlaintextAnswerAndCompletesWithTheAgentsReply() throws Exception {
    try (ForgingRelay relay = new ForgingRelay(snmpd.endpoint(), reply -> {
          V3Message m = (V3Message) MessageCodec.decode(reply);
          if (!m.authenticated()) {
            return ForgingRelay.Forgeries.NONE; // discovery's Report
          }
          byte[] tampered = reply.clone();
          tampered[tampered.length - 1] ^= 1; // inside the ciphertext, which the MAC covers
          V3Message plain = new V3Message(m.msgId(), m.maxSize(), V3Message.AUTH, withTime(m.usm(), m.usm().engineBoots(), m.usm().engineTime(), AuthProtocol.SHA256),
              new ScopedPdu(m.usm().engineId(), Bytes.EMPTY, StandardPdu.response(m.msgId(), ErrorStatus.NO_ERROR, 0, forgedValue())), null);
          return new ForgingRelay.Forgeries(List.of(), List.of(tampered, signed(plain, AuthProtocol.SHA256)), List.of());
        });
        SnmpManager manager = SnmpManager.builder().build()) {
      SnmpClient client = manager.clientBuilder(relay.endpoint(), AUTH_PRIV).timeout(Duration.ofSeconds(10)).retries(0).build();

      assertThat(client.blocking().get(SYS_NAME).asText()).isEqualTo("snmpd-peer");

      assertThat(manager.droppedReplies()).isEqualTo(new DroppedReplies(0, 0, 0, 0, 0, 0, 1, 1, 0));
    }
  }

  /** The forgeries of an authNoPriv answer; none of discovery's Report. */
  private static ForgingRelay.Forgeries forgeAuthNoPriv(byte[] reply) {
    V3Message m = (V3Message) MessageCodec.decode(reply);
    if (!m.authenticated()) {
      return ForgingRelay.Forgeries.NONE;
    }
    UsmParameters u = m.usm();
    ScopedPdu forged = new ScopedPdu(m.scopedPdu().contextEngineId(), m.scopedPdu().contextName(), StandardPdu.response(m.msgId(), ErrorStatus.NO_ERROR, 0, forgedValue()));
    byte[] badDigest = reply.clone();
    badDigest[badDigest.length - 1] ^= 1; // the last byte of sysName's value
    V3Message unauthenticated = new V3Message(m.msgId(), m.maxSize(), 0, new UsmParameters(u.engineId(), u.engineBoots(), u.engineTime(), u.userName(), Bytes.EMPTY, Bytes.EMPTY), forged, null);
    V3Message otherRequestId = new V3Message(m.msgId(), m.maxSize(), V3Message.AUTH, withTime(u, u.engineBoots(), u.engineTime(), AuthProtocol.SHA),
        new ScopedPdu(forged.contextEngineId(), forged.contextName(), StandardPdu.response(m.msgId() + 1, ErrorStatus.NO_ERROR, 0, forgedValue())), null);
    assertThat(u.engineBoots()).as("snmpd's boots").isPositive();
    V3Message replayed = new V3Message(m.msgId(), m.maxSize(), V3Message.AUTH, withTime(u, u.engineBoots() - 1, u.engineTime() + 1_000, AuthProtocol.SHA), forged, null);
    return new ForgingRelay.Forgeries(
        List.of(reply),
        List.of(signed(otherRequestId, AuthProtocol.SHA), MessageCodec.encode(unauthenticated), badDigest, signed(replayed, AuthProtocol.SHA)),
        List.of(reply));
  }

  private static UsmParameters withTime(UsmParameters u, int boots, int time, AuthProtocol auth) {
    return new UsmParameters(u.engineId(), boots, time, u.userName(), Bytes.of(new byte[auth.macLength()]), Bytes.EMPTY);
  }

  /** {@code m} signed with the test user's key for the engine it names: as the agent would sign it. */
  private static byte[] signed(V3Message m, AuthProtocol auth) {
    byte[] wire = MessageCodec.encode(m);
    auth.signMessage(auth.localizedKey(AUTH_PASS.getBytes(StandardCharsets.UTF_8), m.usm().engineId().toByteArray()), wire);
    return wire;
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }
}
