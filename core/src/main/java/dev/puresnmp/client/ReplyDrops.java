package dev.puresnmp.client;

import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.UdpTransport;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's tallies of the replies its clients' checks refused ({@link Exchange}), one per reason;
 * {@link #snapshot} adds the transport's own drops. Each drop is logged at DEBUG, without the community.
 */
final class ReplyDrops {
  private static final Logger log = LoggerFactory.getLogger(ReplyDrops.class);

  /** Why a reply was refused. */
  enum Reason {
    UNPARSABLE("it does not decode"),
    WRONG_VERSION("another SNMP version than the request's"),
    WRONG_COMMUNITY("another community than the request's"),
    WRONG_REQUEST_ID("another request-id than the msgID's"),
    WRONG_SECURITY_LEVEL("less security than the request's"),
    WRONG_DIGEST("a wrong digest, engine ID or user"),
    NOT_IN_TIME_WINDOW("engine boots and time outside the time window (a replay)");

    final String why;

    Reason(String why) {
      this.why = why;
    }
  }

  private final LongAdder[] counts = new LongAdder[Reason.values().length];

  ReplyDrops() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Counts and logs a refused reply; false, for the {@link dev.puresnmp.transport.ReplyCheck} to return. */
  boolean drop(Reason reason, Endpoint from, int id) {
    counts[reason.ordinal()].increment();
    log.debug("dropped a reply from {} to request {}: {}", from, id, reason.why);
    return false;
  }

  long count(Reason reason) {
    return counts[reason.ordinal()].sum();
  }

  DroppedReplies snapshot(UdpTransport transport) {
    UdpTransport.Counters t = transport.counters();
    return new DroppedReplies(t.wrongSource(), t.unmatched(), t.unparsable() + count(Reason.UNPARSABLE), count(Reason.WRONG_VERSION),
        count(Reason.WRONG_COMMUNITY), count(Reason.WRONG_REQUEST_ID), count(Reason.WRONG_SECURITY_LEVEL), count(Reason.WRONG_DIGEST),
        count(Reason.NOT_IN_TIME_WINDOW));
  }
}
