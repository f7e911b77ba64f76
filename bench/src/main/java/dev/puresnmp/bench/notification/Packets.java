package dev.puresnmp.bench.notification;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.security.UsmKeys;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import java.util.List;

/**
 * The notifications {@link NotifBench} sends, encoded once by our core's public classes: a linkDown
 * (sysUpTime.0, snmpTrapOID.0, ifIndex.1, ifDescr.1, ifAdminStatus.1, ifOperStatus.1; ~100 bytes in v2c) as
 * an SNMPv2c trap or inform, whose request-id is patched in place before each send (it is encoded with 4
 * bytes, and every id used is 4 bytes long), and as SNMPv3 authPriv traps (user {@value #USER}, HMAC-SHA-256
 * + AES-128) from the engine {@link #SENDER_ENGINE}: a pool of distinct packets (each its own request-id,
 * msgID and salt), sent in rotation, since a signed packet cannot be patched.
 */
final class Packets {
  static final String COMMUNITY = "public";
  static final String USER = "usr-sha256-aes";
  static final String AUTH_PASS = "authpass123";
  static final String PRIV_PASS = "privpass123";
  /** The v3 sender's engine ID (RFC 3411 §5: enterprise 8072 (Net-SNMP), format 4, text): what the traps carry. */
  static final Bytes SENDER_ENGINE = Bytes.decodeHex("80001f8804" + Bytes.utf8("notifbench").hex());
  /** The request-ids patched in start here: 4 content bytes up to 0x7fffffff. */
  static final int FIRST_ID = 0x1000_0000;
  private static final int MARK = 0x1234_5678;

  private Packets() {}

  static Credentials.V3 user() {
    return Credentials.v3(USER).auth(AuthProtocol.SHA256, AUTH_PASS).priv(PrivProtocol.AES, PRIV_PASS);
  }

  /** An SNMPv2c message whose request-id's 4 bytes start at {@code idAt}. */
  record Template(byte[] bytes, int idAt) {
    /** A copy with {@code id} written in: each socket patches its own copy. */
    byte[] with(int id) {
      byte[] b = bytes.clone();
      patch(b, id);
      return b;
    }

    void patch(byte[] b, int id) {
      b[idAt] = (byte) (id >>> 24);
      b[idAt + 1] = (byte) (id >>> 16);
      b[idAt + 2] = (byte) (id >>> 8);
      b[idAt + 3] = (byte) id;
    }
  }

  static List<VarBind> linkDown(long upTime) {
    Oid ifIndex = Oid.parse("1.3.6.1.2.1.2.2.1.1.1");
    return List.of(
        new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), new TimeTicks(upTime)),
        new VarBind(Oid.parse("1.3.6.1.6.3.1.1.4.1.0"), new ObjectIdentifier(Oid.parse("1.3.6.1.6.3.1.1.5.3"))),
        new VarBind(ifIndex, Integer32.of(1)),
        new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.2.1"), OctetString.of("GigabitEthernet0/1")),
        new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.7.1"), Integer32.of(1)),
        new VarBind(Oid.parse("1.3.6.1.2.1.2.2.1.8.1"), Integer32.of(2)));
  }

  /** An SNMPv2c SNMPv2-Trap or InformRequest (community {@value #COMMUNITY}). */
  static Template v2c(PduType type) {
    byte[] b = MessageCodec.encode(new CommunityMessage(SnmpVersion.V2C, Bytes.utf8(COMMUNITY), StandardPdu.of(type, MARK, linkDown(4242))));
    for (int i = 0; i + 6 <= b.length; i++) {
      if (b[i] == 0x02 && b[i + 1] == 4 && b[i + 2] == 0x12 && b[i + 3] == 0x34 && b[i + 4] == 0x56 && b[i + 5] == 0x78) {
        return new Template(b, i + 2);
      }
    }
    throw new IllegalStateException("no request-id in the encoded " + type);
  }

  /**
   * {@code n} distinct SNMPv3 authPriv SNMPv2-Traps from {@link #SENDER_ENGINE} (boots 1, time 1000: the
   * sender is authoritative for a trap, RFC 3414 §1.5.1), encrypted (RFC 3826) and signed (RFC 3414 §6.3.1)
   * as any v3 sender does: the scoped PDU's encoding, AES-128-CFB with a fresh salt, the message with a
   * zeroed MAC, HMAC-SHA-256 over it.
   */
  static byte[][] v3Traps(int n) {
    Credentials.V3 user = user();
    UsmKeys keys = new UsmKeys();
    byte[] engine = SENDER_ENGINE.toByteArray();
    byte[] authKey = keys.authKey(user, engine);
    byte[] privKey = keys.privKey(user, engine);
    int boots = 1;
    int time = 1000;
    byte[][] out = new byte[n][];
    for (int i = 0; i < n; i++) {
      StandardPdu trap = StandardPdu.of(PduType.SNMPV2_TRAP, FIRST_ID + i, linkDown(4242 + i));
      byte[] plain = MessageCodec.encodeScopedPdu(new ScopedPdu(SENDER_ENGINE, Bytes.EMPTY, trap));
      PrivProtocol.Encrypted e = user.priv().encrypt(privKey, boots, time, 0x5eed_0000_0000L + i, plain, 0, plain.length);
      UsmParameters usm = new UsmParameters(SENDER_ENGINE, boots, time, Bytes.utf8(USER), Bytes.of(new byte[user.auth().macLength()]), Bytes.of(e.privParameters()));
      byte[] wire = MessageCodec.encode(new V3Message(FIRST_ID + i, MessageCodec.MESSAGE_MAX_SIZE, V3Message.AUTH | V3Message.PRIV, usm, null, Bytes.of(e.ciphertext())));
      user.auth().signMessage(authKey, wire);
      out[i] = wire;
    }
    return out;
  }
}
