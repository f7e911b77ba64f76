package dev.puresnmp.notification;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.UsmKeys;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.DatagramReceiver;
import dev.puresnmp.transport.Endpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives SNMPv1 traps and SNMPv2c and SNMPv3 traps and informs on one UDP port: checks the community or
 * the SNMPv3 user (as the authoritative engine for informs, with the sender's engine for traps), acknowledges
 * every inform with its Response (RFC 3416 §4.2.7) before anything else, recognises a retransmitted inform
 * (acknowledged again, delivered once), and hands each notification, in SNMPv2 form ({@link
 * Notification}), to the handler on its own thread behind a bounded queue. Wrong community, malformed
 * packets, what is no notification, a full queue and a handler that throws are dropped and counted
 * ({@link #counters()}), logged at DEBUG; the receiver goes on.
 *
 * <pre>{@code
 * try (TrapReceiver traps = TrapReceiver.builder()
 *     .bind(Endpoint.of("0.0.0.0", 162))
 *     .community("public")
 *     .handler(n -> System.out.println(n.source() + " " + n.trapOid().toDottedString()))
 *     .start()) {
 *   ...
 * }
 * }</pre>
 */
public final class TrapReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TrapReceiver.class);

  /** How many notifications may wait for the handler. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  /**
   * How many bytes of datagrams the waiting notifications may come from: ten thousand of the largest
   * (64 KiB each) would otherwise hold 640 MB of heap behind a stuck handler.
   */
  public static final long DEFAULT_MAX_QUEUED_BYTES = 64L << 20;
  /** How many waiting notifications the delivery thread takes from the queue at once. */
  private static final int DISPATCH_BATCH = 64;
  /** How many SNMPv3 sender engines' keys and clocks are kept, by default. */
  public static final int DEFAULT_MAX_ENGINES = 10_000;
  /** How many (source, request-id) pairs of recent informs are kept to recognise a retransmission. */
  static final int RECENT_INFORMS = 10_000;
  /** How many authenticated SNMPv3 traps (sender engine, boots, msgID) are kept to recognise a copy. */
  static final int RECENT_TRAPS = 10_000;

  /** What the receiver did with what it got. */
  public record Counters(
      long received,
      long delivered,
      long acknowledged,
      long duplicateInforms,
      long duplicateTraps,
      long wrongCommunity,
      long wrongUser,
      long notInTimeWindow,
      long malformed,
      long unsupported,
      long queueFull,
      long handlerFailures) {}

  private final Set<Bytes> communities; // empty: any
  private final Consumer<Notification> handler;
  private final BlockingQueue<Queued> queue; // null: the handler runs on the receive thread
  private final long maxQueuedBytes;
  private final AtomicLong queuedBytes = new AtomicLong(); // of the datagrams the queued notifications came from

  /** A notification waiting for the handler, and the size of the datagram it came in. */
  private record Queued(Notification notification, int bytes) {}
  private final Thread dispatcher;
  private final DatagramReceiver socket;
  private final UsmNotifications usm; // null without SNMPv3 users
  private final Map<InformKey, Boolean> recentInforms =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InformKey, Boolean> eldest) {
          return size() > RECENT_INFORMS;
        }
      }; // only the receiver's thread touches it
  private final LongAdder received = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder wrongCommunity = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder unsupported = new LongAdder();
  private final LongAdder queueFull = new LongAdder();
  private final LongAdder handlerFailures = new LongAdder();
  private volatile boolean closed;

  private record InformKey(Endpoint from, int requestId) {}

  private TrapReceiver(Builder b) {
    this.communities = Set.copyOf(b.communities);
    this.handler = b.handler;
    this.queue = b.onReceiveThread ? null : new ArrayBlockingQueue<>(b.queueCapacity);
    this.maxQueuedBytes = b.maxQueuedBytes;
    this.usm = b.users.isEmpty() ? null
        : new UsmNotifications(this, b.users, b.engineId, b.engineBoots, b.keys != null ? b.keys : new UsmKeys(b.maxEngines), b.maxEngines);
    this.socket = DatagramReceiver.bind(b.bind, "puresnmp-traps", (data, from, port) -> onDatagram(data, from));
    if (queue == null) {
      this.dispatcher = null;
    } else {
      this.dispatcher = new Thread(this::dispatch, "puresnmp-notifications"); // after the bind, which may fail
      this.dispatcher.setDaemon(true);
      this.dispatcher.start();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where it listens (the port it got, when asked for port 0). */
  public Endpoint localEndpoint() {
    return socket.localEndpoint();
  }

  public Counters counters() {
    return new Counters(received.sum(), delivered.sum(), acknowledged.sum(), duplicates.sum(), usm == null ? 0 : usm.duplicateTraps.sum(), wrongCommunity.sum(),
        usm == null ? 0 : usm.refused.sum(), usm == null ? 0 : usm.notInTimeWindow.sum(), malformed.sum(), unsupported.sum(), queueFull.sum(), handlerFailures.sum());
  }

  private void onDatagram(byte[] data, Endpoint from) {
    received.increment();
    Message m;
    try {
      m = MessageCodec.decodeAdopting(data, 0, data.length, List.of()); // a fresh array per datagram
    } catch (MalformedPacketException e) {
      malformed.increment();
      log.debug("malformed packet from {}: {}", from, e.getMessage());
      return;
    }
    if (m instanceof V3Message v3) {
      if (usm == null) {
        unsupported.increment(); // no SNMPv3 user configured
        return;
      }
      Notification n = usm.receive(v3, data, from, socket::send);
      if (n != null) {
        enqueue(n, data.length);
      }
      return;
    }
    CommunityMessage c = (CommunityMessage) m;
    if (!communities.isEmpty() && !communities.contains(c.community())) {
      wrongCommunity.increment();
      log.debug("notification from {} with a community not accepted here", from);
      return;
    }
    Pdu pdu = c.pdu();
    Notification n;
    if (pdu instanceof TrapV1Pdu v1 && c.version() == SnmpVersion.V1) {
      n = Notification.ofV1(from, c.community(), v1);
    } else if (c.version() == SnmpVersion.V2C && pdu instanceof StandardPdu p
        && (p.type().equals(PduType.SNMPV2_TRAP) || p.type().equals(PduType.INFORM_REQUEST))) {
      n = Notification.ofV2(from, c.version(), c.community(), null, null, p.type(), p.varBinds());
      if (n == null) {
        malformed.increment();
        log.debug("{} from {} without sysUpTime.0 and snmpTrapOID.0 first", p.type(), from);
        return;
      }
      if (n.isInform() && !acknowledge(c, p, from)) {
        return; // a retransmission: acknowledged again, delivered before
      }
    } else {
      unsupported.increment();
      log.debug("a {} in SNMP{} from {}: no notification", pdu.type(), c.version().label(), from);
      return;
    }
    enqueue(n, data.length);
  }

  private void enqueue(Notification n, int bytes) {
    if (queue == null) {
      deliver(n);
    } else if (queuedBytes.get() + bytes > maxQueuedBytes || !queue.offer(new Queued(n, bytes))) {
      queueFull.increment();
      log.debug("notification from {} dropped: the handler is {} ({} bytes) behind", n.source(), queue.size(), queuedBytes.get());
    } else {
      queuedBytes.addAndGet(bytes); // only this thread adds: the bound holds
    }
  }

  void countAcknowledged() {
    acknowledged.increment();
  }

  void countUnsupported() {
    unsupported.increment();
  }

  void countMalformed() {
    malformed.increment();
  }

  /** This receiver's SNMPv3 engine ID (the one v3 informs are sent to), or null without v3 users. */
  public Bytes engineId() {
    return usm == null ? null : usm.engineId();
  }

  /** True the first time (source, request-id) of an inform is seen among the recent ones; counts repeats. */
  boolean firstInform(Endpoint from, int requestId) {
    if (recentInforms.put(new InformKey(from, requestId), Boolean.TRUE) != null) {
      duplicates.increment();
      return false;
    }
    return true;
  }

  /** Sends the inform's Response (RFC 3416 §4.2.7: its request-id and varbinds); false if it was seen before. */
  private boolean acknowledge(CommunityMessage c, StandardPdu inform, Endpoint from) {
    StandardPdu response = StandardPdu.response(inform.requestId(), ErrorStatus.NO_ERROR, 0, inform.varBinds());
    boolean first = firstInform(from, inform.requestId());
    acknowledged.increment(); // counted before it leaves: whoever has the Response sees it counted
    socket.send(MessageCodec.encode(new CommunityMessage(c.version(), c.community(), response)), from);
    return first;
  }

  private void dispatch() {
    List<Queued> batch = new ArrayList<>(DISPATCH_BATCH);
    while (!closed) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, DISPATCH_BATCH - 1); // what else waits, under one lock: fewer turns of the lock the receive thread takes too
      for (Queued q : batch) {
        queuedBytes.addAndGet(-q.bytes());
        deliver(q.notification());
      }
      batch.clear();
    }
  }

  private void deliver(Notification n) {
    try {
      handler.accept(n);
      delivered.increment();
    } catch (RuntimeException e) {
      handlerFailures.increment();
      log.debug("the notification handler threw on one from {}", n.source(), e);
    }
  }

  /** Stops listening and delivering; notifications still queued are dropped. */
  @Override
  public void close() {
    closed = true;
    socket.close();
    if (dispatcher != null) {
      dispatcher.interrupt();
    }
  }

  @Override
  public String toString() {
    return "TrapReceiver[" + localEndpoint() + "]";
  }

  public static final class Builder {
    private Endpoint bind = Endpoint.of("0.0.0.0", 162);
    private final Set<Bytes> communities = new HashSet<>();
    private Consumer<Notification> handler;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
    private final List<UsmNotifications.Binding> users = new ArrayList<>();
    private Bytes engineId;
    private int engineBoots = 1;
    private UsmKeys keys;
    private int maxEngines = DEFAULT_MAX_ENGINES;
    private boolean onReceiveThread;

    private Builder() {}

    /**
     * Runs the handler on the receive thread itself, with no queue and no delivery thread: for a handler
     * that never blocks (counting, offering to a queue of its own). It spares a hand-off per notification
     * (a wake-up of the delivery thread, a context switch), and nothing is dropped for a full queue; but
     * while the handler runs, nothing is received: a slow one makes the kernel's socket buffer overflow
     * (its drops are the kernel's, not counted here) and delays the acknowledgement of informs.
     */
    public Builder handlerOnReceiveThread() {
      this.onReceiveThread = true;
      return this;
    }

    /** This receiver's engine boots (RFC 3414 §2.2.1), what v3 inform senders discover; 1 by default. */
    public Builder engineBoots(int engineBoots) {
      this.engineBoots = UsmParameters.checkEngineBoots(engineBoots);
      return this;
    }

    /**
     * Localize the SNMPv3 users' keys through this cache (a manager's, {@link
     * dev.puresnmp.client.SnmpManager#trapReceiver()}) instead of one of the receiver's own.
     */
    public Builder keyCache(UsmKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * How many SNMPv3 sender engines' clocks (and, with the receiver's own key cache, keys) are kept;
     * {@value #DEFAULT_MAX_ENGINES} by default: bounded memory, an O(1) lookup. With more engines, the
     * least recently heard one's clock is forgotten (its next trap sets it again) and the key cache starts
     * over (a key localization costs two hash runs over a megabyte).
     */
    public Builder maxEngines(int maxEngines) {
      if (maxEngines < 1) {
        throw new IllegalArgumentException("maxEngines must be positive, not " + maxEngines);
      }
      this.maxEngines = maxEngines;
      return this;
    }

    /** An SNMPv3 user whose traps and informs are accepted from any engine. */
    public Builder user(Credentials.V3 user) {
      users.add(new UsmNotifications.Binding(Objects.requireNonNull(user, "user"), null));
      return this;
    }

    /** An SNMPv3 user whose traps are accepted from the engine {@code engineId} only. */
    public Builder user(Credentials.V3 user, Bytes engineId) {
      users.add(new UsmNotifications.Binding(Objects.requireNonNull(user, "user"), Objects.requireNonNull(engineId, "engineId")));
      return this;
    }

    /** This receiver's SNMPv3 engine ID, the one informs are sent to; a random one by default. */
    public Builder engineId(Bytes engineId) {
      this.engineId = UsmParameters.checkEngineId(Objects.requireNonNull(engineId, "engineId"));
      return this;
    }

    /** Where to listen: 0.0.0.0:162 by default (binding below 1024 needs the privilege); port 0 picks a free one. */
    public Builder bind(Endpoint bind) {
      this.bind = Objects.requireNonNull(bind, "bind");
      return this;
    }

    /** A community to accept (any number of them); with none, every community is accepted. */
    public Builder community(String community) {
      communities.add(Bytes.utf8(Objects.requireNonNull(community, "community")));
      return this;
    }

    /**
     * Receives each notification on the receiver's delivery thread (or the receive thread, {@link
     * #handlerOnReceiveThread()}), one at a time, in arrival order.
     */
    public Builder handler(Consumer<Notification> handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * How many bytes of datagrams the notifications waiting for a slow handler may come from before new
     * ones are dropped (and counted in {@code queueFull}); {@value #DEFAULT_MAX_QUEUED_BYTES} by default.
     */
    public Builder maxQueuedBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxQueuedBytes must be positive, not " + bytes);
      }
      this.maxQueuedBytes = bytes;
      return this;
    }

    /** How many notifications may wait for a slow handler before new ones are dropped (and counted). */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queue capacity must be positive, not " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Binds and starts receiving. */
    public TrapReceiver start() {
      if (handler == null) {
        throw new IllegalStateException("a TrapReceiver needs a handler");
      }
      return new TrapReceiver(this);
    }
  }
}
