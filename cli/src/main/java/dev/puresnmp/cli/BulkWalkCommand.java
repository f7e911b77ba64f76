package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.WalkEnd;
import dev.puresnmp.client.WalkListener;
import dev.puresnmp.smi.Oid;
import picocli.CommandLine.Command;

/** {@code puresnmp bulkwalk -CrN AGENT [OID]}: as snmpbulkwalk (GETBULK pages of N, default 10). */
@Command(name = "bulkwalk", versionProvider = Main.Version.class, description = "Walk a subtree with GETBULK (as snmpbulkwalk); -CrN repetitions, default 10.")
final class BulkWalkCommand extends WalkCommand {
  @Override
  WalkEnd walk(SnmpClient client, Oid root, WalkListener printer) {
    return client.blocking().bulkwalk(root, printer);
  }
}
