package dev.puresnmp.bench.notification;

import dev.puresnmp.bench.client.V3Load;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.transport.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * One receiver of {@code bench/notif-bench.sh} in its own JVM (so that its CPU is its own): ours
 * ({@link TrapReceiver}) or SNMP4J 3.8.2's ({@code Snmp} on a {@code DefaultUdpTransportMapping} with a
 * {@code CommandResponder}), on 127.0.0.1:PORT, with a handler that only counts. Both take community
 * public and the SNMPv3 user usr-sha256-aes (HMAC-SHA-256 + AES-128) for traps from the sender's engine,
 * and both sockets ask for a 4 MiB receive buffer (ours by default; SNMP4J's default is the kernel's,
 * 208 KiB here, so it is set). {@link NotifBench} starts it and talks to it over stdin and stdout:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.notification.NotifReceiver ours|ours-direct|snmp4j PORT
 * → ready PID
 * count  → count HANDLED DROPPED PENDING   (DROPPED: what the receiver dropped itself and counted: the
 *                                  notifications ours found its queue to the handler full for; -1 for SNMP4J,
 *                                  which has no such queue: it calls the responder on its receive thread.
 *                                  PENDING: datagrams ours has received and not yet delivered or dropped)
 * quit   (or the end of stdin) → exits
 * </pre>
 *
 * SNMP4J acknowledges no inform by itself: its {@code Snmp.processPdu} hands an InformRequest to the
 * command responders, and the responder returns the Response through {@code
 * MessageDispatcher.returnResponsePdu} with the event's state reference (as SNMP4J's examples do).
 * SNMP4J's {@code Snmp} calls the responder on its receive thread (MessageDispatcherImpl); ours
 * receives on one thread and hands each notification to the handler's thread through its bounded queue
 * (10,000, the default); ours-direct runs the handler on its receive thread as SNMP4J does ({@code
 * TrapReceiver.Builder.handlerOnReceiveThread()}).
 */
public final class NotifReceiver {
  private NotifReceiver() {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (args.length != 2) {
      System.err.println("usage: NotifReceiver ours|ours-direct|snmp4j PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[1]);
    AtomicLong handled = new AtomicLong();
    Counted receiver = switch (args[0]) {
      case "ours" -> ours(port, handled, false);
      case "ours-direct" -> ours(port, handled, true);
      case "snmp4j" -> snmp4j(port, handled);
      default -> throw new IllegalArgumentException("unknown receiver " + args[0]);
    };
    System.out.println("ready " + ProcessHandle.current().pid());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      if (line.equals("count")) {
        System.out.println("count " + handled.get() + " " + receiver.dropped() + " " + receiver.pending());
        System.out.flush();
      }
    }
    Runtime.getRuntime().halt(0); // nothing to close cleanly: the measurement is over
  }

  /** What the receiver dropped itself, and counted; what it has received and not yet handed over. */
  interface Counted {
    long dropped();

    default long pending() {
      return 0;
    }
  }

  /** Ours by default (a delivery thread behind the queue) or {@code direct}: the handler on the receive thread. */
  static Counted ours(int port, AtomicLong handled, boolean direct) {
    TrapReceiver.Builder b = TrapReceiver.builder()
        .bind(Endpoint.of("127.0.0.1", port))
        .community(Packets.COMMUNITY)
        .user(Packets.user())
        .queueCapacity(TrapReceiver.DEFAULT_QUEUE_CAPACITY)
        .handler(n -> handled.incrementAndGet());
    if (direct) {
      b.handlerOnReceiveThread();
    }
    TrapReceiver r = b.start();
    return new Counted() {
      @Override
      public long dropped() {
        return r.counters().queueFull();
      }

      @Override
      public long pending() {
        TrapReceiver.Counters c = r.counters();
        return Math.max(0, c.received() - c.delivered() - c.duplicateInforms() - c.duplicateTraps() - c.wrongCommunity() - c.wrongUser() - c.malformed() - c.unsupported()
            - c.queueFull() - c.handlerFailures());
      }
    };
  }

  static Counted snmp4j(int port, AtomicLong handled) throws IOException {
    DefaultUdpTransportMapping udp = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/" + port));
    udp.setReceiveBufferSize(4 << 20);
    Snmp snmp = new Snmp(udp);
    V3Load.snmp4jUsm();
    // a trap's sender is authoritative: the user is added for the sender's engine ID, its keys localized to it
    snmp.getUSM().addUser(new OctetString(Packets.USER), new OctetString(Packets.SENDER_ENGINE.toByteArray()),
        new UsmUser(new OctetString(Packets.USER), AuthHMAC192SHA256.ID, new OctetString(Packets.AUTH_PASS), PrivAES128.ID, new OctetString(Packets.PRIV_PASS)));
    snmp.addCommandResponder(new CommandResponder() {
      @Override
      public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
        PDU pdu = event.getPDU();
        if (pdu == null || (pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM)) {
          return;
        }
        event.setProcessed(true);
        if (pdu.getType() == PDU.INFORM) {
          PDU response = new PDU(pdu); // same request-id and varbinds (RFC 3416 §4.2.7)
          response.setType(PDU.RESPONSE);
          response.setErrorStatus(0);
          response.setErrorIndex(0);
          try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(), event.getSecurityName(),
                event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
          } catch (MessageException e) {
            return; // not acknowledged: the sender retransmits, and the report counts retransmissions
          }
        }
        handled.incrementAndGet();
      }
    });
    snmp.listen();
    return () -> -1; // nothing pending: the responder runs on the receive thread
  }
}
