package dev.puresnmp.client;

/**
 * The replies a manager dropped, by why, since it started: what the transport saw (a reply from another
 * address or port than the request went to, one that no request waits for: late, a duplicate of one
 * already taken, or a forged request-id; one without a readable id) and what the client's check of a
 * reply refused (another SNMP version or community than the request's; an SNMPv3 answer with another
 * request-id inside, less security than the request, a wrong digest, engine ID or user, or a time outside
 * the time window: a replay). A dropped reply never completes or fails a request: the request waits on
 * for its true reply, or times out.
 *
 * <pre>{@code
 * DroppedReplies d = manager.droppedReplies();
 * if (d.wrongCommunity() + d.wrongDigest() > 0) log.warn("forged SNMP replies: {}", d);
 * }</pre>
 *
 * <p>The transport's three counts are those of the manager's transport, over every manager that shares
 * it ({@link SnmpManager.Builder#transport}).
 *
 * @param wrongSource a reply with a pending request's id from another address or port
 * @param unmatched a reply that no request waits for: late, a duplicate, or an id nobody sent
 * @param unparsable a datagram without a readable request-id or msgID, or that did not decode
 * @param wrongVersion another SNMP version than the request's
 * @param wrongCommunity another community than the request's (SNMPv1, SNMPv2c)
 * @param wrongRequestId an SNMPv3 answer to the request's msgID carrying another request-id
 * @param wrongSecurityLevel an SNMPv3 Response with less security than the request (unauthenticated, or
 *     not encrypted when the request was)
 * @param wrongDigest an SNMPv3 answer whose MAC does not verify with the user's key, or that names
 *     another engine ID or user than the request
 * @param notInTimeWindow an authenticated SNMPv3 answer whose engine boots and time lie outside the time
 *     window (RFC 3414 §3.2 step 7b): a replay
 */
public record DroppedReplies(
    long wrongSource,
    long unmatched,
    long unparsable,
    long wrongVersion,
    long wrongCommunity,
    long wrongRequestId,
    long wrongSecurityLevel,
    long wrongDigest,
    long notInTimeWindow) {

  /** All of them. */
  public long total() {
    return wrongSource + unmatched + unparsable + wrongVersion + wrongCommunity + wrongRequestId + wrongSecurityLevel + wrongDigest + notInTimeWindow;
  }
}
