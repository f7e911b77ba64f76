package dev.puresnmp.transport;

/**
 * Where a datagram came from: the sender's address as text and its port, as the original puresnmp's
 * {@code SocketInfo}.
 *
 * <pre>{@code
 * listener = Transport.listen("0.0.0.0", 11162, r -> System.out.println(r.info().address()));
 * }</pre>
 */
public record SocketInfo(String address, int port) {
  public SocketInfo {
    java.util.Objects.requireNonNull(address, "address");
  }
}
