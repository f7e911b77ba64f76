package dev.puresnmp.client;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.DecryptionException;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.security.SecurityLevel;
import dev.puresnmp.security.UsmKeys;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.security.AuthoritativeEngine;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * SNMPv3's User-based Security Model on the manager's side (RFC 3414), shared by every client of one
 * manager: the agents' engines (ID, boots and time, discovered once per agent endpoint and kept in step
 * with what authenticated answers say), the users' localized keys ({@link UsmKeys}: a pass phrase is
 * hashed once per manager, not once per client) and the salt of encryption. It makes a request's bytes
 * and reads an answer's: the MAC checked over the bytes as received, the scoped PDU decrypted, the time
 * window checked, a Report turned into a {@link UsmException}.
 */
final class Usm {
  /** RFC 3414 §3.2 step 7b: an answer whose time lies more than this behind ours is not in the window. */
  static final int TIME_WINDOW_SECONDS = 150;

  /** 2000-01-01T00:00:00Z in Unix seconds: where the local engine's time counts from (see {@link #Usm}). */
  private static final long TIME_ORIGIN = 946_684_800L;

  final UsmKeys keys = new UsmKeys();
  /** The engine ID and boots given for this manager's own engine; null: a random ID, made when first asked for. */
  private final Bytes givenEngineId;
  private final int boots;
  private final int startTime;
  /** This manager's own engine ({@link #local()}), made on first use: a random ID needs a SecureRandom. */
  private volatile Engine local;
  private final ConcurrentHashMap<Endpoint, CompletableFuture<Engine>> engines = new ConcurrentHashMap<>();
  /**
   * The salt of encryption, from a SecureRandom seeded on first use: seeding one costs a fresh JVM 20–30 ms,
   * which a run that never encrypts (every SNMPv1 and v2c command) should not pay.
   */
  private volatile AtomicLong salt;

  /**
   * A manager whose own engine is {@code engineId} with {@code boots}. Its time counts the seconds since
   * 2000-01-01 UTC (read once from the wall clock, then on the monotonic one): a receiver that checks the
   * time window of traps (RFC 3414 §3.2 step 7b) accepts the traps of a restarted manager with the same
   * engine ID and boots, which a time counted from the start would not be.
   */
  Usm(Bytes engineId, int boots) {
    long now = System.currentTimeMillis() / 1000 - TIME_ORIGIN;
    this.givenEngineId = engineId;
    this.boots = boots;
    this.startTime = (int) Math.max(0, Math.min(Integer.MAX_VALUE, now));
  }

  /**
   * This manager's own engine: the authoritative one of the SNMPv3 traps it sends (RFC 3414 §1.5.1); its
   * ID the one given, or a random one made now, once.
   */
  Engine local() {
    Engine l = local;
    if (l == null) {
      synchronized (this) {
        if (local == null) {
          local = new Engine(givenEngineId != null ? givenEngineId : AuthoritativeEngine.randomEngineId(), boots, startTime);
        }
        l = local;
      }
    }
    return l;
  }

  private long nextSalt() {
    AtomicLong s = salt;
    if (s == null) {
      synchronized (this) {
        if (salt == null) {
          salt = new AtomicLong(new SecureRandom().nextLong());
        }
        s = salt;
      }
    }
    return s.getAndIncrement();
  }

  /** An authoritative engine as we know it: its ID, and its boots and time counted on our monotonic clock. */
  static final class Engine {
    final Bytes id;
    final byte[] idBytes;
    private volatile Clock clock;

