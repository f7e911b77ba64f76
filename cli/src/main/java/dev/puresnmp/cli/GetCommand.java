package dev.puresnmp.cli;

import dev.puresnmp.client.NoSuchOidException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code puresnmp get AGENT OID…}: as snmpget; {@link GetNextCommand} is the same with GETNEXT. */
@Command(name = "get", footerHeading = "%nExamples (against ./puresnmp sim):%n", footer = {"  puresnmp get -v2c -c linux-host 127.0.0.1:1161 sysName.0 sysUpTime.0", "  puresnmp get -v2c -c linux-host -Oqv 127.0.0.1:1161 IF-MIB::ifDescr.2", "  puresnmp get -v2c -c linux-host --json 127.0.0.1:1161 sysName.0"},
    versionProvider = Main.Version.class, description = "Get the values of OIDs (as snmpget).")
class GetCommand extends SnmpCommand {
  @picocli.CommandLine.Mixin HelpOptions help;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "OID", description = "OIDs or names, e.g. sysName.0, IF-MIB::ifDescr.1, .1.3.6.1.2.1.1.5.0")
  List<String> oidTexts;

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    List<Oid> left = new ArrayList<>(oids(oidTexts));
    int exit = 0;
    while (!left.isEmpty()) {
      try {
        for (VarBind vb : request(client, left)) {
          print(out, vb);
        }
        return exit;
      } catch (NoSuchOidException e) {
        // SNMPv1 rejects the whole request: say so, then ask again without that OID, as snmpget and snmpgetnext do
        out.flush();
        errorInPacket(err, ErrorStatus.NO_SUCH_NAME, e.oid());
        err.flush();
        left.remove(e.oid());
        exit = 2; // the tools' exit code after an error in a packet
        if (options.hasFlag('f')) {
          return exit; // -Cf: no second request without the failed OID
        }
      }
    }
    return exit;
  }

  /** The request: GET here. */
  List<VarBind> request(SnmpClient client, List<Oid> oids) {
    return client.blocking().multiget(oids);
  }
}
