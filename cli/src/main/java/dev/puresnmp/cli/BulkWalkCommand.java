package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.WalkEnd;
import dev.puresnmp.client.WalkListener;
import dev.puresnmp.smi.Oid;
import picocli.CommandLine.Command;

/** {@code puresnmp bulkwalk -CrN AGENT [OID]}: as snmpbulkwalk (GETBULK pages of N, default 10). */
@Command(name = "bulkwalk", footerHeading = "%nExamples (against ./puresnmp sim):%n", footer = {"  puresnmp bulkwalk -v2c -c linux-host -Cr50 127.0.0.1:1161 IF-MIB::ifTable", "  puresnmp bulkwalk -v2c -c switch-48 -OX --json 127.0.0.1:1161 ifXTable"},
    versionProvider = Main.Version.class, description = "Walk a subtree with GETBULK (as snmpbulkwalk); -CrN repetitions, default 10.")
final class BulkWalkCommand extends WalkCommand {
  @Override
  WalkEnd walk(SnmpClient client, Oid root, WalkListener printer) {
    return client.blocking().bulkwalk(root, printer);
  }
}
