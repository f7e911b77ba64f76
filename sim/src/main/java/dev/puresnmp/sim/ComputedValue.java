package dev.puresnmp.sim;

import dev.puresnmp.smi.Value;
import java.time.Duration;

/**
 * A value worked out when a request asks for it, from how long the device has been up: sysUpTime, or a
 * counter that grows with time. It must always return the same type (a SET is checked against it).
 *
 * <pre>{@code
 * ComputedValue inOctets = uptime -> new Counter32((uptime.toMillis() * 125) & 0xFFFF_FFFFL);
 * Recording r = Recording.builder().addComputed(Oid.parse("1.3.6.1.2.1.2.2.1.10.1"), inOctets).build();
 * }</pre>
 */
@FunctionalInterface
public interface ComputedValue {
  /** The value after the device has been up for {@code uptime}. Called on the agent's thread: keep it quick. */
  Value at(Duration uptime);

  /** sysUpTime: the uptime in hundredths of a second, wrapping at 2^32 as TimeTicks do. */
  ComputedValue UPTIME = uptime -> new dev.puresnmp.smi.TimeTicks((uptime.toMillis() / 10) & 0xFFFF_FFFFL);
}
