package dev.puresnmp.security;

import java.util.Objects;

/**
 * Who we are to an agent: a community for SNMPv1 and SNMPv2c (SNMPv3 users come with their own issue).
 *
 * <pre>{@code
 * SnmpClient c = SnmpClient.builder("127.0.0.1:161", Credentials.v2c("public")).build();
 * }</pre>
 */
public sealed interface Credentials permits Credentials.V1, Credentials.V2c {

  /** SNMPv1 with a community (RFC 1157). */
  static V1 v1(String community) {
    return new V1(community);
  }

  /** SNMPv2c with a community (RFC 1901). */
  static V2c v2c(String community) {
    return new V2c(community);
  }

  /** SNMPv1: no GETBULK, no exception values; errors are v1's five. The community is sent as UTF-8. */
  record V1(String community) implements Credentials {
    public V1 {
      Objects.requireNonNull(community, "community");
    }

    @Override
    public String toString() {
      return "V1[community=***]";
    }
  }

  /** SNMPv2c. The community is sent as UTF-8. */
  record V2c(String community) implements Credentials {
    public V2c {
      Objects.requireNonNull(community, "community");
    }

    @Override
    public String toString() {
      return "V2c[community=***]";
    }
  }
}
