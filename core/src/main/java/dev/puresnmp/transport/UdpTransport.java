package dev.puresnmp.transport;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP engine: one non-blocking socket per address family and one selector thread carry every
 * outstanding request to every endpoint. Replies are matched by source endpoint and correlation id; a
 * retry resends the same bytes under the same id (an adaptive one numbers the attempt in the id's low
 * bits), so a late reply to attempt 1 completes the request during attempt 2. Timeouts come from one hashed wheel served by the selector thread. Futures complete
 * on an executor, not on the selector thread (unless the executor is {@code Runnable::run}). Stray, duplicate, wrong-source and unparsable datagrams
 * are dropped, counted ({@link #counters()}) and logged at DEBUG.
 *
 * <pre>{@code
 * try (UdpTransport udp = UdpTransport.builder().build()) {
 *   int id = udp.nextRequestId();
 *   byte[] get = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(id, oids)));
 *   byte[] reply = udp.send(Endpoint.of("127.0.0.1", 161), get, Duration.ofSeconds(1), 3).join();
 * }
 * }</pre>
 *
 * <p>ICMP "port unreachable" is not visible on an unconnected UDP socket (Linux reports it only to
 * connected ones), so a request to a closed port is retried like a lost one and fails with {@link
 * SnmpTimeoutException} after its attempts.
 */
