package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code puresnmp bulkwalk -CrN AGENT [OID]}: as snmpbulkwalk (GETBULK pages of N, default 10). */
@Command(name = "bulkwalk", mixinStandardHelpOptions = true, description = "Walk a subtree with GETBULK (as snmpbulkwalk); -CrN repetitions, default 10.")
final class BulkWalkCommand extends WalkCommand {
  @Override
  List<VarBind> page(SnmpClient client, Oid from) {
    return client.blocking().bulkget(List.of(), List.of(from), client.maxRepetitions()).listing();
  }
}
