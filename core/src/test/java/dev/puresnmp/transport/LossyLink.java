package dev.puresnmp.transport;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bad network on loopback: a UDP relay between clients and one agent that drops datagrams (a chance
 * per direction), duplicates them, delays them and reorders them (each copy held back a random extra
 * delay, so a later datagram may overtake it), every decision drawn from one seeded {@link Random}. A
 * client sends to {@link #endpoint()}; each client gets a socket of its own towards the agent, so the
 * agent's answers go back to the client that asked. For the lossy-link tests and the lossy benchmark
 * (bench/lossy-bench.sh), which run Net-SNMP's tools through it too.
 *
 * <pre>{@code
 * try (LossyLink link = LossyLink.builder(agent).loss(0.2).duplicate(0.05).reorder(Duration.ofMillis(20)).seed(1).start()) {
 *   SnmpClient c = manager.client(link.endpoint(), Credentials.v2c("public"));
 *   ...
 *   System.out.println(link.toAgent() + " " + link.toClient());   // received, relayed, dropped, duplicated
 * }
 * }</pre>
 *
 * <p>One thread does everything (receives, decides, holds back, sends), so the decisions follow the order
 * in which datagrams arrive. Datagrams from more than {@link #MAX_CLIENTS} client endpoints are dropped
 * and counted as {@code strangers}.
 */
public final class LossyLink implements AutoCloseable {
  /** Client endpoints served at most; a datagram from one more is dropped and counted. */
  public static final int MAX_CLIENTS = 1024;

  /** What crossed the link in one direction: datagrams received, sent on (copies included), dropped, duplicated. */
  public record Counters(long received, long relayed, long dropped, long duplicated) {
    @Override
    public String toString() {
      return "received " + received + ", relayed " + relayed + ", dropped " + dropped + ", duplicated " + duplicated;
    }
  }

  /** One direction's chance of loss and its counters (the link's thread writes them, anyone reads). */
  private static final class Direction {
    final double loss;
    final AtomicLong received = new AtomicLong();
    final AtomicLong relayed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();

    Direction(double loss) {
      this.loss = loss;
    }

    Counters counters() {
      return new Counters(received.get(), relayed.get(), dropped.get(), duplicated.get());
    }
  }

  /** A datagram held back until {@code due}; {@code seq} keeps equal deadlines in arrival order. */
  private record Held(long due, long seq, DatagramChannel channel, InetSocketAddress to, byte[] data, Direction direction) {}

  private final InetSocketAddress agent;
  private final Direction toAgent;
  private final Direction toClient;
  private final double duplicate;
  private final long delayNanos;
  private final long reorderNanos;
  private final Random random;
  private final Selector selector;
  private final DatagramChannel front;
  private final Map<InetSocketAddress, DatagramChannel> backs = new HashMap<>();
  private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final AtomicLong strangers = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();
  private final Thread thread;
  private long seq;
  private volatile boolean closed;

  private LossyLink(Builder b) throws IOException {
    this.agent = b.agent.toSocketAddress();
    this.toAgent = new Direction(b.lossToAgent);
    this.toClient = new Direction(b.lossToClient);
    this.duplicate = b.duplicate;
    this.delayNanos = b.delay.toNanos();
    this.reorderNanos = b.reorder.toNanos();
    this.random = new Random(b.seed);
    this.selector = Selector.open();
    this.front = open(b.bind.ip(), b.bind.port());
    front.register(selector, SelectionKey.OP_READ);
    this.thread = new Thread(this::loop, "lossy-link-" + localPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** A link to {@code agent}: nothing lost, duplicated or delayed until the builder says so. */
  public static Builder builder(Endpoint agent) {
    return new Builder(Objects.requireNonNull(agent, "agent"));
  }

  /** Where clients send: the link's own port. */
  public Endpoint endpoint() {
    return Endpoint.of((InetSocketAddress) localAddress());
  }

  private int localPort() {
    return ((InetSocketAddress) localAddress()).getPort();
  }

  private java.net.SocketAddress localAddress() {
    try {
      return front.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the link's socket is closed", e);
    }
  }

  /** Datagrams from clients towards the agent. */
  public Counters toAgent() {
    return toAgent.counters();
  }

  /** Datagrams from the agent back to clients. */
  public Counters toClient() {
    return toClient.counters();
  }

  /** Datagrams dropped because they came from more than {@link #MAX_CLIENTS} client endpoints. */
  public long strangers() {
    return strangers.get();
  }

  /** Sends that failed (a full socket buffer); such a datagram is lost, as on a congested link. */
  public long sendFailures() {
    return sendFailures.get();
  }

  @Override
  public String toString() {
    return "to the agent: " + toAgent() + "; to the clients: " + toClient();
  }

  private static DatagramChannel open(InetAddress address, int port) throws IOException {
    DatagramChannel ch = DatagramChannel.open(address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20); // the link, not its sockets, decides what is lost
    ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
    ch.bind(new InetSocketAddress(address, port));
    ch.configureBlocking(false);
    return ch;
  }

  private void loop() {
    ByteBuffer buf = ByteBuffer.allocate(65_536);
    try {
      while (!closed) {
        Held next = held.peek();
        long waitMs = next == null ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next.due - System.nanoTime() + 999_999));
        if (next == null || next.due > System.nanoTime()) {
          selector.select(waitMs); // 0: until a datagram comes or close() wakes it
        } else {
          selector.selectNow();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid() && key.isReadable()) {
            readAll((DatagramChannel) key.channel(), (InetSocketAddress) key.attachment(), buf);
          }
        }
        selector.selectedKeys().clear();
        sendDue(System.nanoTime());
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        System.err.println("lossy link stopped: " + e);
      }
    }
  }

  /** Reads every datagram waiting on {@code ch}; {@code client} is null for the front socket. */
  private void readAll(DatagramChannel ch, InetSocketAddress client, ByteBuffer buf) throws IOException {
    while (true) {
      buf.clear();
      InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
      if (from == null) {
        return;
      }
      buf.flip();
      byte[] data = new byte[buf.remaining()];
      buf.get(data);
      if (client == null) {
        DatagramChannel back = backFor(from);
        if (back == null) {
          strangers.incrementAndGet();
        } else {
          offer(toAgent, back, agent, data);
        }
      } else {
        offer(toClient, front, client, data);
      }
    }
  }

  /** The socket that speaks to the agent for {@code client}, opened on its first datagram. */
  private DatagramChannel backFor(InetSocketAddress client) throws IOException {
    DatagramChannel back = backs.get(client);
    if (back == null && backs.size() < MAX_CLIENTS) {
      back = open(agent.getAddress() instanceof Inet6Address ? InetAddress.getByName("::1") : InetAddress.getByName("127.0.0.1"), 0);
      back.register(selector, SelectionKey.OP_READ, client);
      backs.put(client, back);
    }
    return back;
  }

  /** Decides a datagram's fate: lost, or sent after its delay, maybe twice. */
  private void offer(Direction d, DatagramChannel ch, InetSocketAddress to, byte[] data) {
    d.received.incrementAndGet();
    if (random.nextDouble() < d.loss) {
      d.dropped.incrementAndGet();
      return;
    }
    long now = System.nanoTime();
    hold(d, ch, to, data, now);
    if (random.nextDouble() < duplicate) {
      d.duplicated.incrementAndGet();
      hold(d, ch, to, data, now);
    }
  }

  private void hold(Direction d, DatagramChannel ch, InetSocketAddress to, byte[] data, long now) {
    long extra = reorderNanos == 0 ? 0 : (long) (random.nextDouble() * reorderNanos);
    held.add(new Held(now + delayNanos + extra, seq++, ch, to, data, d));
  }

  private void sendDue(long now) {
    while (!held.isEmpty() && held.peek().due <= now) {
      Held h = held.poll();
      try {
        if (h.channel.send(ByteBuffer.wrap(h.data), h.to) == 0) {
          sendFailures.incrementAndGet();
        } else {
          h.direction.relayed.incrementAndGet();
        }
      } catch (IOException e) {
        sendFailures.incrementAndGet();
      }
    }
  }

  /** Stops the thread and closes every socket; datagrams still held back are lost. */
  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      front.close();
      for (DatagramChannel back : backs.values()) {
        back.close();
      }
      selector.close();
    } catch (IOException e) {
      // closing: nothing left to do with it
    }
  }

  /**
   * Settings of a {@link LossyLink}: every chance is in [0, 1], every delay zero or more.
   *
   * <pre>{@code
   * LossyLink link = LossyLink.builder(agent).lossToAgent(0.1).lossToClient(0.3).delay(Duration.ofMillis(5)).start();
   * }</pre>
   */
  public static final class Builder {
    private final Endpoint agent;
    private Endpoint bind = Endpoint.of("127.0.0.1", 0);
    private double lossToAgent;
    private double lossToClient;
    private double duplicate;
    private Duration delay = Duration.ZERO;
    private Duration reorder = Duration.ZERO;
    private long seed = 1;

    private Builder(Endpoint agent) {
      this.agent = agent;
    }

    /** Where clients send; 127.0.0.1 on a free port by default. */
    public Builder bind(Endpoint bind) {
      this.bind = Objects.requireNonNull(bind, "bind");
      return this;
    }

    /** The chance that a datagram is lost, in each direction. */
    public Builder loss(double chance) {
      return lossToAgent(chance).lossToClient(chance);
    }

    /** The chance that a request (client to agent) is lost. */
    public Builder lossToAgent(double chance) {
      this.lossToAgent = chance("lossToAgent", chance);
      return this;
    }

    /** The chance that an answer (agent to client) is lost. */
    public Builder lossToClient(double chance) {
      this.lossToClient = chance("lossToClient", chance);
      return this;
    }

    /** The chance that a datagram that is not lost arrives twice (each copy with its own delay). */
    public Builder duplicate(double chance) {
      this.duplicate = chance("duplicate", chance);
      return this;
    }

    /** How long every datagram is held back. */
    public Builder delay(Duration delay) {
      this.delay = nonNegative("delay", delay);
      return this;
    }

    /** Up to how much longer each datagram is held back, at random (uniform): later ones may overtake it. */
    public Builder reorder(Duration maxExtraDelay) {
      this.reorder = nonNegative("reorder", maxExtraDelay);
      return this;
    }

    /** The seed of the link's decisions; 1 by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Binds the link's port and starts its thread. */
    public LossyLink start() throws IOException {
      return new LossyLink(this);
    }

    private static double chance(String name, double chance) {
      if (!(chance >= 0 && chance <= 1)) {
        throw new IllegalArgumentException(name + " must be a chance in [0, 1], not " + chance);
      }
      return chance;
    }

    private static Duration nonNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, not " + d);
      }
      return d;
    }
  }
}