public final class UdpTransport implements Sender, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UdpTransport.class);

  /** The largest UDP payload over IPv4 (65,535 − 8 − 20). */
  public static final int MESSAGE_MAX_SIZE = 65_507;

  /** Default limit on requests in flight; more wait in order, in memory the caller already holds. */
  public static final int DEFAULT_MAX_OUTSTANDING = 100_000;

  /** Asked of the kernel for each socket; a 208 KiB buffer drops replies at a few hundred in flight. */
  public static final int DEFAULT_BUFFER_SIZE = 4 << 20;

  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int WHEEL_BUCKETS = 512;
  private static final int MAX_READS_PER_WAKEUP = 4096;

  /**
   * An adaptive request's attempts are numbered in its id's low bits (4): {@link #nextRequestId} leaves
   * them zero, a retry sets them, the agent echoes them, and the reply says which attempt it answers, so
   * that every answered attempt is a round-trip sample (TCP's timestamps do this for RFC 6298). The
   * reply's id is set back before anyone else sees it.
   */
  static final int ATTEMPT_NUMBERS = 16;

  static final int ATTEMPT_MASK = ATTEMPT_NUMBERS - 1;

  /** A retry waits the timeout plus up to this fraction of it (1/8), at random: see {@link #retryJitter}. */
  static final int RETRY_JITTER_DIVISOR = 8;

  /**
   * With nothing outstanding the selector first naps (selects with this timeout) instead of sleeping until
   * woken: a request sent meanwhile whose deadline comes after the nap needs no {@code wakeup()} (an
   * eventfd write plus a thread wake-up per request in a one-at-a-time loop). After {@link
   * #NAPS_BEFORE_DEEP_SLEEP} quiet naps it sleeps until woken, so an idle transport costs nothing.
   */
  private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static final int NAPS_BEFORE_DEEP_SLEEP = 10;

  /** {@link #napUntil} while the selector sleeps until woken. */
  private static final long DEEP_SLEEP = Long.MIN_VALUE;

  private final CorrelationId correlationId;
  private final int maxOutstanding;

  /** The sockets, opened on first use, and the selector they are registered with. */
  private final UdpSockets sockets;
  private final Selector selector;
  /** Where and how ended requests complete; its per-cycle lists are the selector thread's. */
  private final Completions completions;
  private final Thread thread;
  private final PendingTable table = new PendingTable();
  private final TimeoutWheel wheel;
  private final AtomicReference<PendingRequest> handOff = new AtomicReference<>();
  private final Queue<PendingRequest> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger nextId;
  private volatile boolean selectorSleeping;
  /** While {@link #selectorSleeping}: when its nap ends by itself (System.nanoTime()), or DEEP_SLEEP. */
  private volatile long napUntil = DEEP_SLEEP;
  private volatile boolean closed;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong retransmitted = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong unmatched = new AtomicLong();
  private final AtomicLong wrongSource = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong unparsable = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();

  private UdpTransport(Builder b) {
    this.correlationId = b.correlationId;
    this.completions = new Completions(b.executor, THREADS.get() + 1);
    this.maxOutstanding = b.maxOutstanding;
    this.nextId = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
    this.sockets = new UdpSockets(b.receiveBufferSize, b.sendBufferSize, () -> closed);
    this.selector = sockets.selector();
    this.wheel = new TimeoutWheel(TICK_NANOS, WHEEL_BUCKETS, System.nanoTime());
    this.thread = new Thread(this::loop, "puresnmp-udp-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A request-id for the next request: random start, then counting up in steps of 16, never one still
   * pending. Ids are 31-bit positive, as most agents expect. The low four bits are zero: an adaptive
   * request numbers its retries there (see {@link #send(Endpoint, byte[], Duration, int, ReplyCheck,
   * boolean, RttEstimator)}).
   */
  public int nextRequestId() {
    while (true) {
      int id = nextId.getAndAdd(ATTEMPT_NUMBERS) & Integer.MAX_VALUE & ~ATTEMPT_MASK;
      if (id != 0 && !table.containsId(id)) {
        return id;
      }
    }
  }

  /**
   * Sends {@code packet} to {@code endpoint} up to {@code attempts} times, each waiting {@code timeout}
   * (a resend up to an eighth longer, at random), and completes with the first reply from that endpoint that carries the packet's correlation id.
   * Cancelling the future forgets the request.
   *
   * @throws IllegalArgumentException if the packet has no readable id, or one already pending to the
   *     same endpoint
   */
  @Override
  public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return send(endpoint, packet, timeout, attempts, ReplyCheck.ANY, false, null);
  }


  /**
   * {@link #send}, completing on the I/O thread: for the library's own next steps (a walk's next page),
   * which decode, check and send on and never block; the user's result is handed to the {@link
   * #executor()} once, at the end.
   */
  @Override
  public CompletableFuture<byte[]> sendInternal(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return send(endpoint, packet, timeout, attempts, ReplyCheck.ANY, true, null);
  }

  /** Where futures complete (but those of {@link #sendInternal}). */
  public Executor executor() {
    return completions.executor();
  }

  /**
   * {@link #send} (or {@link #sendInternal}), completing only with a reply that {@code check} accepts (it
   * runs on the I/O thread); with an {@code rtt}, each attempt waits what it estimates, at most {@code timeout}.
   * With an {@code rtt}, a v1/v2c packet whose request-id came from {@link #nextRequestId} goes out with
   * its attempt's number in the id's low four bits, so that a reply tells which attempt it answers; the
   * reply handed back carries the id as it was sent first.
   */
  @Override
  public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts, ReplyCheck check, boolean internal,
      RttEstimator rtt) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(packet, "packet");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, not " + timeout);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
    }
    if (packet.length > MESSAGE_MAX_SIZE) {
      throw new IllegalArgumentException("packet of " + packet.length + " bytes exceeds " + MESSAGE_MAX_SIZE);
    }
    long id = correlationId.read(packet, 0, packet.length);
    if (id == CorrelationId.NONE) {
      throw new IllegalArgumentException("packet has no request-id or msgID to match a reply with");
    }
    int tagAt = rtt != null && id > 0 && (id & ATTEMPT_MASK) == 0 ? correlationId.lastIdByte(packet, 0, packet.length) : -1;
    PendingRequest p = new PendingRequest(this, endpoint, packet, id, timeout.toNanos(), attempts, check, internal, rtt, tagAt);
    if (closed) {
      p.completeExceptionally(closedException());
      return p;
    }
    // Invariant: a request holds an in-flight slot exactly while it is in the table.
    if (inFlight.incrementAndGet() > maxOutstanding) {
      inFlight.decrementAndGet();
      waiting.add(p); // back-pressure: the selector thread sends it when a slot frees
      wakeIfSleeping();
      return p;
    }
    p.firstAttempt(System.nanoTime()); // before the table's lock publishes p to the I/O thread, which may see its reply first
    if (!table.add(p)) {
      inFlight.decrementAndGet();
      throw new IllegalArgumentException("request-id " + id + " is already pending to " + endpoint);
    }
    if (closed && retire(p)) {
      p.completeExceptionally(closedException()); // closed while we were adding it
      return p;
    }
    transmit(p);
    return p;
  }

  /** Takes {@code p} out of the table and frees its slot; false if it was out already. */
  private boolean retire(PendingRequest p) {
    if (table.remove(p)) {
      inFlight.decrementAndGet();
      return true;
    }
    return false;
  }

  /** First attempt, on the caller's thread: the cheapest place to send from. */
  private void transmit(PendingRequest p) {
    PendingRequest head;
    do {
      head = handOff.get();
      p.nextNew = head;
    } while (!handOff.compareAndSet(head, p));
    if (selectorSleeping) {
      long nap = napUntil;
      if (nap == DEEP_SLEEP || p.deadline - nap < TICK_NANOS) {
        selector.wakeup(); // it must file the deadline before it passes
      }
    }
    sendPacket(p, p.packet);
  }

  private void wakeIfSleeping() {
    if (selectorSleeping) {
      selector.wakeup();
    }
  }

  private void sendPacket(PendingRequest p, byte[] packet) {
    try {
      int n = sockets.send(p.endpoint, packet);
      if (n == 0) {
        sendFailures.incrementAndGet(); // socket buffer full: like a lost packet, the next attempt resends
      } else {
        sent.incrementAndGet();
      }
      if (log.isDebugEnabled()) {
        log.debug("sent {} bytes to {} (id {}, attempt {}/{})\n{}", packet.length, p.endpoint, p.id, p.attemptsMade, p.attempts, Hexdump.of(packet, 0, packet.length));
      }
    } catch (IOException | RuntimeException e) {
      sendFailures.incrementAndGet();
      if (retire(p)) {
        TransportException failure = new TransportException(p.endpoint, "cannot send to " + p.endpoint + ": " + e.getMessage(), e);
        completions.failOnExecutor(p, failure);
      }
    }
  }

  /** Sends {@code packet} once from this transport's socket, expecting no answer (a trap). */
  @Override
  public CompletableFuture<Void> sendOnly(Endpoint endpoint, byte[] packet) {
    try {
      int n = sockets.send(endpoint, packet);
      if (n == 0) {
        sendFailures.incrementAndGet();
        return CompletableFuture.failedFuture(new TransportException(endpoint, "cannot send to " + endpoint + ": the socket's send buffer is full", null));
      }
      sent.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    } catch (IOException | RuntimeException e) {
      sendFailures.incrementAndGet();
      return CompletableFuture.failedFuture(new TransportException(endpoint, "cannot send to " + endpoint + ": " + e.getMessage(), e));
    }
  }

  /** Called by {@link PendingRequest#cancel}: the id is free again, a late reply will be dropped. */
  void forget(PendingRequest p) {
    if (!retire(p)) {
      waiting.remove(p);
    }
  }

  // ---- the selector thread ----

  private final java.util.function.Consumer<PendingRequest> onExpired = this::expired;
  private int quietNaps;

  private void loop() {
    try {
      while (!closed) {
        sockets.registerNew();
        long now = System.nanoTime();
        boolean idle = wheel.isEmpty() && handOff.get() == null && waiting.isEmpty();
        if (idle) {
          boolean deep = quietNaps >= NAPS_BEFORE_DEEP_SLEEP;
          napUntil = deep ? DEEP_SLEEP : now + NAP_NANOS;
          selectorSleeping = true;
          int ready = 0;
          if (handOff.get() == null && waiting.isEmpty() && !closed) {
            ready = deep ? selector.select() : selector.select(TimeUnit.NANOSECONDS.toMillis(NAP_NANOS));
          }
          selectorSleeping = false;
          quietNaps = ready == 0 && handOff.get() == null ? quietNaps + 1 : 0;
        } else {
          quietNaps = 0;
          long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(wheel.nanosToNextTick(now)));
          selector.select(waitMs);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid() && key.isReadable()) {
            readAll((DatagramChannel) key.channel());
          }
        }
        selector.selectedKeys().clear();
        scheduleNewRequests();
        wheel.advance(System.nanoTime(), onExpired);
        sendWaiting();
        completions.flush();
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        log.error("UDP transport loop failed; failing every pending request", e);
      }
    } finally {
      sockets.close();
      failEverything();
    }
  }

  /** Selector thread only: receives into one direct buffer, copies out each datagram, caches its source. */
  private final DatagramReader reader = new DatagramReader();

  private void readAll(DatagramChannel ch) throws IOException {
    for (int i = 0; i < MAX_READS_PER_WAKEUP; i++) {
      byte[] data = reader.receive(ch);
      if (data == null) {
        return;
      }
      received.incrementAndGet();
      onDatagram(data, reader.source());
      if (inFlight.get() == 0) {
        return; // nothing more to wait for: skip the read that would only say EAGAIN (a stray comes next select)
      }
    }
  }

  private void onDatagram(byte[] data, Endpoint from) {
    long id = correlationId.read(data, 0, data.length);
    if (log.isDebugEnabled()) {
      log.debug("received {} bytes from {} (id {})\n{}", data.length, from, id == CorrelationId.NONE ? "none" : id, Hexdump.of(data, 0, data.length));
    }
    if (id == CorrelationId.NONE) {
      unparsable.incrementAndGet();
      log.debug("dropped {} bytes from {}: no request-id", data.length, from);
      return;
    }
    PendingRequest p = table.find(id, from);
    int attempt = 0;
    boolean sentHere = p != null;
    if (p == null && (id & ATTEMPT_MASK) != 0) {
      PendingRequest numbered = table.find(id & ~ATTEMPT_MASK, from);
      sentHere = numbered != null;
      if (sentHere && numbered.tagAt >= 0 && (id & ATTEMPT_MASK) < numbered.attemptsMade) {
        int at = correlationId.lastIdByte(data, 0, data.length);
        if (at >= 0) {
          data[at] &= ~ATTEMPT_MASK; // the id as the request was first sent, for whoever reads the reply
          p = numbered;
          attempt = (int) (id & ATTEMPT_MASK);
        }
      }
    }
    if (p == null) {
      if (!sentHere && (table.containsId(id) || table.containsId(id & ~ATTEMPT_MASK))) {
        wrongSource.incrementAndGet();
        log.debug("dropped reply with id {} from {}: the request went elsewhere", id, from);
      } else {
        unmatched.incrementAndGet();
        log.debug("dropped reply with id {} from {}: nothing pending (late, duplicate or stray)", id, from);
      }
      return;
    }
    if (!p.check.accepts(data)) {
      rejected.incrementAndGet(); // a forgery or a replay: the request waits on for its true reply
      return;
    }
    if (!retire(p)) {
      return; // cancelled meanwhile
    }
    matched.incrementAndGet();
    if (p.rtt != null) {
      p.answered(System.nanoTime(), attempt);
    }
    wheel.remove(p);
    finish(p, data, null);
  }

  private void scheduleNewRequests() {
    PendingRequest p = handOff.getAndSet(null);
    while (p != null) {
      PendingRequest next = p.nextNew;
      p.nextNew = null;
      if (!p.retired) {
        wheel.schedule(p);
      }
      p = next;
    }
  }

  private void expired(PendingRequest p) {
    if (p.retired) {
      return; // answered, cancelled or failed since it was filed
    }
    if (p.attemptsMade < p.attempts) {
      long wait = p.nextAttemptNanos();
      p.attemptsMade++;
      p.deadline = System.nanoTime() + wait + retryJitter(wait);
      retransmitted.incrementAndGet();
      wheel.schedule(p);
      sendPacket(p, p.attemptPacket(System.nanoTime())); // a late reply to any attempt completes it
      return;
    }
    if (retire(p)) {
      p.lastAttemptTimedOut();
      timedOut.incrementAndGet();
      finish(p, null, new SnmpTimeoutException(p.endpoint, p.attempts, Duration.ofNanos(p.timeoutNanos), p.rtt != null));
    }
  }

  /**
   * Up to {@value #RETRY_JITTER_DIVISOR}th of the timeout more, at random: requests that went out together
   * and were lost together (an agent's full receive buffer) are not resent together, so the burst that
   * overflowed it does not repeat itself.
   */
  private static long retryJitter(long timeoutNanos) {
    return ThreadLocalRandom.current().nextLong(timeoutNanos / RETRY_JITTER_DIVISOR + 1);
  }

  private void sendWaiting() {
    while (!waiting.isEmpty()) {
      if (inFlight.incrementAndGet() > maxOutstanding) {
        inFlight.decrementAndGet();
        return;
      }
      PendingRequest p = waiting.poll();
      if (p == null) {
        inFlight.decrementAndGet();
        return;
      }
      if (p.isDone() || !table.add(p)) {
        inFlight.decrementAndGet();
        if (!p.isDone()) {
          completions.failOnExecutor(p, new IllegalArgumentException("request-id " + p.id + " is already pending to " + p.endpoint));
        }
        continue;
      }
      p.firstAttempt(System.nanoTime());
      wheel.schedule(p);
      sendPacket(p, p.packet);
    }
  }

  /** Selector thread: {@code p} ended; it completes when this cycle's completions are flushed. */
  private void finish(PendingRequest p, byte[] reply, Throwable failure) {
    completions.add(p, reply, failure);
  }

  private void failEverything() {
    List<PendingRequest> all = table.clear();
    inFlight.set(0);
    all.addAll(waiting);
    waiting.clear();
    if (all.isEmpty()) {
      return;
    }
    TransportException closedEx = closedException();
    completions.completeOnExecutor(all.toArray(new PendingRequest[0]), all.stream().map(x -> (Object) closedEx).toArray());
  }

  private TransportException closedException() {
    return new TransportException(null, "UDP transport closed with the request still pending", null);
  }

  /** The selector thread, for tests that check it ends. */
  Thread ioThread() {
    return thread;
  }

  /**
   * Whether {@code t} is this transport's I/O thread, where callbacks run when the executor is {@code
   * Runnable::run}: code there must never wait for a reply, which only this thread could read.
   */
  public boolean isIoThread(Thread t) {
    return t == thread;
  }

  /** Requests in flight: sent and not yet answered, timed out or cancelled (not those still waiting to go). */
  public int outstanding() {
    return table.size();
  }

  /** What the transport did so far. */
  public Counters counters() {
    return new Counters(
        sent.get(), retransmitted.get(), received.get(), matched.get(), timedOut.get(), unmatched.get(), wrongSource.get(), rejected.get(), unparsable.get(), sendFailures.get(), table.size());
  }

  /** The local port of the IPv4 socket (opened on first use), for diagnostics and tests. */
  public int localPort() {
    return sockets.localPort();
  }

  /**
   * Stops the selector thread, closes the sockets and fails every pending request with {@link
   * TransportException}. Waits for the thread to end, and (at most 5 s) for its own completion pool to run
   * what it was given and stop, unless called from that pool.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    selector.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    completions.close();
  }

  /**
   * What a transport did: datagrams sent (first attempts and retries), retransmissions, datagrams
   * received, replies matched to a request, requests timed out, and drops: replies nobody waited for (late,
   * duplicate, stray), replies from another endpoint than the request went to, replies the request's
   * {@link ReplyCheck} refused (wrong community, digest, time window: see the client's drop counters),
   * datagrams without a readable id; sends that failed or found the socket buffer full. {@code pending} is the requests
   * outstanding now.
   */
  public record Counters(
      long sent,
      long retransmitted,
      long received,
      long matched,
      long timedOut,
      long unmatched,
      long wrongSource,
      long rejected,
      long unparsable,
      long sendFailures,
      long pending) {}

  /**
   * Configuration of a {@link UdpTransport}.
   *
   * <pre>{@code
   * UdpTransport udp = UdpTransport.builder().maxOutstanding(200_000).receiveBufferSize(8 << 20).build();
   * }</pre>
   */
  public static final class Builder {
    private CorrelationId correlationId = CorrelationId.SNMP;
    private Executor executor;
    private int maxOutstanding = DEFAULT_MAX_OUTSTANDING;
    private int receiveBufferSize = DEFAULT_BUFFER_SIZE;
    private int sendBufferSize = DEFAULT_BUFFER_SIZE;

    private Builder() {}

    /** How to read the id that matches a reply to its request; {@link CorrelationId#SNMP} by default. */
    public Builder correlationId(CorrelationId correlationId) {
      this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
      return this;
    }

    /**
     * Where futures complete. By default a pool of the transport's own (one daemon thread per core, shut
     * down by {@link UdpTransport#close()}): not the common pool, whose workers drop their thread-locals
     * after every task since JDK 17, so the codec's buffers and the JDK's direct-buffer cache were made
     * anew for every reply (6–8 KB per request instead of about 1 KB, measured). {@code Runnable::run}
     * completes them on the I/O thread: only for callbacks that never block ({@link #isIoThread}).
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Requests in flight at most; more wait their turn. {@value #DEFAULT_MAX_OUTSTANDING} by default. */
    public Builder maxOutstanding(int maxOutstanding) {
      if (maxOutstanding < 1) {
        throw new IllegalArgumentException("maxOutstanding must be positive, not " + maxOutstanding);
      }
      this.maxOutstanding = maxOutstanding;
      return this;
    }

    /** SO_RCVBUF to ask for; 4 MiB by default (the kernel caps it at net.core.rmem_max). */
    public Builder receiveBufferSize(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("receiveBufferSize must be positive, not " + bytes);
      }
      this.receiveBufferSize = bytes;
      return this;
    }

    /** SO_SNDBUF to ask for; 4 MiB by default. */
    public Builder sendBufferSize(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("sendBufferSize must be positive, not " + bytes);
      }
      this.sendBufferSize = bytes;
      return this;
    }

    public UdpTransport build() {
      return new UdpTransport(this);
    }
  }
}
