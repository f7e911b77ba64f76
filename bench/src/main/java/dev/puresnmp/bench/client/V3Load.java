package dev.puresnmp.bench.client;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The load of {@code bench/v3-bench.sh}: a closed loop of GETs of sysName.0 against snmpd on 127.0.0.1:PORT,
 * WINDOW requests in flight (each completion, reply or timeout, sends the next), SNMPv2c (community public) or
 * SNMPv3 authPriv (user usr-sha256-aes: HMAC-SHA-256 + AES-128), by puresnmp or SNMP4J 3.8.2 (asynchronous
 * send with one listener, as PollBench's Snmp4jPoller). Both with a 4 MiB receive buffer, a 2 s timeout and no
 * retries (a lost request is counted as a timeout, not retried).
 *
 * <p>Untimed warm-up in 0.5 s slices until the JIT has gone quiet (its compiler threads under 1 % of two
 * slices in a row, at least 1 s, at most MAX-WARMUP-S), then one timed window of WINDOW-S seconds; then it
 * stops sending and waits (at most 2.5 s) for what is in flight, so a request sent in the window and lost shows
 * as a timeout (TIMEOUTS: those, and any still in flight after the wait; not the warm-up's). One line each on stdout:
 *
 * <pre>
 * warmup CLIENT WINDOW SECONDS
 * v3load CLIENT WINDOW REPLIES WALL_NS CPU_NS AGENT_CPU_NS TIMEOUTS ERRORS
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.client.V3Load puresnmp-v2c|puresnmp-v3|snmp4j-v2c|snmp4j-v3 PORT WINDOW MAX-WARMUP-S WINDOW-S AGENT-PID
 * </pre>
 *
 * CPU_NS is the whole client process (every thread, {@link CpuClock}), AGENT_CPU_NS snmpd's, both over the
 * window. ERRORS counts answers that are not a value for sysName.0 (a report PDU, an error status, an exception).
 */
public final class V3Load {
  static final String USER = "usr-sha256-aes";
  static final String AUTH_PASS = "authpass123";
  static final String PRIV_PASS = "privpass123";
  static final String SYS_NAME = "1.3.6.1.2.1.1.5.0";
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private V3Load() {}

  /**
   * SNMP4J's USM as its documentation sets it up: the default protocols (HMAC-SHA-256 and AES-128 among
   * them, added if not), a local engine ID, registered with {@code SecurityModels}; {@code Snmp.getUSM()}
   * then finds it. Also the notification part's SNMP4J receiver.
   */
  public static USM snmp4jUsm() {
    SecurityProtocols protocols = SecurityProtocols.getInstance().addDefaultProtocols();
    if (protocols.getAuthenticationProtocol(AuthHMAC192SHA256.ID) == null) {
      protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    }
    if (protocols.getPrivacyProtocol(PrivAES128.ID) == null) {
      protocols.addPrivacyProtocol(new PrivAES128());
    }
    USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
    SecurityModels.getInstance().addSecurityModel(usm);
    return usm;
  }

  /** A closed loop: counters, and whether completions send again. */
  abstract static class Loop implements AutoCloseable {
    final AtomicLong replies = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    /** Timeouts of requests sent in the window (a request lost in the warm-up times out 2 s later, maybe in the window). */
    final AtomicLong windowTimeouts = new AtomicLong();
    volatile long windowStart = Long.MAX_VALUE;
    volatile boolean running = true;
    volatile String firstError;

    abstract void send();

    void start(int window) {
      for (int i = 0; i < window; i++) {
        inFlight.incrementAndGet();
        send();
      }
    }

    /** One request done: count it and, while running, send the next. */
    final void done(int outcome, Object why, long sentNanos) {
      (outcome == 0 ? replies : outcome == 1 ? timeouts : errors).incrementAndGet();
      if (outcome == 1 && sentNanos >= windowStart) {
        windowTimeouts.incrementAndGet();
      }
      if (outcome == 2 && firstError == null) {
        firstError = String.valueOf(why);
      }
      if (running) {
        send();
      } else {
        inFlight.decrementAndGet();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (args.length != 6) {
      System.err.println("usage: V3Load puresnmp-v2c|puresnmp-v3|snmp4j-v2c|snmp4j-v3 PORT WINDOW MAX-WARMUP-S WINDOW-S AGENT-PID");
      System.exit(2);
    }
    String client = args[0];
    int port = Integer.parseInt(args[1]);
    int window = Integer.parseInt(args[2]);
    double maxWarmup = Double.parseDouble(args[3]);
    double seconds = Double.parseDouble(args[4]);
    CpuClock agent = new CpuClock(Long.parseLong(args[5]));
    CpuClock cpu = CpuClock.self();
    boolean v3 = client.endsWith("-v3");
    Loop loop = switch (client) {
      case "puresnmp-v2c", "puresnmp-v3" -> new Ours(port, v3, window);
      case "snmp4j-v2c", "snmp4j-v3" -> new Snmp4jLoop(port, v3);
      default -> throw new IllegalArgumentException("unknown client " + client);
    };
    loop.start(window);
    // warm-up: 0.5 s slices until the compiler threads were quiet (< 1 % of the slice) two slices in a row
    long w0 = System.nanoTime();
    int quiet = 0;
    while (true) {
      cpu.nanos();
      long jit0 = cpu.jitNanos();
      Thread.sleep(500);
      cpu.nanos();
      quiet = cpu.jitNanos() - jit0 < 5_000_000 ? quiet + 1 : 0;
      double elapsed = (System.nanoTime() - w0) / 1e9;
      if ((elapsed >= 1 && quiet >= 2) || elapsed >= maxWarmup) {
        System.out.printf("warmup %s %d %.1f%n", client, window, elapsed);
        break;
      }
    }
    loop.windowStart = System.nanoTime();
    long r0 = loop.replies.get();
    long e0 = loop.errors.get();
    long a0 = agent.nanos();
    long c0 = cpu.nanos();
    long t0 = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    long r1 = loop.replies.get();
    long t1 = System.nanoTime();
    long c1 = cpu.nanos();
    long a1 = agent.nanos();
    loop.running = false;
    long end = System.nanoTime() + 2_500_000_000L;
    while (loop.inFlight.get() > 0 && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    System.out.printf("v3load %s %d %d %d %d %d %d %d%n", client, window, r1 - r0, t1 - t0, c1 - c0, a1 - a0,
        loop.windowTimeouts.get() + loop.inFlight.get(), loop.errors.get() - e0);
    if (loop.firstError != null) {
      System.out.println("note " + client + " " + window + " first error: " + loop.firstError.replace('\n', ' '));
    }
    System.out.flush();
    Runtime.getRuntime().halt(0); // not close(): nothing more to measure, and a close may wait for timers
  }

  /** puresnmp: one client on one manager, its per-agent limit raised to the window. */
  static final class Ours extends Loop {
    private final UdpTransport udp = UdpTransport.builder().receiveBufferSize(4 << 20).build();
    private final SnmpManager manager = SnmpManager.builder().transport(udp).build();
    private final SnmpClient client;
    private final Oid oid = Oid.parse(SYS_NAME);

    Ours(int port, boolean v3, int window) {
      Credentials c = v3 ? Credentials.v3(USER).auth(AuthProtocol.SHA256, AUTH_PASS).priv(PrivProtocol.AES, PRIV_PASS) : Credentials.v2c("public");
      client = SnmpClient.builder(Endpoint.of("127.0.0.1", port), c).manager(manager)
          .maxOutstandingPerAgent(Math.max(window, SnmpManager.DEFAULT_MAX_OUTSTANDING_PER_AGENT)).timeout(TIMEOUT).retries(0).build();
    }

    @Override
    void send() {
      long sent = System.nanoTime();
      client.get(oid).whenComplete((v, e) -> {
        if (e == null) {
          done(v.isException() ? 2 : 0, v, sent);
        } else {
          Throwable cause = e instanceof CompletionException ? e.getCause() : e;
          done(cause instanceof SnmpTimeoutException ? 1 : 2, cause, sent);
        }
      });
    }

    @Override
    public void close() {
      manager.close();
      udp.close();
    }
  }

  /**
   * SNMP4J 3.8.2: one Snmp on a DefaultUdpTransportMapping with a 4 MiB receive buffer; v3 as its
   * documentation shows: a USM with the default protocols (HMAC-SHA-256 and AES-128 among them, added if
   * not) and a local engine ID, the user added to it, a UserTarget at authPriv; it discovers snmpd's engine
   * ID on the first request.
   */
  static final class Snmp4jLoop extends Loop implements ResponseListener {
    private final Snmp snmp;
    private final Target<UdpAddress> target;
    private final OID oid = new OID(SYS_NAME);
    private final boolean v3;

    Snmp4jLoop(int port, boolean v3) throws IOException {
      this.v3 = v3;
      DefaultUdpTransportMapping udp = new DefaultUdpTransportMapping();
      udp.setReceiveBufferSize(4 << 20);
      snmp = new Snmp(udp);
      UdpAddress address = new UdpAddress(InetAddress.getLoopbackAddress(), port);
      if (v3) {
        snmp4jUsm();
        snmp.getUSM().addUser(new OctetString(USER),
            new UsmUser(new OctetString(USER), AuthHMAC192SHA256.ID, new OctetString(AUTH_PASS), PrivAES128.ID, new OctetString(PRIV_PASS)));
        UserTarget<UdpAddress> t = new UserTarget<>();
        t.setAddress(address);
        t.setVersion(SnmpConstants.version3);
        t.setSecurityLevel(SecurityLevel.AUTH_PRIV);
        t.setSecurityName(new OctetString(USER));
        target = t;
      } else {
        CommunityTarget<UdpAddress> t = new CommunityTarget<>(address, new OctetString("public"));
        t.setVersion(SnmpConstants.version2c);
        target = t;
      }
      target.setTimeout(TIMEOUT.toMillis());
      target.setRetries(0);
      snmp.listen();
    }

    @Override
    void send() {
      PDU pdu = v3 ? new ScopedPDU() : new PDU(); // a new PDU per request: SNMP4J writes the request-id into it
      pdu.setType(PDU.GET);
      pdu.add(new VariableBinding(oid));
      try {
        snmp.send(pdu, target, System.nanoTime(), this);
      } catch (IOException e) {
        done(2, e, 0);
      }
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
      // SNMP4J keeps an answered asynchronous request pending until cancelled (its Snmp class javadoc)
      ((Snmp) event.getSource()).cancel(event.getRequest(), this);
      PDU r = event.getResponse();
      long sent = (Long) event.getUserObject();
      if (r == null) {
        done(event.getError() == null ? 1 : 2, event.getError(), sent);
      } else if (r.getType() != PDU.RESPONSE || r.getErrorStatus() != 0 || r.size() != 1 || r.get(0).isException()) {
        done(2, r, sent);
      } else {
        done(0, null, sent);
      }
    }

    @Override
    public void close() throws IOException {
      snmp.close();
    }
  }
}
