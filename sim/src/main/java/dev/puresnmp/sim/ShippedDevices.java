package dev.puresnmp.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The devices that ship in this jar, for demos, tests and first steps:
 *
 * <ul>
 *   <li>{@code linux-host}: a Linux host recorded from Net-SNMP 5.9 snmpd (system, interfaces, ifXTable, IP,
 *       TCP, UDP, host resources; 928 OIDs), {@code dev/puresnmp/sim/data/linux-host.snmprec};
 *   <li>{@code switch-48}: {@link SyntheticSwitch} with 48 ports whose counters grow with time.
 * </ul>
 *
 * <pre>{@code
 * AgentSimulator sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).start();
 * ShippedDevices.all().forEach(builder::device);
 * }</pre>
 */
public final class ShippedDevices {
  /** Where the shipped recordings are on the class path. */
  public static final String RESOURCE_DIR = "/dev/puresnmp/sim/data/";

  private ShippedDevices() {}

  /** The recorded Linux host. */
  public static Recording linuxHost() {
    return resource("linux-host.snmprec");
  }

  /** The synthetic 48-port switch. */
  public static Recording switch48() {
    return SyntheticSwitch.build(48);
  }

  /** Both, by community: "linux-host" and "switch-48". */
  public static Map<String, Recording> all() {
    Map<String, Recording> m = new LinkedHashMap<>();
    m.put("linux-host", linuxHost());
    m.put("switch-48", switch48());
    return m;
  }

  /** A recording shipped under {@link #RESOURCE_DIR}, read strictly (a shipped file must be clean). */
  static Recording resource(String name) {
    try (InputStream in = ShippedDevices.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("recording " + name + " missing from the jar (" + RESOURCE_DIR + ")");
      }
      return RecordingReader.strict().read(name, in, name.endsWith(".snmprec") ? RecordingReader.Format.SNMPREC : RecordingReader.Format.WALK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
