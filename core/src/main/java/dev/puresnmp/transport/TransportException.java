package dev.puresnmp.transport;

import dev.puresnmp.SnmpException;

/**
 * The network failed us: a packet could not be sent, a socket could not be bound, the transport was
 * closed with the request still pending.
 *
 * <pre>{@code
 * catch (TransportException e) {
 *   log.warn("{}: {}", e.endpoint(), e.getMessage());
 * }
 * }</pre>
 */
public final class TransportException extends SnmpException {
  private static final long serialVersionUID = 1L;

  private final transient Endpoint endpoint;

  public TransportException(Endpoint endpoint, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
  }

  /** The endpoint concerned, or null when none is (closing the transport). */
  public Endpoint endpoint() {
    return endpoint;
  }
}
