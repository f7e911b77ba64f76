package dev.puresnmp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The authoritative side of USM, message by message, as a manager would send them. */
class AuthoritativeEngineTest {
  static final Bytes ID = Bytes.decodeHex("80001f88050102030405060708");
  static final Credentials.V3 ADMIN = Credentials.v3("admin").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123");
  static final Credentials.V3 READER = Credentials.v3("reader").auth(AuthProtocol.MD5, "authpass123");
  static final StandardPdu GET = StandardPdu.get(77, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")));

  final AuthoritativeEngine engine = AuthoritativeEngine.builder().engineId(ID).engineBoots(3).user(ADMIN).user(READER).build();
  final UsmKeys keys = new UsmKeys();

  /** A request as a manager sends it: at the user's level, with the given boots and time. */
  byte[] request(Credentials.V3 user, Bytes engineId, int boots, int time, int flags) {
    boolean auth = (flags & V3Message.AUTH) != 0;
    boolean priv = (flags & V3Message.PRIV) != 0;
    Bytes mac = auth ? Bytes.of(new byte[user.auth().macLength()]) : Bytes.EMPTY;
    ScopedPdu scoped = new ScopedPdu(engineId, Bytes.EMPTY, GET);
    V3Message m;
    if (priv) {
      byte[] plain = MessageCodec.encodeScopedPdu(scoped);
      PrivProtocol.Encrypted e = user.priv().encrypt(keys.privKey(user, engineId.toByteArray()), boots, time, 5, plain, 0, plain.length);
      m = new V3Message(9, 65507, flags, new UsmParameters(engineId, boots, time, Bytes.utf8(user.user()), mac, Bytes.of(e.privParameters())), null, Bytes.of(e.ciphertext()));
    } else {
      m = new V3Message(9, 65507, flags, new UsmParameters(engineId, boots, time, Bytes.utf8(user.user()), mac, Bytes.EMPTY), scoped, null);
    }
    byte[] wire = MessageCodec.encode(m);
    if (auth) {
      user.auth().sign(keys.authKey(user, engineId.toByteArray()), wire, 0, wire.length, MessageCodec.authParametersOffset(wire, 0, wire.length));
    }
    return wire;
  }

  byte[] request(Credentials.V3 user, int flags) {
    return request(user, ID, 3, engine.engineTime(), flags);
  }

  static final int AUTH_PRIV = V3Message.REPORTABLE | V3Message.AUTH | V3Message.PRIV;

  Received receive(byte[] wire) {
    return engine.receive(wire, 0, wire.length);
  }

  /** The Report a refusal sends back, decoded. */
  V3Message report(Received r, Received.Refusal expected) {
    assertThat(r).isInstanceOfSatisfying(Received.Refused.class, no -> assertThat(no.reason()).isEqualTo(expected));
    V3Message m = (V3Message) MessageCodec.decode(((Received.Refused) r).report().toByteArray());
    assertThat(m.msgId()).isEqualTo(9);
    assertThat(m.reportable()).isFalse();
    assertThat(m.pdu().type()).isEqualTo(PduType.REPORT);
    assertThat(m.pdu().varBinds()).extracting(VarBind::oid).containsExactly(expected.counter());
    return m;
  }

  @Test
  void aDiscoveryGetsTheEngineIdBootsAndTimeInAnUnauthenticatedReport() {
    V3Message m = report(receive(request(Credentials.v3(""), Bytes.EMPTY, 0, 0, V3Message.REPORTABLE)), Received.Refusal.UNKNOWN_ENGINE_ID);
    assertThat(m.authenticated()).isFalse();
    assertThat(m.usm().engineId()).isEqualTo(ID);
    assertThat(m.usm().engineBoots()).isEqualTo(3);
    assertThat(m.usm().engineTime()).isEqualTo(engine.engineTime());
    assertThat(m.pdu().varBinds().get(0).value()).isEqualTo(new Counter32(1));
    assertThat(engine.counters().unknownEngineIds()).isEqualTo(1);
  }

  @Test
  void anAcceptedRequestIsAnsweredEncryptedAndSignedAtItsLevel() {
    Received r = receive(request(ADMIN, AUTH_PRIV));
    assertThat(r).isInstanceOf(Received.Request.class);
    Received.Request q = (Received.Request) r;
    assertThat(q.level()).isEqualTo(SecurityLevel.AUTH_PRIV);
    assertThat(q.scopedPdu().pdu()).isEqualTo(GET);

    VarBind answer = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sim"));
    byte[] reply = engine.respond(q, StandardPdu.response(77, ErrorStatus.NO_ERROR, 0, List.of(answer)));
    V3Message m = (V3Message) MessageCodec.decode(reply);
    assertThat(m.msgId()).isEqualTo(9);
    assertThat(m.flags()).isEqualTo(V3Message.AUTH | V3Message.PRIV);
    byte[] authKey = keys.authKey(ADMIN, ID.toByteArray());
    assertThat(AuthProtocol.SHA256.verify(authKey, reply, 0, reply.length, MessageCodec.authParametersOffset(reply, 0, reply.length))).isTrue();
    byte[] cipher = m.encryptedPdu().toByteArray();
    byte[] plain = PrivProtocol.AES.decrypt(keys.privKey(ADMIN, ID.toByteArray()), m.usm().engineBoots(), m.usm().engineTime(),
        m.usm().privParameters().toByteArray(), cipher, 0, cipher.length);
    assertThat(MessageCodec.decodeScopedPdu(plain, 0, plain.length, List.of()).pdu().varBinds()).containsExactly(answer);
    assertThat(engine.overhead(q)).isGreaterThan(reply.length - answer.encode().length);
    assertThat(engine.counters().accepted()).isEqualTo(1);
  }

  @Test
  void aUserMaySendBelowItsLevelButNotAbove() {
    assertThat(receive(request(ADMIN, V3Message.REPORTABLE | V3Message.AUTH))).isInstanceOf(Received.Request.class);
    Credentials.V3 readerWithPriv = READER.priv(PrivProtocol.DES, "privpass123");
    V3Message m = report(receive(request(readerWithPriv, AUTH_PRIV)), Received.Refusal.UNSUPPORTED_SEC_LEVEL);
    assertThat(m.authenticated()).isFalse();
  }

  @Test
  void anUnknownUserIsReported() {
    report(receive(request(Credentials.v3("stranger"), V3Message.REPORTABLE)), Received.Refusal.UNKNOWN_USER_NAME);
    assertThat(engine.counters().unknownUserNames()).isEqualTo(1);
  }

  @Test
  void anotherEnginesIdIsReportedAsUnknown() {
    report(receive(request(ADMIN, Bytes.decodeHex("80001f8805ffffffff"), 3, 0, AUTH_PRIV)), Received.Refusal.UNKNOWN_ENGINE_ID);
  }

  @Test
  void aWrongPassPhraseIsAWrongDigestReportedWithoutAuthentication() {
    Credentials.V3 wrong = Credentials.v3("reader").auth(AuthProtocol.MD5, "wrongpass123");
    V3Message m = report(receive(request(wrong, V3Message.REPORTABLE | V3Message.AUTH)), Received.Refusal.WRONG_DIGEST);
    assertThat(m.authenticated()).isFalse();
    assertThat(engine.counters().wrongDigests()).isEqualTo(1);
  }

  @Test
  void anyChangedByteAfterSigningFailsTheDigest() {
    byte[] wire = request(READER, V3Message.REPORTABLE | V3Message.AUTH);
    wire[wire.length - 3] ^= 1; // sysName.0 becomes sysName.1: still a message, no longer the one signed
    report(receive(wire), Received.Refusal.WRONG_DIGEST);
  }

  @Test
  void otherBootsOrATimeTooFarAwayGetAnAuthenticatedReportWithTheRightClock() {
    for (byte[] wire : List.of(request(ADMIN, ID, 2, engine.engineTime(), AUTH_PRIV), request(ADMIN, ID, 3, engine.engineTime() + 151, AUTH_PRIV))) {
      V3Message m = report(receive(wire), Received.Refusal.NOT_IN_TIME_WINDOW);
      assertThat(m.authenticated()).isTrue();
      assertThat(m.encrypted()).isFalse();
      byte[] report = ((Received.Refused) receive(wire)).report().toByteArray();
      assertThat(AuthProtocol.SHA256.verify(keys.authKey(ADMIN, ID.toByteArray()), report, 0, report.length,
          MessageCodec.authParametersOffset(report, 0, report.length))).isTrue();
      assertThat(m.usm().engineBoots()).isEqualTo(3);
    }
    assertThat(receive(request(ADMIN, ID, 3, engine.engineTime() + 150, AUTH_PRIV))).isInstanceOf(Received.Request.class);
  }

  @Test
  void privacyParametersTheCipherRefusesAreADecryptionErrorReport() {
    V3Message good = (V3Message) MessageCodec.decode(request(ADMIN, AUTH_PRIV));
    UsmParameters u = good.usm();
    V3Message bad = new V3Message(9, 65507, good.flags(), new UsmParameters(u.engineId(), u.engineBoots(), u.engineTime(), u.userName(),
        Bytes.of(new byte[24]), Bytes.of(new byte[7])), null, good.encryptedPdu());
    byte[] wire = MessageCodec.encode(bad);
    AuthProtocol.SHA256.sign(keys.authKey(ADMIN, ID.toByteArray()), wire, 0, wire.length, MessageCodec.authParametersOffset(wire, 0, wire.length));
    report(receive(wire), Received.Refusal.DECRYPTION_ERROR);
    assertThat(engine.counters().decryptionErrors()).isEqualTo(1);
  }

  @Test
  void aWrongPrivacyPassPhraseIsDroppedWithoutAReport() {
    Credentials.V3 wrong = Credentials.v3("admin").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "wrongpriv123");
    Received r = receive(request(wrong, AUTH_PRIV));
    assertThat(r).isEqualTo(new Received.Refused(Received.Refusal.PARSE_ERROR, Bytes.EMPTY));
    assertThat(((Received.Refused) r).dropped()).isTrue();
    assertThat(engine.counters().parseErrors()).isEqualTo(1);
  }