    /** Boots, the local nanoTime at which the engine's time was 0, and the latest time heard (RFC 3414 §2.3). */
    private record Clock(int boots, long origin, int latest) {
      int time(long now) {
        long t = (now - origin) / 1_000_000_000L;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, t));
      }
    }

    Engine(Bytes id, int boots, int time) {
      this.id = id;
      this.idBytes = id.toByteArray();
      this.clock = clockAt(boots, time);
    }

    private static Clock clockAt(int boots, int time) {
      return new Clock(boots, System.nanoTime() - time * 1_000_000_000L, time);
    }

    int boots() {
      return clock.boots();
    }

    int time() {
      return clock.time(System.nanoTime());
    }

    /** Sets boots and time to what the engine says (its Report of notInTimeWindow, RFC 3414 §4). */
    void resync(int boots, int time) {
      clock = clockAt(boots, time);
    }

    /**
     * RFC 3414 §3.2 step 7b, for an authenticated message from this engine: takes newer boots or time;
     * false when the message lies outside the time window.
     */
    boolean heard(int boots, int time) {
      while (true) {
        Clock c = clock;
        if (boots > c.boots() || (boots == c.boots() && time > c.latest())) {
          Clock newer = clockAt(boots, time);
          if (CLOCK.compareAndSet(this, c, newer)) {
            return true;
          }
          continue;
        }
        return !(c.boots() == Integer.MAX_VALUE || boots < c.boots() || (long) c.time(System.nanoTime()) - time > TIME_WINDOW_SECONDS);
      }
    }

    private static final java.lang.invoke.VarHandle CLOCK;

    static {
      try {
        CLOCK = java.lang.invoke.MethodHandles.lookup().findVarHandle(Engine.class, "clock", Clock.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  /**
   * The engine at {@code endpoint}: known, or discovered now (RFC 3414 §4) by one request that every
   * caller meanwhile shares; a failed discovery is forgotten, so that the next request tries again.
   */
  CompletableFuture<Engine> engine(Endpoint endpoint, int id, Function<byte[], CompletableFuture<byte[]>> send) {
    CompletableFuture<Engine> known = engines.get(endpoint);
    if (known != null) {
      return known;
    }
    CompletableFuture<Engine> mine = new CompletableFuture<>();
    known = engines.putIfAbsent(endpoint, mine);
    if (known != null) {
      return known;
    }
    V3Message probe = new V3Message(id, MessageCodec.MESSAGE_MAX_SIZE, V3Message.REPORTABLE, UsmParameters.discovery(),
        new ScopedPdu(Bytes.EMPTY, Bytes.EMPTY, StandardPdu.get(id, List.of())), null);
    send.apply(MessageCodec.encode(probe))
        .whenComplete(
            (reply, failure) -> {
              try {
                if (failure != null) {
                  throw Exchange.unwrap(failure);
                }
                mine.complete(discovered(endpoint, id, reply));
              } catch (Throwable t) {
                engines.remove(endpoint, mine);
                mine.completeExceptionally(t);
              }
            });
    return mine;
  }

  private static Engine discovered(Endpoint endpoint, int id, byte[] reply) {
    Message any = MessageCodec.decodeAdopting(reply, 0, reply.length, List.of());
    if (!(any instanceof V3Message m) || m.msgId() != id || m.encrypted() || m.usm().engineId().size() == 0) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "no engine ID in the answer to an SNMPv3 discovery");
    }
    return new Engine(m.usm().engineId().compact(), m.usm().engineBoots(), m.usm().engineTime()); // kept: not a view of the datagram
  }

  /** Forgets {@code engine} (its agent said it does not know that ID): the next request discovers again. */
  void forget(Endpoint endpoint, Engine engine) {
    CompletableFuture<Engine> f = engines.get(endpoint);
    if (f != null && f.getNow(null) == engine) {
      engines.remove(endpoint, f);
    }
  }

  /** The bytes of {@code user}'s request {@code pdu} to {@code engine}: encrypted and signed as its level says. */
  byte[] request(Engine engine, Credentials.V3 user, Bytes userName, Bytes contextEngineId, Bytes contextName, int msgId, Pdu pdu) {
    SecurityLevel level = user.level();
    boolean auth = level != SecurityLevel.NO_AUTH_NO_PRIV;
    boolean priv = level == SecurityLevel.AUTH_PRIV;
    int boots = engine.boots();
    int time = engine.time();
    int flags = (confirmed(pdu.type()) ? V3Message.REPORTABLE : 0) | (auth ? V3Message.AUTH : 0) | (priv ? V3Message.PRIV : 0);
    Bytes mac = auth ? Bytes.of(new byte[user.auth().macLength()]) : Bytes.EMPTY; // zeros until signed
    ScopedPdu scoped = new ScopedPdu(contextEngineId, contextName, pdu);
    V3Message m;
    if (priv) {
      byte[] plain = MessageCodec.encodeScopedPdu(scoped);
      PrivProtocol.Encrypted e = user.priv().encrypt(keys.privKey(user, engine.idBytes), boots, time, nextSalt(), plain, 0, plain.length);
      UsmParameters usm = new UsmParameters(engine.id, boots, time, userName, mac, Bytes.of(e.privParameters()));
      m = new V3Message(msgId, MessageCodec.MESSAGE_MAX_SIZE, flags, usm, null, Bytes.of(e.ciphertext()));
    } else {
      m = new V3Message(msgId, MessageCodec.MESSAGE_MAX_SIZE, flags, new UsmParameters(engine.id, boots, time, userName, mac, Bytes.EMPTY), scoped, null);
    }
    byte[] wire = MessageCodec.encode(m);
    if (auth) {
      user.auth().signMessage(keys.authKey(user, engine.idBytes), wire);
    }
    return wire;
  }

  /** RFC 3412 §6.4: the reportable flag goes on the Confirmed Class only (not on a trap, Response or Report). */
  private static boolean confirmed(PduType type) {
    return !(type.equals(PduType.SNMPV2_TRAP) || type.equals(PduType.RESPONSE) || type.equals(PduType.REPORT));
  }

  /**
   * Why {@code reply} (decoded: {@code any}) cannot be the answer of {@code engine} to {@code user}'s
   * request {@code msgId}, or null when it may be: judged on the transport's I/O thread before the reply completes the request, so
   * that a forged or replayed one is dropped and the request waits on for its true answer. An
   * authenticated user's answer must carry the request's engine ID and user and a MAC that verifies
   * (RFC 3414 §3.2 steps 3, 6), a Response the request's security level (RFC 3412 §7.2.11: only a Report
   * may have less), and a time inside the window (§3.2 step 7b; which this takes the newer time from).
   * An unauthenticated Report is taken: agents send their refusals (unknown user, wrong digest) that way.
   */
  ReplyDrops.Reason forgery(Engine engine, Credentials.V3 user, Bytes userName, int msgId, Message any, byte[] reply) {
    if (!(any instanceof V3Message m)) {
      return ReplyDrops.Reason.WRONG_VERSION;
    }
    boolean report = !m.encrypted() && m.scopedPdu().pdu().type().equals(PduType.REPORT);
    if (m.msgId() != msgId || (!m.encrypted() && !report && m.scopedPdu().pdu() instanceof StandardPdu p && p.requestId() != msgId)) {
      return ReplyDrops.Reason.WRONG_REQUEST_ID;
    }
    if (user.auth() == null) {
      return null; // noAuthNoPriv: nothing to verify
    }
    if (!m.authenticated()) {
      return report ? null : ReplyDrops.Reason.WRONG_SECURITY_LEVEL;
    }
    UsmParameters usm = m.usm();
    if (!usm.engineId().equals(engine.id) || !usm.userName().equals(userName)
        || !user.auth().verifyMessage(keys.authKey(user, engine.idBytes), reply, 0, reply.length)) {
      return ReplyDrops.Reason.WRONG_DIGEST;
    }
    if (user.priv() != null && !m.encrypted() && !report) {
      return ReplyDrops.Reason.WRONG_SECURITY_LEVEL;
    }
    // a notInTimeWindow Report carries the agent's true clock, which may well lie outside what we knew
    if (!report && !engine.heard(usm.engineBoots(), usm.engineTime())) {
      return ReplyDrops.Reason.NOT_IN_TIME_WINDOW;
    }
    return null;
  }

  /**
   * The PDU of the answer {@code reply} to {@code user}'s request {@code msgId}: its MAC checked over the
   * bytes as received, decrypted, its time checked against the window ({@code verified}: {@link #forgery}
   * passed it already, as {@code decoded}; null: decode it here). A Report becomes a {@link UsmException} (after resynchronizing the engine's clock,
   * for notInTimeWindow).
   */
  Pdu answer(Engine engine, Credentials.V3 user, Endpoint from, int msgId, byte[] reply, Message decoded, List<VarBind> expected, boolean verified) {
    Message any = decoded != null ? decoded : MessageCodec.decodeAdopting(reply, 0, reply.length, expected);
    if (!(any instanceof V3Message m)) {
      throw new FaultyAgentException(from, FaultyAgentException.Fault.WRONG_RESPONSE, "an SNMP " + any.version().label() + " answer to an SNMPv3 request");
    }
    if (m.msgId() != msgId) {
      throw new FaultyAgentException(from, FaultyAgentException.Fault.WRONG_RESPONSE, "an answer to msgID " + m.msgId() + " instead of " + msgId);
    }
    UsmParameters usm = m.usm();
    if (m.authenticated()
        && !verified
        && (user.auth() == null
            || !usm.engineId().equals(engine.id)
            || !user.auth().verifyMessage(keys.authKey(user, engine.idBytes), reply, 0, reply.length))) {
      throw refused(from, UsmException.Reason.BAD_ANSWER, user);
    }
    ScopedPdu scoped = m.encrypted() ? decrypt(m, engine, user, from, expected) : m.scopedPdu();
    Pdu pdu = scoped.pdu();
    if (pdu.type().equals(PduType.REPORT)) {
      throw report(m, pdu, engine, user, from);
    }
    if (user.auth() != null && !m.authenticated()) {
      throw refused(from, UsmException.Reason.BAD_ANSWER, user); // RFC 3412 §7.2.11: only a Report may have less security
    }
    if (m.authenticated() && !verified && !engine.heard(usm.engineBoots(), usm.engineTime())) {
      throw refused(from, UsmException.Reason.NOT_IN_TIME_WINDOW, user);
    }
    return pdu;
  }

  private ScopedPdu decrypt(V3Message m, Engine engine, Credentials.V3 user, Endpoint from, List<VarBind> expected) {
    if (user.priv() == null) {
      throw refused(from, UsmException.Reason.BAD_ANSWER, user);
    }
    try {
      return user.priv().decryptScopedPdu(keys.privKey(user, engine.idBytes), m, expected);
    } catch (DecryptionException | MalformedPacketException e) {
      throw refused(from, UsmException.Reason.BAD_ANSWER, user);
    }
  }

  /** The exception a Report means; a notInTimeWindow Report that passed authentication resyncs the clock first. */
  private UsmException report(V3Message m, Pdu pdu, Engine engine, Credentials.V3 user, Endpoint from) {
    for (VarBind vb : pdu.varBinds()) {
      UsmException.Reason reason = UsmException.Reason.ofCounter(vb.oid());
      if (reason == null) {
        continue;
      }
      if (reason == UsmException.Reason.NOT_IN_TIME_WINDOW && m.authenticated()) {
        engine.resync(m.usm().engineBoots(), m.usm().engineTime());
      } else if (reason == UsmException.Reason.UNKNOWN_ENGINE_ID) {
        forget(from, engine);
      }
      return refused(from, reason, user);
    }
    throw new FaultyAgentException(from, FaultyAgentException.Fault.WRONG_RESPONSE,
        "a Report of " + (pdu.varBinds().isEmpty() ? "nothing" : pdu.varBinds().get(0).oid().toDottedString()) + " instead of a Response");
  }

  private static UsmException refused(Endpoint from, UsmException.Reason reason, Credentials.V3 user) {
    return new UsmException(from, reason, user.user(), user.level().netSnmpName());
  }
}
