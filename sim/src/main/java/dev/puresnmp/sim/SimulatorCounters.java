package dev.puresnmp.sim;

import dev.puresnmp.security.UsmCounters;

/**
 * What a simulator has seen since it started: a snapshot, so a test can assert on it.
 *
 * <pre>{@code
 * SimulatorCounters c = sim.counters();
 * assertThat(c.malformed()).isEqualTo(1);        // the garbage we sent was counted, not fatal
 * assertThat(c.answered()).isEqualTo(c.received() - c.malformed());
 * }</pre>
 *
 * @param received datagrams received
 * @param answered responses sent (a duplicated reply counts once)
 * @param malformed datagrams that were not an SNMP message the codec reads (any bytes at all)
 * @param unknownCommunity messages for a community no device serves (dropped silently, as agents do)
 * @param unsupported messages that are not a command: responses, traps, GETBULK in SNMPv1
 * @param dropped requests the drop or silent-after faults swallowed
 * @param sendFailures responses the socket would not send
 * @param unknownContext SNMPv3 requests for a context no device serves (dropped silently, as snmpd does)
 * @param usm what the SNMPv3 engine accepted and refused, by usmStats counter
 */
public record SimulatorCounters(
    long received, long answered, long malformed, long unknownCommunity, long unsupported, long dropped, long sendFailures,
    long unknownContext, UsmCounters usm) {}
