package dev.puresnmp.bench.notification;

import dev.puresnmp.pdu.PduType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Traps at a fixed offered rate from {@code sockets} connected UDP sockets (one thread, the sockets in
 * turn), pre-encoded ({@link Packets}): SNMPv2c, each with a new request-id written into its bytes, or
 * SNMPv3 authPriv from a pool of 65,536 distinct packets sent in rotation. Paced by the clock: after each
 * burst it parks until the next datagram is due (it never spins, which would take a vCPU from the
 * receiver), and sends what fell due while it slept; the park's granularity here (~60 µs) makes bursts
 * of a few datagrams at 100k/s. Rate 0: as fast as it can.
 */
final class TrapSender implements AutoCloseable {
  /**
   * Distinct SNMPv3 traps sent in rotation, so that each one sent is a new trap to the receiver, as a
   * device's would be: ours keeps the last 10,000 authenticated traps' engine, boots and msgID, and drops a
   * copy as a replay. A trap comes round again after this many sends, and at saturation the kernel drops
   * more than half of them, so the pool holds enough for 10,000 taken in between even when only 15 % are
   * (16,384 was too few: at the unpaced step the receiver still remembered traps that came round again).
   */
  static final int V3_POOL = 65_536;
  private static byte[][] v3Pool; // built once per JVM: ~0.5 s of encryption and MACs
  /**
   * Where the rotation is, across the senders of this JVM: each step and each socket count makes a new
   * sender, and one that started the pool over would resend the traps the receiver has just taken, which it
   * drops as replays (from 100 sockets, a step after the one-socket steps lost up to all it sent so).
   */
  private static final java.util.concurrent.atomic.AtomicInteger V3_NEXT = new java.util.concurrent.atomic.AtomicInteger();
  private static final int MAX_BURST = 256; // then the clock is read again

  private final DatagramChannel[] channels;
  private final ByteBuffer[] buffers; // v2c: one per socket, its request-id patched; v3: the pool
  private final byte[][] arrays;
  private final Packets.Template template;
  private int next;
  private int id = Packets.FIRST_ID;
  private long sendErrors;
  private long lastSendNanos;

  TrapSender(int port, int sockets, boolean v3) throws IOException {
    channels = new DatagramChannel[sockets];
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
    for (int i = 0; i < sockets; i++) {
      channels[i] = DatagramChannel.open(StandardProtocolFamily.INET);
      channels[i].bind(new InetSocketAddress("127.0.0.1", 0));
      channels[i].connect(to);
    }
    if (v3) {
      template = null;
      arrays = v3Pool();
    } else {
      template = Packets.v2c(PduType.SNMPV2_TRAP);
      arrays = new byte[sockets][];
      for (int i = 0; i < sockets; i++) {
        arrays[i] = template.with(Packets.FIRST_ID);
      }
    }
    buffers = new ByteBuffer[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      buffers[i] = ByteBuffer.wrap(arrays[i]);
    }
  }

  private static synchronized byte[][] v3Pool() {
    if (v3Pool == null) {
      v3Pool = Packets.v3Traps(V3_POOL);
    }
    return v3Pool;
  }

  /** Sends at {@code rate} per second (0: unpaced) for {@code nanos}; returns how many it sent. */
  long send(double rate, long nanos) {
    long t0 = System.nanoTime();
    long end = t0 + nanos;
    long n = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      long due = rate > 0 ? (long) ((now - t0) * rate / 1e9) + 1 : n + MAX_BURST;
      long limit = Math.min(due, n + MAX_BURST);
      for (; n < limit; n++) {
        sendOne();
      }
      if (rate > 0 && n >= due) {
        long wait = t0 + (long) (n * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    }
    lastSendNanos = System.nanoTime() - t0;
    return n;
  }

  private void sendOne() {
    int s = next;
    next = next + 1 == channels.length ? 0 : next + 1;
    ByteBuffer b;
    if (template != null) {
      template.patch(arrays[s], id++);
      if (id < 0) {
        id = Packets.FIRST_ID;
      }
      b = buffers[s];
    } else {
      b = buffers[(V3_NEXT.getAndIncrement() & Integer.MAX_VALUE) % V3_POOL];
    }
    b.clear();
    try {
      channels[s].write(b);
    } catch (IOException e) {
      sendErrors++; // a refused port (ICMP) before the receiver bound: counted as sent and lost
    }
  }

  long lastSendNanos() {
    return lastSendNanos;
  }

  long sendErrors() {
    return sendErrors;
  }

  @Override
  public void close() throws IOException {
    for (DatagramChannel c : channels) {
      c.close();
    }
  }
}
