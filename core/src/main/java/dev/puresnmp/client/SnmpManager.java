package dev.puresnmp.client;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.notification.TrapReceiver;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.AgentPacer;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Transport;
import dev.puresnmp.transport.UdpTransport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The manager side of SNMP, in one object: it owns the UDP transport (one socket per address family, one
 * I/O thread, one completion pool), per-agent pacing ({@link AgentPacer}) and the host-name cache, and gives out clients that
 * cost nothing but their settings: no thread, no socket. Build one per application (or use {@link
 * #defaultManager()}), make as many clients from it as there are agents, close it at the end.
 *
 * <pre>{@code
 * try (SnmpManager manager = SnmpManager.builder().build()) {
 *   SnmpClient router = manager.client("192.0.2.1", Credentials.v2c("public"));
 *   SnmpClient sw = manager.clientBuilder("switch-7.example:1161", Credentials.v2c("s3cret")).retries(2).build();
 *   Value up = router.get("1.3.6.1.2.1.1.3.0").join();
 * }
 * }</pre>
 *
 * <p>Closing a manager fails its pending and waiting requests with {@link
 * dev.puresnmp.transport.TransportException} and stops its threads; closing a client closes nothing
 * shared. The {@link #defaultManager()} lives as long as the process, and its {@link #close()} does
 * nothing.
 */
public final class SnmpManager implements AutoCloseable {
  /**
   * Requests in flight to one agent at most, by default; more wait their turn in order: {@value
   * AgentPacer#DEFAULT_MAX_OUTSTANDING_PER_AGENT}, measured against snmpd ({@link AgentPacer}).
   */
  public static final int DEFAULT_MAX_OUTSTANDING_PER_AGENT = AgentPacer.DEFAULT_MAX_OUTSTANDING_PER_AGENT;

  /** How long a host name's address is used before it is looked up again. */
  public static final Duration DEFAULT_HOST_TTL = Duration.ofSeconds(60);

  private final UdpTransport transport;
  private final boolean ownsTransport;
  private final boolean isDefault;
  private final int maxOutstandingPerAgent;
  private final Mib mib; // null: none
  final AgentPacer pacer;
  final HostResolver resolver;
  /** SNMPv3: the agents' engines, the users' keys and this manager's own engine, shared by its clients. */
  final Usm usm;
  /** The replies its clients' checks refused, by why. */
  final ReplyDrops drops = new ReplyDrops();
  private volatile boolean closed;

  private SnmpManager(Builder b, boolean isDefault) {
    this.isDefault = isDefault;
    this.ownsTransport = b.transport == null;
    this.transport = b.transport != null ? b.transport : b.newTransport();
    this.maxOutstandingPerAgent = b.maxOutstandingPerAgent;
    this.mib = b.mib;
    this.pacer = isDefault ? Transport.sharedPacer() : new AgentPacer(transport, maxOutstandingPerAgent);
    this.resolver = new HostResolver(b.hostLookup, b.hostTtl);
    this.usm = new Usm(b.engineId, b.engineBoots);
  }

  private static final class Default {
    static final SnmpManager INSTANCE = new SnmpManager(new Builder().transport(Transport.shared()), true);
  }

  /**
   * The process-wide manager, started on first use with daemon threads: what {@link
   * SnmpClient#builder} uses when no manager is named, on the same transport as the {@link Transport}
   * functions. It cannot be closed.
   */
  public static SnmpManager defaultManager() {
    return Default.INSTANCE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A client of the agent at "host", "host:port", "[v6]:port" or "v6" (port 161 when none is given). */
  public SnmpClient client(String agent, Credentials credentials) {
    return clientBuilder(agent, credentials).build();
  }

  /** A client of the agent at {@code endpoint}. */
  public SnmpClient client(Endpoint endpoint, Credentials credentials) {
    return clientBuilder(endpoint, credentials).build();
  }

  /** Settings for a client of this manager, to change before {@link SnmpClient.Builder#build()}. */
  public SnmpClient.Builder clientBuilder(String agent, Credentials credentials) {
    return SnmpClient.builder(agent, credentials).manager(this);
  }

  public SnmpClient.Builder clientBuilder(Endpoint endpoint, Credentials credentials) {
    return SnmpClient.builder(endpoint, credentials).manager(this);
  }

  /**
   * This manager's SNMPv3 engine ID (RFC 3411 §3.1.1.1): the SNMPv3 traps its clients send carry it, and
   * receivers made by {@link #trapReceiver()} answer informs with it. Random unless {@link
   * Builder#engineId} set it.
   */
  public Bytes engineId() {
    return usm.local().id;
  }

  /** This manager's engine boots (RFC 3414 §2.2.1): 1 unless {@link Builder#engineBoots} set it. */
  public int engineBoots() {
    return usm.local().boots();
  }

  /**
   * Settings for a {@link TrapReceiver} that is this manager's: it answers informs as this manager's
   * engine ({@link #engineId()}, {@link #engineBoots()}) and localizes keys through the manager's cache,
   * so that the same user's keys are hashed once for requests and notifications alike. It binds its own
   * port (162 by default) and is closed on its own.
   */
  public TrapReceiver.Builder trapReceiver() {
    return TrapReceiver.builder().engineId(engineId()).engineBoots(engineBoots()).keyCache(usm.keys);
  }

  /** The transport this manager sends through (its counters tell what it did). */
  public UdpTransport transport() {
    return transport;
  }

  /**
   * The replies dropped so far, by why: forged (another source, request-id, version or community; a
   * wrong SNMPv3 digest or security level), replayed (outside the SNMPv3 time window), late or
   * duplicated. A dropped reply never completes a request: it waits on for its true reply.
   */
  public DroppedReplies droppedReplies() {
    return drops.snapshot(transport);
  }

  /** The default limit of requests in flight per agent for this manager's clients. */
  public int maxOutstandingPerAgent() {
    return maxOutstandingPerAgent;
  }

  /** The MIB its clients name OIDs with unless they are given their own ({@link Builder#mib}). */
  public Optional<Mib> mib() {
    return Optional.ofNullable(mib);
  }

  /** Requests waiting for their agent's turn, over all agents (not yet sent). */
  public int waiting() {
    return pacer.waiting();
  }

  /**
   * Fails every request still waiting or in flight with {@link
   * dev.puresnmp.transport.TransportException}, stops the threads and closes the sockets (a transport
   * given to {@link Builder#transport} stays open). Does nothing for the {@link #defaultManager()}.
   */
  @Override
  public void close() {
    if (isDefault || closed) {
      return;
    }
    closed = true;
    pacer.close();
    resolver.close();
    if (ownsTransport) {
      transport.close();
    }
    usm.keys.clear(); // keys are kept no longer than the manager that needs them
  }

  /**
   * Settings of an {@link SnmpManager}.
   *
   * <pre>{@code
   * SnmpManager m = SnmpManager.builder().maxOutstandingPerAgent(16).hostTtl(Duration.ofMinutes(5)).build();
   * }</pre>
   */
  public static final class Builder {
    private UdpTransport transport;
    private Executor executor;
    private int maxOutstanding = UdpTransport.DEFAULT_MAX_OUTSTANDING;
    private int maxOutstandingPerAgent = DEFAULT_MAX_OUTSTANDING_PER_AGENT;
    private Duration hostTtl = DEFAULT_HOST_TTL;
    private HostLookup hostLookup = HostLookup.SYSTEM;
    private Bytes engineId;
    private int engineBoots = 1;
    private Mib mib;

    private Builder() {}

    /**
     * The MIB this manager's clients name OIDs with, unless {@link SnmpClient.Builder#mib} gives one
     * their own: load it once, share it. None by default (dotted numbers only).
     *
     * <pre>{@code
     * SnmpManager m = SnmpManager.builder().mib(Mib.builtIn()).build();
     * Value name = m.client("192.0.2.1", Credentials.v2c("public")).get("sysName.0").join();
     * }</pre>
     */
    public Builder mib(Mib mib) {
      this.mib = Objects.requireNonNull(mib, "mib");
      return this;
    }

    /**
     * This manager's own SNMPv3 engine ID (snmptrap -e): what a receiver that accepts its SNMPv3 traps
     * knows it by (snmptrapd's {@code createUser -e}). A random one by default, new each run; give a fixed
     * one to a manager that sends SNMPv3 traps.
     */
    public Builder engineId(Bytes engineId) {
      this.engineId = UsmParameters.checkEngineId(Objects.requireNonNull(engineId, "engineId"));
      return this;
    }

    /**
     * This manager's engine boots (RFC 3414 §2.2.1), 1 by default. Its engine time counts the seconds
     * since 2000-01-01 UTC, so a restarted manager needs no higher boots for its traps to stay in a
     * receiver's time window; give a persisted, increasing count where the receiver expects one.
     */
    public Builder engineBoots(int engineBoots) {
      this.engineBoots = UsmParameters.checkEngineBoots(engineBoots);
      return this;
    }

    /**
     * Where futures complete and user callbacks run (walk listeners and consumers included): by default
     * a pool of the manager's own (one daemon thread per core). Library code never blocks on it.
     *
     * <p>{@code executor(Runnable::run)} runs every callback on the transport's I/O thread, for callbacks
     * that never block: it spares the hand-off (a context switch) per result. But a callback that blocks
     * there stalls every request of the manager, and a {@link BlockingSnmpClient} call from one would wait
     * forever: it throws {@link IllegalStateException} instead.
     *
     * <pre>{@code
     * SnmpManager m = SnmpManager.builder().executor(Runnable::run).build();
     * m.client("192.0.2.1", Credentials.v2c("public")).get("1.3.6.1.2.1.1.3.0").thenAccept(counts::add);
     * }</pre>
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Requests in flight over all agents at most; more wait. {@value UdpTransport#DEFAULT_MAX_OUTSTANDING} by default. */
    public Builder maxOutstanding(int maxOutstanding) {
      if (maxOutstanding < 1) {
        throw new IllegalArgumentException("maxOutstanding must be positive, not " + maxOutstanding);
      }
      this.maxOutstanding = maxOutstanding;
      return this;
    }

    /**
     * Requests in flight to one agent at most, for clients that do not set their own; {@value
     * #DEFAULT_MAX_OUTSTANDING_PER_AGENT} by default.
     */
    public Builder maxOutstandingPerAgent(int maxOutstandingPerAgent) {
      if (maxOutstandingPerAgent < 1) {
        throw new IllegalArgumentException("maxOutstandingPerAgent must be positive, not " + maxOutstandingPerAgent);
      }
      this.maxOutstandingPerAgent = maxOutstandingPerAgent;
      return this;
    }

    /** How long a looked-up host name's address is used; 60 s by default. */
    public Builder hostTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("hostTtl must not be negative, not " + ttl);
      }
      this.hostTtl = ttl;
      return this;
    }

    /** How host names become addresses; {@link HostLookup#SYSTEM} by default. */
    public Builder hostLookup(HostLookup hostLookup) {
      this.hostLookup = Objects.requireNonNull(hostLookup, "hostLookup");
      return this;
    }

    /**
     * Send through this transport instead of one of the manager's own; it stays open when the manager
     * closes, and {@link #executor} and {@link #maxOutstanding} are then the transport's business.
     */
    public Builder transport(UdpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    private UdpTransport newTransport() {
      UdpTransport.Builder b = UdpTransport.builder().maxOutstanding(maxOutstanding);
      if (executor != null) {
        b.executor(executor);
      }
      return b.build();
    }

    public SnmpManager build() {
      return new SnmpManager(this, false);
    }
  }
}
