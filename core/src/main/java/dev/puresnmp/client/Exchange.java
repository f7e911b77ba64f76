package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.SecurityLevel;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.SmiType;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.AgentPacer;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.HostAndPort;
import dev.puresnmp.transport.ReplyCheck;
import dev.puresnmp.transport.Sender;
import dev.puresnmp.transport.SnmpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The one request path of a client: resolve the agent's name (when it has one), encode the PDU under a
 * fresh request-id, wait for the agent's turn ({@link AgentPacer}), send, and check the reply in one
 * place: its version, that it is a Response, its request-id, its error-status (each mapped to the one
 * typed exception) and its number of varbinds. Every operation, walks included, goes through {@link
 * #request}.
 *
 * <p>Whether a reply is authentic (its version and community; in SNMPv3 its digest, security level and
 * time window) is judged first, on the transport's I/O thread, as the request's {@link ReplyCheck}: a
 * forged or replayed reply is dropped and counted ({@link ReplyDrops}) and the request waits on for its
 * true one, so that a forgery that arrives first neither completes nor fails it.
 */
final class Exchange {
  /**
   * SNMPv3's settings of a client: the context name ("" the default), the context engine ID (null: the
   * agent's) and the agent's engine ID when it is given rather than discovered (null: discover it).
   */
  record V3Options(String contextName, Bytes contextEngineId, Bytes engineId) {
    static final V3Options DEFAULT = new V3Options("", null, null);
  }

  /** A Response that passed every check: the agent's address and the varbinds. */
  record Response(Endpoint endpoint, List<VarBind> varBinds) {}

  final HostAndPort agent;
  private final Endpoint fixed; // the endpoint of an address literal; null for a name, resolved per request
  private final HostResolver resolver;
  private final SnmpVersion version;
  private final Bytes community; // v1, v2c
  private final Credentials.V3 user; // v3
  private final Bytes userName;
  private final Bytes contextName;
  private final Bytes contextEngineId; // null: the agent's engine ID
  private final CompletableFuture<Usm.Engine> givenEngine; // the agent's engine ID given (snmpget -e): no discovery
  private final Bytes givenEngineId; // as given; for a trap, the sender's own engine ID (snmptrap -e)
  private final Usm usm;
  private final ReplyDrops drops;
  private final Sender sender;
  private final IntSupplier requestIds;
  private final AgentPacer pacer;
  private final int maxOutstandingPerAgent;
  private final Duration timeout;
  private final int attempts;
  /** Each attempt waits what the agent's measured round trip says, at most {@link #timeout} (RttEstimator). */
  private final boolean adaptiveTimeout;
  /** Where a result that the library computed on the I/O thread is handed to the user. */
  final Executor userExecutor;

  Exchange(
      HostAndPort agent,
      Endpoint fixed,
      HostResolver resolver,
      Credentials credentials,
      Usm usm,
      ReplyDrops drops,
      V3Options v3,
      Sender sender,
      IntSupplier requestIds,
      AgentPacer pacer,
      int maxOutstandingPerAgent,
      Duration timeout,
      int attempts,
      boolean adaptiveTimeout,
      Executor userExecutor) {
    this.adaptiveTimeout = adaptiveTimeout;
    this.userExecutor = userExecutor;
    this.agent = agent;
    this.fixed = fixed;
    this.resolver = resolver;
    if (credentials instanceof Credentials.V3 v3user) {
      this.version = SnmpVersion.V3;
      this.community = null;
      this.user = v3user;
      this.userName = Bytes.utf8(v3user.user());
    } else {
      this.version = credentials instanceof Credentials.V1 ? SnmpVersion.V1 : SnmpVersion.V2C;
      this.community = Bytes.utf8(credentials instanceof Credentials.V1 v1 ? v1.community() : ((Credentials.V2c) credentials).community());
      this.user = null;
      this.userName = null;
    }
    this.usm = usm;
    this.drops = drops;
    this.contextName = Bytes.utf8(v3.contextName());
    this.contextEngineId = v3.contextEngineId();
    this.givenEngineId = v3.engineId();
    this.givenEngine = v3.engineId() == null ? null : CompletableFuture.completedFuture(new Usm.Engine(v3.engineId(), 0, 0));
    this.sender = sender;
    this.requestIds = requestIds;
    this.pacer = pacer;
    this.maxOutstandingPerAgent = maxOutstandingPerAgent;
    this.timeout = timeout;
    this.attempts = attempts;
  }

  boolean isV1() {
    return version == SnmpVersion.V1;
  }

  /**
   * Sends the PDU that {@code pduForId} builds around a fresh request-id and completes with {@code then}
   * applied to the Response once it passes every check (what the operation makes of it, in the same
   * step: one future per request); fails with {@link ErrorResponseException}, {@link NoSuchOidException}
   * (SNMPv1's noSuchName for a GET or GETNEXT), {@link FaultyAgentException} or the transport's exceptions.
   * {@code sent} names the varbind an error-index points at; {@code minVarBinds}..{@code maxVarBinds} is
   * how many a valid Response carries. {@code internal}: the response is the
   * library's own next step, which never blocks and never runs user code, so it may complete on the
   * transport's I/O thread ({@link Sender#sendInternal}); whoever asks for that hands its final result to
   * {@link #userExecutor}.
   */
  <T> CompletableFuture<T> request(IntFunction<Pdu> pduForId, List<VarBind> sent, int minVarBinds, int maxVarBinds, boolean internal, Function<Response, T> then) {
    if (fixed != null) {
      return send(fixed, pduForId, sent, minVarBinds, maxVarBinds, internal, then);
    }
    return after(resolver.resolve(agent), endpoint -> send(endpoint, pduForId, sent, minVarBinds, maxVarBinds, internal, then));
  }

  /**
   * Sends the PDU that {@code pduForId} builds around a fresh request-id once, expecting no answer (a
   * trap); completes when it left. In SNMPv3 the sender is authoritative (RFC 3414 §1.5.1): the message
   * carries the manager's engine ID, boots and time (or the engine ID the client was given), and the
   * user's keys are localized to that engine.
   */
  CompletableFuture<Void> sendOnly(IntFunction<Pdu> pduForId) {
    CompletableFuture<Endpoint> where = fixed != null ? CompletableFuture.completedFuture(fixed) : resolver.resolve(agent);
    return after(where, endpoint -> {
      int id = requestIds.getAsInt();
      byte[] wire;
      if (user != null) {
        Usm.Engine own = usm.local();
        Usm.Engine local = givenEngineId == null ? own : new Usm.Engine(givenEngineId, own.boots(), own.time());
        wire = usm.request(local, user, userName, contextEngineId != null ? contextEngineId : local.id, contextName, id, pduForId.apply(id));
      } else {
        wire = MessageCodec.encode(new CommunityMessage(version, community, pduForId.apply(id)));
      }
      return sender.sendOnly(endpoint, wire);
    });
  }

  /**
   * {@code next} applied to {@code first}'s value: at once when it is there (no future more), else when it
   * comes; cancelling the result cancels what {@code next} started.
   */
  private static <A, T> CompletableFuture<T> after(CompletableFuture<A> first, Function<A, CompletableFuture<T>> next) {
    if (first.isDone() && !first.isCompletedExceptionally()) {
      return next.apply(first.join());
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    first.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            result.completeExceptionally(unwrap(failure));
          } else if (!result.isDone()) {
            CompletableFuture<T> inner = next.apply(value);
            cancelling(result, inner);
            inner.whenComplete((r, e) -> complete(result, r, e));
          }
        });
    return result;
  }

  private <T> CompletableFuture<T> send(Endpoint endpoint, IntFunction<Pdu> pduForId, List<VarBind> sent, int min, int max, boolean internal, Function<Response, T> then) {
    if (user != null) {
      return sendV3(endpoint, pduForId, sent, min, max, internal, then, true);
    }
    int id = requestIds.getAsInt();
    Pdu pdu = pduForId.apply(id);
    byte[] wire = MessageCodec.encode(new CommunityMessage(version, community, pdu));
    Reply<T> reply = new Reply<>(this, endpoint, null, id, sent, sameOids(pdu), min, max, then);
    reply.attach(pacer.send(sender, endpoint, wire, timeout, attempts, maxOutstandingPerAgent, reply, internal, adaptiveTimeout));
    return reply;
  }

  /**
   * A GET, SET or InformRequest is answered with its own OIDs (RFC 3416 §4.2.1, §4.2.5, §4.2.7): decode
   * against them.
   */
  private static boolean sameOids(Pdu pdu) {
    PduType type = pdu.type();
    return type.equals(PduType.GET_REQUEST) || type.equals(PduType.SET_REQUEST) || type.equals(PduType.INFORM_REQUEST);
  }

  /**
   * SNMPv3: the agent's engine first (discovered once per manager and agent), then the request; a
   * notInTimeWindow Report (the clock is resynchronized from it) or an unknownEngineID one (the engine is
   * discovered again) is answered by sending the request once more ({@code again}).
   */
  private <T> CompletableFuture<T> sendV3(Endpoint endpoint, IntFunction<Pdu> pduForId, List<VarBind> sent, int min, int max, boolean internal, Function<Response, T> then, boolean again) {
    CompletableFuture<Usm.Engine> engine =
        givenEngine != null ? givenEngine : usm.engine(endpoint, requestIds.getAsInt(), wire -> pacer.send(sender, endpoint, wire, timeout, attempts, maxOutstandingPerAgent, ReplyCheck.ANY, true, adaptiveTimeout));
    CompletableFuture<T> first = after(engine, e -> sendV3(endpoint, e, pduForId, sent, min, max, internal, then));
    if (!again) {
      return first;
    }
    return first.exceptionallyCompose(
        failure -> {
          Throwable e = unwrap(failure);
          if (e instanceof UsmException u && (u.reason() == UsmException.Reason.NOT_IN_TIME_WINDOW || u.reason() == UsmException.Reason.UNKNOWN_ENGINE_ID)) {
            return sendV3(endpoint, pduForId, sent, min, max, internal, then, false);
          }
          return CompletableFuture.failedFuture(e);
        });
  }

  private <T> CompletableFuture<T> sendV3(Endpoint endpoint, Usm.Engine engine, IntFunction<Pdu> pduForId, List<VarBind> sent, int min, int max, boolean internal, Function<Response, T> then) {
    int id = requestIds.getAsInt(); // msgID and request-id alike: the transport matches the answer by msgID
    Pdu pdu = pduForId.apply(id);
    byte[] wire = usm.request(engine, user, userName, contextEngineId != null ? contextEngineId : engine.id, contextName, id, pdu);
    Reply<T> reply = new Reply<>(this, endpoint, engine, id, sent, sameOids(pdu), min, max, then);
    reply.attach(pacer.send(sender, endpoint, wire, timeout, attempts, maxOutstandingPerAgent, reply, internal, adaptiveTimeout));
    return reply;
  }

  /**
   * A request's one future: it hears the raw reply (as the wire future's completion callback, so nothing
   * else is allocated), checks it, applies the operation's last step, and cancels the wire future when it
   * is cancelled.
   */
  private static final class Reply<T> extends CompletableFuture<T> implements BiConsumer<byte[], Throwable>, ReplyCheck {
    private final Exchange exchange;
    private final Endpoint endpoint;
    private final Usm.Engine engine; // SNMPv3's; null for v1 and v2c
    private final int id;
    private final List<VarBind> sent;
    private final boolean sameOids;
    private final int min;
    private final int max;
    private final Function<Response, T> then;
    private volatile CompletableFuture<byte[]> wire;
    /** The reply {@link #accepts} passed (on the I/O thread, before the wire future completed with it). */
    private byte[] verified;
    /** SNMPv3: that reply, decoded there once, with the request's OIDs. */
    private Message decoded;

    Reply(Exchange exchange, Endpoint endpoint, Usm.Engine engine, int id, List<VarBind> sent, boolean sameOids, int min, int max, Function<Response, T> then) {
      this.exchange = exchange;
      this.engine = engine;
      this.sameOids = sameOids;
      this.endpoint = endpoint;
      this.id = id;
      this.sent = sent;
      this.min = min;
      this.max = max;
      this.then = then;
    }

    void attach(CompletableFuture<byte[]> wire) {
      this.wire = wire;
      if (isCancelled()) {
        wire.cancel(true);
      }
      wire.whenComplete(this);
    }

    @Override
    public boolean accepts(byte[] reply) {
      boolean ok;
      Message m = null;
      try {
        if (engine != null) {
          m = MessageCodec.decodeAdopting(reply, 0, reply.length, sameOids ? sent : List.of());
        }
        ok = exchange.authentic(endpoint, engine, id, reply, m);
      } catch (RuntimeException e) { // unparsable; nothing may reach the I/O thread's loop, which it would end
        ok = exchange.drops.drop(ReplyDrops.Reason.UNPARSABLE, endpoint, id);
      }
      if (ok) {
        verified = reply;
        decoded = m;
      }
      return ok;
    }

    @Override
    public void accept(byte[] bytes, Throwable failure) {
      if (failure != null) {
        completeExceptionally(exchange.explained(unwrap(failure)));
        return;
      }
      T value;
      try {
        value = then.apply(exchange.check(endpoint, engine, id, bytes, bytes == verified ? decoded : null, bytes == verified, sent, sameOids, min, max));
      } catch (RuntimeException e) {
        completeExceptionally(e);
        return;
      }
      complete(value);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      CompletableFuture<byte[]> w = wire;
      if (cancelled && w != null) {
        w.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }
  }

  /** {@code outer}, which when cancelled cancels {@code inner} too (a dependent stage does not, by itself). */
  static <T> CompletableFuture<T> cancelling(CompletableFuture<T> outer, CompletableFuture<?> inner) {
    outer.whenComplete(
        (v, e) -> {
          if (outer.isCancelled()) {
            inner.cancel(true);
          }
        });
    return outer;
  }

  private static <T> void complete(CompletableFuture<T> f, T value, Throwable failure) {
    if (failure != null) {
      f.completeExceptionally(unwrap(failure));
    } else {
      f.complete(value);
    }
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** An authPriv request that timed out most likely met an agent that could not decrypt it: say so. */
  private Throwable explained(Throwable failure) {
    if (failure instanceof SnmpTimeoutException t && user != null && user.level() == SecurityLevel.AUTH_PRIV) {
      return t.withCheck("check address, port and credentials; an SNMPv3 agent does not answer a request it cannot decrypt: check the privacy pass phrase and protocol (" + user.priv().netSnmpName() + ") of user " + user.user());
    }
    return failure;
  }

  /**
   * Whether {@code reply} from {@code from} may be the answer to request {@code id}: its version and
   * community (SNMPv1, v2c), or what {@link Usm#forgery} checks (SNMPv3, {@code decoded}). A refused one
   * is counted.
   */
  private boolean authentic(Endpoint from, Usm.Engine engine, int id, byte[] reply, Message decoded) {
    if (engine != null) {
      ReplyDrops.Reason forgery = usm.forgery(engine, user, userName, id, decoded, reply);
      return forgery == null || drops.drop(forgery, from, id);
    }
    try {
      if (MessageCodec.peekVersion(reply, 0, reply.length) != version) {
        return drops.drop(ReplyDrops.Reason.WRONG_VERSION, from, id);
      }
      if (!MessageCodec.hasCommunity(reply, 0, reply.length, community)) {
        return drops.drop(ReplyDrops.Reason.WRONG_COMMUNITY, from, id);
      }
    } catch (MalformedPacketException e) {
      return drops.drop(ReplyDrops.Reason.UNPARSABLE, from, id);
    }
    return true;
  }

  /**
   * The checks, in the order a reader of the packet meets them; {@code verified}: {@link #authentic}
   * passed the reply already (through a {@link Sender} that runs the check).
   */
  private Response check(Endpoint endpoint, Usm.Engine engine, int id, byte[] reply, Message decoded, boolean verified, List<VarBind> sent, boolean sameOids,
      int min, int max) {
    List<VarBind> asked = sameOids ? sent : List.of();
    Pdu received;
    if (engine != null) {
      received = usm.answer(engine, user, endpoint, id, reply, decoded, asked, verified);
    } else {
      Message m = MessageCodec.decodeAdopting(reply, 0, reply.length, asked);
      if (m.version() != version) {
        throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "an SNMP " + m.version().label() + " answer to an SNMP " + version.label() + " request");
      }
      if (!verified && !((CommunityMessage) m).community().equals(community)) {
        throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "an answer with another community than the request's");
      }
      received = m.pdu();
    }
    if (!(received instanceof StandardPdu pdu) || !pdu.type().equals(PduType.RESPONSE)) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "a " + received.type() + " instead of a Response");
    }
    if (pdu.requestId() != id) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "a Response to request-id " + pdu.requestId() + " instead of " + id);
    }
    ErrorStatus status = pdu.errorStatus();
    if (!status.isOk()) {
      throw errorResponse(endpoint, status, pdu.errorIndex(), sent);
    }
    List<VarBind> vbs = pdu.varBinds();
    if (vbs.size() < min || vbs.size() > max) {
      String expected = min == max ? Integer.toString(min) : min + ".." + max;
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_VARBIND_COUNT, vbs.size() + " varbinds in a Response where " + expected + " belong");
    }
    return new Response(endpoint, vbs);
  }

  /** The exception for an error-status: {@link NoSuchOidException} for SNMPv1's "no such object", else {@link ErrorResponseException}. */
  private static SnmpException errorResponse(Endpoint endpoint, ErrorStatus status, int index, List<VarBind> sent) {
    Oid offending = index >= 1 && index <= sent.size() ? sent.get(index - 1).oid() : null;
    // SNMPv1 says noSuchName both for a missing object (GET, GETNEXT: NULL values) and a refused SET.
    if (status.equals(ErrorStatus.NO_SUCH_NAME) && offending != null && sent.get(index - 1).value().type() == SmiType.NULL) {
      return new NoSuchOidException(endpoint, offending, NoSuchOidException.Marker.V1_NO_SUCH_NAME);
    }
    return new ErrorResponseException(endpoint, status, index, offending);
  }
}
