package dev.puresnmp.security;

import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.UsmParameters;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.smi.VarBind;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A USM privacy protocol: CBC-DES (RFC 3414 §8), CFB128-AES-128 (RFC 3826), AES-192/256 with
 * Blumenthal's key extension (draft-blumenthal-aes-usm-04), the same with Reeder's key extension as
 * Cisco and Net-SNMP's "AES-192-C"/"AES-256-C" do, and 3DES-EDE (draft-reeder-snmpv3-usm-3desede-00).
 *
 * <pre>{@code
 * byte[] key = PrivProtocol.AES.localizedKey(AuthProtocol.SHA, "privpass123".getBytes(UTF_8), engineId);
 * PrivProtocol.Encrypted e = PrivProtocol.AES.encrypt(key, boots, time, salt, scopedPdu, 0, scopedPdu.length);
 * byte[] back = PrivProtocol.AES.decrypt(key, boots, time, e.privParameters(), e.ciphertext(), 0, e.ciphertext().length);
 * }</pre>
 *
 * <p>Every method is thread-safe. Each call initialises a {@link Cipher} of its own with the key and IV
 * of the message; idle ciphers are pooled, as {@link Cipher#getInstance} takes longer (1–3 µs) than
 * encrypting a typical scopedPDU.
 */
public enum PrivProtocol {
  /** CBC-DES (RFC 3414 §8): 8 bytes of key and 8 of pre-IV. */
  DES("DES", Mode.DES, 16, KeyExtension.NONE),
  /** CFB128-AES-128 (RFC 3826). */
  AES("AES", Mode.AES, 16, KeyExtension.NONE),
  /** CFB128-AES-192, key extended as in draft-blumenthal-aes-usm-04 §3.1.2.1. */
  AES192("AES-192", Mode.AES, 24, KeyExtension.BLUMENTHAL),
  /** CFB128-AES-256, key extended as in draft-blumenthal-aes-usm-04 §3.1.2.1. */
  AES256("AES-256", Mode.AES, 32, KeyExtension.BLUMENTHAL),
  /** CFB128-AES-192, key extended as in draft-reeder-snmpv3-usm-3desede-00 §2.1 (Cisco's variant). */
  AES192C("AES-192-C", Mode.AES, 24, KeyExtension.REEDER),
  /** CFB128-AES-256, key extended as in draft-reeder-snmpv3-usm-3desede-00 §2.1 (Cisco's variant). */
  AES256C("AES-256-C", Mode.AES, 32, KeyExtension.REEDER),
  /** CBC-3DES-EDE (draft-reeder-snmpv3-usm-3desede-00): 24 bytes of key and 8 of pre-IV. */
  TRIPLE_DES("3DES", Mode.TRIPLE_DES, 32, KeyExtension.REEDER);

  /** The length of msgPrivacyParameters: the salt, for every protocol here. */
  static final int SALT_LENGTH = 8;

  private final String netSnmpName;
  private final Mode mode;
  private final int keyLength;
  private final KeyExtension extension;

  PrivProtocol(String netSnmpName, Mode mode, int keyLength, KeyExtension extension) {
    this.netSnmpName = netSnmpName;
    this.mode = mode;
    this.keyLength = keyLength;
    this.extension = extension;
  }

  /** The name {@code snmpget -x} takes: "DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C", "3DES". */
  public String netSnmpName() {
    return netSnmpName;
  }

  /**
   * The protocol named by {@code text}, ignoring case and dashes: a {@link #netSnmpName()}, or
   * "AES128"/"AES-128", "AES192", "AES192C", "3DESEDE".
   *
   * @throws IllegalArgumentException for any other name, listing the accepted ones
   */
  public static PrivProtocol parse(String text) {
    return switch (text.trim().toUpperCase(Locale.ROOT).replace("-", "")) {
      case "DES" -> DES;
      case "AES", "AES128" -> AES;
      case "AES192" -> AES192;
      case "AES256" -> AES256;
      case "AES192C" -> AES192C;
      case "AES256C" -> AES256C;
      case "3DES", "3DESEDE" -> TRIPLE_DES;
      default -> throw new IllegalArgumentException("unknown privacy protocol '" + text
          + "'; expected one of DES, AES, AES-192, AES-256, AES-192-C, AES-256-C, 3DES (or AES-128, 3DESEDE)");
    };
  }

  /**
   * How many bytes of localized key this protocol uses: DES 16 (8 key, 8 pre-IV), AES 16, AES192(C)
   * 24, AES256(C) 32, TRIPLE_DES 32 (24 key, 8 pre-IV).
   */
  public int keyLength() {
    return keyLength;
  }

  /**
   * The privacy key for a pass phrase and engine: the user's localized key under {@code auth}'s hash,
   * extended by this protocol's rule where the hash is shorter than {@link #keyLength()}, then cut to
   * it. Costs one or two {@link AuthProtocol#passwordToKey} runs: cache it ({@link UsmKeys} does).
   */
  public byte[] localizedKey(AuthProtocol auth, byte[] privPassword, byte[] engineId) {
    return extend(auth, auth.localizedKey(privPassword, engineId), engineId);
  }

  /** A localized key {@code kul} extended to (or cut to) {@link #keyLength()}. */
  /** The fewest bytes a localized key may have: {@link #keyLength()} where no extension is defined, else 1. */
  int shortestLocalizedKey() {
    return extension == KeyExtension.NONE ? keyLength : 1;
  }

  byte[] extend(AuthProtocol auth, byte[] kul, byte[] engineId) {
    byte[] key = kul;
    byte[] last = kul;
    while (key.length < keyLength) {
      last = switch (extension) {
        // draft-blumenthal-aes-usm-04 §3.1.2.1: Kul' = Kul || H(Kul) || H(Kul || H(Kul)) ...
        case BLUMENTHAL -> auth.digest().digest(key);
        // draft-reeder-snmpv3-usm-3desede-00 §2.1: K(n+1) = localize(passwordToKey(K(n)), engineID)
        case REEDER -> auth.localizedKey(last, engineId);
        case NONE -> throw new IllegalStateException(this + " needs " + keyLength
            + " bytes of key but " + auth.netSnmpName() + " gives " + kul.length);
      };
      key = concat(key, last);
    }
    return key.length == keyLength ? key : Arrays.copyOf(key, keyLength);
  }

  /**
   * Encrypts a scopedPDU (RFC 3414 §8.3.1; RFC 3826 §3.1.3). The salt is {@code engineBoots} and the
   * low 32 bits of {@code salt} for DES and 3DES, and the 8 bytes of {@code salt} for AES (use a
   * counter or random start, never repeating under one key); DES and 3DES pad with zeros to a whole
   * number of 8-byte blocks.
   *
   * @param engineBoots msgAuthoritativeEngineBoots of the message
   * @param engineTime msgAuthoritativeEngineTime of the message (AES only)
   */
  public Encrypted encrypt(byte[] privKey, int engineBoots, int engineTime, long salt,
      byte[] plaintext, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, plaintext.length);
    requireKey(privKey);
    byte[] privParameters = new byte[SALT_LENGTH];
    if (mode == Mode.AES) {
      putInt(privParameters, 0, (int) (salt >>> 32));
    } else {
      putInt(privParameters, 0, engineBoots); // RFC 3414 §8.1.1.1
    }
    putInt(privParameters, 4, (int) salt);
    byte[] iv = iv(privKey, engineBoots, engineTime, privParameters);
    if (mode == Mode.AES) {
      return new Encrypted(run(Cipher.ENCRYPT_MODE, privKey, iv, plaintext, offset, length), privParameters);
    }
    byte[] padded = Arrays.copyOfRange(plaintext, offset, offset + (length + 7) / 8 * 8);
    return new Encrypted(run(Cipher.ENCRYPT_MODE, privKey, iv, padded, 0, padded.length), privParameters);
  }

  /**
   * Decrypts an encryptedPDU (RFC 3414 §8.3.2; RFC 3826 §3.1.4) with the boots and time the message
   * carries. For DES and 3DES the result keeps the sender's padding after the scopedPDU.
   *
   * @throws DecryptionException if {@code privParameters} is not 8 bytes, or a DES or 3DES ciphertext
   *     is not a whole number of 8-byte blocks
   */
  public byte[] decrypt(byte[] privKey, int engineBoots, int engineTime, byte[] privParameters,
      byte[] ciphertext, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, ciphertext.length);
    requireKey(privKey);
    if (privParameters.length != SALT_LENGTH) {
      throw new DecryptionException(
          netSnmpName + " privacy parameters must be 8 bytes, not " + privParameters.length);
    }
    if (mode != Mode.AES && length % 8 != 0) {
      throw new DecryptionException(
          netSnmpName + " ciphertext must be a multiple of 8 bytes, not " + length);
    }
    return run(Cipher.DECRYPT_MODE, privKey, iv(privKey, engineBoots, engineTime, privParameters),
        ciphertext, offset, length);
  }

  /**
   * The scoped PDU of the encrypted SNMPv3 message {@code m}: decrypted with {@code privKey} at the
   * message's boots, time and salt, then decoded (a block cipher's padding ignored); where it names the
   * OIDs of {@code expected}, it holds those objects.
   *
   * @throws DecryptionException if the cipher refuses the message's parameters
   * @throws dev.puresnmp.ber.MalformedPacketException if it decrypts to no scoped PDU (a wrong key gives noise)
   */
  public ScopedPdu decryptScopedPdu(byte[] privKey, V3Message m, List<VarBind> expected) {
    UsmParameters usm = m.usm();
    byte[] cipher = m.encryptedPdu().toByteArray();
    byte[] plain = decrypt(privKey, usm.engineBoots(), usm.engineTime(), usm.privParameters().toByteArray(), cipher, 0, cipher.length);
    return MessageCodec.decodeScopedPdu(plain, 0, plain.length, expected);
  }

  private byte[] iv(byte[] privKey, int engineBoots, int engineTime, byte[] privParameters) {
    if (mode == Mode.AES) {
      // RFC 3826 §3.1.2.1: boots || time || salt
      byte[] iv = new byte[16];
      putInt(iv, 0, engineBoots);
      putInt(iv, 4, engineTime);
      System.arraycopy(privParameters, 0, iv, 8, SALT_LENGTH);
      return iv;
    }
    // RFC 3414 §8.1.1.1 (and the 3DES draft §5.1.1.1): the pre-IV after the key, XOR the salt
    int preIv = cipherKeyLength();
    byte[] iv = new byte[8];
    for (int i = 0; i < 8; i++) {
      iv[i] = (byte) (privKey[preIv + i] ^ privParameters[i]);
    }
    return iv;
  }

  private byte[] run(int direction, byte[] privKey, byte[] iv, byte[] input, int offset, int length) {
    try {
      Cipher cipher = mode.ciphers.acquire();
      cipher.init(direction, new SecretKeySpec(privKey, 0, cipherKeyLength(), mode.algorithm),
          new IvParameterSpec(iv));
      byte[] output = cipher.doFinal(input, offset, length);
      mode.ciphers.release(cipher); // only after success: a cipher that threw is left to the GC
      return output;
    } catch (GeneralSecurityException e) {
      // NoPadding with whole blocks (CBC) or a stream mode (CFB) cannot fail on the data.
      throw new IllegalStateException(mode.transformation + " failed", e);
    }
  }

  /** The bytes of the privacy key that are the cipher's key; any after them are the pre-IV. */
  private int cipherKeyLength() {
    return mode == Mode.AES ? keyLength : mode.cipherKeyLength;
  }

  private void requireKey(byte[] privKey) {
    if (privKey.length < keyLength) {
      throw new IllegalArgumentException(
          "a " + netSnmpName + " key has " + keyLength + " bytes, not " + privKey.length);
    }
  }

  private static void putInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /**
   * An encryptedPDU and the msgPrivacyParameters (the salt) to send with it.
   *
   * <p>{@code equals} compares the contents of the arrays.
   */
  public record Encrypted(byte[] ciphertext, byte[] privParameters) {
    public Encrypted {
      Objects.requireNonNull(ciphertext, "ciphertext");
      Objects.requireNonNull(privParameters, "privParameters");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Encrypted e
          && MessageDigest.isEqual(ciphertext, e.ciphertext)
          && MessageDigest.isEqual(privParameters, e.privParameters);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(ciphertext) + Arrays.hashCode(privParameters);
    }

    @Override
    public String toString() {
      return "Encrypted[" + ciphertext.length + " bytes, privParameters=" + hex(privParameters) + "]";
    }

    private static String hex(byte[] b) {
      StringBuilder s = new StringBuilder(2 * b.length);
      for (byte x : b) {
        s.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return s.toString();
    }
  }

  private enum Mode {
    DES("DES", "DES/CBC/NoPadding", 8),
    AES("AES", "AES/CFB128/NoPadding", 0),
    TRIPLE_DES("DESede", "DESede/CBC/NoPadding", 24);

    final String algorithm;
    final String transformation;
    /** Bytes of the privacy key the cipher takes; for AES, all of {@link PrivProtocol#keyLength()}. */
    final int cipherKeyLength;
    final CipherPool ciphers;

    Mode(String algorithm, String transformation, int cipherKeyLength) {
      this.algorithm = algorithm;
      this.transformation = transformation;
      this.cipherKeyLength = cipherKeyLength;
      this.ciphers = new CipherPool(transformation);
    }
  }

  private enum KeyExtension {
    NONE,
    BLUMENTHAL,
    REEDER
  }
}
