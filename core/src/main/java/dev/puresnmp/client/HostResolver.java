package dev.puresnmp.client;

import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.HostAndPort;
import dev.puresnmp.transport.TransportException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Host names looked up when a request is sent, never on the caller's thread: a {@link HostLookup} may
 * block (the JDK's does), so look-ups run on at most {@value #LOOKUP_THREADS} daemon threads of the manager's, started when a name
 * first needs one and gone after a minute idle. Answers are kept for the TTL (failures for {@link
 * #NEGATIVE_TTL}), so a thousand requests to one name cost one look-up. Address literals need none.
 */
final class HostResolver implements AutoCloseable {
  static final int LOOKUP_THREADS = 2;

  /** How long a failed look-up is remembered: long enough to spare a burst, short enough to recover. */
  static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);

  /** Names remembered at most; past it, expired answers are dropped (and all, if none has expired). */
  static final int MAX_NAMES = 10_000;

  private record Answer(CompletableFuture<Endpoint> endpoint, long expiresAt) {}

  private final HostLookup lookup;
  private final long ttlNanos;
  private final ConcurrentHashMap<HostAndPort, Answer> answers = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor lookups;

  HostResolver(HostLookup lookup, Duration ttl) {
    this.lookup = lookup;
    this.ttlNanos = ttl.toNanos();
    this.lookups =
        new ThreadPoolExecutor(
            LOOKUP_THREADS,
            LOOKUP_THREADS,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "puresnmp-dns");
              t.setDaemon(true);
              return t;
            });
    lookups.allowCoreThreadTimeOut(true);
  }

  /** The endpoint of {@code agent}: at once for a literal or a fresh answer, else after a look-up. */
  CompletableFuture<Endpoint> resolve(HostAndPort agent) {
    long now = System.nanoTime();
    Answer a = answers.get(agent);
    if (a != null && now - a.expiresAt < 0) {
      return a.endpoint;
    }
    if (answers.size() >= MAX_NAMES) {
      answers.values().removeIf(old -> now - old.expiresAt >= 0);
      if (answers.size() >= MAX_NAMES) {
        answers.clear();
      }
    }
    CompletableFuture<Endpoint> f = new CompletableFuture<>();
    Answer mine = new Answer(f, now + ttlNanos);
    Answer current = answers.compute(agent, (k, old) -> old != null && now - old.expiresAt < 0 ? old : mine);
    if (current != mine) {
      return current.endpoint; // another caller is looking it up, or just did
    }
    try {
      lookups.execute(() -> lookUp(agent, f));
    } catch (RuntimeException e) { // closed
      answers.remove(agent, mine);
      f.completeExceptionally(new TransportException(null, "cannot look up \"" + agent.host() + "\": the manager is closed", e));
    }
    return f;
  }

  private void lookUp(HostAndPort agent, CompletableFuture<Endpoint> f) {
    try {
      f.complete(new Endpoint(lookup.lookup(agent.host()), agent.port()));
    } catch (UnknownHostException | RuntimeException e) {
      answers.put(agent, new Answer(f, System.nanoTime() + NEGATIVE_TTL.toNanos()));
      f.completeExceptionally(new TransportException(null, "unknown host \"" + agent.host() + "\": check the name and DNS", e));
    }
  }

  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
