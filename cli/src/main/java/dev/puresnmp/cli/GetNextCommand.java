package dev.puresnmp.cli;

import dev.puresnmp.client.NoSuchOidException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code puresnmp getnext AGENT OID…}: as snmpgetnext. */
@Command(name = "getnext", versionProvider = Main.Version.class, description = "Get the varbinds that follow OIDs (as snmpgetnext).")
final class GetNextCommand extends SnmpCommand {
  @picocli.CommandLine.Mixin HelpOptions help;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "OID")
  List<String> oidTexts;

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    try {
      for (VarBind vb : client.blocking().multigetnext(oids(oidTexts))) {
        out.println(names.format(vb));
      }
      return 0;
    } catch (NoSuchOidException e) {
      out.flush();
      errorInPacket(err, ErrorStatus.NO_SUCH_NAME, e.oid());
      return 2;
    }
  }
}
