package dev.puresnmp.client;

import dev.puresnmp.client.WalkRun.Heard;
import dev.puresnmp.client.WalkRun.Page;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The consumer side of a streaming walk: hands each page to the {@link WalkListener} on the user's
 * executor, one task per page, in order and one page at a time (the listener is never called
 * concurrently), and asks for the next page (letting the walk fetch one more ahead, {@link PageAhead})
 * when the listener has heard this one. The walk's future completes on the executor after the last page
 * was heard: with why the walk ended, or with its failure. A listener that throws fails the walk with
 * that exception and stops it; a cancelled future stops it and hears no further page.
 */
final class WalkDelivery {
  private final PageAhead pages;
  private final WalkListener listener;
  private final Executor executor;
  private final CompletableFuture<WalkEnd> result = new CompletableFuture<>();
  // Guarded by this. With an executor that runs a task at once (Runnable::run), the next page may be
  // handed off while this one's task still runs: the running task delivers it, so that the stack does
  // not grow a task per page.
  private boolean delivering;
  private Page handedBack;

  WalkDelivery(PageAhead pages, WalkListener listener, Executor executor) {
    this.pages = pages;
    this.listener = listener;
    this.executor = executor;
  }

  /** Starts the walk; its future. */
  CompletableFuture<WalkEnd> start() {
    askForNext();
    return result;
  }

  private void askForNext() {
    pages.next().whenComplete((page, e) -> handOff(page));
  }

  private void handOff(Page page) {
    try {
      executor.execute(() -> deliver(page));
    } catch (RuntimeException e) { // the executor is shut down: the manager is closing
      deliver(page);
    }
  }

  private void deliver(Page page) {
    synchronized (this) {
      if (delivering) {
        handedBack = page;
        return;
      }
      delivering = true;
    }
    Page p = page;
    while (p != null) {
      if (hear(p)) {
        askForNext();
      }
      synchronized (this) {
        p = handedBack;
        handedBack = null;
        delivering = p != null;
      }
    }
  }

  /** Gives {@code page} to the listener; true if the walk goes on. */
  private boolean hear(Page page) {
    if (result.isDone()) {
      return false; // cancelled: no further pages
    }
    try {
      for (Heard h : page.heard()) {
        listener.onVarBind(h.varBind(), h.verdict(), h.previous());
      }
    } catch (Throwable t) { // the listener's own failure ends the walk, as its exception
      pages.cancel();
      result.completeExceptionally(t);
      return false;
    }
    if (page.failure() != null) {
      result.completeExceptionally(page.failure());
    } else if (page.end() != null) {
      result.complete(page.end());
    }
    return !page.isLast();
  }
}
