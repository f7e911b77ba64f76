package dev.puresnmp.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An agent's address as a person writes it, not yet resolved: a host name or an address literal, and a
 * UDP port. {@link #parse} reads "host", "host:port", "[v6]:port", "[v6]" and bare IPv6 ("::1"); nothing is
 * looked up until {@link #resolve()} (the client resolves names when a request is sent, never at build
 * time).
 *
 * <pre>{@code
 * HostAndPort a = HostAndPort.parse("router.example:1161", 161);   // no DNS yet
 * Endpoint e = a.resolve();                                          // now
 * }</pre>
 */
public record HostAndPort(String host, int port) {
  public HostAndPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
  }

  /**
   * Parses "host", "host:port", "[v6]:port", "[v6]" or a bare IPv6 address ("::1"); {@code defaultPort}
   * when none is given. Looks nothing up.
   *
   * @throws IllegalArgumentException on a bad port or bracket
   */
  public static HostAndPort parse(String text, int defaultPort) {
    String s = text.strip();
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in \"" + text + "\"");
      }
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("expected ':port' after ']' in \"" + text + "\"");
      }
      return new HostAndPort(s.substring(1, close), rest.isEmpty() ? defaultPort : port(rest.substring(1), text));
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && colon == s.lastIndexOf(':')) {
      return new HostAndPort(s.substring(0, colon), port(s.substring(colon + 1), text));
    }
    return new HostAndPort(s, defaultPort); // a name, an IPv4 address, or a bare IPv6 address
  }

  private static int port(String p, String text) {
    int port;
    try {
      port = Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port: \"" + p + "\" in \"" + text + "\"", e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range in \"" + text + "\"");
    }
    return port;
  }

  /** True when the host is an IPv4 or IPv6 address literal, which resolves without a lookup. */
  public boolean isLiteral() {
    if (host.indexOf(':') >= 0) {
      return true; // only IPv6 literals contain a colon
    }
    int dots = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }

  /**
   * The endpoint, looking the name up now (blocking) unless it is a literal.
   *
   * @throws IllegalArgumentException if the host cannot be resolved, naming it
   */
  public Endpoint resolve() {
    try {
      return new Endpoint(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host \"" + host + "\"", e);
    }
  }

  /** "router.example:161", "[::1]:161". */
  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
