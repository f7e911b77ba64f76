package dev.puresnmp.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-agent pacing, as a {@link Sender} in front of another: at most {@code limit} requests are in flight
 * to one agent endpoint; the rest wait here, in order, without blocking their callers, and go out as
 * answers come back. An agent's receive buffer holds only so many datagrams (snmpd's default 208 KiB: a few hundred),
 * and a burst beyond it is lost, then resent as the same burst; pacing keeps the burst below that.
 *
 * <p>A request that waits longer than its whole budget (timeout × attempts) fails with {@link
 * SnmpTimeoutException} when its turn comes, as it would have had it been sent: an agent that answers
 * nothing fails a queue of thousands after one budget, not after thousands of them.
 *
 * <pre>{@code
 * AgentPacer paced = new AgentPacer(udp, 64);
 * CompletableFuture<byte[]> reply = paced.send(agent, packet, Duration.ofSeconds(1), 6);   // waits its turn
 * }</pre>
 */
public final class AgentPacer implements Sender {
  /**
   * Requests in flight to one agent at most, by default. Measured against Net-SNMP's snmpd on loopback
   * (its default 208 KiB receive buffer; 2,000 GETs at once, no retries): none lost up to 128 in flight,
   * 3% lost at 256, 16% at 512, 70-85% at 2,000; 64 keeps a margin of two and is as fast (docs/client.md).
   */
  public static final int DEFAULT_MAX_OUTSTANDING_PER_AGENT = 64;

  private final Sender sender;
  private final int defaultLimit;
  /** Paces {@code sender} at {@code defaultLimit} requests in flight per agent. */
  public AgentPacer(Sender sender, int defaultLimit) {
    this.sender = java.util.Objects.requireNonNull(sender, "sender");
    if (defaultLimit < 1) {
      throw new IllegalArgumentException("defaultLimit must be positive, not " + defaultLimit);
    }
    this.defaultLimit = defaultLimit;
  }

