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
@Command(name = "walk", footerHeading = "%nExamples (against ./puresnmp sim):%n", footer = {"  puresnmp walk -v2c -c linux-host 127.0.0.1:1161 system", "  puresnmp walk -v2c -c linux-host -Os -Cp 127.0.0.1:1161 IF-MIB::ifDescr", "  puresnmp walk -v1 -c linux-host -Ct 127.0.0.1:1161 hrStorageDescr"},
    versionProvider = Main.Version.class, description = "Walk a subtree with GETNEXT (as snmpwalk); default .1.3.6.1.2.1.")
class WalkCommand extends SnmpCommand {
  @picocli.CommandLine.Mixin HelpOptions help;

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
    Oid end = options.endOid == null ? null : oids(List.of(options.endOid)).get(0);
    long[] printed = {0};
    int[] exit = {0};
    boolean timeEach = options.hasFlag('T') && !output.json;
    long[] requestStarted = {0};
    WalkProgress progress = WalkProgress.of(!output.quiet && err == spec.commandLine().getErr(), spec.name(), err);
    WalkListener printer =
        (vb, verdict, previous) -> {
          if (verdict == WalkVerdict.OUTSIDE_SUBTREE) {
            return;
          }
          printed[0]++;
          progress.row();
          if (timeEach) {
            // -CT: snmpwalk's time of the request that brought the varbind; here, since the last one was printed
            out.print(String.format(java.util.Locale.ROOT, "%f s: ", (System.nanoTime() - requestStarted[0]) / 1e9));
          }
          print(out, vb);
          requestStarted[0] = System.nanoTime();
          if (verdict == WalkVerdict.NOT_INCREASING) {
            out.flush();
            warn(err, "notIncreasing", "Error: OID not increasing: " + names.name(previous) + " >= " + names.name(vb.oid()));
            exit[0] = 1;
          }
        };
    if (options.hasFlag('i')) {
      printed[0] += getAndPrint(client, root, out); // -Ci: the requested OID itself first
    }
    long started = System.nanoTime();
    requestStarted[0] = started;
    try {
      WalkEnd walkEnd = end == null ? walk(client, root, printer) : walkTo(client, root, end, printer);
      if (walkEnd == WalkEnd.END_OF_MIB) {
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
      exit[0] = 2;
    } finally {
      out.flush();
      progress.done();
    }
    long elapsed = System.nanoTime() - started;
    if (printed[0] == 0 && exit[0] == 0 && !options.hasFlag('I')) {
      printed[0] += getAndPrint(client, root, out); // perhaps the root is itself an instance, as snmpwalk supposes
    }
    if (options.hasFlag('p')) {
      note(out, "Variables found: " + printed[0]);
    }
    if (options.hasFlag('t')) {
      out.flush();
      err.println(String.format(java.util.Locale.ROOT, "Total traversal time = %f seconds", elapsed / 1e9));
    }
    return exit[0];
  }

  /** A GET of {@code oid}, printed unless it fails (snmpwalk prints nothing then); how many were printed. */
  private int getAndPrint(SnmpClient client, Oid oid, PrintWriter out) {
    try {
      Value v = client.blocking().multiget(List.of(oid)).get(0).value();
      print(out, new VarBind(oid, v));
      return 1;
    } catch (NoSuchOidException | ErrorResponseException e) {
      return 0;
    }
  }

  /**
   * -CE: GETNEXT from {@code root} until an OID at or past {@code end}, as snmpwalk walks then, in or out of
   * the root's subtree; an exception value is printed and ends the walk.
   */
  private WalkEnd walkTo(SnmpClient client, Oid root, Oid end, WalkListener printer) {
    Oid name = root;
    while (true) {
      VarBind vb;
      try {
        vb = client.blocking().multigetnext(List.of(name)).get(0);
      } catch (NoSuchOidException e) {
        return WalkEnd.END_OF_MIB;
      }
      if (vb.oid().compareTo(end) >= 0) {
        return WalkEnd.END_OF_SUBTREE;
      }
      if (vb.value().isException()) {
        printer.onVarBind(vb, WalkVerdict.ROW, name);
        return WalkEnd.END_OF_MIB_VIEW;
      }
      boolean increasing = vb.oid().compareTo(name) > 0;
      printer.onVarBind(vb, increasing || options.hasFlag('c') ? WalkVerdict.ROW : WalkVerdict.NOT_INCREASING, name);
      if (!increasing && !options.hasFlag('c')) {
        return WalkEnd.END_OF_SUBTREE;
      }
      name = vb.oid();
    }
  }
}
