package dev.puresnmp.sim;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.DatagramReceiver;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.TransportException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted agent for client tests, in the manner of OkHttp's MockWebServer: enqueue what it should do
 * with each request, in order, then take the requests it received and assert on them. With an empty
 * script it answers from its recording (if it has one) or not at all.
 *
 * <pre>{@code
 * try (ScriptedAgent agent = ScriptedAgent.builder().recording(ShippedDevices.linuxHost()).start()) {
 *   agent.enqueue(ScriptedReply.noResponse());                       // the first try is lost
 *   agent.enqueue(ScriptedReply.fromRecording());                    // the retry is answered
 *   byte[] reply = Transport.sendUdp(agent.endpoint(), getRequest, Duration.ofMillis(200), 3);
 *   assertThat(agent.takeRequest(Duration.ofSeconds(1)).pdu().type()).isEqualTo(PduType.GET_REQUEST);
 * }
 * }</pre>
 */
public final class ScriptedAgent implements AutoCloseable {
  /** Requests kept for {@link #takeRequest} before the oldest are forgotten: a test that never takes them stays bounded. */
  public static final int MAX_RECORDED_REQUESTS = 10_000;

  private final BlockingQueue<ScriptedReply> script = new LinkedBlockingQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>(MAX_RECORDED_REQUESTS);
  private final Device device;
  private final ScriptedReply whenEmpty;
  private final CommandResponder responder;
  private final DatagramReceiver socket;
  private final AtomicLong received = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private ScheduledExecutorService scheduler;

  private ScriptedAgent(Builder b) {
    this.device = new Device("scripted", b.recording, b.writable);
    this.whenEmpty = b.whenEmpty != null ? b.whenEmpty : b.recording.size() > 0 ? ScriptedReply.fromRecording() : ScriptedReply.noResponse();
    this.responder = new CommandResponder(AgentSimulator.DEFAULT_MAX_BULK_VARBINDS);
    this.socket = DatagramReceiver.bind(new Endpoint(b.address, b.port), "puresnmp-scripted", this::handle);
  }

  /** A scripted agent on 127.0.0.1 and a free port, with no recording: unscripted requests get no answer. */
  public static ScriptedAgent start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Endpoint endpoint() {
    return socket.localEndpoint();
  }

  /** Adds what to do with the next request not yet scripted. */
  public ScriptedAgent enqueue(ScriptedReply reply) {
    script.add(Objects.requireNonNull(reply, "reply"));
    return this;
  }

  /** The oldest request not yet taken, waiting up to {@code timeout}. @throws AssertionError if none came */
  public RecordedRequest takeRequest(Duration timeout) {
    try {
      RecordedRequest r = requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (r == null) {
        throw new AssertionError("no request within " + timeout.toMillis() + " ms (" + received.get() + " received in all)");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a request", e);
    }
  }

  /** How many datagrams arrived in all, taken or not. */
  public long requestCount() {
    return received.get();
  }

  /** On the receive thread: {@code data} is exactly the datagram, ours to keep. */
  private void handle(byte[] data, Endpoint from, DatagramReceiver s) {
    received.incrementAndGet();
    Optional<Message> message;
    try {
      message = Optional.of(MessageCodec.decodeAdopting(data, 0, data.length, List.of()));
    } catch (MalformedPacketException | IllegalArgumentException e) {
      message = Optional.empty();
    }
    if (!requests.offer(new RecordedRequest(Bytes.of(data), from, message))) {
      requests.poll();
      requests.offer(new RecordedRequest(Bytes.of(data), from, message));
    }
    ScriptedReply reply = script.poll();
    act(reply != null ? reply : whenEmpty, message, data, from, 0);
  }

  private void act(ScriptedReply reply, Optional<Message> message, byte[] raw, Endpoint to, long delayMillis) {
    if (reply instanceof ScriptedReply.Delayed d) {
      act(d.reply(), message, raw, to, delayMillis + d.delay().toMillis());
      return;
    }
    if (reply instanceof ScriptedReply.NoResponse) {
      return;
    }
    if (reply instanceof ScriptedReply.Raw bytes) {
      send(bytes.bytes().toByteArray(), to, delayMillis, false);
      return;
    }
    if (message.isEmpty() || !(message.get() instanceof CommunityMessage request)) {
      return; // nothing to answer: no request-id to answer under
    }
    if (reply instanceof ScriptedReply.Respond r) {
      int id = requestId(request.pdu());
      List<VarBind> vbs = r.status().isOk() || !r.varBinds().isEmpty() ? r.varBinds() : request.pdu().varBinds();
      byte[] out = MessageCodec.encode(new CommunityMessage(request.version(), request.community(),
          StandardPdu.response(id, r.status(), r.errorIndex(), vbs)));
      send(out, to, delayMillis, false);
      return;
    }
    ScriptedReply.FromRecording fr = (ScriptedReply.FromRecording) reply;
    ActiveFaults f = new ActiveFaults(fr.faults());
    if (!f.admit()) {
      return;
    }
    byte[] out = responder.respond(request, device, f, Duration.ofNanos(System.nanoTime() - startNanos), AgentSimulator.DEFAULT_MAX_MESSAGE_SIZE);
    if (out == null) {
      return;
    }
    if (f.garbage) {
      out = new byte[] {(byte) 0xFF, 0x00, 0x01, 0x02};
    }
    send(out, to, delayMillis + f.delayMillis, f.duplicate);
  }

  private static int requestId(Pdu pdu) {
    return pdu instanceof BulkPdu b ? b.requestId() : pdu instanceof StandardPdu p ? p.requestId() : 0;
  }

  private void send(byte[] data, Endpoint to, long delayMillis, boolean twice) {
    Runnable r = () -> {
      try {
        socket.send(data, to);
        if (twice) {
          socket.send(data, to);
        }
      } catch (TransportException e) {
        // as a lossy network would: the client under test sees no answer
      }
    };
    if (delayMillis <= 0) {
      r.run();
    } else {
      scheduler().schedule(r, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      scheduler = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "puresnmp-scripted-delay");
        t.setDaemon(true);
        return t;
      });
    }
    return scheduler;
  }

  @Override
  public void close() {
    socket.close();
    synchronized (this) {
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
    }
  }

  /**
   * Configures a scripted agent.
   *
   * <pre>{@code
   * ScriptedAgent agent = ScriptedAgent.builder().recording(r).whenEmpty(ScriptedReply.noResponse()).start();
   * }</pre>
   */
  public static final class Builder {
    private Recording recording = Recording.builder().build();
    private List<dev.puresnmp.smi.Oid> writable = List.of();
    private ScriptedReply whenEmpty;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;

    private Builder() {}

    /** What {@link ScriptedReply#fromRecording} answers from (any community). */
    public Builder recording(Recording recording) {
      this.recording = Objects.requireNonNull(recording, "recording");
      return this;
    }

    /** OID prefixes that SETs answered from the recording may write. */
    public Builder writable(List<dev.puresnmp.smi.Oid> prefixes) {
      this.writable = List.copyOf(prefixes);
      return this;
    }

    /** What to do when the script is empty; default: answer from the recording, or nothing without one. */
    public Builder whenEmpty(ScriptedReply reply) {
      this.whenEmpty = Objects.requireNonNull(reply, "reply");
      return this;
    }

    public Builder bind(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Binds and starts answering.
     *
     * @throws TransportException if the address cannot be bound (its message names it and says why)
     */
    public ScriptedAgent start() {
      return new ScriptedAgent(this);
    }
  }
}
