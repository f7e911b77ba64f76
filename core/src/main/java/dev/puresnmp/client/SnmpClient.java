package dev.puresnmp.client;

import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.SmiType;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Sender;
import dev.puresnmp.transport.UdpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * An SNMPv1/v2c manager for one agent: every operation of the original puresnmp, asynchronous ({@link
 * CompletableFuture}); {@link #blocking()} is the same client, waiting. Immutable: {@link #newBuilder()}
 * derives a variant that shares the transport. Many clients share one {@link UdpTransport}: polling
 * thousands of agents costs one socket and one I/O thread.
 *
 * <pre>{@code
 * try (SnmpClient client = SnmpClient.builder("127.0.0.1:161", Credentials.v2c("public")).build()) {
 *   Value name = client.get("1.3.6.1.2.1.1.5.0").join();
 *   List<VarBind> ifDescr = client.blocking().bulkwalk("1.3.6.1.2.1.2.2.1.2");
 *   Table ifTable = client.blocking().table("1.3.6.1.2.1.2.2");
 * }
 * }</pre>
 *
 * <p>Futures fail with {@link dev.puresnmp.transport.SnmpTimeoutException}, {@link
 * ErrorResponseException}, {@link NoSuchOidException}, {@link FaultyAgentException}, {@link
 * dev.puresnmp.transport.TransportException} or {@link dev.puresnmp.ber.MalformedPacketException}: all
 * {@link dev.puresnmp.SnmpException}s. OIDs are {@link Oid}s or text ("1.3.6.1.2.1.1.5.0", a leading dot
 * allowed).
 */
public final class SnmpClient implements AutoCloseable {
  /** Net-SNMP's defaults: 1 s per attempt, 5 retries. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  public static final int DEFAULT_RETRIES = 5;

  /** snmpbulkwalk's default -Cr. */
  public static final int DEFAULT_MAX_REPETITIONS = 10;

  /** Walks end after this many varbinds unless told otherwise. */
  public static final long DEFAULT_MAX_ROWS = 10_000_000;

  private final Endpoint endpoint;
  private final Credentials credentials;
  private final Duration timeout;
  private final int retries;
  private final int maxRepetitions;
  private final long maxRows;
  private final boolean lenientWalks;
  private final UdpTransport transport;
  private final boolean ownsTransport;
  private final Sender sender;
  private final IntSupplier requestIds;
  private final Exchange exchange;

  private SnmpClient(Builder b) {
    this.endpoint = b.endpoint;
    this.credentials = b.credentials;
    this.timeout = b.timeout;
    this.retries = b.retries;
    this.maxRepetitions = b.maxRepetitions;
    this.maxRows = b.maxRows;
    this.lenientWalks = b.lenientWalks;
    if (b.sender != null) {
      this.transport = null;
      this.ownsTransport = false;
      this.sender = b.sender;
      AtomicInteger ids = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE / 2));
      this.requestIds = () -> ids.getAndIncrement() & Integer.MAX_VALUE;
    } else {
      this.ownsTransport = b.transport == null;
      this.transport = b.transport != null ? b.transport : UdpTransport.builder().build();
      this.sender = transport;
      this.requestIds = transport::nextRequestId;
    }
    this.exchange = new Exchange(endpoint, credentials, sender, requestIds, timeout, retries + 1);
  }

  /** A client of the agent at {@code endpoint}. */
  public static Builder builder(Endpoint endpoint, Credentials credentials) {
    return new Builder(endpoint, credentials);
  }

  /** A client of the agent at "host", "host:port", "[v6]:port" or "v6" (port 161 when none is given). */
  public static Builder builder(String hostAndPort, Credentials credentials) {
    return new Builder(parseAgent(hostAndPort), credentials);
  }

  static Endpoint parseAgent(String text) {
    return Endpoint.parse(text, 161);
  }

  /** A builder with this client's settings that shares its transport (closing the variant does not close it). */
  public Builder newBuilder() {
    Builder b = new Builder(endpoint, credentials).timeout(timeout).retries(retries).maxRepetitions(maxRepetitions).maxRows(maxRows).lenientWalks(lenientWalks);
    if (transport != null) {
      b.transport(transport);
    } else {
      b.sender(sender);
    }
    return b;
  }

  /** The same client, waiting for each answer. */
  public BlockingSnmpClient blocking() {
    return new BlockingSnmpClient(this);
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Credentials credentials() {
    return credentials;
  }

  public Duration timeout() {
    return timeout;
  }

  public int retries() {
    return retries;
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

  // ---- GET ----

  /**
   * The value at {@code oid}. Fails with {@link NoSuchOidException} when the agent has none
   * (noSuchObject, noSuchInstance, SNMPv1 noSuchName).
   */
  public CompletableFuture<Value> get(Oid oid) {
    CompletableFuture<List<VarBind>> inner = multiget(List.of(oid));
    return Exchange.cancelling(inner.thenApply(
            vbs -> {
              VarBind vb = vbs.get(0);
              if (vb.value().isException()) {
                throw new NoSuchOidException(endpoint, oid, marker(vb.value()));
              }
              return vb.value();
            }), inner);
  }

  public CompletableFuture<Value> get(String oid) {
    return get(Oid.parse(oid));
  }

  /**
   * The varbinds at {@code oids}, in order. In SNMPv2c a missing one comes back as a noSuchObject or
   * noSuchInstance value (check {@link Value#isException()}), the others with it; in SNMPv1 the agent
   * rejects the whole request and this fails with {@link NoSuchOidException} naming the OID.
   */
  public CompletableFuture<List<VarBind>> multiget(List<Oid> oids) {
    return then(request(PduType.GET_REQUEST, nullBinds(oids)), vbs -> checkCount(vbs, oids.size(), "GET"));
  }

  // ---- GETNEXT ----

  /** The varbind that follows {@code oid} in the agent's MIB (endOfMibView at the end, in SNMPv2c). */
  public CompletableFuture<VarBind> getnext(Oid oid) {
    return then(multigetnext(List.of(oid)), vbs -> vbs.get(0));
  }

  public CompletableFuture<VarBind> getnext(String oid) {
    return getnext(Oid.parse(oid));
  }

  /** The varbinds that follow each of {@code oids}, in one request. */
  public CompletableFuture<List<VarBind>> multigetnext(List<Oid> oids) {
    return then(request(PduType.GET_NEXT_REQUEST, nullBinds(oids)), vbs -> checkCount(vbs, oids.size(), "GETNEXT"));
  }

  // ---- GETBULK ----

  /**
   * One GETBULK (RFC 3416 §4.2.3): the successor of each of {@code scalars} once, then up to {@code
   * maxRepetitions} successors of each of {@code repeating}. SNMPv1 has no GETBULK; there this sends
   * GETNEXTs (one for the scalars and the first repetition, then one per repetition).
   */
  public CompletableFuture<BulkResult> bulkget(List<Oid> scalars, List<Oid> repeating, int maxRepetitions) {
    List<VarBind> binds = new ArrayList<>(nullBinds(scalars));
    binds.addAll(nullBinds(repeating));
    if (exchange.isV1()) {
      return bulkgetV1(scalars, repeating, maxRepetitions);
    }
    return then(
        exchange.send(id -> new BulkPdu(id, scalars.size(), maxRepetitions, binds)),
            pdu -> {
              List<VarBind> vbs = checkOk(pdu, binds);
              if (vbs.size() < Math.min(scalars.size(), binds.size()) || vbs.size() > scalars.size() + (long) repeating.size() * maxRepetitions) {
                throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_VARBIND_COUNT, vbs.size() + " varbinds in a GETBULK response for " + scalars.size() + " + " + repeating.size() + " x " + maxRepetitions);
              }
              return new BulkResult(vbs.subList(0, scalars.size()), vbs.subList(scalars.size(), vbs.size()));
            });
  }

  /** {@code f.thenApply(fn)}, cancelling {@code f} when the result is cancelled. */
  private static <T, U> CompletableFuture<U> then(CompletableFuture<T> f, java.util.function.Function<? super T, ? extends U> fn) {
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
              Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
              if (cause instanceof NoSuchOidException) {
                return CompletableFuture.completedFuture(listing); // SNMPv1's end of the MIB
              }
              return CompletableFuture.<List<VarBind>>failedFuture(cause);
            })
        .thenCompose(f -> f);
  }

  // ---- walks ----

  /** Every varbind under {@code root}, by GETNEXT (see {@link #walk(Oid, Consumer)}). */
  public CompletableFuture<List<VarBind>> walk(Oid root) {
    return collect(new WalkRun(exchange, root, false, 1, lenientWalks, maxRows));
  }

  public CompletableFuture<List<VarBind>> walk(String root) {
    return walk(Oid.parse(root));
  }

  /**
   * Walks {@code root} by GETNEXT, handing each varbind to {@code consumer} as pages arrive; the next
   * request leaves only when the consumer has taken the page, so a walk of any size holds one page. Ends
   * at the first OID outside the subtree, at endOfMibView, at SNMPv1's noSuchName, or after {@link
   * #maxRows()}; OIDs that do not increase fail it with {@link FaultyAgentException} unless {@link
   * #lenientWalks()}. The consumer runs on the transport's executor.
   */
  public CompletableFuture<Void> walk(Oid root, Consumer<VarBind> consumer) {
    return stream(new WalkRun(exchange, root, false, 1, lenientWalks, maxRows), consumer);
  }

  /** Walks several subtrees in parallel requests; the varbinds of each root, in the order of the roots. */
  public CompletableFuture<List<VarBind>> multiwalk(List<Oid> roots) {
    return concat(roots, r -> walk(r));
  }

  /** Every varbind under {@code root}, by GETBULK of {@link #maxRepetitions()} (GETNEXT in SNMPv1). */
  public CompletableFuture<List<VarBind>> bulkwalk(Oid root) {
    return collect(newBulkWalk(root));
  }

  public CompletableFuture<List<VarBind>> bulkwalk(String root) {
    return bulkwalk(Oid.parse(root));
  }

  /** {@link #walk(Oid, Consumer)} by GETBULK; a tooBig halves max-repetitions and asks again. */
  public CompletableFuture<Void> bulkwalk(Oid root, Consumer<VarBind> consumer) {
    return stream(newBulkWalk(root), consumer);
  }

  /** Bulk-walks several subtrees in parallel requests; the varbinds of each root, in the order of the roots. */
  public CompletableFuture<List<VarBind>> bulkwalk(List<Oid> roots) {
    return concat(roots, r -> bulkwalk(r));
  }

  WalkRun newWalk(Oid root) {
    return new WalkRun(exchange, root, false, 1, lenientWalks, maxRows);
  }

  WalkRun newBulkWalk(Oid root) {
    return new WalkRun(exchange, root, true, maxRepetitions, lenientWalks, maxRows);
  }

  private CompletableFuture<List<VarBind>> collect(WalkRun run) {
    List<VarBind> all = new ArrayList<>();
    CompletableFuture<List<VarBind>> f = pages(run, all::add).thenApply(v -> all);
    return cancelling(f, run);
  }

  private static CompletableFuture<Void> stream(WalkRun run, Consumer<VarBind> consumer) {
    return cancelling(pages(run, consumer), run);
  }

  private static <T> CompletableFuture<T> cancelling(CompletableFuture<T> f, WalkRun run) {
    f.whenComplete(
        (v, e) -> {
          if (f.isCancelled()) {
            run.cancel();
          }
        });
    return f;
  }

  private static CompletableFuture<Void> pages(WalkRun run, Consumer<VarBind> consumer) {
    return run.nextPage()
        .thenCompose(
            page -> {
              if (page.isEmpty()) {
                return CompletableFuture.completedFuture(null);
              }
              page.forEach(consumer);
              return pages(run, consumer);
            });
  }

  private static CompletableFuture<List<VarBind>> concat(List<Oid> roots, java.util.function.Function<Oid, CompletableFuture<List<VarBind>>> walk) {
    List<CompletableFuture<List<VarBind>>> walks = roots.stream().map(walk).toList();
    return CompletableFuture.allOf(walks.toArray(new CompletableFuture[0]))
        .thenApply(
            v -> {
              List<VarBind> all = new ArrayList<>();
              walks.forEach(w -> all.addAll(w.join()));
              return all;
            });
  }

  // ---- SET ----

  /** Sets {@code oid} to {@code value}; completes with the value the agent reports. */
  public CompletableFuture<Value> set(Oid oid, Value value) {
    return then(multiset(List.of(new VarBind(oid, value))), vbs -> vbs.get(0).value());
  }

  public CompletableFuture<Value> set(String oid, Value value) {
    return set(Oid.parse(oid), value);
  }

  /**
   * Sets all of {@code varBinds} in one request (all or none, RFC 3416 §4.2.5). A refusal fails with
   * {@link ErrorResponseException} naming the varbind that failed.
   */
  public CompletableFuture<List<VarBind>> multiset(List<VarBind> varBinds) {
    return then(request(PduType.SET_REQUEST, varBinds), vbs -> checkCount(vbs, varBinds.size(), "SET"));
  }

  // ---- tables ----

  /**
   * The table at {@code oid} (the table's OID, e.g. ifTable 1.3.6.1.2.1.2.2, or its entry's, ifEntry
   * 1.3.6.1.2.1.2.2.1: both work), walked by GETNEXT.
   */
  public CompletableFuture<Table> table(Oid oid) {
    return then(walk(oid), vbs -> Table.of(Table.entryOf(oid, vbs), vbs));
  }

  public CompletableFuture<Table> table(String oid) {
    return table(Oid.parse(oid));
  }

  /** {@link #table(Oid)} by GETBULK: the same OIDs accepted, the same table. */
  public CompletableFuture<Table> bulktable(Oid oid) {
    return then(bulkwalk(oid), vbs -> Table.of(Table.entryOf(oid, vbs), vbs));
  }

  public CompletableFuture<Table> bulktable(String oid) {
    return bulktable(Oid.parse(oid));
  }

  // ---- common ----

  private CompletableFuture<List<VarBind>> request(PduType type, List<VarBind> binds) {
    return then(exchange.send(id -> StandardPdu.of(type, id, binds)), pdu -> checkOk(pdu, binds));
  }

  /** The response's varbinds if it reports no error; the right exception otherwise. */
  private List<VarBind> checkOk(StandardPdu pdu, List<VarBind> sent) {
    ErrorStatus status = pdu.errorStatus();
    if (status.isOk()) {
      return pdu.varBinds();
    }
    int index = pdu.errorIndex();
    Oid offending = index >= 1 && index <= sent.size() ? sent.get(index - 1).oid() : null;
    // SNMPv1 says noSuchName both for a missing object (GET, GETNEXT: NULL values) and a refused SET.
    if (status.equals(ErrorStatus.NO_SUCH_NAME) && offending != null && sent.get(index - 1).value().type() == SmiType.NULL) {
      throw new NoSuchOidException(endpoint, offending, NoSuchOidException.Marker.V1_NO_SUCH_NAME);
    }
    throw new ErrorResponseException(endpoint, status, index, offending);
  }

  private List<VarBind> checkCount(List<VarBind> vbs, int expected, String what) {
    if (vbs.size() != expected) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_VARBIND_COUNT, vbs.size() + " varbinds in the response to a " + what + " of " + expected);
    }
    return vbs;
  }

  private static List<VarBind> nullBinds(List<Oid> oids) {
    List<VarBind> out = new ArrayList<>(oids.size());
    for (Oid o : oids) {
      out.add(VarBind.of(o));
    }
    return out;
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

  /** Closes the transport if this client made its own; a shared one stays open. */
  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }

  /**
   * Settings of an {@link SnmpClient}; {@link #build()} checks nothing more, every setter checks its
   * argument.
   *
   * <pre>{@code
   * SnmpClient c = SnmpClient.builder(Endpoint.of("::1", 161), Credentials.v1("public"))
   *     .timeout(Duration.ofMillis(500)).retries(2).maxRepetitions(50).transport(sharedUdp).build();
   * }</pre>
   */
  public static final class Builder {
    private final Endpoint endpoint;
    private final Credentials credentials;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int retries = DEFAULT_RETRIES;
    private int maxRepetitions = DEFAULT_MAX_REPETITIONS;
    private long maxRows = DEFAULT_MAX_ROWS;
    private boolean lenientWalks;
    private UdpTransport transport;
    private Sender sender;

    private Builder(Endpoint endpoint, Credentials credentials) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.credentials = Objects.requireNonNull(credentials, "credentials");
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
     * Note: the transport's {@code Transport.sendUdp(…, retries)} counts attempts, as the original
     * puresnmp does.
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be 0 or more, not " + retries);
      }
      this.retries = retries;
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
     * that it already returned (a loop) or at max rows; false (fail with FaultyAgentException) by default.
     */
    public Builder lenientWalks(boolean lenientWalks) {
      this.lenientWalks = lenientWalks;
      return this;
    }

    /** Share this transport (it stays open when the client closes); by default a client makes its own. */
    public Builder transport(UdpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.sender = null;
      return this;
    }

    /** Talk through this {@link Sender} instead of a UDP transport: the seam for unit tests. */
    public Builder sender(Sender sender) {
      this.sender = Objects.requireNonNull(sender, "sender");
      this.transport = null;
      return this;
    }

    public SnmpClient build() {
      return new SnmpClient(this);
    }
  }
}
