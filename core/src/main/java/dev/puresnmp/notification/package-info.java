/**
 * Notifications: {@link dev.puresnmp.notification.TrapReceiver} receives SNMPv1 traps and SNMPv2c and
 * SNMPv3 traps and informs (acknowledging every inform) and hands each to a handler as a {@link
 * dev.puresnmp.notification.Notification} in SNMPv2 form.
 */
package dev.puresnmp.notification;
