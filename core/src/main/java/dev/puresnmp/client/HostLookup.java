package dev.puresnmp.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How a manager turns an agent's host name into an address: {@link #SYSTEM} (the JDK's resolver) by
 * default; an inventory, a custom name service or a test can give its own. It may block: the manager
 * calls it on a look-up thread of its own, never on the caller's, and keeps the answer for the manager's
 * TTL.
 *
 * <pre>{@code
 * Map<String, InetAddress> inventory = ...;
 * SnmpManager m = SnmpManager.builder().hostLookup(host -> {
 *   InetAddress a = inventory.get(host);
 *   if (a == null) throw new UnknownHostException(host);
 *   return a;
 * }).build();
 * }</pre>
 */
@FunctionalInterface
public interface HostLookup {
  /** The JDK's resolver ({@link InetAddress#getByName}): hosts file, then DNS. */
  HostLookup SYSTEM = InetAddress::getByName;

  /**
   * The address of {@code host}.
   *
   * @throws UnknownHostException if there is none
   */
  InetAddress lookup(String host) throws UnknownHostException;
}
