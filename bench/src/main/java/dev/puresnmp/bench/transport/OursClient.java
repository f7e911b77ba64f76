package dev.puresnmp.bench.transport;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * puresnmp: {@link UdpTransport} (library defaults) plus the codec. Each request is a GET encoded with a
 * fresh id from {@link UdpTransport#nextRequestId()}; each reply is decoded and its request-id checked.
 * The next request is sent from the completion callback (the transport's executor thread).
 */
final class OursClient extends ClosedLoop {
  private static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);

  private final UdpTransport udp;
  private final Endpoint endpoint;
  private final List<Oid> oids;
  private final String name;
  private final boolean decode;
  private final java.util.concurrent.ExecutorService ownExecutor;

  /** The library's defaults, the codec both ways: the row the targets judge. */
  OursClient(String host, int port, Oid oid) {
    this(host, port, oid, "ours", false, true);
  }

  /**
   * Diagnostic variants (not in the default table): {@code inline} completes futures on the selector thread
   * ({@code executor(Runnable::run)}), so the callback and the next send run there too; {@code decode}
   * false skips decoding the reply (the transport has matched its id already).
   */
  OursClient(String host, int port, Oid oid, String name, boolean inline, boolean decode) {
    this(host, port, oid, name, inline ? Runnable::run : null, decode);
  }

  /** {@code executor} null: the library's default (the transport's own completion pool). */
  OursClient(String host, int port, Oid oid, String name, java.util.concurrent.Executor executor, boolean decode) {
    UdpTransport.Builder b = UdpTransport.builder();
    if (executor != null) {
      b.executor(executor);
    }
    this.ownExecutor = executor instanceof java.util.concurrent.ExecutorService e ? e : null;
    this.udp = b.build();
    this.endpoint = Endpoint.of(host, port);
    this.oids = List.of(oid);
    this.name = name;
    this.decode = decode;
  }

  @Override
  String name() {
    return name;
  }

  UdpTransport transport() {
    return udp;
  }

  @Override
  void start(int window) {
    running = true;
    for (int i = 0; i < window; i++) {
      new Slot().fire();
    }
  }

  /** One place in the window; the same object is the callback of every request it sends. */
  private final class Slot implements BiConsumer<byte[], Throwable> {
    private int id;
    private long sentAt;

    void fire() {
      inFlight.incrementAndGet();
      sentAt = System.nanoTime(); // like SNMP4J's, our latency includes encoding the request
      id = udp.nextRequestId();
      byte[] packet = MessageCodec.encode(CommunityMessage.v2c("public", StandardPdu.get(id, oids)));
      udp.send(endpoint, packet, TIMEOUT, 1).whenComplete(this);
    }

    @Override
    public void accept(byte[] reply, Throwable failure) {
      long now = System.nanoTime();
      inFlight.decrementAndGet();
      if (failure == null && !decode) {
        onReply(now - sentAt);
      } else if (failure == null) {
        try {
          Message m = MessageCodec.decode(reply);
          StandardPdu pdu = (StandardPdu) ((CommunityMessage) m).pdu();
          if (pdu.requestId() != id) {
            throw new IllegalStateException("reply id " + pdu.requestId() + " != request id " + id);
          }
          onReply(now - sentAt);
        } catch (RuntimeException e) {
          onError(e);
        }
      } else {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof SnmpTimeoutException) {
          onLost();
        } else {
          onError(t);
        }
      }
      if (running) {
        fire();
      }
    }
  }

  @Override
  public void close() {
    udp.close();
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
  }
}
