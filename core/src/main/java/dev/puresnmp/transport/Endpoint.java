package dev.puresnmp.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where an SNMP agent (or a trap receiver) listens: an IPv4 or IPv6 address and a UDP port.
 *
 * <pre>{@code
 * Endpoint agent = Endpoint.of("127.0.0.1", 161);
 * Endpoint v6 = Endpoint.of("::1", 11161);
 * byte[] reply = Transport.sendUdp(agent, packet);
 * }</pre>
 */
public record Endpoint(InetAddress ip, int port) {
  public Endpoint {
    Objects.requireNonNull(ip, "ip");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
  }

  /**
   * The endpoint of a host name or address literal ("127.0.0.1", "::1", "[::1]", "router.example") and
   * a port. A name is resolved now, once.
   *
   * @throws IllegalArgumentException if the host cannot be resolved
   */
  public static Endpoint of(String host, int port) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return new HostAndPort(h, port).resolve();
  }

  /**
   * Parses "host", "host:port", "[v6]:port", "[v6]" or a bare IPv6 address ("::1"); {@code defaultPort}
   * when none is given; a name is resolved now ({@link HostAndPort#parse} resolves nothing).
   *
   * @throws IllegalArgumentException on a bad port or an unknown host
   */
  public static Endpoint parse(String text, int defaultPort) {
    return HostAndPort.parse(text, defaultPort).resolve();
  }

  /** The endpoint of a socket address. */
  public static Endpoint of(InetSocketAddress address) {
    return new Endpoint(address.getAddress(), address.getPort());
  }

  /** For the socket API. */
  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(ip, port);
  }

  /** "127.0.0.1:161", "[::1]:161". */
  @Override
  public String toString() {
    String host = ip.getHostAddress();
    return ip instanceof Inet6Address ? "[" + host + "]:" + port : host + ":" + port;
  }
}
