package dev.puresnmp.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A way for the simulated device to misbehave, as broken agents do. Set per device or for all, in code or
 * on the command line ({@link #parse}). "Rows" are the varbinds a device has returned to GETNEXT and
 * GETBULK since the fault was set; "requests" are the requests it has answered since then.
 *
 * <pre>{@code
 * sim.setFaults(Fault.drop(0.3), Fault.delay(Duration.ofMillis(200)));
 * sim.setFaults("cisco-3750", Fault.nonIncreasingAfter(100));    // only that device
 * Fault f = Fault.parse("loop-back-after=50");                       // as --fault takes it
 * }</pre>
 */
public sealed interface Fault
    permits Fault.Drop,
        Fault.Delay,
        Fault.Duplicate,
        Fault.WrongRequestId,
        Fault.Garbage,
        Fault.NonIncreasingAfter,
        Fault.LoopBackAfter,
        Fault.EndOfMibViewAfter,
        Fault.TooBigAbove,
        Fault.SilentAfter {

  /** Drops {@code share} (0..1) of the requests, at random: the client times out and retries. */
  record Drop(double share) implements Fault {
    public Drop {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("drop share must be 0..1, not " + share);
      }
    }

    @Override
    public String spec() {
      return "drop=" + share;
    }
  }

  /** Sends every reply {@code delay} late. */
  record Delay(Duration delay) implements Fault {
    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, not " + delay);
      }
    }

    @Override
    public String spec() {
      return "delay=" + delay.toMillis() + "ms";
    }
  }

  /** Sends every reply twice. */
  record Duplicate() implements Fault {
    @Override
    public String spec() {
      return "duplicate";
    }
  }

  /** Replies under another request-id (the request's plus one), so the client cannot match the reply. */
  record WrongRequestId() implements Fault {
    @Override
    public String spec() {
      return "wrong-request-id";
    }
  }

  /** Replies with bytes that are not an SNMP message. */
  record Garbage() implements Fault {
    @Override
    public String spec() {
      return "garbage";
    }
  }

  /** After {@code rows} rows, a GETNEXT/GETBULK returns the OID it was asked for again: "OID not increasing". */
  record NonIncreasingAfter(int rows) implements Fault {
    public NonIncreasingAfter {
      requireNonNegative(rows, "rows");
    }

    @Override
    public String spec() {
      return "non-increasing-after=" + rows;
    }
  }

  /** After {@code rows} rows, the walk jumps back to the first row served since the fault was set, and loops. */
  record LoopBackAfter(int rows) implements Fault {
    public LoopBackAfter {
      requireNonNegative(rows, "rows");
    }

    @Override
    public String spec() {
      return "loop-back-after=" + rows;
    }
  }

  /** After {@code rows} rows, the MIB view ends: endOfMibView (v2c) or noSuchName (v1). */
  record EndOfMibViewAfter(int rows) implements Fault {
    public EndOfMibViewAfter {
      requireNonNegative(rows, "rows");
    }

    @Override
    public String spec() {
      return "end-of-mib-view-after=" + rows;
    }
  }

  /** Answers tooBig to any request whose response would hold more than {@code varBinds} varbinds. */
  record TooBigAbove(int varBinds) implements Fault {
    public TooBigAbove {
      requireNonNegative(varBinds, "varBinds");
    }

    @Override
    public String spec() {
      return "too-big-above=" + varBinds;
    }
  }

  /** Answers {@code requests} requests, then none: the device died. */
  record SilentAfter(int requests) implements Fault {
    public SilentAfter {
      requireNonNegative(requests, "requests");
    }

    @Override
    public String spec() {
      return "silent-after=" + requests;
    }
  }

  /** The command-line form, which {@link #parse} reads back: "drop=0.3", "delay=200ms", "duplicate". */
  String spec();

  static Fault drop(double share) {
    return new Drop(share);
  }

  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  static Fault duplicate() {
    return new Duplicate();
  }

  static Fault wrongRequestId() {
    return new WrongRequestId();
  }

  static Fault garbage() {
    return new Garbage();
  }

  static Fault nonIncreasingAfter(int rows) {
    return new NonIncreasingAfter(rows);
  }

  static Fault loopBackAfter(int rows) {
    return new LoopBackAfter(rows);
  }

  static Fault endOfMibViewAfter(int rows) {
    return new EndOfMibViewAfter(rows);
  }

  static Fault tooBigAbove(int varBinds) {
    return new TooBigAbove(varBinds);
  }

  static Fault silentAfter(int requests) {
    return new SilentAfter(requests);
  }

  /**
   * Reads the command-line form: {@code drop=0.3}, {@code delay=200ms} (also {@code 2s}, or bare
   * milliseconds), {@code duplicate}, {@code wrong-request-id}, {@code garbage}, {@code
   * non-increasing-after=N}, {@code loop-back-after=N}, {@code end-of-mib-view-after=N}, {@code
   * too-big-above=N}, {@code silent-after=N}.
   *
   * @throws IllegalArgumentException naming the text and what was expected
   */
  static Fault parse(String spec) {
    String s = spec.trim();
    int eq = s.indexOf('=');
    String name = (eq < 0 ? s : s.substring(0, eq)).toLowerCase(Locale.ROOT);
    String arg = eq < 0 ? null : s.substring(eq + 1).trim();
    switch (name) {
      case "duplicate":
        return noArg(name, arg, new Duplicate());
      case "wrong-request-id":
        return noArg(name, arg, new WrongRequestId());
      case "garbage":
        return noArg(name, arg, new Garbage());
      case "drop":
        try {
          return new Drop(Double.parseDouble(required(name, arg)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("drop needs a share 0..1, not \"" + arg + "\"");
        }
      case "delay":
        return new Delay(duration(required(name, arg)));
      case "non-increasing-after":
        return new NonIncreasingAfter(count(name, arg));
      case "loop-back-after":
        return new LoopBackAfter(count(name, arg));
      case "end-of-mib-view-after":
        return new EndOfMibViewAfter(count(name, arg));
      case "too-big-above":
        return new TooBigAbove(count(name, arg));
      case "silent-after":
        return new SilentAfter(count(name, arg));
      default:
        throw new IllegalArgumentException("unknown fault \"" + spec + "\"; expected one of drop=SHARE, delay=200ms, "
            + "duplicate, wrong-request-id, garbage, non-increasing-after=N, loop-back-after=N, "
            + "end-of-mib-view-after=N, too-big-above=N, silent-after=N");
    }
  }

  private static Fault noArg(String name, String arg, Fault f) {
    if (arg != null) {
      throw new IllegalArgumentException(name + " takes no value, but got \"" + arg + "\"");
    }
    return f;
  }

  private static String required(String name, String arg) {
    if (arg == null || arg.isEmpty()) {
      throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
    }
    return arg;
  }

  private static int count(String name, String arg) {
    try {
      return Integer.parseInt(required(name, arg));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not \"" + arg + "\"");
    }
  }

  private static Duration duration(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
      }
      return Duration.ofMillis(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("delay needs a duration like 200ms or 2s, not \"" + text + "\"");
    }
  }

  private static void requireNonNegative(int n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must not be negative, not " + n);
    }
  }
}
