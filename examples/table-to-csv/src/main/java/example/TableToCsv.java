package example;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.SnmpManager;
import dev.puresnmp.client.Table;
import dev.puresnmp.mib.FormatOptions;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.VarBindFormatter;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.sim.AgentSimulator;
import dev.puresnmp.sim.ShippedDevices;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks ifTable and prints it as CSV: a header of column names from the MIB, then one line per interface,
 * the values as snmpwalk -Oqv prints them (enumerations by label, "up"; MAC addresses as hex).
 *
 * <p>The agent is the simulator serving the recording of a Linux host that ships with it.
 */
public final class TableToCsv {
  public static void main(String[] args) {
    Mib mib = Mib.builtIn();
    try (AgentSimulator sim = AgentSimulator.builder().device("public", ShippedDevices.linuxHost()).start();
        SnmpManager manager = SnmpManager.builder().mib(mib).build()) {
      SnmpClient client = manager.client(sim.endpoint(), Credentials.v2c("public"));

      Table ifTable = client.blocking().bulktable("ifTable");
      printCsv(ifTable, mib.formatter(FormatOptions.netSnmp("qv")));
    }
  }

  static void printCsv(Table table, VarBindFormatter values) {
    List<String> header = new ArrayList<>(table.columnNames().values());
    System.out.println(csvLine(header));
    for (Table.Row row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (Map.Entry<Integer, String> column : table.columnNames().entrySet()) {
        Optional<Value> cell = row.get(column.getKey());
        // the formatter wants the cell's OID too: it reads the column's enumeration and display hint from the MIB
        cells.add(cell.map(v -> values.formatValue(VarBind.of(table.entry().append(column.getKey()).append(row.index()), v))).orElse(""));
      }
      System.out.println(csvLine(cells));
    }
  }

  /** One CSV line (RFC 4180): a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String csvLine(List<String> fields) {
    List<String> quoted = new ArrayList<>();
    for (String f : fields) {
      boolean needsQuotes = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
      quoted.add(needsQuotes ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
    }
    return String.join(",", quoted);
  }
}
