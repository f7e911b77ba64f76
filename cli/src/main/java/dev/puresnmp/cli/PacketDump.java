package dev.puresnmp.cli;

import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Sender;
import dev.puresnmp.transport.SnmpTimeoutException;
import dev.puresnmp.transport.UdpTransport;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code -d} of the SNMP commands: every packet sent and received written to standard error in
 * Net-SNMP's layout (a blank line, "Sending 43 bytes to UDP: [127.0.0.1]:161->[0.0.0.0]:40000", then 16
 * bytes a line as hex in groups of four and as text, and a blank line), which {@code puresnmp decode}
 * reads back. The attempts are made here one at a time, so that each resend is shown too.
 *
 * <pre>{@code
 * SnmpClient.builder(endpoint, credentials).sender(new PacketDump(transport, err)).build();
 * }</pre>
 */
final class PacketDump implements Sender {
  private final UdpTransport transport;
  private final PrintWriter err;

  PacketDump(UdpTransport transport, PrintWriter err) {
    this.transport = transport;
    this.err = err;
  }

  @Override
  public CompletableFuture<byte[]> send(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return attempt(endpoint, packet, timeout, attempts, false);
  }

  @Override
  public CompletableFuture<byte[]> sendInternal(Endpoint endpoint, byte[] packet, Duration timeout, int attempts) {
    return attempt(endpoint, packet, timeout, attempts, true);
  }

  /** One attempt at a time, so that every resend after a timeout is shown, as Net-SNMP shows it. */
  private CompletableFuture<byte[]> attempt(Endpoint endpoint, byte[] packet, Duration timeout, int left, boolean internal) {
    print("Sending " + packet.length + " bytes to " + addresses(endpoint), packet);
    CompletableFuture<byte[]> once = internal ? transport.sendInternal(endpoint, packet, timeout, 1) : transport.send(endpoint, packet, timeout, 1);
    return once.handle((answer, failure) -> {
          if (failure == null) {
            print("Received " + answer.length + " byte packet from " + addresses(endpoint), answer);
            return CompletableFuture.completedFuture(answer);
          }
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
          return left > 1 && cause instanceof SnmpTimeoutException
              ? attempt(endpoint, packet, timeout, left - 1, internal)
              : CompletableFuture.<byte[]>failedFuture(cause);
        })
        .thenCompose(f -> f);
  }

  /** "UDP: [127.0.0.1]:161->[0.0.0.0]:40000", the agent first and our socket, bound to every address, last. */
  private String addresses(Endpoint endpoint) {
    boolean v6 = endpoint.ip() instanceof Inet6Address;
    String agent = v6 ? endpoint.ip().getHostAddress().replaceAll("%.*", "") : endpoint.ip().getHostAddress();
    return (v6 ? "UDP/IPv6: [" : "UDP: [") + agent + "]:" + endpoint.port() + "->[" + (v6 ? "::" : "0.0.0.0") + "]:" + transport.localPort();
  }

  /** One packet: the heading and the lines of {@link #lines}, between blank lines; a packet at a time. */
  private synchronized void print(String heading, byte[] packet) {
    err.print("\n" + heading + "\n" + lines(packet) + "\n");
    err.flush();
  }

  /** "0000: 30 29 02 01  01 04 06 70  75 62 6C 69  63 A0 1C 02    0).....public...": 16 bytes a line. */
  static String lines(byte[] packet) {
    StringBuilder b = new StringBuilder();
    for (int at = 0; at < packet.length; at += 16) {
      b.append(String.format("%04d: ", at));
      StringBuilder text = new StringBuilder();
      for (int i = at; i < at + 16; i++) {
        if (i < packet.length) {
          b.append(String.format("%02X ", packet[i] & 0xff));
          char c = (char) (packet[i] & 0xff);
          text.append(c >= 0x20 && c < 0x7f ? c : '.');
        } else {
          b.append("   ");
        }
        if ((i - at) % 4 == 3) {
          b.append(' ');
        }
      }
      b.append("  ").append(text).append('\n');
    }
    return b.toString();
  }
}
