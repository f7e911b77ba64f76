package example;

import dev.puresnmp.client.BlockingSnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.notification.Notification;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives traps and informs and prints each as one line of JSON, with names from the built-in MIBs.
 *
 * <p>To have something to receive, it sends four notifications to its own receiver: an SNMPv2c linkDown
 * trap, an SNMPv1 coldStart trap (the receiver hands it over in SNMPv2 form, RFC 3584 §3.1), an
 * enterprise-specific SNMPv2c trap and an SNMPv2c inform, which the receiver acknowledges. Then it exits:
 * with status 1 if not all four arrived within five seconds.
 */
public final class TrapsToJson {
  private static final Mib MIB = Mib.builtIn();
  private static final Oid IF_INDEX = Oid.parse("1.3.6.1.2.1.2.2.1.1");
  private static final Oid IF_ADMIN_STATUS = Oid.parse("1.3.6.1.2.1.2.2.1.7");
  private static final Oid IF_OPER_STATUS = Oid.parse("1.3.6.1.2.1.2.2.1.8");
  private static final Oid LINK_UP = Oid.parse("1.3.6.1.6.3.1.1.5.4");
  private static final Oid NS_NOTIFY_SHUTDOWN = Oid.parse("1.3.6.1.4.1.8072.4.0.2");

  public static void main(String[] args) throws Exception {
    CountDownLatch fourReceived = new CountDownLatch(4);
    try (TrapReceiver receiver = TrapReceiver.builder()
            .bind(Endpoint.of("127.0.0.1", 0)) // a free port; a real receiver binds 162
            .community("public")
            .handler(n -> {
              System.out.println(json(n));
              fourReceived.countDown();
            })
            .start();
        SnmpManager manager = SnmpManager.builder().build()) {

      BlockingSnmpClient v2c = manager.client(receiver.localEndpoint(), Credentials.v2c("public")).blocking();
      BlockingSnmpClient v1 = manager.client(receiver.localEndpoint(), Credentials.v1("public")).blocking();

      v2c.trap(4200, Notification.LINK_DOWN, List.of(
          VarBind.of(IF_INDEX.append(3), Integer32.of(3)),
          VarBind.of(IF_ADMIN_STATUS.append(3), Integer32.of(1)),
          VarBind.of(IF_OPER_STATUS.append(3), Integer32.of(2))));
      v1.trap(new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072.3.2.10"), IpAddress.parse("192.0.2.7"), 0, 0, 17, List.of()));
      v2c.trap(4300, NS_NOTIFY_SHUTDOWN, List.of());
      v2c.inform(4400, LINK_UP, List.of(VarBind.of(IF_INDEX.append(3), Integer32.of(3)))); // returns when acknowledged

      if (!fourReceived.await(5, TimeUnit.SECONDS)) {
        System.err.println("received " + (4 - fourReceived.getCount()) + " of 4 notifications; " + receiver.counters());
        System.exit(1);
      }
    }
  }

  /** {"source":"127.0.0.1:40000","version":"2c","type":"TRAP","trapOid":"…","trapName":"IF-MIB::linkDown",…}. */
  static String json(Notification n) {
    StringJoiner varBinds = new StringJoiner(",", "[", "]");
    for (VarBind vb : n.varBinds()) {
      varBinds.add("{\"oid\":" + quote(vb.oid().toDottedString())
          + ",\"name\":" + quote(MIB.name(vb.oid()))
          + ",\"type\":" + quote(vb.value().type().smiName())
          + ",\"value\":" + quote(vb.value().asText()) + "}");
    }
    return "{\"source\":" + quote(n.source().toString())
        + ",\"version\":" + quote(n.version().label())
        + ",\"community\":" + quote(n.community().utf8())
        + ",\"type\":" + quote(n.type().name())
        + ",\"sysUpTime\":" + n.sysUpTime()
        + ",\"trapOid\":" + quote(n.trapOid().toDottedString())
        + ",\"trapName\":" + quote(MIB.name(n.trapOid()))
        + ",\"varBinds\":" + varBinds + "}";
  }

  /** A JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