  /** Sends through the paced sender, at most the default limit in flight to {@code endpoint}. */
  @Override
  public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return send(sender, endpoint, packet, timeout, attempts, defaultLimit, ReplyCheck.ANY, false, false);
  }

  @Override
  public CompletableFuture<byte[]> sendInternal(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return send(sender, endpoint, packet, timeout, attempts, defaultLimit, ReplyCheck.ANY, true, false);
  }

  /** The most requests in flight to one agent unless a caller says otherwise. */
  public int defaultLimit() {
    return defaultLimit;
  }

  /** Idle agents' lanes kept for reuse (a lane is a few dozen bytes); past this, idle ones are dropped. */
  static final int KEPT_IDLE_LANES = 1024;

  private final ConcurrentHashMap<Endpoint, Lane> lanes = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * One agent's requests: how many are in flight (an atomic counter, so that the common case, a free
   * slot and nobody waiting, takes no lock) and those waiting their turn (guarded by the lane).
   */
  private final class Lane implements java.util.function.BiConsumer<byte[], Throwable> {
    final Endpoint endpoint;
    /** The agent's round trip, for the requests that adapt their timeout to it: one per agent, shared by every client. */
    final RttEstimator rtt = new RttEstimator();
    final AtomicInteger inFlight = new AtomicInteger();
    final ArrayDeque<Waiting> waiting = new ArrayDeque<>(4);
    volatile int queued; // waiting.size(), readable without the lock
    volatile boolean retired; // removed from the map: callers must take a new lane

    Lane(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    /** A request of this lane's ended (the lane is its own completion callback: nothing to allocate). */
    @Override
    public void accept(byte[] reply, Throwable failure) {
      release(this);
    }
  }

  /** A request waiting its turn: the caller's future, which relays the wire future's outcome once sent. */
  private static final class Waiting extends CompletableFuture<byte[]> implements java.util.function.BiConsumer<byte[], Throwable> {
    final Sender sender;
    final byte[] packet;
    final Duration timeout;
    final int attempts;
    final int limit;
    final ReplyCheck check;
    final boolean internal;
    final boolean adaptive;
    final long queuedAt = System.nanoTime();
    volatile CompletableFuture<byte[]> sent;

    Waiting(Sender sender, byte[] packet, Duration timeout, int attempts, int limit, ReplyCheck check, boolean internal, boolean adaptive) {
      this.check = check;
      this.internal = internal;
      this.adaptive = adaptive;
      this.sender = sender;
      this.packet = packet;
      this.timeout = timeout;
      this.attempts = attempts;
      this.limit = limit;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      CompletableFuture<byte[]> s = sent;
      if (cancelled && s != null) {
        s.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }

    @Override
    public void accept(byte[] reply, Throwable failure) {
      if (failure != null) {
        completeExceptionally(failure);
      } else {
        complete(reply);
      }
    }

    boolean outlivedBudget(long now) {
      return now - queuedAt >= timeout.toNanos() * attempts;
    }
  }

  /**
   * Sends through {@code sender} (the paced one, or a test's stand-in) now if fewer than {@code limit}
   * requests are in flight to {@code endpoint} and none waits, or later, in order. Requests through
   * different senders share the agent's lane. {@code internal}: through {@link Sender#sendInternal}, for
   * the library's own next steps (the future may complete on the I/O thread).
   */
  public CompletableFuture<byte[]> send(Sender sender, Endpoint endpoint, byte[] packet, Duration timeout, int attempts, int limit, boolean internal) {
    return send(sender, endpoint, packet, timeout, attempts, limit, ReplyCheck.ANY, internal, false);
  }

  /**
   * {@link #send(Sender, Endpoint, byte[], Duration, int, int, boolean)}, completing only with a reply that
   * {@code check} accepts; {@code adaptive}: each attempt waits what the agent's measured round trip says,
   * at most {@code timeout} (the agent's {@link #roundTrip}).
   */
  public CompletableFuture<byte[]> send(Sender sender, Endpoint endpoint, byte[] packet, Duration timeout, int attempts, int limit, ReplyCheck check,
      boolean internal, boolean adaptive) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException(endpoint));
    }
    while (true) {
      Lane lane = lanes.get(endpoint);
      if (lane == null) {
        lane = lanes.computeIfAbsent(endpoint, Lane::new);
      }
      if (lane.queued == 0) {
        if (lane.inFlight.incrementAndGet() <= limit) {
          if (lane.retired) {
            lane.inFlight.decrementAndGet();
            continue;
          }
          return dispatch(lane, sender, packet, timeout, attempts, check, internal, adaptive);
        }
        lane.inFlight.decrementAndGet();
      }
      Waiting w = new Waiting(sender, packet, timeout, attempts, limit, check, internal, adaptive);
      synchronized (lane) {
        if (lane.retired) {
          continue;
        }
        lane.waiting.add(w);
        lane.queued = lane.waiting.size();
      }
      drain(lane); // a slot may have freed meanwhile, with nobody left to notice
      return w;
    }
  }

  private CompletableFuture<byte[]> dispatch(Lane lane, Sender sender, byte[] packet, Duration timeout, int attempts, ReplyCheck check, boolean internal,
      boolean adaptive) {
    CompletableFuture<byte[]> f;
    try {
      f = sender.send(lane.endpoint, packet, timeout, attempts, check, internal, adaptive ? lane.rtt : null);
    } catch (RuntimeException e) {
      release(lane);
      throw e;
    }
    f.whenComplete(lane);
    return f;
  }

  /** One request to the lane's agent has ended: let the next ones go. */
  private void release(Lane lane) {
    int left = lane.inFlight.decrementAndGet();
    if (lane.queued > 0) {
      drain(lane);
    } else if (left == 0 && lanes.size() > KEPT_IDLE_LANES) {
      synchronized (lane) {
        if (lane.inFlight.get() == 0 && lane.waiting.isEmpty()) {
          // Many agents: forget idle ones, so memory follows the agents in use. A sender that took this
          // lane just before keeps using it; its agent may briefly have two lanes' worth in flight.
          lane.retired = true;
          lanes.remove(lane.endpoint, lane);
        }
      }
    }
  }

  /** Sends the waiting requests that may go now, in order; fails those that outlived their budget. */
  private void drain(Lane lane) {
    List<Waiting> go = null;
    List<Waiting> expired = null;
    long now = System.nanoTime();
    synchronized (lane) {
      while (!lane.waiting.isEmpty()) {
        Waiting w = lane.waiting.peek();
        if (w.isDone()) { // cancelled while waiting
          lane.waiting.poll();
        } else if (w.outlivedBudget(now)) {
          lane.waiting.poll();
          expired = add(expired, w);
        } else {
          int n = lane.inFlight.get();
          if (n >= w.limit) {
            break;
          }
          if (lane.inFlight.compareAndSet(n, n + 1)) {
            lane.waiting.poll();
            go = add(go, w);
          }
        }
      }
      lane.queued = lane.waiting.size();
    }
    if (expired != null) {
      for (Waiting w : expired) {
        w.completeExceptionally(new SnmpTimeoutException(lane.endpoint, w.attempts, w.timeout));
      }
    }
    if (go != null) {
      for (Waiting w : go) {
        start(lane, w);
      }
    }
  }

  private void start(Lane lane, Waiting w) {
    CompletableFuture<byte[]> f;
    try {
      f = dispatch(lane, w.sender, w.packet, w.timeout, w.attempts, w.check, w.internal, w.adaptive);
    } catch (RuntimeException e) {
      w.completeExceptionally(e);
      return;
    }
    w.sent = f;
    if (w.isCancelled()) {
      f.cancel(true);
    }
    f.whenComplete(w);
  }

  private static <T> List<T> add(List<T> list, T item) {
    List<T> l = list == null ? new ArrayList<>() : list;
    l.add(item);
    return l;
  }

  /** Agents with a lane now (busy ones, and up to {@link #KEPT_IDLE_LANES} idle ones). */
  int lanes() {
    return lanes.size();
  }

  /**
   * The measured round trip to {@code endpoint} of the requests that adapt their timeout to it; empty
   * when it has no lane (none sent yet, or idle and forgotten among more than {@value #KEPT_IDLE_LANES}).
   */
  public Optional<RttEstimator> roundTrip(Endpoint endpoint) {
    Lane lane = lanes.get(endpoint);
    return lane == null ? Optional.empty() : Optional.of(lane.rtt);
  }

  /** Requests waiting their turn, over all agents. */
  public int waiting() {
    int n = 0;
    for (Lane lane : lanes.values()) {
      n += lane.queued;
    }
    return n;
  }

  /** Fails every waiting request with {@link TransportException}; later sends fail at once. */
  public void close() {
    closed = true;
    for (Lane lane : lanes.values()) {
      List<Waiting> all;
      synchronized (lane) {
        all = new ArrayList<>(lane.waiting);
        lane.waiting.clear();
        lane.queued = 0;
      }
      for (Waiting w : all) {
        w.completeExceptionally(closedException(lane.endpoint));
      }
    }
  }

  private static TransportException closedException(Endpoint endpoint) {
    return new TransportException(endpoint, "SNMP manager closed with the request to " + endpoint + " still waiting to be sent", null);
  }
}
