package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.VarBindList;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.HostAndPort;
import dev.puresnmp.transport.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A client of one SNMPv1/v2c agent: every operation of the original puresnmp, asynchronous ({@link
 * CompletableFuture}); {@link #blocking()} is the same client, waiting. A client is only its settings:
 * it sends through its {@link SnmpManager} (the {@link SnmpManager#defaultManager() default one} unless
 * {@link Builder#manager} names another), so a thousand clients cost no thread and no socket. Immutable:
 * {@link #newBuilder()} derives a variant on the same manager.
 *
 * <pre>{@code
 * SnmpClient client = SnmpClient.builder("127.0.0.1:161", Credentials.v2c("public")).build();
 * Value name = client.get("1.3.6.1.2.1.1.5.0").join();
 * List<VarBind> ifDescr = client.blocking().bulkwalk("1.3.6.1.2.1.2.2.1.2");
 * Table ifTable = client.blocking().table("1.3.6.1.2.1.2.2");
 * }</pre>
 *
 * <p>Futures fail with {@link dev.puresnmp.transport.SnmpTimeoutException}, {@link
 * ErrorResponseException}, {@link NoSuchOidException}, {@link FaultyAgentException}, {@link
 * dev.puresnmp.transport.TransportException} (also for a host name that does not resolve) or {@link
 * dev.puresnmp.ber.MalformedPacketException}: all {@link SnmpException}s; collected walks and tables
 * with {@link IncompleteWalkException}, which keeps the rows that came before the failure. OIDs are
 * {@link Oid}s or text ("1.3.6.1.2.1.1.5.0", a leading dot allowed); with a {@link Builder#mib Mib}, text
 * may also be a name ("sysName.0", "IF-MIB::ifDescr.3"), and {@link Table}s have column names:
 *
 * <pre>{@code
 * SnmpClient c = SnmpClient.builder("127.0.0.1", Credentials.v2c("public")).mib(Mib.builtIn()).build();
 * String name = c.blocking().get("sysName.0").asText();
 * Table ifTable = c.blocking().bulktable("ifTable");    // row.get("ifDescr"), row.indexValues()
 * }</pre>
 */
public final class SnmpClient implements AutoCloseable {
  /** Net-SNMP's defaults: 1 s per attempt, 5 retries. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  public static final int DEFAULT_RETRIES = 5;

  /** snmpbulkwalk's default -Cr. */
  public static final int DEFAULT_MAX_REPETITIONS = 10;

  /** Walks end after this many varbinds unless told otherwise. */
  public static final long DEFAULT_MAX_ROWS = 10_000_000;

  private final HostAndPort agent;
  private final Endpoint fixedEndpoint;
  private final Credentials credentials;
  private final Duration timeout;
  private final int retries;
  private final boolean adaptiveTimeout;
  private final int maxRepetitions;
  private final long maxRows;
  private final boolean lenientWalks;
  private final int maxOutstandingPerAgent;
  private final Exchange.V3Options v3;
  private final SnmpManager manager;
  private final Sender sender; // null: the manager's transport
  private final Mib mib; // null: numeric OIDs only
  private final Mib givenMib; // null: the manager's, if any
  private final Exchange exchange;
  private volatile boolean closed;

  private SnmpClient(Builder b) {
    this.agent = b.agent;
    this.fixedEndpoint = b.endpoint;
    this.credentials = b.credentials;
    this.timeout = b.timeout;
    this.retries = b.retries;
    this.adaptiveTimeout = b.adaptiveTimeout;
    this.maxRepetitions = b.maxRepetitions;
    this.maxRows = b.maxRows;
    this.lenientWalks = b.lenientWalks;
    this.v3 = b.v3;
    this.manager = b.manager != null ? b.manager : SnmpManager.defaultManager();
    this.maxOutstandingPerAgent = b.maxOutstandingPerAgent > 0 ? b.maxOutstandingPerAgent : manager.maxOutstandingPerAgent();
    this.sender = b.sender;
    this.givenMib = b.mib;
    this.mib = givenMib != null ? givenMib : manager.mib().orElse(null);
    IntSupplier ids;
    if (sender != null) {
      AtomicInteger counter = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE / 2));
      ids = () -> counter.getAndIncrement() & Integer.MAX_VALUE;
    } else {
      ids = manager.transport()::nextRequestId;
    }
    this.exchange =
        new Exchange(agent, fixedEndpoint, manager.resolver, credentials, manager.usm, manager.drops, v3, sender != null ? sender : manager.transport(), ids, manager.pacer, maxOutstandingPerAgent, timeout, retries + 1, adaptiveTimeout, manager.transport().executor());
  }

  /** A client of the agent at {@code endpoint}, on the default manager unless {@link Builder#manager} says otherwise. */
  public static Builder builder(Endpoint endpoint, Credentials credentials) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new Builder(new HostAndPort(endpoint.ip().getHostAddress(), endpoint.port()), endpoint, credentials);
  }

  /**
   * A client of the agent at "host", "host:port", "[v6]:port" or "v6" (port 161 when none is given). A
   * host name is looked up when a request is sent (and again after the manager's TTL), never here.
   *
   * @throws IllegalArgumentException on a malformed address or port
   */
  public static Builder builder(String hostAndPort, Credentials credentials) {
    HostAndPort agent = HostAndPort.parse(hostAndPort, 161);
    return new Builder(agent, agent.isLiteral() ? agent.resolve() : null, credentials);
  }

  /** A builder with this client's settings, on the same manager (and {@link Sender}, if it has one). */
  public Builder newBuilder() {
    Builder b =
        new Builder(agent, fixedEndpoint, credentials)
            .timeout(timeout)
            .retries(retries)
            .adaptiveTimeout(adaptiveTimeout)
            .maxRepetitions(maxRepetitions)
            .maxRows(maxRows)
            .lenientWalks(lenientWalks)
            .maxOutstandingPerAgent(maxOutstandingPerAgent)
            .manager(manager);
    b.v3 = v3;
    if (sender != null) {
      b.sender(sender);
    }
    b.mib = givenMib;
    return b;
  }

  /** The same client, waiting for each answer. */
  public BlockingSnmpClient blocking() {
    return new BlockingSnmpClient(this);
  }

  /** The agent as given: a host name or address, and the port. */
  public HostAndPort agent() {
    return agent;
  }

  public Credentials credentials() {
    return credentials;
  }

  public SnmpManager manager() {
    return manager;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Resends after the first attempt (Net-SNMP's -r). */
  public int retries() {
    return retries;
  }

  /** Whether each attempt waits what the agent's measured round trip says rather than the whole {@link #timeout()}. */
  public boolean adaptiveTimeout() {
    return adaptiveTimeout;
  }

  public int maxRepetitions() {
    return maxRepetitions;
  }

  public long maxRows() {
    return maxRows;
  }

  public boolean lenientWalks() {
    return lenientWalks;
  }

  /** Requests of this client's in flight to its agent at most; the rest wait their turn. */
  public int maxOutstandingPerAgent() {
    return maxOutstandingPerAgent;
  }

  /** The MIB that names OIDs for this client: its own, else its manager's. */
  public Optional<Mib> mib() {
    return Optional.ofNullable(mib);
  }

  /** SNMPv3's context name ("" for the default context). */
  public String contextName() {
    return v3.contextName();
  }

  // ---- GET ----

  /**
   * The value at {@code oid}. Fails with {@link NoSuchOidException} when the agent has none
   * (noSuchObject, noSuchInstance, SNMPv1 noSuchName).
   */
  public CompletableFuture<Value> get(Oid oid) {
    return request(
        PduType.GET_REQUEST,
        List.of(VarBind.of(oid)),
        r -> {
          Value v = r.varBinds().get(0).value();
          if (v.isException()) {
            throw new NoSuchOidException(r.endpoint(), oid, marker(v));
          }
          return v;
        });
  }

  private static NoSuchOidException.Marker marker(Value v) {
    switch (v.type()) {
      case NO_SUCH_OBJECT:
        return NoSuchOidException.Marker.NO_SUCH_OBJECT;
      case NO_SUCH_INSTANCE:
        return NoSuchOidException.Marker.NO_SUCH_INSTANCE;
      default:
        return NoSuchOidException.Marker.END_OF_MIB_VIEW;
    }
  }

  public CompletableFuture<Value> get(String oid) {
    return get(oid(oid));
  }

  /**
   * The varbinds at {@code oids}, in order. In SNMPv2c a missing one comes back as a noSuchObject or
   * noSuchInstance value (check {@link Value#isException()}), the others with it; in SNMPv1 the agent
   * rejects the whole request and this fails with {@link NoSuchOidException} naming the OID.
   */
  public CompletableFuture<List<VarBind>> multiget(List<Oid> oids) {
    return request(PduType.GET_REQUEST, VarBindList.ofNulls(oids), Exchange.Response::varBinds);
  }

  /** {@link #multiget(List)} of OIDs as text. */
  public CompletableFuture<List<VarBind>> multiget(String... oids) {
    return multiget(oids(oids));
  }

  // ---- GETNEXT ----

  /** The varbind that follows {@code oid} in the agent's MIB (endOfMibView at the end, in SNMPv2c). */
  public CompletableFuture<VarBind> getnext(Oid oid) {
    return request(PduType.GET_NEXT_REQUEST, List.of(VarBind.of(oid)), r -> r.varBinds().get(0));
  }

  public CompletableFuture<VarBind> getnext(String oid) {
    return getnext(oid(oid));
  }

  /** The varbinds that follow each of {@code oids}, in one request. */
  public CompletableFuture<List<VarBind>> multigetnext(List<Oid> oids) {
    return request(PduType.GET_NEXT_REQUEST, VarBindList.ofNulls(oids), Exchange.Response::varBinds);
  }

  /** {@link #multigetnext(List)} of OIDs as text. */
  public CompletableFuture<List<VarBind>> multigetnext(String... oids) {
    return multigetnext(oids(oids));
  }

  // ---- GETBULK ----

  /**
   * One GETBULK (RFC 3416 §4.2.3): the successor of each of {@code scalars} once, then up to {@code
   * maxRepetitions} successors of each of {@code repeating}. SNMPv1 has no GETBULK; there this sends
   * GETNEXTs (one for the scalars and the first repetition, then one per repetition).
   */
  public CompletableFuture<BulkResult> bulkget(List<Oid> scalars, List<Oid> repeating, int maxRepetitions) {
    checkOpen();
    if (exchange.isV1()) {
      return bulkgetV1(scalars, repeating, maxRepetitions);
    }
    List<VarBind> binds = new ArrayList<>(VarBindList.ofNulls(scalars));
    binds.addAll(VarBindList.ofNulls(repeating));
    int most = (int) Math.min(Integer.MAX_VALUE, scalars.size() + (long) repeating.size() * maxRepetitions);
    return exchange.request(
        id -> new BulkPdu(id, scalars.size(), maxRepetitions, binds),
        binds,
        Math.min(scalars.size(), binds.size()),
        most,
        false,
        r -> new BulkResult(r.varBinds().subList(0, scalars.size()), r.varBinds().subList(scalars.size(), r.varBinds().size())));
  }

  /** {@code f.thenApply(fn)}, cancelling {@code f} when the result is cancelled. */
  private static <T, U> CompletableFuture<U> then(CompletableFuture<T> f, Function<? super T, ? extends U> fn) {
    return Exchange.cancelling(f.thenApply(fn), f);
  }

  private CompletableFuture<BulkResult> bulkgetV1(List<Oid> scalars, List<Oid> repeating, int maxRepetitions) {
    List<Oid> first = new ArrayList<>(scalars);
    first.addAll(repeating);
    return multigetnext(first)
        .thenCompose(
            vbs -> {
              List<VarBind> listing = new ArrayList<>(vbs.subList(scalars.size(), vbs.size()));
              return repeatV1(listing, repeating.size(), maxRepetitions - 1)
                  .thenApply(all -> new BulkResult(vbs.subList(0, scalars.size()), all));
            });
  }

  /** One more GETNEXT row after the last {@code width} varbinds, {@code left} times or to the MIB's end. */
  private CompletableFuture<List<VarBind>> repeatV1(List<VarBind> listing, int width, int left) {
    if (left <= 0 || width == 0) {
      return CompletableFuture.completedFuture(listing);
    }
    List<Oid> next = new ArrayList<>(width);
    for (int k = listing.size() - width; k < listing.size(); k++) {
      next.add(listing.get(k).oid());
    }
    return multigetnext(next)
        .handle(
            (more, failure) -> {
              if (failure == null) {
                listing.addAll(more);
                return repeatV1(listing, width, left - 1);
              }
              Throwable cause = Exchange.unwrap(failure);
              if (cause instanceof NoSuchOidException) {
                return CompletableFuture.completedFuture(listing); // SNMPv1's end of the MIB
              }
              return CompletableFuture.<List<VarBind>>failedFuture(cause);
            })
        .thenCompose(f -> f);
  }

  // ---- walks ----

  /** Every varbind under {@code root}, by GETNEXT (see {@link #walk(Oid, Consumer)}). */
  public CompletableFuture<WalkResult> walk(Oid root) {
    return newWalk(root, false, null).collect();
  }

  public CompletableFuture<WalkResult> walk(String root) {
    return walk(oid(root));
  }

  /**
   * Walks {@code root} by GETNEXT, handing each varbind to {@code consumer} as pages arrive, one page
   * ahead: while the consumer takes a page, the next one is fetched, and no further, so a walk of any
   * size holds two pages. Ends at the first OID outside the subtree, at endOfMibView, at SNMPv1's
   * noSuchName, or after {@link #maxRows()}, completing with the reason once every row was handed over;
   * OIDs that do not increase fail it with {@link FaultyAgentException} unless {@link #lenientWalks()},
   * after the rows before them. The consumer runs on the manager's executor, a page at a time, in order;
   * if it throws, the walk stops and fails with that exception. Cancelling the future stops the walk.
   */
  public CompletableFuture<WalkEnd> walk(Oid root, Consumer<VarBind> consumer) {
    return walk(root, rowsTo(consumer));
  }

  /** {@link #walk(Oid, Consumer)} of an OID as text, or a name with a {@link Builder#mib Mib}. */
  public CompletableFuture<WalkEnd> walk(String root, Consumer<VarBind> consumer) {
    return walk(oid(root), consumer);
  }

  /** {@link #walk(Oid, Consumer)}, with every varbind of every response and the walk's verdict on it. */
  public CompletableFuture<WalkEnd> walk(Oid root, WalkListener listener) {
    return newWalk(root, false, Objects.requireNonNull(listener, "listener")).run();
  }

  /** Walks several subtrees in parallel requests; the varbinds of each root, in the order of the roots. */
  public CompletableFuture<List<VarBind>> multiwalk(List<Oid> roots) {
    return concat(roots, this::walk);
  }

  /** {@link #multiwalk(List)} of OIDs as text. */
  public CompletableFuture<List<VarBind>> multiwalk(String... roots) {
    return multiwalk(oids(roots));
  }

  /** Every varbind under {@code root}, by GETBULK of {@link #maxRepetitions()} (GETNEXT in SNMPv1). */
  public CompletableFuture<WalkResult> bulkwalk(Oid root) {
    return newWalk(root, true, null).collect();
  }

  public CompletableFuture<WalkResult> bulkwalk(String root) {
    return bulkwalk(oid(root));
  }

  /** {@link #walk(Oid, Consumer)} by GETBULK; a tooBig halves max-repetitions and asks again. */
  public CompletableFuture<WalkEnd> bulkwalk(Oid root, Consumer<VarBind> consumer) {
    return bulkwalk(root, rowsTo(consumer));
  }

  /** {@link #bulkwalk(Oid, Consumer)} of an OID as text, or a name with a {@link Builder#mib Mib}. */
  public CompletableFuture<WalkEnd> bulkwalk(String root, Consumer<VarBind> consumer) {
    return bulkwalk(oid(root), consumer);
  }

  /** {@link #walk(Oid, WalkListener)} by GETBULK. */
  public CompletableFuture<WalkEnd> bulkwalk(Oid root, WalkListener listener) {
    return newWalk(root, true, Objects.requireNonNull(listener, "listener")).run();
  }

  /** Bulk-walks several subtrees in parallel requests; the varbinds of each root, in the order of the roots. */
  public CompletableFuture<List<VarBind>> bulkwalk(List<Oid> roots) {
    return concat(roots, this::bulkwalk);
  }

  private static WalkListener rowsTo(Consumer<VarBind> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return (vb, verdict, previous) -> {
      if (verdict == WalkVerdict.ROW) {
        consumer.accept(vb);
      }
    };
  }

  /** A walk of {@code root}; {@code listener} may be null when only the rows matter. */
  WalkRun newWalk(Oid root, boolean bulk, WalkListener listener) {
    checkOpen();
    return new WalkRun(exchange, Objects.requireNonNull(root, "root"), bulk, bulk ? maxRepetitions : 1, lenientWalks, maxRows, listener);
  }

  private static CompletableFuture<List<VarBind>> concat(List<Oid> roots, Function<Oid, CompletableFuture<WalkResult>> walk) {
    List<CompletableFuture<WalkResult>> walks = roots.stream().map(walk).toList();
    return CompletableFuture.allOf(walks.toArray(new CompletableFuture[0]))
        .thenApply(
            v -> {
              List<VarBind> all = new ArrayList<>();
              walks.forEach(w -> all.addAll(w.join()));
              return all;
            });
  }

  // ---- notifications ----

  /**
   * Sends an InformRequest (RFC 3416 §4.2.7) to this client's agent, a notification receiver: sysUpTime.0
   * = {@code sysUpTime} (hundredths of a second), snmpTrapOID.0 = {@code trapOid}, then {@code varBinds};
   * completes when the receiver acknowledges it, retried and timed out like any request. SNMPv3 informs
   * go to the receiver's engine, which is discovered as an agent's is.
   *
   * @throws IllegalStateException for SNMPv1, which has no informs
   */
  public CompletableFuture<Void> inform(long sysUpTime, Oid trapOid, List<VarBind> varBinds) {
    checkOpen();
    if (exchange.isV1()) {
      throw new IllegalStateException("SNMPv1 has no InformRequest (RFC 3584 §3): use SNMPv2c or SNMPv3");
    }
    List<VarBind> all = notification(sysUpTime, trapOid, varBinds);
    return exchange.request(id -> StandardPdu.of(PduType.INFORM_REQUEST, id, all), all, 0, Integer.MAX_VALUE, false, r -> null);
  }

  /**
   * Sends an SNMPv2-Trap (RFC 3416 §4.2.6) to this client's agent, a notification receiver: sysUpTime.0,
   * snmpTrapOID.0, then {@code varBinds}; once, unacknowledged; completes when it left. An SNMPv3 trap's
   * sender is authoritative (RFC 3414 §1.5.1): it carries the manager's engine ID, boots and time ({@link
   * SnmpManager#engineId()}), or the engine ID given to {@link Builder#engineId}, and the receiver must know
   * the user for that engine ({@code createUser -e ENGINEID} in snmptrapd.conf).
   *
   * @throws IllegalStateException for SNMPv1 (use {@link #trap(TrapV1Pdu)})
   */
  public CompletableFuture<Void> trap(long sysUpTime, Oid trapOid, List<VarBind> varBinds) {
    checkOpen();
    if (exchange.isV1()) {
      throw new IllegalStateException("SNMPv1 sends a Trap-PDU: use trap(TrapV1Pdu)");
    }
    List<VarBind> all = notification(sysUpTime, trapOid, varBinds);
    return exchange.sendOnly(id -> StandardPdu.of(PduType.SNMPV2_TRAP, id, all));
  }

  /**
   * Sends an SNMPv1 Trap-PDU (RFC 1157 §4.1.6) to this client's agent, once, unacknowledged.
   *
   * @throws IllegalStateException unless this client speaks SNMPv1
   */
  public CompletableFuture<Void> trap(TrapV1Pdu trap) {
    checkOpen();
    if (!exchange.isV1()) {
      throw new IllegalStateException("a Trap-PDU is SNMPv1's: send trap(sysUpTime, trapOid, varBinds)");
    }
    Objects.requireNonNull(trap, "trap");
    return exchange.sendOnly(id -> trap);
  }

  /** An SNMPv2 notification's varbinds (RFC 3416 §4.2.6): sysUpTime.0, snmpTrapOID.0, then {@code varBinds}. */
  private static List<VarBind> notification(long sysUpTime, Oid trapOid, List<VarBind> varBinds) {
    List<VarBind> all = new ArrayList<>(varBinds.size() + 2);
    all.add(VarBind.of(SYS_UP_TIME, new TimeTicks(sysUpTime)));
    all.add(VarBind.of(SNMP_TRAP_OID, new ObjectIdentifier(Objects.requireNonNull(trapOid, "trapOid"))));
    all.addAll(varBinds);
    return all;
  }

  private static final Oid SYS_UP_TIME = Oid.parse("1.3.6.1.2.1.1.3.0");
  private static final Oid SNMP_TRAP_OID = Oid.parse("1.3.6.1.6.3.1.1.4.1.0");

  // ---- SET ----

  /** Sets {@code oid} to {@code value}; completes with the value the agent reports. */
  public CompletableFuture<Value> set(Oid oid, Value value) {
    return request(PduType.SET_REQUEST, List.of(new VarBind(oid, value)), r -> r.varBinds().get(0).value());
  }

  public CompletableFuture<Value> set(String oid, Value value) {
    return set(oid(oid), value);
  }

  /**
   * Sets all of {@code varBinds} in one request (all or none, RFC 3416 §4.2.5). A refusal fails with
   * {@link ErrorResponseException} naming the varbind that failed.
   */
  public CompletableFuture<List<VarBind>> multiset(List<VarBind> varBinds) {
    return request(PduType.SET_REQUEST, VarBindList.copyOf(varBinds), Exchange.Response::varBinds);
  }

  // ---- tables ----

  /**
   * The table at {@code oid} (the table's OID, e.g. ifTable 1.3.6.1.2.1.2.2, or its entry's, ifEntry
   * 1.3.6.1.2.1.2.2.1: both work), walked by GETNEXT.
   */
  public CompletableFuture<Table> table(Oid oid) {
    return then(walk(oid), vbs -> Table.of(Table.entryOf(oid, vbs, mib), vbs, mib));
  }

  public CompletableFuture<Table> table(String oid) {
    return table(oid(oid));
  }

  /** {@link #table(Oid)} by GETBULK: the same OIDs accepted, the same table. */
  public CompletableFuture<Table> bulktable(Oid oid) {
    return then(bulkwalk(oid), vbs -> Table.of(Table.entryOf(oid, vbs, mib), vbs, mib));
  }

  public CompletableFuture<Table> bulktable(String oid) {
    return bulktable(oid(oid));
  }

  // ---- common ----

  /** One request whose Response carries exactly as many varbinds as it; completes with {@code last} of it. */
  private <T> CompletableFuture<T> request(PduType type, List<VarBind> binds, Function<Exchange.Response, T> last) {
    checkOpen();
    return exchange.request(id -> StandardPdu.of(type, id, binds), binds, binds.size(), binds.size(), false, last);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("client of " + agent + " is closed");
    }
  }

  private List<Oid> oids(String... texts) {
    return Arrays.stream(texts).map(this::oid).toList();
  }

  /**
   * The OID {@code text} means: dotted numbers always; a name ("sysName.0", "IF-MIB::ifDescr.3") through
   * this client's {@link Mib}. Thrown at the call, as a malformed OID is.
   *
   * @throws IllegalArgumentException on malformed numbers, or on a name when the client has no Mib
   * @throws MibException on a name the Mib does not know
   */
  Oid oid(String text) {
    Objects.requireNonNull(text, "oid");
    if (mib == null || isNumeric(text)) {
      try {
        return Oid.parse(text);
      } catch (IllegalArgumentException e) {
        if (mib == null && text.chars().anyMatch(Character::isLetter)) {
          throw new IllegalArgumentException(
              "\"" + text + "\" is not a numeric OID; to use names, give the client a Mib: SnmpClient.Builder.mib(Mib.builtIn()) or SnmpManager.Builder.mib(…)", e);
        }
        throw e;
      }
    }
    return mib.oid(text);
  }

  /** Dotted decimal only: what {@link Oid#parse} reads, with or without a MIB. */
  private static boolean isNumeric(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Refuses further requests (they throw {@link IllegalStateException}); those in flight complete. A
   * client holds no thread or socket: the manager's stay open.
   */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Settings of an {@link SnmpClient}; every setter checks its argument.
   *
   * <pre>{@code
   * SnmpClient c = SnmpClient.builder(Endpoint.of("::1", 161), Credentials.v1("public"))
   *     .timeout(Duration.ofMillis(500)).retries(2).maxRepetitions(50).manager(manager).build();
   * }</pre>
   */
  public static final class Builder {
    private HostAndPort agent;
    private Endpoint endpoint; // null: a name, looked up per request
    private Credentials credentials;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int retries = DEFAULT_RETRIES;
    private boolean adaptiveTimeout;
    private int maxRepetitions = DEFAULT_MAX_REPETITIONS;
    private long maxRows = DEFAULT_MAX_ROWS;
    private boolean lenientWalks;
    private int maxOutstandingPerAgent; // 0: the manager's
    private Exchange.V3Options v3 = Exchange.V3Options.DEFAULT;
    private SnmpManager manager;
    private Sender sender;
    private Mib mib; // null: the manager's

    private Builder(HostAndPort agent, Endpoint endpoint, Credentials credentials) {
      this.agent = agent;
      this.endpoint = endpoint;
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Another agent: "host", "host:port", "[v6]:port" or "v6" (port 161 when none is given), looked up
     * when a request is sent if it is a name. With {@link SnmpClient#newBuilder()}: the same settings for
     * another agent.
     */
    public Builder agent(String hostAndPort) {
      this.agent = HostAndPort.parse(hostAndPort, 161);
      this.endpoint = agent.isLiteral() ? agent.resolve() : null;
      return this;
    }

    /** Another agent, by address. */
    public Builder agent(Endpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.agent = new HostAndPort(endpoint.ip().getHostAddress(), endpoint.port());
      return this;
    }

    /** Other credentials. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** How long each attempt waits for the answer (Net-SNMP's -t); 1 s by default. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, not " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * How many times to resend after the first attempt (Net-SNMP's -r, SNMP4J's retries); 5 by default.
     * Each resend waits the timeout plus up to an eighth more, at random, so that requests lost together
     * are not resent together. (Only the original puresnmp's {@code Transport.sendUdp(…, retries)}
     * counts attempts instead, as the original does.)
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be 0 or more, not " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * Adaptive retransmission: each attempt waits what the agent's measured round trip says (RFC 6298:
     * smoothed RTT + 4 × its variation, doubled after an unanswered attempt), at least 20 ms and at most
     * the {@link #timeout}, instead of the whole timeout. Same number of attempts, so the whole wait is
     * never longer, and on a lossy link a lost packet costs about a round trip, not a timeout. The
     * measurement is per agent, shared by every client of the manager that adapts. Off by default: each attempt
     * then waits the whole timeout, as Net-SNMP's -t. Adaptive, an agent that suddenly answers far slower than it did (a big table after small gets) may
     * time out sooner than with the fixed timeout; give it more retries.
     *
     * <pre>{@code
     * SnmpClient c = manager.clientBuilder("192.0.2.1", Credentials.v2c("public"))
     *     .timeout(Duration.ofSeconds(2)).retries(8).adaptiveTimeout(true).build();
     * }</pre>
     */
    public Builder adaptiveTimeout(boolean adaptiveTimeout) {
      this.adaptiveTimeout = adaptiveTimeout;
      return this;
    }

    /** Max-repetitions of bulk walks and tables (snmpbulkwalk's -Cr); 10 by default. */
    public Builder maxRepetitions(int maxRepetitions) {
      if (maxRepetitions < 1) {
        throw new IllegalArgumentException("maxRepetitions must be positive, not " + maxRepetitions);
      }
      this.maxRepetitions = maxRepetitions;
      return this;
    }

    /** The most varbinds one walk returns; 10,000,000 by default. */
    public Builder maxRows(long maxRows) {
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows must be positive, not " + maxRows);
      }
      this.maxRows = maxRows;
      return this;
    }

    /**
     * Go on past OIDs that do not increase (like snmpwalk's -Cc), ending the walk when an OID comes back
     * that it already returned (a loop, {@link WalkEnd#LOOP}) or at max rows; false (fail with
     * FaultyAgentException) by default.
     */
    public Builder lenientWalks(boolean lenientWalks) {
      this.lenientWalks = lenientWalks;
      return this;
    }

    /**
     * Requests of this client in flight to its agent at most; the rest wait their turn, in order, without
     * blocking the caller. The manager's setting ({@value SnmpManager#DEFAULT_MAX_OUTSTANDING_PER_AGENT}
     * by default) unless set.
     */
    public Builder maxOutstandingPerAgent(int maxOutstandingPerAgent) {
      if (maxOutstandingPerAgent < 1) {
        throw new IllegalArgumentException("maxOutstandingPerAgent must be positive, not " + maxOutstandingPerAgent);
      }
      this.maxOutstandingPerAgent = maxOutstandingPerAgent;
      return this;
    }

    /**
     * SNMPv3: the context the requests address (RFC 3411 §3.3.1; {@code snmpget -n}), "" (the default
     * context) unless set. SNMPv1 and v2c have none: their community selects what an agent shows.
     */
    public Builder contextName(String contextName) {
      this.v3 = new Exchange.V3Options(Objects.requireNonNull(contextName, "contextName"), v3.contextEngineId(), v3.engineId());
      return this;
    }

    /** SNMPv3: the context engine ID of the requests ({@code snmpget -E}); the agent's engine ID unless set. */
    public Builder contextEngineId(Bytes contextEngineId) {
      this.v3 = new Exchange.V3Options(v3.contextName(), Objects.requireNonNull(contextEngineId, "contextEngineId"), v3.engineId());
      return this;
    }

    /**
     * SNMPv3: the agent's engine ID, given instead of discovered ({@code snmpget -e}). Its boots and time
     * are learnt from the agent's first notInTimeWindow Report (authenticated users). For {@link
     * SnmpClient#trap traps}, whose sender is authoritative, it is the sender's own engine ID ({@code
     * snmptrap -e}) in place of the manager's, with the manager's boots and time.
     */
    public Builder engineId(Bytes engineId) {
      this.v3 = new Exchange.V3Options(v3.contextName(), v3.contextEngineId(), Objects.requireNonNull(engineId, "engineId"));
      return this;
    }

    /** Send through this manager; {@link SnmpManager#defaultManager()} by default. */
    public Builder manager(SnmpManager manager) {
      this.manager = Objects.requireNonNull(manager, "manager");
      return this;
    }

    /**
     * Names for this client's OIDs: the String forms of the operations (get, walk, table, set, …) take
     * names such as "sysName.0" or "IF-MIB::ifDescr" besides dotted numbers, and tables have column
     * names and decoded indexes ({@link Table}). The manager's ({@link SnmpManager.Builder#mib}) by
     * default; without one, only numbers.
     *
     * <pre>{@code
     * SnmpClient c = manager.clientBuilder("192.0.2.1", Credentials.v2c("public")).mib(Mib.builtIn()).build();
     * c.blocking().walk("ifDescr").forEach(vb -> System.out.println(Mib.builtIn().format(vb)));
     * }</pre>
     */
    public Builder mib(Mib mib) {
      this.mib = Objects.requireNonNull(mib, "mib");
      return this;
    }

    /**
     * Talk through this {@link Sender} instead of the manager's transport (the manager still paces and
     * looks up names): the seam for unit tests.
     */
    public Builder sender(Sender sender) {
      this.sender = Objects.requireNonNull(sender, "sender");
      return this;
    }

    public SnmpClient build() {
      return new SnmpClient(this);
    }
  }
}
