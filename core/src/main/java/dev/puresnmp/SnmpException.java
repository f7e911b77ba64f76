package dev.puresnmp;

/**
 * The root of every failure this library reports. Unchecked, because the API is mostly futures and
 * lambdas, where checked exceptions only add wrapping. Each subclass lives in the layer that detects the
 * failure and carries its context in typed fields; nobody needs to parse a message.
 *
 * <pre>{@code
 * try {
 *   Message m = MessageCodec.decode(bytes);
 * } catch (SnmpException e) {
 *   log.warn("cannot use reply: {}", e.getMessage());
 * }
 * }</pre>
 */
public abstract class SnmpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected SnmpException(String message) {
    super(message);
  }

  protected SnmpException(String message, Throwable cause) {
    super(message, cause);
  }
}
