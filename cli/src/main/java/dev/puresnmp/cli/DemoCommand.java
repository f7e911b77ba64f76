package dev.puresnmp.cli;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code puresnmp demo}: shows the codec at work, with no network. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Encode a GET, then decode sample packets (SNMP4J's and Net-SNMP's) and print them.")
final class DemoCommand implements Callable<Integer> {
  /** Sample packets shipped in the jar: name, and what they are. */
  static final List<String[]> SAMPLES =
      List.of(
          new String[] {"v2c-get-response-10.hex", "an SNMPv2c Response with ten varbinds, as SNMP4J encodes it"},
          new String[] {"v2c-getbulk-response-50.hex", "a GetBulk Response of 10 ifXTable rows x 5 columns, as SNMP4J encodes it"});

  private static final int SHOWN_VARBINDS = 10;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Oid> oids =
        List.of(Oid.parse("1.3.6.1.2.1.1.1.0"), Oid.parse("1.3.6.1.2.1.1.3.0"), Oid.parse("1.3.6.1.2.1.1.5.0"));
    Message get = CommunityMessage.v2c("public", StandardPdu.get(1, oids));
    byte[] wire = MessageCodec.encode(get);
    out.printf("== A GetRequest for sysDescr.0, sysUpTime.0, sysName.0, encoded (%d bytes):%n", wire.length);
    out.println(Bytes.of(wire).hex());
    out.println();
    out.println("== ...and decoded again:");
    out.print(MessagePrinter.text(MessageCodec.decode(wire)));
    for (String[] sample : SAMPLES) {
      byte[] packet = HexInput.parse(resource(sample[0])).get(0);
      Message m = MessageCodec.decode(packet);
      out.println();
      out.printf("== %s (%s, %d bytes), decoded:%n", sample[0], sample[1], packet.length);
      String[] lines = MessagePrinter.text(m).split("\n");
      int varBinds = m.pdu().varBinds().size();
      int shown = lines.length - varBinds + Math.min(varBinds, SHOWN_VARBINDS);
      for (int i = 0; i < shown; i++) {
        out.println(lines[i]);
      }
      if (varBinds > SHOWN_VARBINDS) {
        out.printf("... (%d more varbinds)%n", varBinds - SHOWN_VARBINDS);
      }
    }
    out.println();
    out.println("Next: puresnmp decode HEX | -f FILE | -   (also reads Net-SNMP's -d dumps)");
    out.flush();
    return 0;
  }

  private static String resource(String name) {
    try (InputStream in = DemoCommand.class.getResourceAsStream("samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sample " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
