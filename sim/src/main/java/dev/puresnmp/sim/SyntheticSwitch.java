package dev.puresnmp.sim;

import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.TimeTicks;
import java.util.function.LongFunction;

/**
 * A made-up access switch: the system group, ifTable and ifXTable (RFC 2863) for N gigabit ports whose
 * traffic counters grow with the simulator's uptime, each port at its own steady rate (port i carries i
 * Mbit/s in and half that out; every eighth port is down and still). sysUpTime is the simulator's uptime.
 * sysContact, sysName, sysLocation, ifAdminStatus and ifAlias are writable.
 *
 * <pre>{@code
 * Recording sw = SyntheticSwitch.build(48);
 * AgentSimulator sim = AgentSimulator.builder().device("switch-48", sw).start();
 * }</pre>
 */
public final class SyntheticSwitch {
  private static final Oid SYSTEM = Oid.parse("1.3.6.1.2.1.1");
  private static final Oid IF_NUMBER = Oid.parse("1.3.6.1.2.1.2.1.0");
  private static final Oid IF_ENTRY = Oid.parse("1.3.6.1.2.1.2.2.1");
  private static final Oid IFX_ENTRY = Oid.parse("1.3.6.1.2.1.31.1.1.1");
  /** Net-SNMP's experimental arc (NET-SNMP-MIB::netSnmpPlaypen): clashes with no real product. */
  private static final Oid SYS_OBJECT_ID = Oid.parse("1.3.6.1.4.1.8072.9999.9999.48");

  private SyntheticSwitch() {}

