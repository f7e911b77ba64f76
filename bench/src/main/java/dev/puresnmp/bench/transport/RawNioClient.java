package dev.puresnmp.bench.transport;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;

/**
 * The ceiling: one connected, non-blocking {@link DatagramChannel} (4 MiB receive buffer) and one
 * thread, {@code window} GETs encoded once before the run and resent as they are; a reply is matched by
 * reading its request-id in place. No codec, no futures, no allocation per request. A request
 * unanswered after 1 s counts as lost and is resent under a new id (patched into its bytes).
 */
final class RawNioClient extends ClosedLoop {
  private static final int ID_BASE = 0x4000_0000; // 4-byte INTEGER encoding for every id we use

  private final DatagramChannel channel;
  private final Selector selector;
  private final Oid oid;
  private final ByteBuffer in = ByteBuffer.allocateDirect(65_536);
  private final InetSocketAddress target;
  private final boolean connected;
  private Thread thread;

  RawNioClient(String host, int port, Oid oid) throws IOException {
    this(host, port, oid, true);
  }

  /**
   * {@code connected} false: a diagnostic variant that uses {@code send(buffer, address)} and {@code
   * receive(buffer)} on an unconnected channel, as a transport serving many endpoints must.
   */
  RawNioClient(String host, int port, Oid oid, boolean connected) throws IOException {
    this.oid = oid;
    this.connected = connected;
    this.target = new InetSocketAddress(host, port);
    this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
    channel.bind(new InetSocketAddress(host, 0));
    if (connected) {
      channel.connect(target);
    }
    channel.configureBlocking(false);
    this.selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
  }

  @Override
  String name() {
    return connected ? "raw-nio" : "raw-nio-unconnected";
  }

  @Override
  void start(int window) throws IOException {
    ByteBuffer[] packets = new ByteBuffer[window];
    int[] ids = new int[window];
    long[] sentAt = new long[window];
    boolean[] pending = new boolean[window];
    int idOffset = -1;
    for (int i = 0; i < window; i++) {
      ids[i] = ID_BASE + i;
      byte[] p = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(ids[i], List.of(oid))));
      packets[i] = ByteBuffer.allocateDirect(p.length).put(p).flip();
      idOffset = idValueOffset(p);
    }
    final int idAt = idOffset;
    running = true;
    thread = new Thread(() -> loop(window, packets, ids, sentAt, pending, idAt), "raw-nio-client");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(int window, ByteBuffer[] packets, int[] ids, long[] sentAt, boolean[] pending, int idAt) {
    try {
      for (int i = 0; i < window; i++) {
        send(packets[i], sentAt, pending, i);
      }
      long timeoutNanos = TIMEOUT_MILLIS * 1_000_000L;
      long nextScan = System.nanoTime() + 10_000_000L;
      while (true) {
        if (!running && inFlight.get() == 0) {
          return;
        }
        int got = 0;
        while (true) {
          in.clear();
          int n;
          if (connected) {
            n = channel.read(in);
          } else {
            n = channel.receive(in) == null ? 0 : in.position();
          }
          if (n <= 0) {
            break;
          }
          got++;
          long now = System.nanoTime();
          int id = readRequestId(in, n);
          int slot = id - ID_BASE;
          slot = slot < 0 ? -1 : slot % window;
          if (slot < 0 || !pending[slot] || ids[slot] != id) {
            continue; // late reply to a request already counted lost
          }
          pending[slot] = false;
          inFlight.decrementAndGet();
          onReply(now - sentAt[slot]);
          if (running) {
            send(packets[slot], sentAt, pending, slot);
          }
        }
        long now = System.nanoTime();
        if (now >= nextScan) {
          nextScan = now + 10_000_000L;
          for (int i = 0; i < window; i++) {
            if (pending[i] && now - sentAt[i] > timeoutNanos) {
              pending[i] = false;
              inFlight.decrementAndGet();
              onLost();
              if (running) {
                int maxGen = (Integer.MAX_VALUE - ID_BASE) / window;
                int gen = ((ids[i] - ID_BASE) / window + 1) % maxGen;
                int id = ID_BASE + gen * window + i; // a new id with the same slot: id - ID_BASE = slot mod window
                ids[i] = id;
                packets[i].putInt(idAt, id);
                send(packets[i], sentAt, pending, i);
              }
            }
          }
        }
        if (got == 0) {
          selector.select(10);
          selector.selectedKeys().clear();
        }
      }
    } catch (IOException | RuntimeException e) {
      onError(e);
      inFlight.set(0);
    }
  }

  private void send(ByteBuffer packet, long[] sentAt, boolean[] pending, int slot) throws IOException {
    packet.rewind();
    sentAt[slot] = System.nanoTime();
    pending[slot] = true;
    inFlight.incrementAndGet();
    if ((connected ? channel.write(packet) : channel.send(packet, target)) == 0) {
      // socket buffer full: the timeout scan will count it lost and resend
    }
  }

  /** Offset of the request-id's 4 value bytes in an encoded v1/v2c message. */
  private static int idValueOffset(byte[] p) {
    int[] pos = {0};
    header(p, pos); // SEQUENCE
    int versionLength = header(p, pos);
    pos[0] += versionLength; // skip the version
    int communityLength = header(p, pos);
    pos[0] += communityLength; // skip the community
    header(p, pos); // PDU
    int len = header(p, pos); // request-id INTEGER
    if (len != 4) {
      throw new IllegalStateException("request-id not 4 bytes");
    }
    return pos[0];
  }

  private static int header(byte[] p, int[] pos) {
    int i = pos[0] + 1;
    int len = p[i++] & 0xff;
    if (len >= 0x80) {
      int k = len & 0x7f;
      len = 0;
      while (k-- > 0) {
        len = (len << 8) | (p[i++] & 0xff);
      }
    }
    pos[0] = i;
    return len;
  }

  /** The request-id of a v1/v2c message in {@code b[0..n)}, read in place; -1 if it is not there. */
  private static int readRequestId(ByteBuffer b, int n) {
    int i = 0;
    for (int field = 0; field < 4; field++) {
      if (i + 2 > n) {
        return -1;
      }
      i++; // tag
      int len = b.get(i++) & 0xff;
      if (len >= 0x80) {
        int k = len & 0x7f;
        len = 0;
        while (k-- > 0 && i < n) {
          len = (len << 8) | (b.get(i++) & 0xff);
        }
      }
      if (field == 1 || field == 2) {
        i += len; // skip version and community; enter SEQUENCE and PDU
      }
    }
    if (i + 2 > n || b.get(i) != 0x02) {
      return -1;
    }
    int len = b.get(i + 1) & 0xff;
    if (len < 1 || len > 4 || i + 2 + len > n) {
      return -1;
    }
    int v = b.get(i + 2); // sign-extended first byte
    for (int k = 1; k < len; k++) {
      v = (v << 8) | (b.get(i + 2 + k) & 0xff);
    }
    return v;
  }

  @Override
  public void close() throws Exception {
    running = false;
    if (thread != null) {
      thread.join(3000);
    }
    selector.close();
    channel.close();
  }
}
