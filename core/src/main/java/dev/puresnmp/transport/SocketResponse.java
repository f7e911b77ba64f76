package dev.puresnmp.transport;

import java.util.Objects;

/**
 * A received datagram and its source, as the original puresnmp's {@code SocketResponse}. {@code data} is
 * exactly the datagram's bytes; it belongs to the receiver (nobody else holds the array).
 *
 * <pre>{@code
 * try (TrapListener traps = Transport.listen("127.0.0.1", 11162)) {
 *   for (SocketResponse r : traps) {
 *     Message m = MessageCodec.decode(r.data());
 *   }
 * }
 * }</pre>
 */
public record SocketResponse(byte[] data, SocketInfo info) {
  public SocketResponse {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(info, "info");
  }

  @Override
  public String toString() {
    return "SocketResponse[" + data.length + " bytes from " + info.address() + ":" + info.port() + "]";
  }
}
