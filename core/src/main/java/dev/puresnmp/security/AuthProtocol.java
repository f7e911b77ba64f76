package dev.puresnmp.security;

import dev.puresnmp.message.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A USM authentication protocol: HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414), HMAC-SHA-2 (RFC 7860).
 *
 * <pre>{@code
 * byte[] key = AuthProtocol.SHA256.localizedKey("authpass123".getBytes(UTF_8), engineId);
 * AuthProtocol.SHA256.sign(key, packet, 0, packet.length, macAt);   // zeros at macAt become the MAC
 * boolean ok = AuthProtocol.SHA256.verify(key, received, 0, received.length, macAt);
 * }</pre>
 *
 * <p>Every method is thread-safe and keeps no state between calls: each call works on its own clone of
 * a prototype {@link MessageDigest} or {@link Mac}, which is cheaper than looking the algorithm up
 * again.
 */
public enum AuthProtocol {
  /** HMAC-MD5-96 (RFC 3414 §6). */
  MD5("MD5", "MD5", "HmacMD5", 16, 12),
  /** HMAC-SHA-96 (RFC 3414 §7). */
  SHA("SHA", "SHA-1", "HmacSHA1", 20, 12),
  /** HMAC-SHA-224-128 (RFC 7860 §4.1). */
  SHA224("SHA-224", "SHA-224", "HmacSHA224", 28, 16),
  /** HMAC-SHA-256-192 (RFC 7860 §4.1). */
  SHA256("SHA-256", "SHA-256", "HmacSHA256", 32, 24),
  /** HMAC-SHA-384-256 (RFC 7860 §4.1). */
  SHA384("SHA-384", "SHA-384", "HmacSHA384", 48, 32),
  /** HMAC-SHA-512-384 (RFC 7860 §4.1). */
  SHA512("SHA-512", "SHA-512", "HmacSHA512", 64, 48);

  /** RFC 3414 §A.2.1: the pass phrase is repeated to fill this many octets, which are hashed. */
  static final int EXPANDED_PASSWORD_LENGTH = 1_048_576;

  /** Net-SNMP's USM_LENGTH_P_MIN: it refuses shorter pass phrases, so do we. */
  static final int MIN_PASSWORD_LENGTH = 8;

  /** Stands in for the MAC field while computing a MAC; never written. */
  private static final byte[] ZEROS = new byte[64];

  private static final int CHUNK = 4096;

  private final String netSnmpName;
  private final String macAlgorithm;
  private final int keyLength;
  private final int macLength;
  private final MessageDigest digestPrototype;
  private final Mac macPrototype;

