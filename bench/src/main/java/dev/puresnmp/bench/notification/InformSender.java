package dev.puresnmp.bench.notification;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * SNMPv2c informs that wait for their acknowledgement: a raw sender, not our {@code SnmpClient.inform}, so
 * that it measures the receivers and not a client. {@code sockets} connected non-blocking UDP sockets on
 * one selector thread, each with {@code window} informs outstanding (each acknowledgement sends the next
 * on that socket); a new request-id for every inform, written into a pre-encoded packet ({@link
 * Packets}); an inform unacknowledged after {@value #RETRANSMIT_MS} ms is sent again with the same
 * request-id (as an SNMP sender retransmits, RFC 3416 §4.2.7: the receiver may see it twice). A Response
 * is decoded with our codec to read its request-id.
 */
final class InformSender implements AutoCloseable {
  static final long RETRANSMIT_MS = 500;
  /** How long a run waits after its window for what is still outstanding (retransmitting). */
  private static final long DRAIN_NANOS = 1_200_000_000L;

  /**
   * A run: first acknowledgements received in the window, and in all (of informs sent in the window,
   * some acknowledged after it), retransmissions, informs never acknowledged.
   */
  record Result(long acked, long ackedAll, long windowNanos, long retransmitted, long lost) {}

  private final DatagramChannel[] channels;
  private final Selector selector = Selector.open();
  private final Packets.Template template = Packets.v2c(PduType.INFORM_REQUEST);
  private final byte[][] packets;
  private final int window;
  private final int[][] ids; // per socket: the outstanding request-ids (0: free slot)
  private final long[][] sentAt;
  private final ByteBuffer in = ByteBuffer.allocate(65_536);
  private int nextId = Packets.FIRST_ID;

  InformSender(int port, int sockets, int window) throws IOException {
    this.window = window;
    channels = new DatagramChannel[sockets];
    packets = new byte[sockets][];
    ids = new int[sockets][window];
    sentAt = new long[sockets][window];
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
    for (int i = 0; i < sockets; i++) {
      DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
      c.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
      c.bind(new InetSocketAddress("127.0.0.1", 0));
      c.connect(to);
      c.configureBlocking(false);
      c.register(selector, SelectionKey.OP_READ, i);
      channels[i] = c;
      packets[i] = template.with(Packets.FIRST_ID);
    }
  }

  /** Keeps the windows full for {@code nanos}, then waits (at most 1.2 s) for the informs still outstanding. */
  Result run(long nanos) throws IOException {
    long t0 = System.nanoTime();
    long end = t0 + nanos;
    long acked = 0;
    long ackedAll = 0;
    long retransmitted = 0;
    for (int s = 0; s < channels.length; s++) {
      for (int slot = 0; slot < window; slot++) {
        send(s, slot, nextId(), t0);
      }
    }
    long lastScan = t0;
    long stop = end + DRAIN_NANOS;
    long outstanding = (long) channels.length * window;
    while (outstanding > 0) {
      long now = System.nanoTime();
      if (now >= stop) {
        break;
      }
      boolean sending = now < end;
      selector.select(10);
      for (SelectionKey k : selector.selectedKeys()) {
        int s = (Integer) k.attachment();
        DatagramChannel c = channels[s];
        while (true) {
          in.clear();
          if (c.read(in) <= 0) {
            break;
          }
          int id = requestId(in);
          int slot = id == 0 ? -1 : slotOf(s, id);
          if (slot < 0) {
            continue; // the second acknowledgement of a retransmitted inform
          }
          long t = System.nanoTime();
          ackedAll++;
          if (t < end) {
            acked++;
          }
          if (sending) {
            send(s, slot, nextId(), t);
          } else {
            ids[s][slot] = 0;
            outstanding--;
          }
        }
      }
      selector.selectedKeys().clear();
      now = System.nanoTime();
      if (now - lastScan >= 10_000_000L) {
        lastScan = now;
        for (int s = 0; s < channels.length; s++) {
          for (int slot = 0; slot < window; slot++) {
            if (ids[s][slot] != 0 && now - sentAt[s][slot] >= RETRANSMIT_MS * 1_000_000L) {
              send(s, slot, ids[s][slot], now);
              retransmitted++;
            }
          }
        }
      }
    }
    for (int s = 0; s < channels.length; s++) {
      java.util.Arrays.fill(ids[s], 0); // what is left is lost; a late answer to it is ignored next run
    }
    return new Result(acked, ackedAll, nanos, retransmitted, outstanding);
  }

  private int nextId() {
    int id = nextId++;
    if (nextId < 0) {
      nextId = Packets.FIRST_ID;
    }
    return id;
  }

  private void send(int s, int slot, int id, long now) throws IOException {
    ids[s][slot] = id;
    sentAt[s][slot] = now;
    template.patch(packets[s], id);
    try {
      channels[s].write(ByteBuffer.wrap(packets[s]));
    } catch (IOException e) {
      // refused (ICMP): retransmitted after the timeout like a lost one
    }
  }

  private int slotOf(int s, int id) {
    int[] row = ids[s];
    for (int i = 0; i < row.length; i++) {
      if (row[i] == id) {
        return i;
      }
    }
    return -1;
  }

  private static int requestId(ByteBuffer in) {
    try {
      Message m = MessageCodec.decode(in.array(), 0, in.position());
      if (m instanceof CommunityMessage c && c.pdu() instanceof StandardPdu p && p.type().equals(PduType.RESPONSE)) {
        return p.requestId();
      }
    } catch (MalformedPacketException e) {
      // not an acknowledgement
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    selector.close();
    for (DatagramChannel c : channels) {
      c.close();
    }
  }
}
