package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.Packets;
import dev.puresnmp.message.MessageCodec;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VarBindTest {
  @Test
  void toStringIsTheLineSnmpgetPrints() {
    assertThat(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("x"))).hasToString(".1.3.6.1.2.1.1.5.0 = STRING: \"x\"");
    assertThat(VarBind.of("1.3.6.1.2.1.1.3.0", new TimeTicks(109791)))
        .hasToString(".1.3.6.1.2.1.1.3.0 = Timeticks: (109791) 0:18:17.91"); // v2c-get-system
    assertThat(VarBind.of(Oid.parse("1.3.6.1.2.1.1.5.0"))).hasToString(".1.3.6.1.2.1.1.5.0 = NULL");
  }

  /** Recorded GET and GETBULK answers that Net-SNMP printed in full: no walk, error, timeout or silence. */
  static Stream<String> printedResponses() {
    return Packets.all().stream()
        .filter(n -> !n.contains("walk") && Packets.exists(n.replace(".hex", ".txt")))
        .filter(n -> !NetSnmpFormatTest.KEPT_WHERE_NET_SNMP_DROPS.containsKey(n))
        .filter(
            n -> {
              String printed = Packets.text(n.replace(".hex", ".txt"));
              return printed.startsWith(".");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printedResponses")
  void everyRecordedVarBindPrintsAsTheLineNetSnmpPrinted(String name) {
    String printed = Packets.text(name.replace(".hex", ".txt"));
    String ours =
        MessageCodec.decode(Packets.load(name)).pdu().varBinds().stream()
            .map(VarBind::toString)
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(ours).isEqualTo(printed);
  }
}
