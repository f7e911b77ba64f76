package dev.puresnmp.security;

/**
 * An encrypted scopedPDU that cannot be decrypted as received: privacy parameters that are not 8
 * bytes, or a DES/3DES ciphertext that is not a whole number of 8-byte blocks (RFC 3414 §8.3.2 step 1
 * and 2: a decryptionError).
 *
 * <pre>{@code
 * try {
 *   byte[] scopedPdu = priv.decrypt(key, boots, time, privParameters, packet, at, length);
 * } catch (DecryptionException e) {
 *   // count usmStatsDecryptionErrors, drop the message
 * }
 * }</pre>
 */
public final class DecryptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public DecryptionException(String message) {
    super(message);
  }
}
