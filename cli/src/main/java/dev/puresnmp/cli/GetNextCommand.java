package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code puresnmp getnext AGENT OID…}: as snmpgetnext, which reports and retries as snmpget does. */
@Command(name = "getnext", versionProvider = Main.Version.class, description = "Get the varbinds that follow OIDs (as snmpgetnext).")
final class GetNextCommand extends GetCommand {
  @Override
  List<VarBind> request(SnmpClient client, List<Oid> oids) {
    return client.blocking().multigetnext(oids);
  }
}
