package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk mechanics, all of them: one walk of a subtree, a page at a time. GETNEXT (one varbind a page)
 * or GETBULK (up to max-repetitions a page, halved after a tooBig, RFC 3416 §4.2.3); SNMPv1 always by
 * GETNEXT (RFC 3584 §4.1). Each response is judged on the transport's I/O thread as it arrives ({@link
 * #fetch()}): library work only, no user code. It ends ({@link Page#end()}) at the first OID outside the
 * subtree, at an exception value, at SNMPv1's noSuchName, or at max rows. An OID that does not increase
 * fails a strict walk with {@link FaultyAgentException} after the page's rows; a lenient walk takes it
 * unless it repeats one of the last {@value #LOOP_WINDOW} (a loop), which ends the walk: it always ends.
 *
 * <p>Every varbind of every response goes to the {@link WalkListener} with its verdict, in order,
 * including those after the end in the last response: Net-SNMP's tools print what lies in the subtree.
 * A collected walk ({@link #collect()}) fetches page after page on the I/O thread; a streaming one
 * ({@link #run()}, the blocking stream) fetches one page ahead of its consumer ({@link PageAhead}).
 */
final class WalkRun {
  private static final Logger log = LoggerFactory.getLogger(WalkRun.class);

  /** How many recent OIDs a lenient walk remembers to notice a loop. */
  static final int LOOP_WINDOW = 10_000;

  /**
   * One response, judged: its rows, every varbind with its verdict (only when a listener hears them),
   * and whether the walk ended with it, without error ({@code end}) or with one ({@code failure}, after
   * the rows). A request that failed is a page without rows and with its failure.
   */
  record Page(List<VarBind> rows, List<Heard> heard, WalkEnd end, Throwable failure) {
    static Page failed(Throwable failure) {
      return new Page(List.of(), List.of(), null, failure);
    }

    boolean isLast() {
      return end != null || failure != null;
    }
  }

  /** A varbind as a {@link WalkListener} hears it. */
  record Heard(VarBind varBind, WalkVerdict verdict, Oid previous) {}

  private final Exchange exchange;
  private final Oid root;
  private final boolean bulk;
  private final boolean lenient;
  private final long maxRows;
  private final WalkListener listener; // null: only the rows matter
  // The walk's state: touched by one request's completion at a time (the next request leaves after it).
  private int repetitions;
  /** Where the next request starts: the last row. */
  private Oid current;
  /** The OID the next varbind is compared with: the last one in the subtree (Net-SNMP's "name"). */
  private Oid previous;
  private long rows;
  private WalkEnd end;
  private SnmpException failure; // a fault found in this page: fails the walk after its rows
  private volatile boolean cancelled;
  private volatile CompletableFuture<?> inFlight;
  private Endpoint lastEndpoint; // of the last response, to name in a failure
  private final ArrayDeque<Oid> recent;
  private final HashSet<Oid> recentSet;

  WalkRun(Exchange exchange, Oid root, boolean bulk, int repetitions, boolean lenient, long maxRows, WalkListener listener) {
    this.exchange = exchange;
    this.root = root;
    this.bulk = bulk && !exchange.isV1(); // RFC 3584 §4.1: GETBULK does not exist in SNMPv1
    this.repetitions = Math.max(1, repetitions);
    this.lenient = lenient;
    this.maxRows = maxRows;
    this.listener = listener;
    this.current = root;
    this.previous = root;
    this.recent = lenient ? new ArrayDeque<>() : null;
    this.recentSet = lenient ? new HashSet<>() : null;
  }

  Oid root() {
    return root;
  }

  /**
   * Runs the walk to its end, one page ahead of the listener, which hears each page on the user's
   * executor; completes there with why the walk ended.
   */
  CompletableFuture<WalkEnd> run() {
    return cancellingThis(new WalkDelivery(new PageAhead(this), listener, exchange.userExecutor).start());
  }

  /**
   * Runs the walk to its end and collects the rows; a failure comes as {@link IncompleteWalkException}
   * with the rows collected so far. No user code until the end: every page is read on the I/O thread,
   * and only the result is handed to the user's executor.
   */
  CompletableFuture<WalkResult> collect() {
    List<VarBind> all = new ArrayList<>();
    CompletableFuture<WalkResult> f = new CompletableFuture<>();
    collect(all, f);
    return cancellingThis(f);
  }

  /** Fetches page after page into {@code all}, in a loop while they complete at once (a synchronous Sender). */
  private void collect(List<VarBind> all, CompletableFuture<WalkResult> f) {
    while (true) {
      CompletableFuture<Page> next = fetch();
      if (!next.isDone()) {
        next.whenComplete((page, e) -> {
          if (!collected(all, f, page)) {
            collect(all, f);
          }
        });
        return;
      }
      if (collected(all, f, next.join())) {
        return;
      }
    }
  }

  /** Adds the page's rows; true, with the result handed over, when it was the last. */
  private boolean collected(List<VarBind> all, CompletableFuture<WalkResult> f, Page page) {
    all.addAll(page.rows());
    if (!page.isLast()) {
      return false;
    }
    Throwable cause = page.failure();
    handOver(
        () -> {
          if (cause == null) {
            f.complete(new WalkResult(all, page.end()));
          } else if (cause instanceof SnmpException e) {
            f.completeExceptionally(new IncompleteWalkException(root, all, e));
          } else {
            f.completeExceptionally(cause);
          }
        });
    return true;
  }

  /** Runs {@code completion} (which runs the user's continuations) on the user's executor: one hand-off per walk. */
  private void handOver(Runnable completion) {
    try {
      exchange.userExecutor.execute(completion);
    } catch (RuntimeException e) { // the executor is shut down: the manager is closing
      completion.run();
    }
  }

  /** {@code f}, which when cancelled cancels the walk. */
  private <T> CompletableFuture<T> cancellingThis(CompletableFuture<T> f) {
    f.whenComplete(
        (v, e) -> {
          if (f.isCancelled()) {
            cancel();
          }
        });
    return f;
  }

  /**
   * Requests the next page and judges it where the response completes (the I/O thread: the request is
   * internal); never fails: a failed request is a {@link Page#failed} page. Call again only after the
   * last page completed, and not after a last page.
   */
  CompletableFuture<Page> fetch() {
    if (cancelled) {
      return CompletableFuture.completedFuture(Page.failed(new CancellationException("walk of " + root + " cancelled")));
    }
    Oid from = current;
    List<VarBind> sent = List.of(VarBind.of(from));
    CompletableFuture<Page> reply =
        bulk
            ? exchange.request(id -> new BulkPdu(id, 0, repetitions, sent), sent, 1, repetitions, true, this::page)
            : exchange.request(id -> StandardPdu.getNext(id, List.of(from)), sent, 1, 1, true, this::page);
    inFlight = reply;
    return reply.exceptionallyCompose(e -> failed(Exchange.unwrap(e)));
  }

  /** SNMPv1's end of the MIB and tooBig end or shrink the walk; anything else fails it. */
  private CompletableFuture<Page> failed(Throwable e) {
    if (e instanceof NoSuchOidException n && n.marker() == NoSuchOidException.Marker.V1_NO_SUCH_NAME) {
      end = WalkEnd.END_OF_MIB; // RFC 1157 §4.1.3: SNMPv1's way of saying "end of the MIB"
      return CompletableFuture.completedFuture(new Page(List.of(), List.of(), end, null));
    }
    if (e instanceof ErrorResponseException r && r.status().equals(ErrorStatus.TOO_BIG) && bulk && repetitions > 1) {
      repetitions = Math.max(1, repetitions / 2); // RFC 3416 §4.2.3: ask for less and try again
      log.debug("tooBig from {}: max-repetitions now {}", exchange.agent, repetitions);
      return fetch();
    }
    return CompletableFuture.completedFuture(Page.failed(e));
  }

  /** Ends the walk and cancels its request in flight. */
  void cancel() {
    cancelled = true;
    CompletableFuture<?> f = inFlight;
    if (f != null) {
      f.cancel(true);
    }
  }

  private Page page(Exchange.Response response) {
    List<VarBind> vbs = response.varBinds();
    lastEndpoint = response.endpoint();
    List<VarBind> out = new ArrayList<>(vbs.size());
    List<Heard> heard = listener == null ? List.of() : new ArrayList<>(vbs.size());
    for (VarBind vb : vbs) {
      WalkVerdict verdict = judge(vb);
      if (verdict == WalkVerdict.ROW) {
        out.add(vb);
        current = vb.oid();
        if (++rows >= maxRows) {
          end = WalkEnd.MAX_ROWS;
        }
      }
      Oid before = previous;
      if (verdict != WalkVerdict.OUTSIDE_SUBTREE && verdict != WalkVerdict.EXCEPTION_VALUE) {
        previous = vb.oid(); // Net-SNMP compares with the last OID in the subtree, whatever its verdict
      }
      if (listener != null) {
        heard.add(new Heard(vb, verdict, before));
      }
    }
    return new Page(out, heard, failure == null ? end : null, failure);
  }

  /** The verdict on {@code vb}; ends the walk (or records its failure) when that is what it means. */
  private WalkVerdict judge(VarBind vb) {
    Oid oid = vb.oid();
    boolean ended = end != null || failure != null;
    if (!oid.startsWith(root)) {
      endWith(WalkEnd.END_OF_SUBTREE);
      return WalkVerdict.OUTSIDE_SUBTREE;
    }
    if (vb.value().isException()) {
      endWith(WalkEnd.END_OF_MIB_VIEW);
      return WalkVerdict.EXCEPTION_VALUE;
    }
    boolean increasing = oid.compareTo(previous) > 0;
    if (!lenient && !increasing) {
      if (!ended) {
        failure =
            new FaultyAgentException(
                lastEndpoint,
                FaultyAgentException.Fault.NON_INCREASING_OID,
                "OID not increasing: " + previous.toDottedString() + " >= " + oid.toDottedString() + " (use lenient walks to go on)");
      }
      return WalkVerdict.NOT_INCREASING;
    }
    if (ended) {
      return WalkVerdict.PAST_END;
    }
    if (lenient) {
      if (!increasing && recentSet.contains(oid)) {
        log.debug("{} returned {} again in a walk of {}: a loop, ending the walk", exchange.agent, oid, root);
        end = WalkEnd.LOOP;
        return WalkVerdict.REPEATED;
      }
      recent.addLast(oid);
      recentSet.add(oid);
      if (recent.size() > LOOP_WINDOW) {
        recentSet.remove(recent.removeFirst());
      }
    }
    return WalkVerdict.ROW;
  }

  private void endWith(WalkEnd why) {
    if (end == null && failure == null) {
      end = why;
    }
  }

}