  @Test
  void aMessageThatIsNotReportableIsRefusedSilently() {
    Received r = receive(request(Credentials.v3("stranger"), 0));
    assertThat(r).isEqualTo(new Received.Refused(Received.Refusal.UNKNOWN_USER_NAME, Bytes.EMPTY));
    assertThat(engine.counters().unknownUserNames()).isEqualTo(1);
  }

  @Test
  void anyBytesAreACountedParseErrorOrARefusalNeverAnException() {
    byte[] valid = request(ADMIN, AUTH_PRIV);
    Random random = new Random(1);
    int n = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] wire = i % 2 == 0 ? Arrays.copyOf(valid, random.nextInt(valid.length + 1)) : valid.clone();
      if (i % 2 == 1) {
        wire[random.nextInt(wire.length)] = (byte) random.nextInt(256);
      }
      Received r = engine.receive(wire, 0, wire.length);
      n += r instanceof Received.Refused ? 1 : 0;
    }
    assertThat(engine.counters().refused()).isEqualTo(n);
    assertThat(engine.receive(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, 0, 5)).isInstanceOf(Received.Refused.class);
  }

  @Test
  void theDefaultEngineIdIsRandomInNetSnmpsEnterpriseWithFormat5() {
    Bytes a = AuthoritativeEngine.builder().build().engineId();
    assertThat(a.size()).isEqualTo(17);
    assertThat(a.hex()).startsWith("80001f8805");
    assertThat(AuthoritativeEngine.builder().build().engineId()).isNotEqualTo(a);
    assertThat(AuthoritativeEngine.builder().build().engineBoots()).isEqualTo(1);
  }

  @Test
  void theBuilderRefusesBadIdsBootsAndRepeatedUsers() {
    assertThatThrownBy(() -> AuthoritativeEngine.builder().engineId(Bytes.decodeHex("80001f88"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthoritativeEngine.builder().engineBoots(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthoritativeEngine.builder().user(READER).user(Credentials.v3("reader"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthoritativeEngine.builder().user(null)).isInstanceOf(NullPointerException.class);
    assertThat(engine.users()).containsExactly(ADMIN, READER);
  }
}
