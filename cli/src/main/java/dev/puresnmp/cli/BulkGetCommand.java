package dev.puresnmp.cli;

import dev.puresnmp.client.BulkResult;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code puresnmp bulkget -CnN -CrN AGENT OID…}: as snmpbulkget (defaults -Cn0 -Cr10). */
@Command(name = "bulkget", footerHeading = "%nExamples (against ./puresnmp sim):%n", footer = {"  puresnmp bulkget -v2c -c linux-host -Cn1 -Cr3 127.0.0.1:1161 sysName ifDescr"},
    versionProvider = Main.Version.class, description = "One GETBULK: the first -CnN OIDs once, the rest -CrN times (as snmpbulkget).")
final class BulkGetCommand extends SnmpCommand {
  @picocli.CommandLine.Mixin HelpOptions help;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "OID")
  List<String> oidTexts;

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    List<Oid> all = oids(oidTexts);
    int nonRepeaters = Math.min(all.size(), Math.max(0, options.flag('n', 0)));
    BulkResult r = client.blocking().bulkget(all.subList(0, nonRepeaters), all.subList(nonRepeaters, all.size()), options.flag('r', 10));
    for (VarBind vb : r.scalars()) {
      print(out, vb);
    }
    for (VarBind vb : r.listing()) {
      print(out, vb);
    }
    return 0;
  }
}
