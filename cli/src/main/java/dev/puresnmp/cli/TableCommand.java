package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.Table;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Value;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code puresnmp table AGENT OID}: a table (its OID or its entry's) with the index in the first column
 * and one column per column number; missing cells stay empty. GETBULK in SNMPv2c (-CrN), GETNEXT in v1.
 */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Print a table, index first (GETBULK in v2c, GETNEXT in v1).")
final class TableCommand extends SnmpCommand {
  @Parameters(index = "1", paramLabel = "OID", description = "The table (e.g. 1.3.6.1.2.1.2.2) or its entry (…2.2.1).")
  String tableText;

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    Table t = client.blocking().bulktable(oids(List.of(tableText)).get(0));
    out.println("SNMP table: " + t.entry().toDottedString());
    out.println();
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[t.columns().size() + 1];
    header[0] = "index";
    int c = 1;
    for (int column : t.columns()) {
      header[c++] = Integer.toString(column);
    }
    lines.add(header);
    for (Table.Row row : t.rows()) {
      String[] line = new String[header.length];
      line[0] = row.index().toString();
      c = 1;
      for (int column : t.columns()) {
        line[c++] = row.get(column).map(TableCommand::cell).orElse("");
      }
      lines.add(line);
    }
    int[] widths = new int[header.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (String[] line : lines) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        if (i > 0) {
          sb.append("  ");
        }
        sb.append(line[i]);
        if (i < line.length - 1) {
          sb.append(" ".repeat(widths[i] - line[i].length()));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
    return 0;
  }

  /** A value without its type prefix and string quotes: "lo", "1500", "00 1A 2B", "0:01:02.03". */
  static String cell(Value v) {
    String f = NetSnmpFormat.formatValue(v).replace('\n', ' ').strip();
    if (f.startsWith("STRING: \"")) {
      return f.substring(9, f.length() - 1);
    }
    if (f.startsWith("Timeticks: (")) {
      return f.substring(f.indexOf(") ") + 2);
    }
    int colon = f.indexOf(": ");
    return colon > 0 && colon < 20 ? f.substring(colon + 2) : f;
  }
}
