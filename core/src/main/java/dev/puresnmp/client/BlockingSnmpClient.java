package dev.puresnmp.client;

import dev.puresnmp.SnmpException;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The blocking view of an {@link SnmpClient}: the same operations, each waiting for its answer and
 * throwing the {@link SnmpException} the future failed with. Interrupting a waiting thread cancels the
 * request and keeps the interrupt flag. Works on virtual threads (Java 21+).
 *
 * <pre>{@code
 * BlockingSnmpClient b = client.blocking();
 * String name = b.get("1.3.6.1.2.1.1.5.0").asText();
 * try (Stream<VarBind> all = b.walkStream("1.3.6.1.2.1")) { all.forEach(System.out::println); }
 * }</pre>
 */
public final class BlockingSnmpClient {
  private final SnmpClient client;

  BlockingSnmpClient(SnmpClient client) {
    this.client = client;
  }

  /** The asynchronous client behind this view. */
  public SnmpClient async() {
    return client;
  }

  public Value get(Oid oid) {
    return await(client.get(oid));
  }

  public Value get(String oid) {
    return await(client.get(oid));
  }

  public List<VarBind> multiget(List<Oid> oids) {
    return await(client.multiget(oids));
  }

  public List<VarBind> multiget(String... oids) {
    return await(client.multiget(oids));
  }

  public VarBind getnext(Oid oid) {
    return await(client.getnext(oid));
  }

  public VarBind getnext(String oid) {
    return await(client.getnext(oid));
  }

  public List<VarBind> multigetnext(List<Oid> oids) {
    return await(client.multigetnext(oids));
  }

  public List<VarBind> multigetnext(String... oids) {
    return await(client.multigetnext(oids));
  }

  public BulkResult bulkget(List<Oid> scalars, List<Oid> repeating, int maxRepetitions) {
    return await(client.bulkget(scalars, repeating, maxRepetitions));
  }

  /** @throws IncompleteWalkException with the rows so far, when an error cuts the walk short */
  public WalkResult walk(Oid root) {
    return await(client.walk(root));
  }

  public WalkResult walk(String root) {
    return await(client.walk(root));
  }

  public WalkEnd walk(Oid root, Consumer<VarBind> consumer) {
    return await(client.walk(root, consumer));
  }

  public WalkEnd walk(String root, Consumer<VarBind> consumer) {
    return await(client.walk(root, consumer));
  }

  public WalkEnd walk(Oid root, WalkListener listener) {
    return await(client.walk(root, listener));
  }

  public List<VarBind> multiwalk(List<Oid> roots) {
    return await(client.multiwalk(roots));
  }

  public List<VarBind> multiwalk(String... roots) {
    return await(client.multiwalk(roots));
  }

  /** @throws IncompleteWalkException with the rows so far, when an error cuts the walk short */
  public WalkResult bulkwalk(Oid root) {
    return await(client.bulkwalk(root));
  }

  public WalkResult bulkwalk(String root) {
    return await(client.bulkwalk(root));
  }

  public WalkEnd bulkwalk(Oid root, Consumer<VarBind> consumer) {
    return await(client.bulkwalk(root, consumer));
  }

  public WalkEnd bulkwalk(String root, Consumer<VarBind> consumer) {
    return await(client.bulkwalk(root, consumer));
  }

  public WalkEnd bulkwalk(Oid root, WalkListener listener) {
    return await(client.bulkwalk(root, listener));
  }

  public List<VarBind> bulkwalk(List<Oid> roots) {
    return await(client.bulkwalk(roots));
  }

  /**
   * A lazy walk, one page ahead: while the stream reads a page, the next one is fetched, and no page
   * after it; so a walk of any size holds two pages. Close the stream (or read it to the end) to stop:
   * closing cancels the request in flight.
   */
  public Stream<VarBind> walkStream(Oid root) {
    return pages(client.newWalk(root, false, null));
  }

  public Stream<VarBind> walkStream(String root) {
    return walkStream(client.oid(root));
  }

  /** {@link #walkStream(Oid)} by GETBULK. */
  public Stream<VarBind> bulkwalkStream(Oid root) {
    return pages(client.newWalk(root, true, null));
  }

  public Stream<VarBind> bulkwalkStream(String root) {
    return bulkwalkStream(client.oid(root));
  }

