package dev.puresnmp.sim;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.security.AuthoritativeEngine;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulated device's notification originator (RFC 3413 §3.2): sends traps and informs, now or on a
 * schedule, as the device would: sysUpTime.0 is the simulator's {@link AgentSimulator#uptime()}, and the
 * objects a notification carries (linkDown's ifIndex, ifAdminStatus, ifOperStatus) are read from the
 * device's recording when it is sent, with what SETs wrote. SNMPv1 targets get the Trap-PDU that RFC 3584
 * §3.2 makes of it. Every simulator has one ({@link AgentSimulator#notifier()}), sending as its default
 * device; {@link #device} gives the same one sending as another.
 *
 * <pre>{@code
 * Notifier n = sim.notifier();
 * n.send(NotificationType.linkDown(2), NotificationTarget.trap(receiver, Credentials.v1("public")));
 * n.send(NotificationType.coldStart(), NotificationTarget.inform(receiver, Credentials.v2c("public"))).join(); // acknowledged
 * n.device("switch-48").schedule(NotificationType.linkUp(7), target, Duration.ofSeconds(5), 0);          // until closed
 * }</pre>
 *
 * <p>It sends from a socket of its own (a port the system picks), as snmpd does, through a {@link
 * SnmpManager} it starts on first use; closing the simulator stops its schedules and fails the informs
 * still waiting with {@link dev.puresnmp.transport.TransportException}. SNMPv3 traps carry the
 * simulator's engine ID as the authoritative one (RFC 3414 §1.5.1); SNMPv3 informs go to the receiver's,
 * discovered. The context name is the device's community ("" for the {@link
 * AgentSimulator.Builder#defaultContext default} device).
 */
public final class Notifier {
  private static final Oid SYS_OBJECT_ID = Oid.parse("1.3.6.1.2.1.1.2.0");

  /**
   * What the notifiers of a simulator have sent, over all devices and schedules.
   *
   * @param traps traps that left (SNMPv1, v2c, v3)
   * @param informs informs sent (once each, however often retried)
   * @param acknowledged informs the receiver acknowledged
   * @param failed informs not acknowledged in time ({@link dev.puresnmp.transport.SnmpTimeoutException}),
   *     and traps or informs the socket would not send
   */
  public record Counters(long traps, long informs, long acknowledged, long failed) {}

  private final AgentSimulator simulator;
  private final Device device;
  private final Shared shared;

  Notifier(AgentSimulator simulator, Device device) {
    this(simulator, device, new Shared(simulator.engine()));
  }

  private Notifier(AgentSimulator simulator, Device device, Shared shared) {
    this.simulator = simulator;
    this.device = device;
    this.shared = shared;
  }

  /** The same notifier (socket, counters), sending as the device that {@code community} selects. */
  public Notifier device(String community) {
    return new Notifier(simulator, simulator.device(community), shared);
  }

  /** The simulator it sends for. */
  AgentSimulator simulator() {
    return simulator;
  }

  /** The community of the device it sends as. */
  public String community() {
    return device.name;
  }

  /**
   * Sends {@code type} to {@code target} now. Completes when a trap has left, or when the receiver
   * acknowledged an inform; fails with {@link dev.puresnmp.transport.SnmpTimeoutException} when no
   * acknowledgement came after the target's retries, or {@link dev.puresnmp.transport.TransportException}.
   *
   * @throws IllegalArgumentException if the recording lacks an object the notification carries, or an
   *     SNMPv1 trap would carry a Counter64
   * @throws IllegalStateException after the simulator was closed
   */
  public CompletableFuture<Void> send(NotificationType type, NotificationTarget target) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    Duration uptime = simulator.uptime();
    long sysUpTime = ((TimeTicks) ComputedValue.UPTIME.at(uptime)).value();
    List<VarBind> varBinds = type.varBinds(device, uptime);
    SnmpClient client = client(target);
    CompletableFuture<Void> sent;
    if (target.credentials() instanceof Credentials.V1) {
      sent = client.trap(TrapV1Translation.translate(type.trapOid(), varBinds, sysUpTime, sysObjectId(uptime), agentAddress()));
    } else if (target.inform()) {
      sent = client.inform(sysUpTime, type.trapOid(), varBinds);
    } else {
      sent = client.trap(sysUpTime, type.trapOid(), varBinds);
    }
    if (target.inform()) {
      shared.informs.increment();
    }
    // counted before the caller hears of it, so a test that joined the future sees the count
    return sent.whenComplete((v, e) -> (e != null ? shared.failed : target.inform() ? shared.acknowledged : shared.traps).increment());
  }

  /**
   * Sends {@code type} to {@code target} now (on this thread, throwing what {@link #send} throws), then
   * every {@code period}, {@code times} times in all, or until the schedule or the simulator is closed
   * when {@code times} is 0. Each one reads sysUpTime and the recording anew.
   */
  public NotificationSchedule schedule(NotificationType type, NotificationTarget target, Duration period, int times) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, not " + period);
    }
    if (times < 0) {
      throw new IllegalArgumentException("times must be 0 (until closed) or more, not " + times);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    shared.checkOpen();
    NotificationSchedule[] self = new NotificationSchedule[1];
    NotificationSchedule s = new NotificationSchedule(times, () -> send(type, target), () -> shared.schedules.remove(self[0]));
    self[0] = s;
    shared.schedules.add(s);
    if (s.fire()) {
      long nanos = period.toNanos();
      s.start(shared.scheduler().scheduleAtFixedRate(s::fire, nanos, nanos, TimeUnit.NANOSECONDS));
    }
    return s;
  }

  /** What it has sent, over every device of the simulator. */
  public Counters counters() {
    return new Counters(shared.traps.sum(), shared.informs.sum(), shared.acknowledged.sum(), shared.failed.sum());
  }

  private SnmpClient client(NotificationTarget target) {
    SnmpClient.Builder b = shared.manager().clientBuilder(target.endpoint(), target.credentials())
        .timeout(target.timeout())
        .retries(target.retries());
    if (target.credentials() instanceof Credentials.V3) {
      b.contextName(device == simulator.defaultDevice() ? "" : device.name);
    }
    return b.build();
  }

  private Oid sysObjectId(Duration uptime) {
    VarBind vb = device.served(SYS_OBJECT_ID, uptime);
    return vb != null && vb.value() instanceof ObjectIdentifier o ? o.value() : null;
  }

  /** RFC 3584 §3.2 (2): the originator's own IPv4 address, 0.0.0.0 when it has none. */
  private IpAddress agentAddress() {
    for (Endpoint e : simulator.endpoints()) {
      if (e.ip() instanceof Inet4Address) {
        return IpAddress.of(e.ip());
      }
    }
    return IpAddress.parse("0.0.0.0");
  }

  /** Stops every schedule and fails the informs still waiting; for {@link AgentSimulator#close()}. */
  void close() {
    shared.close();
  }

  @Override
  public String toString() {
    return "Notifier[" + device.name + ", " + counters() + "]";
  }

  /**
   * What the notifiers of one simulator share: the socket (a manager's whose engine ID and boots are the
   * simulator's, so that its SNMPv3 traps come from the simulator's engine, RFC 3414 §1.5.1), the
   * scheduler, the counters.
   */
  private static final class Shared {
    private final AuthoritativeEngine engine;
    final LongAdder traps = new LongAdder();
    final LongAdder informs = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Set<NotificationSchedule> schedules = ConcurrentHashMap.newKeySet();
    private SnmpManager manager;
    private ScheduledThreadPoolExecutor scheduler;
    private boolean closed;

    Shared(AuthoritativeEngine engine) {
      this.engine = engine;
    }

    synchronized SnmpManager manager() {
      checkOpen();
      if (manager == null) {
        manager = SnmpManager.builder().engineId(engine.engineId()).engineBoots(engine.engineBoots()).build();
      }
      return manager;
    }

    synchronized ScheduledThreadPoolExecutor scheduler() {
      checkOpen();
      if (scheduler == null) {
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
          Thread t = new Thread(r, "puresnmp-sim-notify");
          t.setDaemon(true);
          return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
      }
      return scheduler;
    }

    synchronized void checkOpen() {
      if (closed) {
        throw new IllegalStateException("the simulator is closed: it sends no notifications");
      }
    }

    void close() {
      synchronized (this) {
        closed = true;
      }
      List.copyOf(schedules).forEach(NotificationSchedule::close);
      synchronized (this) {
        if (scheduler != null) {
          scheduler.shutdownNow();
        }
        if (manager != null) {
          manager.close();
        }
      }
    }
  }
}
