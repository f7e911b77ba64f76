package dev.puresnmp.notification;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.AuthoritativeEngine;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.DecryptionException;
import dev.puresnmp.security.Received;
import dev.puresnmp.security.UsmKeys;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNMPv3 notifications for a {@link TrapReceiver} (RFC 3414 §1.5.1: who is authoritative). An inform's
 * receiver is authoritative: discovery, the checks and the acknowledgement are {@link
 * AuthoritativeEngine}'s, with the receiver's own engine ID, boots and time. A trap's sender is: the trap
 * carries its engine ID, and the user's keys are localized to it (a bounded cache, {@link UsmKeys}: ten
 * thousand devices with the same user take ten thousand entries and an O(1) lookup each). A user may be
 * accepted from any engine or from one.
 */
final class UsmNotifications {
  private static final Logger log = LoggerFactory.getLogger(UsmNotifications.class);

  /** A user accepted from one engine, or from any ({@code engineId} null). */
  record Binding(Credentials.V3 user, Bytes engineId) {}

  private final AuthoritativeEngine engine;
  private final Map<Bytes, List<Binding>> users = new HashMap<>();
  private final UsmKeys keys;
  private final TrapReceiver receiver;
  private final SenderClocks clocks;
  final LongAdder refused = new LongAdder();
  final LongAdder notInTimeWindow = new LongAdder();
  final LongAdder duplicateTraps = new LongAdder();
  /**
   * The authenticated traps taken lately, by sender engine, boots and msgID: a copy of one (a replay inside
   * the time window, or the network's duplicate) is dropped. Bounded: the oldest are forgotten first.
   */
  private final Map<TrapKey, Boolean> recentTraps =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TrapKey, Boolean> eldest) {
          return size() > TrapReceiver.RECENT_TRAPS;
        }
      };

  private record TrapKey(Bytes engineId, int boots, int msgId) {}

  UsmNotifications(TrapReceiver receiver, List<Binding> bindings, Bytes engineId, int engineBoots, UsmKeys keys, int maxEngines) {
    this.receiver = receiver;
    this.keys = keys;
    this.clocks = new SenderClocks(maxEngines);
    AuthoritativeEngine.Builder b = AuthoritativeEngine.builder().engineBoots(engineBoots);
    if (engineId != null) {
      b.engineId(engineId);
    }
    for (Binding u : bindings) {
      users.computeIfAbsent(Bytes.utf8(u.user().user()), k -> new ArrayList<>()).add(u);
      if (u.engineId() == null) {
        b.user(u.user()); // an inform comes to our engine: users accepted from any engine may send them
      }
    }
    this.engine = b.build();
  }

  Bytes engineId() {
    return engine.engineId();
  }

  /** The notification {@code m} carries, or null when it was refused, answered or is no notification. */
  Notification receive(V3Message m, byte[] data, Endpoint from, BiConsumer<byte[], Endpoint> send) {
    Bytes authoritative = m.usm().engineId();
    if (authoritative.size() == 0 || authoritative.equals(engine.engineId())) {
      return inform(data, from, send);
    }
    return trap(m, data, from);
  }

  /** Discovery, or a notification to our engine: the engine checks it; an inform is acknowledged. */
  private Notification inform(byte[] data, Endpoint from, BiConsumer<byte[], Endpoint> send) {
    Received r = engine.receive(data, 0, data.length);
    if (r instanceof Received.Refused no) {
      if (!no.dropped()) {
        send.accept(no.report().toByteArray(), from); // discovery's Report, or a refusal's
      }
      if (no.reason() != Received.Refusal.UNKNOWN_ENGINE_ID) {
        refused.increment();
        log.debug("SNMPv3 notification from {} refused: {}", from, no.reason());
      }
      return null;
    }
    Received.Request q = (Received.Request) r;
    ScopedPdu scoped = q.scopedPdu();
    if (!(scoped.pdu() instanceof StandardPdu p) || !(p.type().equals(PduType.INFORM_REQUEST) || p.type().equals(PduType.SNMPV2_TRAP))) {
      receiver.countUnsupported();
      return null;
    }
    if (p.type().equals(PduType.INFORM_REQUEST)) {
      boolean first = receiver.firstInform(from, p.requestId());
      receiver.countAcknowledged();
      send.accept(engine.respond(q, StandardPdu.response(p.requestId(), ErrorStatus.NO_ERROR, 0, p.varBinds())), from);
      if (!first) {
        return null;
      }
    }
    return notification(from, q.user().user(), engine.engineId(), p);
  }

  /** A trap: its sender's engine is authoritative; the user's keys are localized to it. */
  private Notification trap(V3Message m, byte[] data, Endpoint from) {
    UsmParameters usm = m.usm();
    Credentials.V3 user = user(usm.userName(), usm.engineId());
    if (user == null || m.authenticated() != (user.auth() != null) || m.encrypted() != (user.priv() != null)) {
      return refuse(from, user == null ? "unknown user or engine" : "another security level than the user's");
    }
    byte[] engineId = usm.engineId().toByteArray();
    if (m.authenticated()
        && !user.auth().verifyMessage(keys.authKey(user, engineId), data, 0, data.length)) {
      return refuse(from, "wrong digest");
    }
    if (m.authenticated() && !clocks.heard(usm.engineId(), usm.engineBoots(), usm.engineTime())) {
      notInTimeWindow.increment();
      log.debug("SNMPv3 trap from {} refused: engine {} boots {} time {} lies outside the time window", from, usm.engineId().hex(), usm.engineBoots(), usm.engineTime());
      return null;
    }
    // RFC 3414 §3.2 step 7b bounds a replay to the window; inside it, the same msgID of the same engine
    // and boots is the same trap again
    if (m.authenticated() && recentTraps.put(new TrapKey(usm.engineId().compact(), usm.engineBoots(), m.msgId()), Boolean.TRUE) != null) {
      duplicateTraps.increment();
      log.debug("SNMPv3 trap from {} dropped: msgID {} of engine {} was taken already", from, m.msgId(), usm.engineId().hex());
      return null;
    }
    ScopedPdu scoped = m.scopedPdu();
    if (m.encrypted()) {
      try {
        scoped = user.priv().decryptScopedPdu(keys.privKey(user, engineId), m, List.of());
      } catch (DecryptionException | MalformedPacketException e) {
        return refuse(from, "decryption error");
      }
    }
    if (!(scoped.pdu() instanceof StandardPdu p) || !p.type().equals(PduType.SNMPV2_TRAP)) {
      receiver.countUnsupported(); // an inform names the receiver's engine, not its sender's
      return null;
    }
    return notification(from, user.user(), usm.engineId(), p);
  }

  private Credentials.V3 user(Bytes name, Bytes engineId) {
    for (Binding b : users.getOrDefault(name, List.of())) {
      if (b.engineId() == null || b.engineId().equals(engineId)) {
        return b.user();
      }
    }
    return null;
  }

  private Notification notification(Endpoint from, String user, Bytes engineId, StandardPdu p) {
    Notification n = Notification.ofV2(from, SnmpVersion.V3, Bytes.EMPTY, user, engineId, p.type(), p.varBinds());
    if (n == null) {
      receiver.countMalformed();
    }
    return n;
  }

  private Notification refuse(Endpoint from, String why) {
    refused.increment();
    log.debug("SNMPv3 trap from {} refused: {}", from, why);
    return null;
  }
}
