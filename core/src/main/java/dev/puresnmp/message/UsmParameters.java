package dev.puresnmp.message;

import dev.puresnmp.smi.Bytes;
import java.util.Objects;

/**
 * The User-based Security Model's part of an SNMPv3 message (RFC 3414 §2.4, UsmSecurityParameters): who
 * sent it (user), to or from which engine, that engine's boots and time, and the authentication and
 * privacy parameters (the truncated HMAC and the salt). Empty {@code authParameters} and {@code
 * privParameters} when the message has no authentication or no privacy.
 *
 * <pre>{@code
 * UsmParameters discovery = UsmParameters.discovery();   // no engine, no user: RFC 3414 §4
 * }</pre>
 */
public record UsmParameters(
    Bytes engineId, int engineBoots, int engineTime, Bytes userName, Bytes authParameters, Bytes privParameters) {

  /** SnmpEngineID (RFC 3411 §5) has at most 32 bytes, and a user name (SnmpAdminString) too (RFC 3414 §2.4). */
  public static final int MAX_ID_LENGTH = 32;

  public UsmParameters {
    Objects.requireNonNull(engineId, "engineId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(authParameters, "authParameters");
    Objects.requireNonNull(privParameters, "privParameters");
    if (engineBoots < 0 || engineTime < 0) {
      throw new IllegalArgumentException("engine boots and time are 0..2147483647: " + engineBoots + ", " + engineTime);
    }
    if (engineId.size() > MAX_ID_LENGTH || userName.size() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("an engine ID and a user name have at most " + MAX_ID_LENGTH + " bytes");
    }
  }

  /** The parameters of a discovery request: no engine ID, boots, time or user (RFC 3414 §4). */
  /**
   * {@code id} if it can be an engine's own ID (RFC 3411 §5: 5 to 32 octets; an empty one only asks for
   * discovery), for the builders that take one.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static Bytes checkEngineId(Bytes id) {
    if (id.size() < 5 || id.size() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("an engine ID has 5 to 32 bytes (RFC 3411 §5), not " + id.size());
    }
    return id;
  }

  /**
   * {@code boots} if an engine that sends can have it: 0 to 2147483646 (RFC 3414 §2.2.2: at 2147483647
   * the engine's authenticated messages are refused).
   *
   * @throws IllegalArgumentException otherwise
   */
  public static int checkEngineBoots(int boots) {
    if (boots < 0 || boots == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("engine boots must be 0 to 2147483646, not " + boots);
    }
    return boots;
  }

  public static UsmParameters discovery() {
    return new UsmParameters(Bytes.EMPTY, 0, 0, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
  }
}
