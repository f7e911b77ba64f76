package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code puresnmp getnext AGENT OID…}: as snmpgetnext, which reports and retries as snmpget does. */
@Command(name = "getnext", footerHeading = "%nExamples (against ./puresnmp sim):%n", footer = {"  puresnmp getnext -v2c -c linux-host 127.0.0.1:1161 system ifDescr", "  puresnmp getnext -v1 -c linux-host -On 127.0.0.1:1161 .1.3.6.1.2.1.1"},
    versionProvider = Main.Version.class, description = "Get the varbinds that follow OIDs (as snmpgetnext).")
final class GetNextCommand extends GetCommand {
  @Override
  List<VarBind> request(SnmpClient client, List<Oid> oids) {
    return client.blocking().multigetnext(oids);
  }
}
