package dev.puresnmp.security;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.VarBind;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The authoritative side of SNMPv3's User-based Security Model (RFC 3414 §3.2): the engine an agent (or a
 * receiver of informs) is, with its ID, boots and time, and its users. It takes a datagram as received,
 * checks it in the RFC's order (engine ID, user, level, MAC over the bytes as received, time window,
 * decryption) and gives back either the request's plain scoped PDU or the Report that refuses it; then
 * it encrypts and signs the answer at the request's level. A manager discovers it as Net-SNMP's tools
 * do: its first, empty request gets a Report of usmStatsUnknownEngineIDs with the ID, boots and time.
 *
 * <pre>{@code
 * AuthoritativeEngine engine = AuthoritativeEngine.builder()
 *     .user(Credentials.v3("admin").auth(AuthProtocol.SHA256, "authpass123").priv(PrivProtocol.AES, "privpass123"))
 *     .build();                                  // a random engine ID, boots 1
 * Received r = engine.receive(datagram, 0, length);
 * if (r instanceof Received.Request q) {
 *   byte[] reply = engine.respond(q, answer(q.scopedPdu().pdu()));
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of receive loops may share one engine. Any bytes at all may arrive: what
 * is not an SNMPv3 message with USM parameters is a counted {@link Received.Refusal#PARSE_ERROR}, never
 * an exception. Every user may send at its own level or a lower one (USM allows it; who may read what
 * is access control's business, which this engine does not do).
 */
public final class AuthoritativeEngine {
  /** RFC 3414 §3.2 step 7a: a request whose time is more than this away from ours is refused. */
  public static final int TIME_WINDOW_SECONDS = 150;

  /**
   * The first five bytes of a random engine ID (RFC 3411 §5): the high bit, Net-SNMP's enterprise
   * number 8072 (as snmpd's own IDs; we have none of our own), format 5 (administratively assigned
   * octets); 12 random bytes follow.
   */
  private static final byte[] ENGINE_ID_PREFIX = {(byte) 0x80, 0x00, 0x1f, (byte) 0x88, 0x05};

  private static final int RANDOM_ENGINE_ID_BYTES = 12;

  /** Room for what makes an answer longer than its plain scoped PDU: DES padding, longer lengths. */
  private static final int SIZE_SLACK = 24;

  private final Bytes engineId;
  private final int engineBoots;
  private final long startNanos = System.nanoTime();
  private final Map<Bytes, User> users;
  private final AtomicLong salt = new AtomicLong(new SecureRandom().nextLong());
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong[] refused = new AtomicLong[Received.Refusal.values().length];

  /** A user and its keys, localized to this engine once. */
  private record User(Credentials.V3 credentials, byte[] authKey, byte[] privKey) {
    /** The credentials (which mask their pass phrases), never the keys. */
    @Override
    public String toString() {
      return "User[" + credentials + ", keys=***]";
    }
  }

  private AuthoritativeEngine(Builder b) {
    this.engineId = b.engineId != null ? b.engineId : randomEngineId();
    this.engineBoots = b.engineBoots;
    UsmKeys keys = new UsmKeys();
    byte[] id = engineId.toByteArray();
    Map<Bytes, User> map = new LinkedHashMap<>();
    for (Credentials.V3 u : b.users) {
      map.put(Bytes.utf8(u.user()), new User(u, keys.authKey(u, id), keys.privKey(u, id)));
    }
    this.users = map;
    for (int i = 0; i < refused.length; i++) {
      refused[i] = new AtomicLong();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A new random engine ID: 80 00 1f 88 05 and 12 random bytes (RFC 3411 §5, format 5). */
  public static Bytes randomEngineId() {
    byte[] id = new byte[ENGINE_ID_PREFIX.length + RANDOM_ENGINE_ID_BYTES];
    System.arraycopy(ENGINE_ID_PREFIX, 0, id, 0, ENGINE_ID_PREFIX.length);
    byte[] random = new byte[RANDOM_ENGINE_ID_BYTES];
    new SecureRandom().nextBytes(random);
    System.arraycopy(random, 0, id, ENGINE_ID_PREFIX.length, random.length);
    return Bytes.of(id);
  }

  public Bytes engineId() {
    return engineId;
  }

  public int engineBoots() {
    return engineBoots;
  }

  /** Seconds since this engine was built, on the monotonic clock (snmpEngineTime, RFC 3411 §5). */
  public int engineTime() {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000_000L);
  }

  /** The users, in the order they were added. */
  public List<Credentials.V3> users() {
    return users.values().stream().map(User::credentials).toList();
  }

  public UsmCounters counters() {
    return new UsmCounters(accepted.get(),
        count(Received.Refusal.UNSUPPORTED_SEC_LEVEL), count(Received.Refusal.NOT_IN_TIME_WINDOW),
        count(Received.Refusal.UNKNOWN_USER_NAME), count(Received.Refusal.UNKNOWN_ENGINE_ID),
        count(Received.Refusal.WRONG_DIGEST), count(Received.Refusal.DECRYPTION_ERROR),
        count(Received.Refusal.PARSE_ERROR));
  }

  private long count(Received.Refusal r) {
    return refused[r.ordinal()].get();
  }

  /**
   * Checks the message in {@code packet[offset .. offset+length)} as RFC 3414 §3.2 says, in its order;
   * the array is only read. Never throws for any bytes.
   */
  public Received receive(byte[] packet, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, packet.length);
    try {
      Message any = MessageCodec.decode(packet, offset, length);
      return any instanceof V3Message m ? check(m, packet, offset, length) : dropped(Received.Refusal.PARSE_ERROR);
    } catch (MalformedPacketException | IllegalArgumentException e) {
      return dropped(Received.Refusal.PARSE_ERROR);
    }
  }

  private Received check(V3Message m, byte[] packet, int offset, int length) {
    UsmParameters usm = m.usm();
    SecurityLevel level = m.encrypted() ? SecurityLevel.AUTH_PRIV
        : m.authenticated() ? SecurityLevel.AUTH_NO_PRIV : SecurityLevel.NO_AUTH_NO_PRIV;
    if (!usm.engineId().equals(engineId)) {
      return refuse(m, Received.Refusal.UNKNOWN_ENGINE_ID, null); // step 3; also how a manager discovers us
    }
    User user = users.get(usm.userName());
    if (user == null) {
      return refuse(m, Received.Refusal.UNKNOWN_USER_NAME, null); // step 4
    }
    if (level.compareTo(user.credentials().level()) > 0) {
      return refuse(m, Received.Refusal.UNSUPPORTED_SEC_LEVEL, null); // step 5
    }
    if (level != SecurityLevel.NO_AUTH_NO_PRIV) {
      AuthProtocol auth = user.credentials().auth();
      // step 6: the MAC over the bytes as received; a MAC of the wrong length is a wrong digest too
      if (usm.authParameters().size() != auth.macLength()
          || !auth.verifyMessage(user.authKey(), packet, offset, length)) {
        return refuse(m, Received.Refusal.WRONG_DIGEST, null);
      }
      // step 7a: boots must match and time lie within the window; the Report is authenticated (§3.2 step 7a)
      if (engineBoots == Integer.MAX_VALUE || usm.engineBoots() != engineBoots
          || Math.abs((long) usm.engineTime() - engineTime()) > TIME_WINDOW_SECONDS) {
        return refuse(m, Received.Refusal.NOT_IN_TIME_WINDOW, user);
      }
    }
    ScopedPdu scoped = m.scopedPdu();
    if (level == SecurityLevel.AUTH_PRIV) {
      try {
        scoped = user.credentials().priv().decryptScopedPdu(user.privKey(), m, List.of());
      } catch (DecryptionException e) {
        return refuse(m, Received.Refusal.DECRYPTION_ERROR, null); // step 8
      } catch (MalformedPacketException | IllegalArgumentException e) {
        // a wrong privacy key decrypts to noise: snmpInASNParseErrs and no answer, as snmpd does
        return dropped(Received.Refusal.PARSE_ERROR);
      }
    }
    accepted.incrementAndGet();
    return new Received.Request(m.msgId(), m.maxSize(), level, user.credentials(), scoped);
  }

  /**
   * The answer to {@code request}: {@code pdu} in its context, at its level (encrypted and signed with
   * its user's keys), under its msgID, with this engine's boots and time.
   */
  public byte[] respond(Received.Request request, Pdu pdu) {
    User user = users.get(Bytes.utf8(request.user().user()));
    if (user == null || !user.credentials().equals(request.user())) {
      throw new IllegalArgumentException("not a request this engine accepted: " + request.user());
    }
    ScopedPdu in = request.scopedPdu();
    ScopedPdu out = new ScopedPdu(in.contextEngineId().size() == 0 ? engineId : in.contextEngineId(), in.contextName(), pdu);
    return encode(request.msgId(), request.level(), user, out);
  }

  /**
   * An upper bound of the bytes an answer to {@code request} takes beyond its varbinds: what a responder
   * subtracts from {@link Received.Request#maxSize()} to know how much it may put in.
   */
  public int overhead(Received.Request request) {
    User user = users.get(Bytes.utf8(request.user().user()));
    boolean auth = request.level() != SecurityLevel.NO_AUTH_NO_PRIV;
    Bytes mac = auth ? Bytes.of(new byte[user.credentials().auth().macLength()]) : Bytes.EMPTY;
    Bytes priv = request.level() == SecurityLevel.AUTH_PRIV ? Bytes.of(new byte[8]) : Bytes.EMPTY;
    ScopedPdu empty = new ScopedPdu(engineId, request.scopedPdu().contextName(),
        StandardPdu.response(Integer.MAX_VALUE, ErrorStatus.NO_ERROR, 0, List.of()));
    UsmParameters usm = new UsmParameters(engineId, engineBoots, Integer.MAX_VALUE, Bytes.utf8(request.user().user()), mac, priv);
    V3Message m = priv.size() == 0
        ? new V3Message(request.msgId(), MessageCodec.MESSAGE_MAX_SIZE, flags(request.level()), usm, empty, null)
        : new V3Message(request.msgId(), MessageCodec.MESSAGE_MAX_SIZE, flags(request.level()), usm, null, Bytes.of(MessageCodec.encodeScopedPdu(empty)));
    return MessageCodec.encode(m).length + SIZE_SLACK;
  }

  /** Counts the refusal; answers with a Report of its counter if the message asks for one (RFC 3412 §7.1 step 3). */
  private Received refuse(V3Message m, Received.Refusal why, User signer) {
    long value = refused[why.ordinal()].incrementAndGet();
    if (!m.reportable()) {
      return new Received.Refused(why, Bytes.EMPTY);
    }
    Pdu request = m.encrypted() ? null : m.scopedPdu().pdu();
    int requestId = request instanceof StandardPdu s ? s.requestId() : request instanceof BulkPdu b ? b.requestId() : 0;
    Pdu report = StandardPdu.of(PduType.REPORT, requestId, List.of(new VarBind(why.counter(), new Counter32(value & 0xFFFF_FFFFL))));
    Bytes contextName = m.encrypted() ? Bytes.EMPTY : m.scopedPdu().contextName();
    // Reports go at noAuthNoPriv, but notInTimeWindow at authNoPriv so that the manager may trust our clock (RFC 3414 §3.2 step 7a)
    SecurityLevel level = signer != null ? SecurityLevel.AUTH_NO_PRIV : SecurityLevel.NO_AUTH_NO_PRIV;
    User user = signer != null ? signer : new User(Credentials.v3(""), null, null);
    byte[] wire = encode(m.msgId(), level, user, m.usm().userName(), new ScopedPdu(engineId, contextName, report));
    return new Received.Refused(why, Bytes.of(wire));
  }

  private Received dropped(Received.Refusal why) {
    refused[why.ordinal()].incrementAndGet();
    return new Received.Refused(why, Bytes.EMPTY);
  }

  private byte[] encode(int msgId, SecurityLevel level, User user, ScopedPdu scoped) {
    return encode(msgId, level, user, Bytes.utf8(user.credentials().user()), scoped);
  }

  /** An outgoing message, never reportable (RFC 3412 §6.4): encrypted and signed as {@code level} says. */
  private byte[] encode(int msgId, SecurityLevel level, User user, Bytes userName, ScopedPdu scoped) {
    boolean auth = level != SecurityLevel.NO_AUTH_NO_PRIV;
    int boots = engineBoots;
    int time = engineTime();
    Bytes mac = auth ? Bytes.of(new byte[user.credentials().auth().macLength()]) : Bytes.EMPTY; // zeros until signed
    V3Message m;
    if (level == SecurityLevel.AUTH_PRIV) {
      byte[] plain = MessageCodec.encodeScopedPdu(scoped);
      PrivProtocol.Encrypted e = user.credentials().priv().encrypt(user.privKey(), boots, time, salt.getAndIncrement(), plain, 0, plain.length);
      UsmParameters usm = new UsmParameters(engineId, boots, time, userName, mac, Bytes.of(e.privParameters()));
      m = new V3Message(msgId, MessageCodec.MESSAGE_MAX_SIZE, flags(level), usm, null, Bytes.of(e.ciphertext()));
    } else {
      UsmParameters usm = new UsmParameters(engineId, boots, time, userName, mac, Bytes.EMPTY);
      m = new V3Message(msgId, MessageCodec.MESSAGE_MAX_SIZE, flags(level), usm, scoped, null);
    }
    byte[] wire = MessageCodec.encode(m);
    if (auth) {
      user.credentials().auth().signMessage(user.authKey(), wire);
    }
    return wire;
  }

  private static int flags(SecurityLevel level) {
    return switch (level) {
      case NO_AUTH_NO_PRIV -> 0;
      case AUTH_NO_PRIV -> V3Message.AUTH;
      case AUTH_PRIV -> V3Message.AUTH | V3Message.PRIV;
    };
  }

  /**
   * Configures an engine: its ID (default {@link #randomEngineId()}), boots (default 1) and users.
   *
   * <pre>{@code
   * AuthoritativeEngine e = AuthoritativeEngine.builder().engineId(id).engineBoots(2).user(admin).build();
   * }</pre>
   */
  public static final class Builder {
    private Bytes engineId;
    private int engineBoots = 1;
    private final List<Credentials.V3> users = new ArrayList<>();

    private Builder() {}

    /** The engine ID: 5 to 32 bytes (RFC 3411 §5). */
    public Builder engineId(Bytes id) {
      this.engineId = UsmParameters.checkEngineId(Objects.requireNonNull(id, "id"));
      return this;
    }

    /** snmpEngineBoots, 0..2147483647; at 2147483647 every authenticated request is refused (RFC 3414 §2.2.2). */
    public Builder engineBoots(int boots) {
      if (boots < 0) {
        throw new IllegalArgumentException("engine boots are 0..2147483647, not " + boots);
      }
      this.engineBoots = boots;
      return this;
    }

    /** Adds a user, at any level and with any protocols; each user name once. */
    public Builder user(Credentials.V3 user) {
      Objects.requireNonNull(user, "user");
      if (user.user().isEmpty() || Bytes.utf8(user.user()).size() > UsmParameters.MAX_ID_LENGTH) {
        throw new IllegalArgumentException("a user name has 1 to 32 bytes: \"" + user.user() + "\"");
      }
      for (Credentials.V3 u : users) {
        if (u.user().equals(user.user())) {
          throw new IllegalArgumentException("user \"" + user.user() + "\" is already added");
        }
      }
      users.add(user);
      return this;
    }

    /** Localizes every user's keys to the engine ID (milliseconds per pass phrase) and builds the engine. */
    public AuthoritativeEngine build() {
      return new AuthoritativeEngine(this);
    }
  }
}
