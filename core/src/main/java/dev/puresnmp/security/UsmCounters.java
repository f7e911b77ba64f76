package dev.puresnmp.security;

/**
 * What an {@link AuthoritativeEngine} refused since it started, by the counter that says why: the six
 * usmStats counters of RFC 3414 §5 (which its Reports carry) and the messages it could not read.
 *
 * <pre>{@code
 * UsmCounters c = engine.counters();
 * assertThat(c.wrongDigests()).isEqualTo(1);   // the wrong authentication pass phrase was counted
 * }</pre>
 *
 * @param accepted requests that passed every check and went to the caller
 * @param unsupportedSecLevels usmStatsUnsupportedSecLevels: a level above the user's
 * @param notInTimeWindows usmStatsNotInTimeWindows: boots or time outside the window
 * @param unknownUserNames usmStatsUnknownUserNames
 * @param unknownEngineIds usmStatsUnknownEngineIDs: discovery, or another engine's ID
 * @param wrongDigests usmStatsWrongDigests: the MAC did not match
 * @param decryptionErrors usmStatsDecryptionErrors: privacy parameters or ciphertext the cipher refuses
 * @param parseErrors snmpInASNParseErrs: not an SNMPv3 message with USM parameters, or a scoped PDU that
 *     does not decode after decryption (a wrong privacy key); dropped without a Report, as snmpd drops them
 */
public record UsmCounters(
    long accepted,
    long unsupportedSecLevels,
    long notInTimeWindows,
    long unknownUserNames,
    long unknownEngineIds,
    long wrongDigests,
    long decryptionErrors,
    long parseErrors) {

  /** Every refusal: all but {@link #accepted}. */
  public long refused() {
    return unsupportedSecLevels + notInTimeWindows + unknownUserNames + unknownEngineIds + wrongDigests
        + decryptionErrors + parseErrors;
  }
}
