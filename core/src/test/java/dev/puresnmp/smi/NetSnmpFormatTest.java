package dev.puresnmp.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.Packets;
import dev.puresnmp.message.MessageCodec;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NetSnmpFormatTest {

  /** Every recorded packet NAME.hex with NAME.txt: what the Net-SNMP tool printed for its varbinds. */
  static Stream<String> packetsWithNetSnmpOutput() {
    return Packets.all().stream().filter(n -> Packets.exists(n.replace(".hex", ".txt")));
  }

  @ParameterizedTest
  @MethodSource("packetsWithNetSnmpOutput")
  void formatsEveryRecordedVarBindExactlyAsNetSnmpPrintedIt(String name) {
    String expected = Packets.text(name.replace(".hex", ".txt"));
    String ours =
        MessageCodec.decode(Packets.load(name)).pdu().varBinds().stream()
            .map(NetSnmpFormat::format)
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(ours).isEqualTo(expected);
  }

  @Test
  void timeTicksAsUptime() {
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(0))).isEqualTo("Timeticks: (0) 0:00:00.00");
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(8640000))).isEqualTo("Timeticks: (8640000) 1 day, 0:00:00.00");
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(123456789))).isEqualTo("Timeticks: (123456789) 14 days, 6:56:07.89");
    assertThat(NetSnmpFormat.formatValue(new TimeTicks(4294967295L)))
        .isEqualTo("Timeticks: (4294967295) 497 days, 2:27:52.95");
  }

  @Test
  void exceptionValues() {
    assertThat(NetSnmpFormat.formatValue(EndOfMibView.INSTANCE))
        .isEqualTo("No more variables left in this MIB View (It is past the end of the MIB tree)");
    assertThat(NetSnmpFormat.formatValue(NoSuchObject.INSTANCE)).isEqualTo("No Such Object available on this agent at this OID");
    assertThat(NetSnmpFormat.formatValue(NoSuchInstance.INSTANCE)).isEqualTo("No Such Instance currently exists at this OID");
  }

  @Test
  void counter64IsUnsigned() {
    assertThat(NetSnmpFormat.formatValue(new Counter64(-1))).isEqualTo("Counter64: 18446744073709551615");
  }
}