  /** A switch with {@code ports} ports (1..4096). */
  public static Recording build(int ports) {
    if (ports < 1 || ports > 4096) {
      throw new IllegalArgumentException("ports must be 1..4096, not " + ports);
    }
    RecordingBuilder b = new RecordingBuilder("synthetic switch, " + ports + " ports");
    b.add(SYSTEM.append(1, 0), OctetString.of("puresnmp synthetic switch, " + ports + " x 1000BASE-T"), 0, false);
    b.add(SYSTEM.append(2, 0), new ObjectIdentifier(SYS_OBJECT_ID), 0, false);
    b.addComputed(SYSTEM.append(3, 0), ComputedValue.UPTIME);
    b.add(SYSTEM.append(4, 0), OctetString.of("noc@example.net"), 0, true);
    b.add(SYSTEM.append(5, 0), OctetString.of("switch-" + ports), 0, true);
    b.add(SYSTEM.append(6, 0), OctetString.of("rack 1, row A"), 0, true);
    b.add(SYSTEM.append(7, 0), Integer32.of(2), 0, false); // sysServices: layer 2 (datalink)
    b.add(IF_NUMBER, Integer32.of(ports), 0, false);
    for (int i = 1; i <= ports; i++) {
      boolean up = i % 8 != 0;
      long inBitsPerSecond = up ? i * 1_000_000L : 0;
      long outBitsPerSecond = inBitsPerSecond / 2;
      // every port starts from its own non-zero count, so no two columns look alike
      long inBase = 1_000_000L * i;
      long outBase = 700_000L * i;
      LongFunction<Long> inOctets = ms -> inBase + inBitsPerSecond / 8 * ms / 1000;
      LongFunction<Long> outOctets = ms -> outBase + outBitsPerSecond / 8 * ms / 1000;
      int port = i;
      b.add(IF_ENTRY.append(1, i), Integer32.of(i), 0, false);
      b.add(IF_ENTRY.append(2, i), OctetString.of("GigabitEthernet1/0/" + i), 0, false);
      b.add(IF_ENTRY.append(3, i), Integer32.of(6), 0, false); // ethernetCsmacd
      b.add(IF_ENTRY.append(4, i), Integer32.of(1500), 0, false);
      b.add(IF_ENTRY.append(5, i), new Gauge32(1_000_000_000L), 0, false);
      // 00-00-5E-00-53-xx: the MAC range RFC 7042 §2.1.2 sets aside for documentation
      b.add(IF_ENTRY.append(6, i), new OctetString(Bytes.of((byte) 0, (byte) 0, (byte) 0x5E, (byte) 0, (byte) 0x53, (byte) i)), 0, false);
      b.add(IF_ENTRY.append(7, i), Integer32.of(up ? 1 : 2), 0, true);
      b.add(IF_ENTRY.append(8, i), Integer32.of(up ? 1 : 2), 0, false);
      b.add(IF_ENTRY.append(9, i), new TimeTicks(0), 0, false);
      counter32(b, IF_ENTRY.append(10, i), inOctets);
      counter32(b, IF_ENTRY.append(11, i), ms -> inOctets.apply(ms) / 800);
      counter32(b, IF_ENTRY.append(12, i), ms -> inOctets.apply(ms) / 80_000);
      b.add(IF_ENTRY.append(13, i), new Counter32(0), 0, false);
      b.add(IF_ENTRY.append(14, i), new Counter32(port % 5), 0, false);
      b.add(IF_ENTRY.append(15, i), new Counter32(0), 0, false);
      counter32(b, IF_ENTRY.append(16, i), outOctets);
      counter32(b, IF_ENTRY.append(17, i), ms -> outOctets.apply(ms) / 800);
      counter32(b, IF_ENTRY.append(18, i), ms -> outOctets.apply(ms) / 80_000);
      b.add(IF_ENTRY.append(19, i), new Counter32(0), 0, false);
      b.add(IF_ENTRY.append(20, i), new Counter32(0), 0, false);
      b.add(IF_ENTRY.append(21, i), new Gauge32(0), 0, false);
      b.add(IF_ENTRY.append(22, i), new ObjectIdentifier(Oid.of(0, 0)), 0, false);

      b.add(IFX_ENTRY.append(1, i), OctetString.of("Gi1/0/" + i), 0, false);
      counter32(b, IFX_ENTRY.append(2, i), ms -> inOctets.apply(ms) / 80_000);
      counter32(b, IFX_ENTRY.append(3, i), ms -> inOctets.apply(ms) / 160_000);
      counter32(b, IFX_ENTRY.append(4, i), ms -> outOctets.apply(ms) / 80_000);
      counter32(b, IFX_ENTRY.append(5, i), ms -> outOctets.apply(ms) / 160_000);
      counter64(b, IFX_ENTRY.append(6, i), inOctets);
      counter64(b, IFX_ENTRY.append(7, i), ms -> inOctets.apply(ms) / 800);
      counter64(b, IFX_ENTRY.append(8, i), ms -> inOctets.apply(ms) / 80_000);
      counter64(b, IFX_ENTRY.append(9, i), ms -> inOctets.apply(ms) / 160_000);
      counter64(b, IFX_ENTRY.append(10, i), outOctets);
      counter64(b, IFX_ENTRY.append(11, i), ms -> outOctets.apply(ms) / 800);
      counter64(b, IFX_ENTRY.append(12, i), ms -> outOctets.apply(ms) / 80_000);
      counter64(b, IFX_ENTRY.append(13, i), ms -> outOctets.apply(ms) / 160_000);
      b.add(IFX_ENTRY.append(14, i), Integer32.of(1), 0, false);
      b.add(IFX_ENTRY.append(15, i), new Gauge32(1000), 0, false);
      b.add(IFX_ENTRY.append(16, i), Integer32.of(2), 0, false);
      b.add(IFX_ENTRY.append(17, i), Integer32.of(1), 0, false);
      b.add(IFX_ENTRY.append(18, i), OctetString.of(up ? "uplink-" + i : ""), 0, true);
      b.add(IFX_ENTRY.append(19, i), new TimeTicks(0), 0, false);
    }
    return b.build();
  }

  private static void counter32(RecordingBuilder b, Oid oid, LongFunction<Long> atMillis) {
    b.addComputed(oid, uptime -> new Counter32(atMillis.apply(uptime.toMillis()) & 0xFFFF_FFFFL)); // wraps, RFC 2578 §7.1.6
  }

  private static void counter64(RecordingBuilder b, Oid oid, LongFunction<Long> atMillis) {
    b.addComputed(oid, uptime -> new Counter64(atMillis.apply(uptime.toMillis())));
  }
}
