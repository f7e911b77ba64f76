package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.notification.Notification;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.transport.Endpoint;
import java.net.InetAddress;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnmptrapdFormatTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 2, 3, 4);
  private static final Endpoint LOCAL = Endpoint.of("127.0.0.1", 162);

  @Test
  void anUnknownGenericTrapIsUnknownTypeAndAnUnprintableCommunityByteADot() {
    TrapV1Pdu trap = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072"), IpAddress.parse("192.0.2.9"), 9, 0, 8640000, List.of());
    Notification n = Notification.ofV1(Endpoint.of("127.0.0.1", 5000), Bytes.of((byte) 1, (byte) 'a', (byte) 0x7f), trap);
    assertThat(SnmptrapdFormat.NUMERIC.format(n, LOCAL, NOW))
        .isEqualTo("2026-12-01 02:03:04 192.0.2.9 [192.0.2.9] (via UDP: [127.0.0.1]:5000->[127.0.0.1]:162) TRAP, SNMP v1, community .a.\n"
            + "\t.1.3.6.1.4.1.8072 Unknown Type Trap (0) Uptime: 1 day, 0:00:00.00\n\n");
  }

  @Test
  void aNegativeSpecificTrapPrintsAsTheUnsignedArcNetSnmpMakesOfIt() {
    TrapV1Pdu trap = new TrapV1Pdu(Oid.parse("1.3.6.1.4.1.8072"), IpAddress.parse("192.0.2.9"), 6, -1, 0, List.of());
    assertThat(SnmptrapdFormat.NUMERIC.format(Notification.ofV1(Endpoint.of("127.0.0.1", 5000), Bytes.utf8("public"), trap), LOCAL, NOW))
        .contains("\t.1.3.6.1.4.1.8072 Enterprise Specific Trap (18446744073709551615) Uptime: 0:00:00.00\n");
  }

  @ParameterizedTest
  @CsvSource({
    "::1, ::1",
    "::, ::",
    "fe80:0:0:0:0:0:0:1, fe80::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:0:1:0:1, 2001:db8:0:1:0:1:0:1",
    "1:0:0:0:0:0:0:0, 1::",
    "::ffff:c000:209, ::ffff:192.0.2.9",
    "::c000:209, ::192.0.2.9",
    "2001:DB8:0:0:0:0:ABCD:0, 2001:db8::abcd:0",
  })
  void ipv6AddressesPrintAsInetNtopWritesThem(String address, String printed) throws Exception {
    byte[] raw = InetAddress.getByName(address).getAddress();
    if (raw.length == 4) { // Java unmaps ::ffff:a.b.c.d
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(raw, 0, mapped, 12, 4);
      raw = mapped;
    }
    assertThat(SnmptrapdFormat.ntop6(raw)).isEqualTo(printed);
  }

  @Test
  void anIpv6TransportHasNoLocalPartAndAnIpv4SenderOnItIsMapped() {
    Endpoint v6 = Endpoint.of("::", 162);
    assertThat(SnmptrapdFormat.transport(Endpoint.of("::1", 5000), v6)).isEqualTo("UDP/IPv6: [::1]:5000");
    assertThat(SnmptrapdFormat.transport(Endpoint.of("127.0.0.1", 5000), v6)).isEqualTo("UDP/IPv6: [::ffff:127.0.0.1]:5000");
    assertThat(SnmptrapdFormat.transport(Endpoint.of("127.0.0.1", 5000), Endpoint.of("0.0.0.0", 162))).isEqualTo("UDP: [127.0.0.1]:5000->[0.0.0.0]:162");
  }
}
