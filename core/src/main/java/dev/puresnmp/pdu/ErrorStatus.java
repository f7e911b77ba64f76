package dev.puresnmp.pdu;

/**
 * The error-status of a response (RFC 3416 §3, 0–18). An open enum: {@link #of} never fails, a code
 * nobody assigned gives "unknown(99)". Names are the RFC's, as Net-SNMP prints them.
 *
 * <pre>{@code
 * if (response.errorStatus().equals(ErrorStatus.NO_ACCESS)) { ... }
 * ErrorStatus.of(99).name();   // "unknown(99)"
 * }</pre>
 */
public record ErrorStatus(int code, String name) {
  public static final ErrorStatus NO_ERROR = new ErrorStatus(0, "noError");
  public static final ErrorStatus TOO_BIG = new ErrorStatus(1, "tooBig");
  public static final ErrorStatus NO_SUCH_NAME = new ErrorStatus(2, "noSuchName");
  public static final ErrorStatus BAD_VALUE = new ErrorStatus(3, "badValue");
  public static final ErrorStatus READ_ONLY = new ErrorStatus(4, "readOnly");
  public static final ErrorStatus GEN_ERR = new ErrorStatus(5, "genErr");
  public static final ErrorStatus NO_ACCESS = new ErrorStatus(6, "noAccess");
  public static final ErrorStatus WRONG_TYPE = new ErrorStatus(7, "wrongType");
  public static final ErrorStatus WRONG_LENGTH = new ErrorStatus(8, "wrongLength");
  public static final ErrorStatus WRONG_ENCODING = new ErrorStatus(9, "wrongEncoding");
  public static final ErrorStatus WRONG_VALUE = new ErrorStatus(10, "wrongValue");
  public static final ErrorStatus NO_CREATION = new ErrorStatus(11, "noCreation");
  public static final ErrorStatus INCONSISTENT_VALUE = new ErrorStatus(12, "inconsistentValue");
  public static final ErrorStatus RESOURCE_UNAVAILABLE = new ErrorStatus(13, "resourceUnavailable");
  public static final ErrorStatus COMMIT_FAILED = new ErrorStatus(14, "commitFailed");
  public static final ErrorStatus UNDO_FAILED = new ErrorStatus(15, "undoFailed");
  public static final ErrorStatus AUTHORIZATION_ERROR = new ErrorStatus(16, "authorizationError");
  public static final ErrorStatus NOT_WRITABLE = new ErrorStatus(17, "notWritable");
  public static final ErrorStatus INCONSISTENT_NAME = new ErrorStatus(18, "inconsistentName");

  private static final ErrorStatus[] KNOWN = {
    NO_ERROR, TOO_BIG, NO_SUCH_NAME, BAD_VALUE, READ_ONLY, GEN_ERR, NO_ACCESS, WRONG_TYPE, WRONG_LENGTH,
    WRONG_ENCODING, WRONG_VALUE, NO_CREATION, INCONSISTENT_VALUE, RESOURCE_UNAVAILABLE, COMMIT_FAILED,
    UNDO_FAILED, AUTHORIZATION_ERROR, NOT_WRITABLE, INCONSISTENT_NAME
  };

  public ErrorStatus {
    java.util.Objects.requireNonNull(name, "name");
  }

  /** The constant for {@code code}, or an "unknown(code)" status. */
  public static ErrorStatus of(int code) {
    if (code >= 0 && code < KNOWN.length) {
      return KNOWN[code];
    }
    return new ErrorStatus(code, "unknown(" + code + ")");
  }

  /** True for noError. */
  public boolean isOk() {
    return code == 0;
  }

  @Override
  public String toString() {
    return name;
  }
}
