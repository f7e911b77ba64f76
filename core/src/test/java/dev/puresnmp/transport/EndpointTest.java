package dev.puresnmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void ipv4AndIpv6LiteralsPrintAsAddressAndPort() {
    assertThat(Endpoint.of("127.0.0.1", 161).toString()).isEqualTo("127.0.0.1:161");
    assertThat(Endpoint.of("::1", 161).toString()).isEqualTo("[0:0:0:0:0:0:0:1]:161");
    assertThat(Endpoint.of("[::1]", 162)).isEqualTo(Endpoint.of("::1", 162));
  }

  @Test
  void badPortsAndHostsAreRefused() {
    assertThatThrownBy(() -> Endpoint.of("127.0.0.1", 70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Endpoint.of("no-such-host.invalid", 161)).hasMessageContaining("unknown host");
  }

  @Test
  void timeoutMessagesDescribeTheDuration() {
    assertThat(SnmpTimeoutException.describe(Duration.ofSeconds(1))).isEqualTo("1 s");
    assertThat(SnmpTimeoutException.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(SnmpTimeoutException.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(new SnmpTimeoutException(Endpoint.of("127.0.0.1", 11161), 3, Duration.ofSeconds(1)))
        .hasMessage("timeout after 3 attempts of 1 s to 127.0.0.1:11161; check address, port and community/credentials");
  }

  @Test
  void theSimpleFunctionsUseTheOriginalsDefaults() {
    assertThat(Transport.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(1));
    assertThat(Transport.DEFAULT_RETRIES).isEqualTo(10);
    assertThat(Transport.MESSAGE_MAX_SIZE).isEqualTo(65_507);
  }
}