  AuthProtocol(String netSnmpName, String digestAlgorithm, String macAlgorithm, int keyLength, int macLength) {
    this.netSnmpName = netSnmpName;
    this.macAlgorithm = macAlgorithm;
    this.keyLength = keyLength;
    this.macLength = macLength;
    try {
      // Every Java SE platform has these (JCA standard names; SHA-224 and SHA-512 since Java 8/9).
      this.digestPrototype = MessageDigest.getInstance(digestAlgorithm);
      this.macPrototype = Mac.getInstance(macAlgorithm);
      macPrototype.getProvider(); // settles the provider now, so that clones only read the prototype
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The name {@code snmpget -a} takes: "MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512". */
  public String netSnmpName() {
    return netSnmpName;
  }

  /**
   * The protocol named by {@code text}, ignoring case: a {@link #netSnmpName()}, or "SHA1"/"SHA-1",
   * or a SHA-2 name without the dash ("SHA256").
   *
   * @throws IllegalArgumentException for any other name, listing the accepted ones
   */
  public static AuthProtocol parse(String text) {
    return switch (text.trim().toUpperCase(Locale.ROOT).replace("-", "")) {
      case "MD5" -> MD5;
      case "SHA", "SHA1" -> SHA;
      case "SHA224" -> SHA224;
      case "SHA256" -> SHA256;
      case "SHA384" -> SHA384;
      case "SHA512" -> SHA512;
      default -> throw new IllegalArgumentException("unknown authentication protocol '" + text
          + "'; expected one of MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512 (or SHA1, SHA256, ...)");
    };
  }

  /** The digest length in bytes, which is also the length of a key: 16, 20, 28, 32, 48 or 64. */
  public int keyLength() {
    return keyLength;
  }

  /** The length of msgAuthenticationParameters in bytes: 12, 12, 16, 24, 32 or 48. */
  public int macLength() {
    return macLength;
  }

  /**
   * The user's master key Ku from a pass phrase (RFC 3414 §A.2; RFC 7860 §4.2 for SHA-2): the digest
   * of the pass phrase repeated to fill 1,048,576 bytes. This costs a few milliseconds: cache the
   * result ({@link UsmKeys} does).
   *
   * @throws IllegalArgumentException if the pass phrase is shorter than 8 bytes, as Net-SNMP does
   */
  public byte[] passwordToKey(byte[] password) {
    requireLongEnough(password.length);
    // The expanded stream at position p is password[p % n]; a buffer holding CHUNK + n bytes of the
    // repetition serves every chunk from offset p % n, without allocating the whole megabyte.
    int n = password.length;
    byte[] repeated = new byte[CHUNK + n];
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = password[i % n];
    }
    MessageDigest digest = digest();
    for (int p = 0; p < EXPANDED_PASSWORD_LENGTH; p += CHUNK) {
      digest.update(repeated, p % n, Math.min(CHUNK, EXPANDED_PASSWORD_LENGTH - p));
    }
    return digest.digest();
  }

  /** A master key localized to an engine: H(Ku || engineID || Ku) (RFC 3414 §A.2.2; RFC 7860 §4.2). */
  public byte[] localize(byte[] masterKey, byte[] engineId) {
    MessageDigest digest = digest();
    digest.update(masterKey);
    digest.update(engineId);
    digest.update(masterKey);
    return digest.digest();
  }

  /** {@link #passwordToKey} then {@link #localize}: the key Kul this user shares with that engine. */
  public byte[] localizedKey(byte[] password, byte[] engineId) {
    return localize(passwordToKey(password), engineId);
  }

  /**
   * Authenticates an outgoing message in place (RFC 3414 §6.3.1, §7.3.1; RFC 7860 §4.2): computes the
   * HMAC over {@code message[offset, offset + length)} with the {@link #macLength()} bytes at
   * {@code macAt} counted as zeros, whatever they hold, and writes it, truncated, at {@code macAt}.
   */
  public void sign(byte[] localizedKey, byte[] message, int offset, int length, int macAt) {
    byte[] mac = hmac(localizedKey, message, offset, length, macAt);
    System.arraycopy(mac, 0, message, macAt, macLength);
  }

  /**
   * Whether a received message carries the right MAC at {@code macAt} (RFC 3414 §6.3.2, §7.3.2),
   * computed over the bytes as received with the MAC field counted as zeros. The array is only read.
   * The comparison takes the same time wherever the MACs differ.
   */
  public boolean verify(byte[] localizedKey, byte[] message, int offset, int length, int macAt) {
    byte[] expected = hmac(localizedKey, message, offset, length, macAt);
    byte[] received = Arrays.copyOfRange(message, macAt, macAt + macLength);
    return MessageDigest.isEqual(Arrays.copyOf(expected, macLength), received);
  }

  private byte[] hmac(byte[] key, byte[] message, int offset, int length, int macAt) {
    Objects.checkFromIndexSize(offset, length, message.length);
    if (macAt < offset || macAt > offset + length - macLength) {
      throw new IllegalArgumentException(
          "the " + macLength + "-byte MAC at " + macAt + " is outside the message [" + offset + ", "
              + (offset + length) + ")");
    }
    if (key.length != keyLength) {
      throw new IllegalArgumentException(
          "a " + netSnmpName + " key has " + keyLength + " bytes, not " + key.length);
    }
    Mac mac = mac();
    try {
      mac.init(new SecretKeySpec(key, macAlgorithm));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(macAlgorithm + " refused a " + key.length + "-byte key", e);
    }
    int end = offset + length;
    int macEnd = macAt + macLength;
    mac.update(message, offset, macAt - offset);
    mac.update(ZEROS, 0, macLength);
    mac.update(message, macEnd, end - macEnd);
    return mac.doFinal();
  }

  /** A fresh digest of this protocol's hash, for this call only. */
  MessageDigest digest() {
    try {
      return (MessageDigest) digestPrototype.clone();
    } catch (CloneNotSupportedException e) {
      return newInstance(() -> MessageDigest.getInstance(digestPrototype.getAlgorithm()));
    }
  }

  private Mac mac() {
    try {
      return (Mac) macPrototype.clone();
    } catch (CloneNotSupportedException e) {
      return newInstance(() -> Mac.getInstance(macAlgorithm));
    }
  }

  static void requireLongEnough(int passwordLength) {
    if (passwordLength < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "a pass phrase must have at least 8 characters (Net-SNMP's minimum), not " + passwordLength);
    }
  }

  /** Pass phrases are hashed as UTF-8. */
  static byte[] utf8(String passPhrase) {
    return passPhrase.getBytes(StandardCharsets.UTF_8);
  }

  private interface Factory<T> {
    T create() throws GeneralSecurityException;
  }

  private static <T> T newInstance(Factory<T> factory) {
    try {
      return factory.create();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #sign} of a whole encoded SNMPv3 message, at its msgAuthenticationParameters (zeros until then). */
  public void signMessage(byte[] localizedKey, byte[] message) {
    sign(localizedKey, message, 0, message.length, MessageCodec.authParametersOffset(message, 0, message.length));
  }

  /** {@link #verify} of the SNMPv3 message {@code packet[offset .. offset+length)}, over its bytes as received. */
  public boolean verifyMessage(byte[] localizedKey, byte[] packet, int offset, int length) {
    return verify(localizedKey, packet, offset, length, MessageCodec.authParametersOffset(packet, offset, length));
  }
}
