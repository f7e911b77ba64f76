/**
 * The agent simulator: serves recorded devices over UDP (SNMPv1, SNMPv2c and SNMPv3), sends their
 * notifications, misbehaves on request, and starts in one line inside JUnit 5 tests.
 *
 * <ul>
 *   <li>{@link dev.puresnmp.sim.AgentSimulator}: the agent; {@link dev.puresnmp.sim.Fault}: how it misbehaves.
 *   <li>{@link dev.puresnmp.sim.Notifier}: the traps and informs a simulated device sends, {@link
 *       dev.puresnmp.sim.NotificationType} what, {@link dev.puresnmp.sim.NotificationTarget} where.
 *   <li>{@link dev.puresnmp.sim.Recording}, {@link dev.puresnmp.sim.RecordingReader}: the data (snmpsim
 *       {@code .snmprec}, Net-SNMP {@code snmpwalk -On} output), sorted and pre-encoded.
 *   <li>{@link dev.puresnmp.sim.ScriptedAgent}: a MockWebServer-style agent for client tests.
 *   <li>{@link dev.puresnmp.sim.SimulatorExtension}, {@link dev.puresnmp.sim.SimulatorData}: the JUnit 5 extension.
 *   <li>{@link dev.puresnmp.sim.ShippedDevices}: a recorded Linux host and a synthetic 48-port switch.
 * </ul>
 *
 * <p>Everything in this package is non-null unless documented otherwise.
 */
package dev.puresnmp.sim;
