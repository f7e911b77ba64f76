package dev.puresnmp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every object that holds a community, a pass phrase or a key shows none of them in its toString. */
class SecretsTest {
  static final String COMMUNITY = "c0mmunity-Secret";
  static final String AUTH_PASS = "auth-Secret-123";
  static final String PRIV_PASS = "priv-Secret-456";
  static final Credentials.V3 USER = Credentials.v3("admin").auth(AuthProtocol.SHA256, AUTH_PASS).priv(PrivProtocol.AES, PRIV_PASS);
  static final byte[] ENGINE = Bytes.decodeHex("8000000001020304").toByteArray();

  @Test
  void credentialsMessagesNotificationsKeysAndClientsShowNoSecretInTheirToString() {
    List<Object> holders = new ArrayList<>();
    holders.add(Credentials.v1(COMMUNITY));
    holders.add(Credentials.v2c(COMMUNITY));
    holders.add(USER);
    holders.add(CommunityMessage.v2c(COMMUNITY, StandardPdu.get(1, List.of(Oid.parse("1.3.6.1.2.1.1.5.0")))));
    holders.add(MessageCodec.decode(MessageCodec.encode(CommunityMessage.v1(COMMUNITY, StandardPdu.get(2, List.of())))));
    TrapV1Pdu v1 = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072"), IpAddress.parse("192.0.2.1"), 6, 1, 10, List.of());
    holders.add(Notification.ofV1(Endpoint.of("127.0.0.1", 162), Bytes.utf8(COMMUNITY), v1)); // also in snmpTrapCommunity.0
    holders.add(new Notification(Endpoint.of("127.0.0.1", 162), SnmpVersion.V2C, Bytes.utf8(COMMUNITY), null, null, PduType.SNMPV2_TRAP, 1,
        Notification.LINK_DOWN, List.of(VarBind.of(Notification.SYS_UP_TIME, new dev.puresnmp.smi.TimeTicks(1))), null));
    UsmKeys keys = new UsmKeys();
    byte[] authKey = keys.authKey(USER, ENGINE);
    byte[] privKey = keys.privKey(USER, ENGINE);
    holders.add(keys);
    holders.add(AuthoritativeEngine.builder().user(USER).build());
    holders.add(TrapReceiver.builder().community(COMMUNITY).user(USER));
    try (SnmpManager manager = SnmpManager.builder().build()) {
      holders.add(manager);
      holders.add(manager.client("127.0.0.1", Credentials.v2c(COMMUNITY)));
      holders.add(manager.client("127.0.0.1", USER));
      holders.add(manager.client("127.0.0.1", USER).blocking());
    }
    List<String> secrets = List.of(COMMUNITY, AUTH_PASS, PRIV_PASS, Bytes.utf8(COMMUNITY).hex(), Bytes.of(authKey).hex(), Bytes.of(privKey).hex());
    for (Object holder : holders) {
      String shown = holder.toString();
      for (String secret : secrets) {
        assertThat(shown.toLowerCase(Locale.ROOT)).as(holder.getClass().getSimpleName() + " shows " + secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
      }
    }
    assertThat(USER.toString()).isEqualTo("V3[user=admin, auth=SHA-256, priv=AES]");
    assertThat(holders.get(3).toString()).contains("community=***").contains("1.3.6.1.2.1.1.5.0");
    assertThat(holders.get(5).toString()).contains("community=***").contains("1.3.6.1.6.3.18.1.4.0=***");
  }
}
