package dev.puresnmp.cli;

import dev.puresnmp.client.ErrorResponseException;
import dev.puresnmp.client.FaultyAgentException;
import dev.puresnmp.client.NoSuchOidException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.WalkEnd;
import dev.puresnmp.client.WalkListener;
import dev.puresnmp.client.WalkVerdict;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code puresnmp walk AGENT [OID]}: as snmpwalk, line for line. The client's walk does the walking and
 * tells this command its verdict on every varbind; the command prints what snmpwalk prints: every varbind
 * of a response that lies in the subtree (exception values too, and those after the end in the last
 * response), "End of MIB" when an SNMPv1 agent runs out, "Error: OID not increasing" unless -Cc, and a GET
 * of the root when nothing was printed. Pages are printed as they arrive.
 */
@Command(name = "walk", mixinStandardHelpOptions = true, description = "Walk a subtree with GETNEXT (as snmpwalk); default .1.3.6.1.2.1.")
class WalkCommand extends SnmpCommand {
  static final Oid MIB_2 = Oid.parse("1.3.6.1.2.1");

  @Parameters(index = "1", arity = "0..1", paramLabel = "OID", description = "The subtree (default .1.3.6.1.2.1).")
  String rootText;

  /** Walks {@code root}, telling {@code printer} about every varbind. */
  WalkEnd walk(SnmpClient client, Oid root, WalkListener printer) {
    return client.blocking().walk(root, printer);
  }

  @Override
  final int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    Oid root = rootText == null ? MIB_2 : oids(List.of(rootText)).get(0);
    long[] printed = {0};
    int[] exit = {0};
    WalkProgress progress = WalkProgress.of(!output.quiet && err == spec.commandLine().getErr(), spec.name(), err);
    WalkListener printer =
        (vb, verdict, previous) -> {
          if (verdict == WalkVerdict.OUTSIDE_SUBTREE) {
            return;
          }
          printed[0]++;
          progress.row();
          print(out, vb);
          if (verdict == WalkVerdict.NOT_INCREASING) {
            out.flush();
            warn(err, "notIncreasing", "Error: OID not increasing: " + names.name(previous) + " >= " + names.name(vb.oid()));
            exit[0] = 1;
          }
        };
    try {
      WalkEnd end = walk(client, root, printer);
      if (end == WalkEnd.END_OF_MIB) {
        note(out, "End of MIB"); // SNMPv1's noSuchName: no more
      }
    } catch (FaultyAgentException e) {
      if (e.fault() != FaultyAgentException.Fault.NON_INCREASING_OID) {
        throw e;
      }
      // already reported above, as snmpwalk does
    } catch (ErrorResponseException e) {
      out.flush();
      errorInPacket(err, e.status(), e.offendingOid());
      return 1;
    } finally {
      out.flush();
      progress.done();
    }
    if (printed[0] == 0 && exit[0] == 0) {
      // Perhaps the root is itself an instance: ask for it, as snmpwalk does, and print what comes
      try {
        Value v = client.blocking().multiget(List.of(root)).get(0).value();
        print(out, new VarBind(root, v));
      } catch (NoSuchOidException | ErrorResponseException e) {
        // snmpwalk prints nothing when that GET fails too
      }
    }
    return exit[0];
  }
}
