package dev.puresnmp.client;

import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.SmiType;
import dev.puresnmp.smi.VarBind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk of a subtree, a page at a time: the next request leaves only when the caller asks for the
 * next page, so a walk of any size holds one page in memory. GETNEXT (one varbind a page) or GETBULK
 * (up to max-repetitions a page, fewer after a tooBig). Ends at the first OID outside the subtree, at an
 * exception value (endOfMibView; keeping the varbinds before it), at SNMPv1's noSuchName, or at max
 * rows. OIDs that do not increase end it with {@link FaultyAgentException}, or, when lenient, are
 * accepted until one repeats (a loop), which ends the walk: it always ends.
 */
final class WalkRun {
  private static final Logger log = LoggerFactory.getLogger(WalkRun.class);

  /** How many recent OIDs a lenient walk remembers to notice a loop. */
  static final int LOOP_WINDOW = 10_000;

  private final Exchange exchange;
  private final Oid root;
  private final boolean bulk;
  private final boolean lenient;
  private final long maxRows;
  private int repetitions;
  private Oid current;
  private long rows;
  private volatile boolean done;
  private volatile CompletableFuture<StandardPdu> inFlight;
  private final ArrayDeque<Oid> recent;
  private final HashSet<Oid> recentSet;

  WalkRun(Exchange exchange, Oid root, boolean bulk, int repetitions, boolean lenient, long maxRows) {
    this.exchange = exchange;
    this.root = root;
    this.bulk = bulk && !exchange.isV1(); // RFC 3584 §4.1: GETBULK does not exist in SNMPv1
    this.repetitions = Math.max(1, repetitions);
    this.lenient = lenient;
    this.maxRows = maxRows;
    this.current = root;
    this.recent = lenient ? new ArrayDeque<>() : null;
    this.recentSet = lenient ? new HashSet<>() : null;
  }

  /** The next page of the walk; an empty list once it has ended. */
  CompletableFuture<List<VarBind>> nextPage() {
    if (done) {
      return CompletableFuture.completedFuture(List.of());
    }
    Oid from = current;
    CompletableFuture<StandardPdu> reply =
        bulk
            ? exchange.send(id -> new BulkPdu(id, 0, repetitions, List.of(VarBind.of(from))))
            : exchange.send(id -> StandardPdu.getNext(id, List.of(from)));
    inFlight = reply;
    return reply.thenCompose(pdu -> page(pdu));
  }

  /** Ends the walk and cancels its request in flight. */
  void cancel() {
    done = true;
    CompletableFuture<StandardPdu> f = inFlight;
    if (f != null) {
      f.cancel(true);
    }
  }

  private CompletableFuture<List<VarBind>> page(StandardPdu pdu) {
    ErrorStatus status = pdu.errorStatus();
    if (!status.isOk()) {
      if (status.equals(ErrorStatus.NO_SUCH_NAME) && exchange.isV1()) {
        done = true; // RFC 1157 §4.1.3: SNMPv1's way of saying "end of the MIB"
        return CompletableFuture.completedFuture(List.of());
      }
      if (status.equals(ErrorStatus.TOO_BIG) && bulk && repetitions > 1) {
        repetitions = Math.max(1, repetitions / 2); // RFC 3416 §4.2.3: ask for less and try again
        log.debug("tooBig from {}: max-repetitions now {}", exchange.endpoint, repetitions);
        return nextPage();
      }
      throw new ErrorResponseException(exchange.endpoint, status, pdu.errorIndex(), pdu.errorIndex() == 1 ? current : null);
    }
    List<VarBind> vbs = pdu.varBinds();
    int expectedMax = bulk ? repetitions : 1;
    if (vbs.isEmpty() || vbs.size() > expectedMax) {
      throw new FaultyAgentException(
          exchange.endpoint, FaultyAgentException.Fault.WRONG_VARBIND_COUNT, vbs.size() + " varbinds in a " + (bulk ? "GETBULK" : "GETNEXT") + " response (expected 1.." + expectedMax + ")");
    }
    List<VarBind> out = new ArrayList<>(vbs.size());
    for (VarBind vb : vbs) {
      if (!accept(vb)) {
        done = true;
        break;
      }
      out.add(vb);
      current = vb.oid();
      if (++rows >= maxRows) {
        done = true;
        break;
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  /** Whether {@code vb} continues the walk; false ends it before {@code vb}. */
  private boolean accept(VarBind vb) {
    if (vb.value().isException()) {
      if (vb.value().type() != SmiType.END_OF_MIB_VIEW) {
        log.debug("{} for {} in a walk from {}: ending the walk", vb.value().asText(), vb.oid(), exchange.endpoint);
      }
      return false;
    }
    Oid oid = vb.oid();
    if (!oid.startsWith(root)) {
      return false;
    }
    if (oid.compareTo(current) <= 0) {
      if (!lenient) {
        throw new FaultyAgentException(
            exchange.endpoint,
            FaultyAgentException.Fault.NON_INCREASING_OID,
            "OID not increasing: " + current.toDottedString() + " >= " + oid.toDottedString() + " (use lenient walks to go on)");
      }
      if (recentSet.contains(oid)) {
        log.warn("{} returned {} again in a walk of {}: a loop, ending the walk", exchange.endpoint, oid, root);
        return false;
      }
    }
    if (lenient) {
      recent.addLast(oid);
      recentSet.add(oid);
      if (recent.size() > LOOP_WINDOW) {
        recentSet.remove(recent.removeFirst());
      }
    }
    return true;
  }
}
