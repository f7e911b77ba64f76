package dev.puresnmp.client;

import dev.puresnmp.client.WalkRun.Page;
import java.util.concurrent.CompletableFuture;

/**
 * A walk's pages, fetched one ahead of their consumer: taking page k ({@link #next()}) lets the request
 * for page k+1 leave, and none after it until page k+1 is taken. So the network works while the consumer
 * reads, and a slow consumer holds at most one page it has not asked for. The next request leaves from
 * wherever the page before it completes (the I/O thread) or, when the consumer was the slower one, from
 * the consumer's {@link #next()}.
 *
 * <p>One consumer, asking for the next page only when the one before it has come; not after the last.
 */
final class PageAhead {
  private final WalkRun run;
  // Guarded by this.
  /** Judged and not yet taken: the page of look-ahead. */
  private Page ready;
  /** Taken before it was judged: the consumer waits for it. */
  private CompletableFuture<Page> waiting;
  private boolean fetching;
  /** The last page is judged: nothing more to fetch. */
  private boolean ended;

  PageAhead(WalkRun run) {
    this.run = run;
  }

  /** The next page; never fails (a failure is a page's). Taking it lets the page after it be fetched. */
  CompletableFuture<Page> next() {
    Page page;
    CompletableFuture<Page> later = null;
    boolean fetch;
    synchronized (this) {
      page = ready;
      ready = null;
      if (page == null) {
        if (ended) {
          throw new IllegalStateException("walk of " + run.root() + " asked for a page after its last");
        }
        later = waiting = new CompletableFuture<>();
      }
      fetch = !fetching && !ended;
      fetching |= fetch;
    }
    if (fetch) {
      fetch();
    }
    return page != null ? CompletableFuture.completedFuture(page) : later;
  }

  /** Stops the walk: the request in flight is cancelled; a page it leaves behind ends in a CancellationException. */
  void cancel() {
    run.cancel();
  }

  private void fetch() {
    run.fetch().whenComplete((page, e) -> arrived(page != null ? page : Page.failed(Exchange.unwrap(e))));
  }

  private void arrived(Page page) {
    CompletableFuture<Page> consumer;
    boolean fetch;
    synchronized (this) {
      fetching = false;
      ended = page.isLast();
      consumer = waiting;
      waiting = null;
      if (consumer == null) {
        ready = page; // the consumer is still on the page before: fetching pauses here
        return;
      }
      fetch = !ended;
      fetching = fetch;
    }
    if (fetch) {
      fetch(); // the next request leaves before this page goes to its consumer
    }
    consumer.complete(page);
  }
}
