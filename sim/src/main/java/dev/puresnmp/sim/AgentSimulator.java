package dev.puresnmp.sim;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.security.AuthoritativeEngine;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.Received;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.DatagramReceiver;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * An SNMP agent (v1, v2c and v3) that serves recorded devices on loopback or any address you bind: one
 * community per device, as snmpsim names them (file {@code cisco-3750.snmprec} → community {@code
 * cisco-3750}), and the same name as SNMPv3 context. GET, GETNEXT, GETBULK and SET, with faults on request. One receive loop (a {@link
 * DatagramReceiver}, with its own command responder) per bound address; any bytes at all can arrive,
 * and only cost a counter.
 *
 * <pre>{@code
 * try (AgentSimulator sim = AgentSimulator.builder()
 *     .device("linux-host", ShippedDevices.linuxHost())
 *     .data(Path.of("recordings/"))                   // every .snmprec / .walk under it
 *     .start()) {                                     // 127.0.0.1, a free port
 *   Endpoint agent = sim.endpoint();                  // e.g. 127.0.0.1:41234
 *   sim.setFaults(Fault.drop(0.3));
 *   sim.notifier().send(NotificationType.linkDown(2), NotificationTarget.trap(receiver, Credentials.v2c("public")));
 * }
 * }</pre>
 *
 * <p>SETs are kept in memory per simulator, never in the recording. Only OIDs marked writable (snmpsim's
 * {@code writecache} records, or prefixes given to {@link Builder#writable}) can be set; see {@link
 * Builder#writable(Oid)} for the errors.
 */
public final class AgentSimulator implements AutoCloseable {
  /**
   * The largest response we send: the largest UDP payload over IPv4. v1/v2c requests carry no size of
   * their own, so GETBULK responses are cut to this (RFC 3416 §4.2.3).
   */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_507;

  /**
   * The most repeated varbinds a GETBULK response carries: max-repetitions is cut to this / (number of
   * repeaters), as snmpsim (pysnmp) cuts it, so walks print the same against both (RFC 3416 §4.2.3 lets an
   * agent stop early).
   */
  public static final int DEFAULT_MAX_BULK_VARBINDS = 64;

  /** RFC 3417 §3.2: every SNMP entity must take messages of at least 484 bytes. */
  public static final int MIN_MESSAGE_SIZE = 484;

  private final Map<Bytes, Device> devices;
  private final Device defaultContext;
  private final AuthoritativeEngine engine;
  private final List<DatagramReceiver> sockets;
  private final int maxMessageSize;
  private final int maxBulkVarBinds;
  private final long startNanos = System.nanoTime();
  private volatile ActiveFaults faults;
  private ScheduledExecutorService scheduler;
  private Notifier notifier;

  private final LongAdder received = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder unknownCommunity = new LongAdder();
  private final LongAdder unsupported = new LongAdder();
  private final LongAdder unknownContext = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder sendFailures = new LongAdder();

  private AgentSimulator(Builder b) {
    this.maxMessageSize = b.maxMessageSize;
    this.maxBulkVarBinds = b.maxBulkVarBinds;
    this.faults = new ActiveFaults(b.faults);
    Map<Bytes, Device> map = new LinkedHashMap<>();
    for (Map.Entry<String, Recording> e : b.devices.entrySet()) {
      List<Oid> writable = new ArrayList<>(b.writable);
      writable.addAll(b.deviceWritable.getOrDefault(e.getKey(), List.of()));
      Device d = new Device(e.getKey(), e.getValue(), writable);
      List<Fault> own = b.deviceFaults.get(e.getKey());
      d.faults = own == null ? null : new ActiveFaults(own);
      map.put(Bytes.utf8(e.getKey()), d);
    }
    this.devices = map;
    this.defaultContext = map.get(Bytes.utf8(b.defaultContext != null ? b.defaultContext : b.devices.keySet().iterator().next()));
    this.engine = b.engine.build();
    this.sockets = bindAll(b.addresses, b.port);
  }

  /**
   * Binds every address on one port: {@code port}, or (0) one that is free on all of them, trying a few
   * ports when IPv4 and IPv6 disagree. On failure closes what it bound.
   */
  private List<DatagramReceiver> bindAll(List<InetAddress> addresses, int port) {
    TransportException last = null;
    for (int attempt = 0; attempt < (port == 0 ? 20 : 1); attempt++) {
      List<DatagramReceiver> bound = new ArrayList<>();
      int p = port;
      try {
        for (InetAddress a : addresses) {
          DatagramReceiver s = DatagramReceiver.bind(new Endpoint(a, p), "puresnmp-sim", answering());
          bound.add(s);
          p = s.localEndpoint().port();
        }
        return bound;
      } catch (TransportException e) {
        last = e;
        bound.forEach(DatagramReceiver::close);
      }
    }
    throw last;
  }

  /** A handler for one receive loop, with a command responder of its own (a responder is not thread-safe). */
  private DatagramReceiver.Handler answering() {
    CommandResponder responder = new CommandResponder(maxBulkVarBinds);
    return (data, from, socket) -> handle(data, from, socket, responder);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first bound endpoint: where to send requests. */
  public Endpoint endpoint() {
    return sockets.get(0).localEndpoint();
  }

  /** Every bound endpoint (IPv4 and IPv6 when both were asked for), all on {@link #port()}. */
  public List<Endpoint> endpoints() {
    return sockets.stream().map(DatagramReceiver::localEndpoint).toList();
  }

  public int port() {
    return sockets.get(0).localEndpoint().port();
  }

  /** The communities served, one per device, in the order they were added. */
  public List<String> communities() {
    return devices.values().stream().map(d -> d.name).toList();
  }

  /** The SNMPv3 engine: its ID, boots and time, its users. */
  public AuthoritativeEngine engine() {
    return engine;
  }

  /** The recording a community serves. */
  public Recording recording(String community) {
    return device(community).recording;
  }

  /** Replaces the faults of every device that has none of its own; no arguments clears them. */
  public void setFaults(Fault... faults) {
    this.faults = new ActiveFaults(Arrays.asList(faults));
  }

  /** Replaces one device's faults (they replace the simulator's for it); no arguments: that device has none. */
  public void setFaults(String community, Fault... faults) {
    device(community).faults = new ActiveFaults(Arrays.asList(faults));
  }

  /** Clears all faults, the simulator's and every device's. */
  public void clearFaults() {
    this.faults = ActiveFaults.NONE;
    for (Device d : devices.values()) {
      d.faults = null;
    }
  }

  /** Forgets every value SETs wrote, on every device. */
  public void resetWrites() {
    devices.values().forEach(d -> d.overlay.clear());
  }

  /** How long the simulator has run: what computed values (sysUpTime, growing counters) see. */
  public Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Sends traps and informs as the default device (the first, unless {@link Builder#defaultContext} names another); started on first use. */
  public synchronized Notifier notifier() {
    if (notifier == null) {
      notifier = new Notifier(this, defaultContext);
    }
    return notifier;
  }

  /** Sends traps and informs as the device {@code community} selects. */
  public Notifier notifier(String community) {
    return notifier().device(community);
  }

  public SimulatorCounters counters() {
    return new SimulatorCounters(received.sum(), answered.sum(), malformed.sum(), unknownCommunity.sum(),
        unsupported.sum(), dropped.sum(), sendFailures.sum(), unknownContext.sum(), engine.counters());
  }

  Device device(String community) {
    Device d = devices.get(Bytes.utf8(community));
    if (d == null) {
      throw new IllegalArgumentException("no device with community \"" + community + "\"; served: " + communities());
    }
    return d;
  }

  /** The device SNMPv3 requests with the empty context name get. */
  Device defaultDevice() {
    return defaultContext;
  }

  /** On a socket's receive thread: never throws for any input. */
  private void handle(byte[] data, Endpoint from, DatagramReceiver socket, CommandResponder responder) {
    received.increment();
    Message message;
    try {
      if (MessageCodec.peekVersion(data, 0, data.length) == SnmpVersion.V3) {
        handleV3(data, from, socket, responder);
        return;
      }
      message = MessageCodec.decodeAdopting(data, 0, data.length, List.of()); // a fresh array per datagram
    } catch (MalformedPacketException | IllegalArgumentException e) {
      malformed.increment();
      return;
    }
    CommunityMessage request = (CommunityMessage) message;
    Device device = devices.get(request.community());
    if (device == null) {
      unknownCommunity.increment(); // as snmpd and snmpsim do: no answer at all
      return;
    }
    ActiveFaults f = device.faults != null ? device.faults : faults;
    if (!f.admit()) {
      dropped.increment();
      return;
    }
    byte[] reply = responder.respond(request, device, f, uptime(), maxMessageSize);
    if (reply == null) {
      unsupported.increment();
      return;
    }
    reply(reply, from, socket, f);
  }

  /**
   * SNMPv3: the engine checks the message (RFC 3414 §3.2) and answers refusals with its Reports; a request
   * it accepts is answered from the device its context names, as a community names one in v1/v2c.
   */
  private void handleV3(byte[] data, Endpoint from, DatagramReceiver socket, CommandResponder responder) {
    Received r = engine.receive(data, 0, data.length);
    if (r instanceof Received.Refused no) {
      if (!no.dropped()) {
        send(no.report().toByteArray(), from, socket, ActiveFaults.NONE);
      }
      return;
    }
    Received.Request q = (Received.Request) r;
    Device device = device(q.scopedPdu());
    if (device == null) {
      unknownContext.increment(); // snmpd sends nothing for an unknown context either
      return;
    }
    ActiveFaults f = device.faults != null ? device.faults : faults;
    if (!f.admit()) {
      dropped.increment();
      return;
    }
    // RFC 3416 §4.2.3, RFC 3412 §7.1: the answer must fit the manager's msgMaxSize as well as ours
    int limit = Math.min(maxMessageSize, q.maxSize()) - engine.overhead(q);
    CommunityMessage inner = new CommunityMessage(SnmpVersion.V2C, Bytes.EMPTY, q.scopedPdu().pdu());
    byte[] v2c = responder.respond(inner, device, f, uptime(), limit);
    if (v2c == null) {
      unsupported.increment();
      return;
    }
    Pdu response = MessageCodec.decodeAdopting(v2c, 0, v2c.length, List.of()).pdu();
    reply(engine.respond(q, response), from, socket, f);
  }

  /** The device a context names: "" is the default one; a context engine ID must be ours or empty. */
  private Device device(ScopedPdu scoped) {
    Bytes contextEngine = scoped.contextEngineId();
    if (contextEngine.size() > 0 && !contextEngine.equals(engine.engineId())) {
      return null;
    }
    return scoped.contextName().size() == 0 ? defaultContext : devices.get(scoped.contextName());
  }

  private void reply(byte[] reply, Endpoint from, DatagramReceiver socket, ActiveFaults f) {
    if (f.garbage) {
      reply = garbage();
    }
    if (f.delayMillis > 0) {
      byte[] r = reply;
      scheduler().schedule(() -> send(r, from, socket, f), f.delayMillis, TimeUnit.MILLISECONDS);
    } else {
      send(reply, from, socket, f);
    }
  }

  private void send(byte[] reply, Endpoint to, DatagramReceiver socket, ActiveFaults f) {
    answered.increment(); // before the send, so a client that has the reply also sees it counted
    try {
      socket.send(reply, to);
    } catch (TransportException e) {
      answered.decrement();
      sendFailures.increment();
      return;
    }
    if (f.duplicate) {
      try {
        socket.send(reply, to);
      } catch (TransportException e) {
        // the response itself went out: a lost copy is no failure to count
      }
    }
  }

  /** Starts with 0xFF, a tag SNMP never uses, so no decoder can take it for a message. */
  private static byte[] garbage() {
    byte[] g = new byte[16 + ThreadLocalRandom.current().nextInt(48)];
    ThreadLocalRandom.current().nextBytes(g);
    g[0] = (byte) 0xFF;
    return g;
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "puresnmp-sim-delay");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true);
      scheduler = s;
    }
    return scheduler;
  }

  /**
   * Stops answering and frees the ports; delayed replies not yet sent are dropped. Stops the notifier's
   * schedules and fails its informs still waiting for an acknowledgement.
   */
  @Override
  public void close() {
    sockets.forEach(DatagramReceiver::close);
    synchronized (this) {
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
      notifier().close(); // also one never used: none may send after the close
    }
  }

  @Override
  public String toString() {
    return "AgentSimulator" + endpoints() + communities();
  }

  /**
   * Configures a simulator: devices, addresses, writable OIDs, faults, limits.
   *
   * <pre>{@code
   * AgentSimulator sim = AgentSimulator.builder().data(Path.of("dev.snmprec")).port(1161).start();
   * }</pre>
   */
  public static final class Builder {
    private final Map<String, Recording> devices = new LinkedHashMap<>();
    private final List<InetAddress> addresses = new ArrayList<>();
    private int port;
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private int maxBulkVarBinds = DEFAULT_MAX_BULK_VARBINDS;
    private RecordingReader reader = RecordingReader.lenient();
    private final List<Oid> writable = new ArrayList<>();
    private final Map<String, List<Oid>> deviceWritable = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, List<Fault>> deviceFaults = new LinkedHashMap<>();
    private final AuthoritativeEngine.Builder engine = AuthoritativeEngine.builder();
    private String defaultContext;

    private Builder() {}

    /** Serves {@code recording} to requests with {@code community}. */
    public Builder device(String community, Recording recording) {
      Objects.requireNonNull(community, "community");
      Objects.requireNonNull(recording, "recording");
      if (devices.putIfAbsent(community, recording) != null) {
        throw new IllegalArgumentException("community \"" + community + "\" is already served");
      }
      return this;
    }

    /**
     * Serves a recording file ({@code .snmprec}, {@code .walk}, {@code .snmpwalk}) under its name without
     * extension, or every such file under a directory under its path there without extension (snmpsim's
     * rule: {@code DIR/recorded/linux.snmprec} → community {@code recorded/linux}).
     */
    public Builder data(Path fileOrDirectory) {
      if (Files.isDirectory(fileOrDirectory)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fileOrDirectory, 8)) {
          files = walk.filter(Files::isRegularFile).filter(RecordingReader::isRecordingFile).sorted().toList();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + fileOrDirectory + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
          throw new IllegalArgumentException("no .snmprec, .walk or .snmpwalk files under " + fileOrDirectory);
        }
        for (Path f : files) {
          device(RecordingReader.deviceName(fileOrDirectory, f), reader.read(f));
        }
      } else {
        Path parent = fileOrDirectory.toAbsolutePath().getParent();
        device(RecordingReader.deviceName(parent, fileOrDirectory.toAbsolutePath()), reader.read(fileOrDirectory));
      }
      return this;
    }

    /** Refuse files with bad lines ({@link RecordingReader#strict()}) in later {@link #data} calls. */
    public Builder strict(boolean strict) {
      reader = strict ? RecordingReader.strict() : RecordingReader.lenient();
      return this;
    }

    /** Adds an address to bind (127.0.0.1 when none is given); "::1" for IPv6. */
    public Builder bind(String address) {
      try {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return bind(InetAddress.getByName(a));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown address \"" + address + "\"", e);
      }
    }

    public Builder bind(InetAddress address) {
      addresses.add(Objects.requireNonNull(address, "address"));
      return this;
    }

    /** The UDP port for every address; 0 (the default) picks one that is free on all of them. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** The largest response to send, {@value #MIN_MESSAGE_SIZE}..65507; default {@value #DEFAULT_MAX_MESSAGE_SIZE}. */
    public Builder maxMessageSize(int bytes) {
      if (bytes < MIN_MESSAGE_SIZE || bytes > DEFAULT_MAX_MESSAGE_SIZE) {
        throw new IllegalArgumentException("maxMessageSize must be " + MIN_MESSAGE_SIZE + ".." + DEFAULT_MAX_MESSAGE_SIZE + ", not " + bytes);
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /** The most repeated varbinds in one GETBULK response, 1..65535; default {@value #DEFAULT_MAX_BULK_VARBINDS}. */
    public Builder maxBulkVarBinds(int varBinds) {
      if (varBinds < 1 || varBinds > 65535) {
        throw new IllegalArgumentException("maxBulkVarBinds must be 1..65535, not " + varBinds);
      }
      this.maxBulkVarBinds = varBinds;
      return this;
    }

    /**
     * Lets SETs write existing OIDs under {@code prefix}, on every device. Elsewhere a SET gets
     * notWritable (SNMPv2c) or noSuchName (SNMPv1, RFC 2576 §4.3); a writable OID the recording lacks gets
     * noCreation; a value of another type than the recorded one gets wrongType (badValue in SNMPv1).
     */
    public Builder writable(Oid prefix) {
      writable.add(Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /** Like {@link #writable(Oid)}, for one device. */
    public Builder writable(String community, Oid prefix) {
      deviceWritable.computeIfAbsent(community, k -> new ArrayList<>()).add(Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /** Faults for every device that has none of its own. */
    public Builder fault(Fault... faults) {
      this.faults.addAll(Arrays.asList(faults));
      return this;
    }

    /** Faults for one device (they replace the simulator's for it). */
    public Builder fault(String community, Fault... faults) {
      deviceFaults.computeIfAbsent(community, k -> new ArrayList<>()).addAll(Arrays.asList(faults));
      return this;
    }

    /**
     * Adds an SNMPv3 user, at any level with any protocols. It may read and write every device: the
     * context name selects the device as a community does ("" the {@link #defaultContext}). Without users
     * SNMPv3 managers still discover the engine, then hear unknownUserName.
     */
    public Builder user(Credentials.V3 user) {
      engine.user(user);
      return this;
    }

    /** The SNMPv3 engine ID, 5 to 32 bytes; default {@link AuthoritativeEngine#randomEngineId()}. */
    public Builder engineId(Bytes engineId) {
      engine.engineId(engineId);
      return this;
    }

    /** snmpEngineBoots, default 1: a restarted agent has one more (RFC 3414 §2.2). */
    public Builder engineBoots(int boots) {
      engine.engineBoots(boots);
      return this;
    }

    /** The device that SNMPv3 requests with the empty context name ("", the default) get; default: the first one added. */
    public Builder defaultContext(String community) {
      this.defaultContext = Objects.requireNonNull(community, "community");
      return this;
    }

    /**
     * Binds and starts answering.
     *
     * @throws TransportException if an address cannot be bound (its message names it and says why)
     */
    public AgentSimulator start() {
      if (devices.isEmpty()) {
        throw new IllegalStateException("no devices: add one with device(...) or data(...)");
      }
      for (String c : deviceFaults.keySet()) {
        if (!devices.containsKey(c)) {
          throw new IllegalArgumentException("fault for community \"" + c + "\", which no device serves: " + devices.keySet());
        }
      }
      if (defaultContext != null && !devices.containsKey(defaultContext)) {
        throw new IllegalArgumentException("default context \"" + defaultContext + "\", which no device serves: " + devices.keySet());
      }
      if (addresses.isEmpty()) {
        addresses.add(InetAddress.getLoopbackAddress());
      }
      return new AgentSimulator(this);
    }
  }
}
