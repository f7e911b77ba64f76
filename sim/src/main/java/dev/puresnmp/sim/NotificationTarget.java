package dev.puresnmp.sim;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.transport.Endpoint;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a {@link Notifier} sends and how, as a row of SNMP-TARGET-MIB with its snmpNotifyType (RFC 3413
 * §4), or one of snmpd's {@code trapsink}, {@code trap2sink}, {@code informsink} lines: the receiver, the
 * credentials (SNMPv1 community: a Trap-PDU; SNMPv2c community or SNMPv3 user: an SNMPv2-Trap), and
 * whether to send an InformRequest, which the receiver acknowledges, instead.
 *
 * <pre>{@code
 * NotificationTarget v1 = NotificationTarget.trap(Endpoint.of("127.0.0.1", 1162), Credentials.v1("public"));
 * NotificationTarget acked = NotificationTarget.inform(receiver.localEndpoint(), Credentials.v2c("public"))
 *     .withTimeout(Duration.ofMillis(500)).withRetries(1);
 * }</pre>
 *
 * @param endpoint the notification receiver
 * @param credentials community or user
 * @param inform true: InformRequests, acknowledged, retried; false: traps, sent once
 * @param timeout how long an inform waits for each acknowledgement
 * @param retries how many times an unacknowledged inform is sent again
 */
public record NotificationTarget(Endpoint endpoint, Credentials credentials, boolean inform, Duration timeout, int retries) {
  public NotificationTarget {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeout, "timeout");
    if (inform && credentials instanceof Credentials.V1) {
      throw new IllegalArgumentException("SNMPv1 has no InformRequest (RFC 3584 §3): inform with SNMPv2c or SNMPv3 credentials");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, not " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more, not " + retries);
    }
  }

  /** Traps to {@code endpoint}: SNMPv1 Trap-PDUs for {@link Credentials.V1}, SNMPv2-Traps otherwise. */
  public static NotificationTarget trap(Endpoint endpoint, Credentials credentials) {
    return new NotificationTarget(endpoint, credentials, false, SnmpClient.DEFAULT_TIMEOUT, SnmpClient.DEFAULT_RETRIES);
  }

  /**
   * InformRequests to {@code endpoint}, each waiting {@link SnmpClient#DEFAULT_TIMEOUT} per try, {@link
   * SnmpClient#DEFAULT_RETRIES} retries (snmpinform's defaults).
   *
   * @throws IllegalArgumentException for SNMPv1 credentials
   */
  public static NotificationTarget inform(Endpoint endpoint, Credentials credentials) {
    return new NotificationTarget(endpoint, credentials, true, SnmpClient.DEFAULT_TIMEOUT, SnmpClient.DEFAULT_RETRIES);
  }

  /** The same target, informs waiting {@code timeout} per try. */
  public NotificationTarget withTimeout(Duration timeout) {
    return new NotificationTarget(endpoint, credentials, inform, timeout, retries);
  }

  /** The same target, informs sent again up to {@code retries} times. */
  public NotificationTarget withRetries(int retries) {
    return new NotificationTarget(endpoint, credentials, inform, timeout, retries);
  }

  @Override
  public String toString() {
    String version = credentials instanceof Credentials.V1 ? "v1" : credentials instanceof Credentials.V2c ? "v2c" : "v3";
    return (inform ? "inform" : "trap") + " " + version + " to " + endpoint;
  }
}
