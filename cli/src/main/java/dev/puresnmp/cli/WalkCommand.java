package dev.puresnmp.cli;

import dev.puresnmp.client.ErrorResponseException;
import dev.puresnmp.client.NoSuchOidException;
import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code puresnmp walk AGENT [OID]}: as snmpwalk, line for line, including its habits: every varbind of
 * the last response that lies in the subtree is printed (exception values too), "End of MIB" when an
 * SNMPv1 agent runs out, "Error: OID not increasing" unless -Cc, and a GET of the root when nothing was
 * printed. Pages are printed as they arrive; the walk holds one page in memory.
 */
@Command(name = "walk", mixinStandardHelpOptions = true, description = "Walk a subtree with GETNEXT (as snmpwalk); default .1.3.6.1.2.1.")
class WalkCommand extends SnmpCommand {
  static final Oid MIB_2 = Oid.parse("1.3.6.1.2.1");

  @Parameters(index = "1", arity = "0..1", paramLabel = "OID", description = "The subtree (default .1.3.6.1.2.1).")
  String rootText;

  /** One page of the walk after {@code from}. */
  List<VarBind> page(SnmpClient client, Oid from) {
    return List.of(client.blocking().getnext(from));
  }

  @Override
  final int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    Oid root = rootText == null ? MIB_2 : oids(List.of(rootText)).get(0);
    boolean check = !options.hasFlag('c');
    Oid name = root;
    long printed = 0;
    int exit = 0;
    boolean running = true;
    while (running) {
      List<VarBind> page;
      try {
        page = page(client, name);
      } catch (NoSuchOidException e) {
        out.println("End of MIB"); // SNMPv1's noSuchName: no more
        break;
      } catch (ErrorResponseException e) {
        out.flush();
        errorInPacket(err, e.status(), e.offendingOid());
        return 1;
      }
      for (VarBind vb : page) {
        if (!vb.oid().startsWith(root)) {
          running = false; // not part of this subtree; the rest of the page may still be
          continue;
        }
        printed++;
        out.println(NetSnmpFormat.format(vb));
        if (vb.value().isException()) {
          running = false;
        } else {
          if (check && name.compareTo(vb.oid()) >= 0) {
            out.flush();
            err.println("Error: OID not increasing: " + name.toDottedString() + " >= " + vb.oid().toDottedString());
            running = false;
            exit = 1;
          }
          name = vb.oid();
        }
      }
      out.flush();
    }
    if (printed == 0 && exit == 0) {
      // Perhaps the root is itself an instance: ask for it, as snmpwalk does, and print what comes
      try {
        Value v = client.blocking().multiget(List.of(root)).get(0).value();
        out.println(NetSnmpFormat.format(new VarBind(root, v)));
      } catch (NoSuchOidException | ErrorResponseException e) {
        // snmpwalk prints nothing when that GET fails too
      }
    }
    return exit;
  }
}