  public Value set(Oid oid, Value value) {
    return await(client.set(oid, value));
  }

  public Value set(String oid, Value value) {
    return await(client.set(oid, value));
  }

  public List<VarBind> multiset(List<VarBind> varBinds) {
    return await(client.multiset(varBinds));
  }

  /** {@link SnmpClient#trap(long, Oid, List)}: returns when the trap left. */
  public void trap(long sysUpTime, Oid trapOid, List<VarBind> varBinds) {
    await(client.trap(sysUpTime, trapOid, varBinds));
  }

  /** {@link SnmpClient#trap(TrapV1Pdu)}: returns when the trap left. */
  public void trap(TrapV1Pdu trap) {
    await(client.trap(trap));
  }

  /** {@link SnmpClient#inform}: returns when the receiver has acknowledged the inform. */
  public void inform(long sysUpTime, Oid trapOid, List<VarBind> varBinds) {
    await(client.inform(sysUpTime, trapOid, varBinds));
  }

  public Table table(Oid oid) {
    return await(client.table(oid));
  }

  public Table table(String oid) {
    return await(client.table(oid));
  }

  public Table bulktable(Oid oid) {
    return await(client.bulktable(oid));
  }

  public Table bulktable(String oid) {
    return await(client.bulktable(oid));
  }

  /** The walk's rows as a stream, a page at a time, one page ahead of the reader ({@link PageAhead}). */
  private Stream<VarBind> pages(WalkRun run) {
    PageAhead ahead = new PageAhead(run);
    Iterator<VarBind> it =
        new Iterator<>() {
          private Iterator<VarBind> page = List.<VarBind>of().iterator();
          private boolean ended;
          private Throwable failure; // the last page's: thrown after its rows

          @Override
          public boolean hasNext() {
            while (!page.hasNext() && !ended) {
              WalkRun.Page next = await(ahead.next());
              ended = next.isLast();
              failure = next.failure();
              page = next.rows().iterator();
            }
            if (!page.hasNext() && failure != null) {
              Throwable f = failure;
              failure = null;
              throw rethrown(f);
            }
            return page.hasNext();
          }

          @Override
          public VarBind next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.next();
          }
        };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(ahead::cancel);
  }

  /**
   * Waits for {@code future}: its value, or the {@link SnmpException} it failed with (any other failure
   * wrapped in one), with this thread's frames added as a suppressed exception, since the failure was
   * built on an I/O thread. On interrupt: cancels the future, keeps the flag, throws.
   *
   * @throws IllegalStateException on the manager's I/O thread (a callback of a manager whose executor is
   *     {@code Runnable::run}): the answer could never be read there, so waiting would never end
   */
  private <T> T await(CompletableFuture<T> future) {
    if (!future.isDone() && client.manager().transport().isIoThread(Thread.currentThread())) {
      future.cancel(true);
      throw new IllegalStateException(
          "a blocking call on the SNMP manager's I/O thread (" + Thread.currentThread().getName() + ") would wait forever: callbacks that run there must not block; use the async client");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedWait(e);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  /** What to throw for {@code cause}: itself if an SnmpException or RuntimeException, with the caller's frames added. */
  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof SnmpException s) {
      s.addSuppressed(new CallerFrames());
      return s;
    }
    if (cause instanceof RuntimeException r) {
      r.addSuppressed(new CallerFrames());
      return r;
    }
    return new UnexpectedFailure(cause);
  }

  /** Where the caller waited: the stack of the blocking call, kept beside the I/O thread's. */
  private static final class CallerFrames extends Exception {
    private static final long serialVersionUID = 1L;

    CallerFrames() {
      super("awaited here");
    }
  }

  /** The waiting thread was interrupted; the request is cancelled and the flag kept. */
  public static final class InterruptedWait extends SnmpException {
    private static final long serialVersionUID = 1L;

    InterruptedWait(InterruptedException cause) {
      super("interrupted while waiting for the agent; the request is cancelled", cause);
    }
  }

  /** A failure that is not an SnmpException (a checked one from a custom Sender). */
  public static final class UnexpectedFailure extends SnmpException {
    private static final long serialVersionUID = 1L;

    UnexpectedFailure(Throwable cause) {
      super("request failed: " + cause, cause);
    }
  }
}
