package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code puresnmp trap AGENT …}: as snmptrap, SNMPv2c ({@code UPTIME TRAPOID [OID TYPE VALUE]…}) or SNMPv1
 * ({@code ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]…}); an empty UPTIME means this
 * host's uptime. Port 162 unless AGENT names one.
 */
@Command(
    name = "trap",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp trap -v2c -c public 127.0.0.1:1162 42 linkDown ifIndex.2 i 2", "  puresnmp trap -v1 -c public 127.0.0.1:1162 netSnmp 192.0.2.9 6 1 4200"},
    mixinStandardHelpOptions = true,
    description = {
      "Send a notification (as snmptrap). -v 2c: UPTIME TRAPOID [OID TYPE VALUE]...",
      "-v 1: ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]...; an empty UPTIME is now.",
      "TYPE as for set. The receiver's port is 162 unless AGENT names one."
    })
class TrapCommand extends SnmpCommand {
  @Parameters(index = "1..*", arity = "2..*", paramLabel = "ARGS", hideParamSyntax = true, description = "As snmptrap's, after AGENT.")
  List<String> args;

  @Override
  int defaultPort() {
    return 162;
  }

  /** True for inform, which waits for the acknowledgement. */
  boolean inform() {
    return false;
  }

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    if (client.credentials() instanceof Credentials.V1) {
      if (inform()) {
        throw new ParameterException(spec.commandLine(), "SNMPv1 has no informs (-v 2c or -v 3)");
      }
      if (args.size() < 5) {
        throw new ParameterException(spec.commandLine(), "-v 1 needs ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME");
      }
      TrapV1Pdu trap;
      try {
        trap = new TrapV1Pdu(Oid.parse(args.get(0)), args.get(1).isEmpty() ? IpAddress.parse("0.0.0.0") : IpAddress.parse(args.get(1)),
            Integer.parseInt(args.get(2)), Integer.parseInt(args.get(3)), uptime(args.get(4)), varBinds(args.subList(5, args.size())));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      client.blocking().trap(trap);
      return 0;
    }
    long uptime = uptime(args.get(0));
    Oid trapOid = oids(List.of(args.get(1))).get(0);
    List<VarBind> varBinds = varBinds(args.subList(2, args.size()));
    if (inform()) {
      client.blocking().inform(uptime, trapOid, varBinds);
    } else {
      client.blocking().trap(uptime, trapOid, varBinds);
    }
    return 0;
  }

  private List<VarBind> varBinds(List<String> triples) {
    if (triples.size() % 3 != 0) {
      throw new ParameterException(spec.commandLine(), "expected OID TYPE VALUE triples, got " + triples.size() + " words");
    }
    List<VarBind> vbs = new ArrayList<>();
    for (int i = 0; i < triples.size(); i += 3) {
      vbs.add(varBind(triples.get(i), triples.get(i + 1), triples.get(i + 2)));
    }
    return vbs;
  }

  /** UPTIME in hundredths of a second; "" is this host's uptime (/proc/uptime), or the JVM's where that is missing. */
  private long uptime(String text) {
    if (!text.isEmpty()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "UPTIME is hundredths of a second or empty, not \"" + text + "\"");
      }
    }
    try {
      String first = Files.readString(Path.of("/proc/uptime")).split(" ")[0];
      return (long) (Double.parseDouble(first) * 100);
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getRuntimeMXBean().getUptime() / 10;
    }
  }
}
