package dev.puresnmp.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How snmptable 5.9.3 lays out a table (print_table in apps/snmptable.c): right-aligned columns each one
 * wider than its widest cell or label, "?" for a missing cell; {@code -Cl} aligns left, {@code -Cf SEP}
 * separates instead of padding, {@code -Ci} adds the index column, {@code -CH} drops the headers,
 * {@code -Ch} prints them alone, {@code -Cw WIDTH} prints the table in parts no wider than WIDTH,
 * {@code -Cc WIDTH} makes every column WIDTH wide ({@link #printFixed}).
 * Widths only grow, so a table printed in several chunks (snmptable's SNMPv1 rounds) keeps them.
 *
 * <pre>{@code
 * TableLayout t = new TableLayout("IF-MIB::ifTable", List.of("ifIndex", "ifDescr"), options);
 * t.put("1", 0, "1");
 * t.put("1", 1, "lo");
 * t.print(out);
 * }</pre>
 */
final class TableLayout {
  /** The -C letters that shape the output. */
  static final class Options {
    boolean brief;
    boolean showIndex;
    boolean leftAligned;
    boolean noHeaders;
    boolean headersOnly;
    /** -Cf; null: padded columns. */
    String separator;
    /** -Cw; 0: one part. */
    int maxWidth;
    /** -Cc, at least 3; 0: each column as wide as its widest cell. */
    int columnWidth;
  }

  private final String tableName;
  private final Options options;
  private final List<String> labels = new ArrayList<>();
  private final int[] widths;
  /** index text → cells by column, in the order rows first appeared (snmptable matches rows by index text). */
  private Map<String, String[]> rows = new LinkedHashMap<>();
  // snmptable starts the index column as wide as "index "
  private int indexWidth = "index ".length();
  private boolean firstPass = true;
  private int total;

  TableLayout(String tableName, List<String> columnLabels, Options options) {
    this.tableName = tableName;
    this.options = options;
    this.labels.addAll(columnLabels);
    this.widths = new int[labels.size()];
    int common = options.brief && labels.size() > 1 ? commonPrefix(labels) : 0;
    for (int i = 0; i < labels.size(); i++) {
      labels.set(i, labels.get(i).substring(common));
      widths[i] = width(labels.get(i));
    }
  }

  /**
   * -Cb: the shortest prefix two neighbouring labels share, counted as snmptable counts it (one short
   * when one label is a prefix of the next).
   */
  private static int commonPrefix(List<String> labels) {
    int common = labels.get(0).length();
    for (int i = 1; i < labels.size(); i++) {
      String a = labels.get(i - 1);
      String b = labels.get(i);
      int n = 0;
      while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
        n++;
      }
      int len = n < a.length() ? n : n - 1;
      common = Math.min(common, len);
    }
    return Math.max(common, 0);
  }

  /** The cell of column {@code column} in the row of {@code index}, a new row if none has that index. */
  void put(String index, int column, String text) {
    String[] row = rows.computeIfAbsent(index, k -> {
      indexWidth = Math.max(indexWidth, width(k));
      return new String[labels.size()];
    });
    row[column] = text;
    widths[column] = Math.max(widths[column], width(text));
  }

  /** The rows collected since the last {@link #print}. */
  int pending() {
    return rows.size();
  }

  /** Rows printed so far, over all chunks. */
  int total() {
    return total;
  }

  /** Prints the pending rows (with the headers, the first time) and forgets them; nothing if none and not -Ch. */
  void print(PrintWriter out) {
    if (rows.isEmpty() && !options.headersOnly) {
      return;
    }
    boolean headers = !options.noHeaders && firstPass;
    if (headers && !options.headersOnly) {
      out.print("SNMP table: " + tableName + "\n\n");
    }
    if (options.columnWidth > 0) {
      printFixed(out, headers);
    } else {
      printParts(out, headers);
    }
    total += rows.size();
    rows = new LinkedHashMap<>();
    firstPass = false;
  }

  private void printParts(PrintWriter out, boolean headers) {
    int last = 0;
    int part = 0;
    while (last != labels.size()) {
      part++;
      if (part != 1 && !options.noHeaders) {
        out.print("\nSNMP table " + tableName + ", part " + part + "\n\n");
      }
      int first = last;
      int width = 0;
      StringBuilder line = new StringBuilder();
      if (options.showIndex && headers) {
        width = indexWidth;
        line.append(indexCell("index"));
      }
      int field = first;
      for (; field < labels.size(); field++) {
        if (options.maxWidth > 0) {
          width += widths[field] + 1;
          if (field != first && width > options.maxWidth) {
            break;
          }
        }
        if (headers) {
          line.append(cell(field, labels.get(field)));
        }
      }
      last = field;
      if (headers) {
        out.print(line.append('\n'));
      }
      for (Map.Entry<String, String[]> r : rows.entrySet()) {
        String[] row = r.getValue();
        line.setLength(0);
        if (options.showIndex) {
          line.append(indexCell(r.getKey()));
        }
        for (int f = first; f < last; f++) {
          line.append(cell(f, row[f] == null ? "?" : row[f]));
        }
        out.print(line.append('\n'));
      }
    }
  }

  /**
   * {@code -Cc N}, as snmptable prints it: every cell right-aligned (left with {@code -Cl}) in N
   * columns, cut to N-1 bytes; {@code -Cw} breaks a line before a cell that would pass it instead of
   * making parts; {@code -Ci} prints "index: I" on a line of its own before each row and no index column;
   * {@code -Cf} does not apply.
   */
  private void printFixed(PrintWriter out, boolean headers) {
    if (headers) {
      out.print(fixedLine(labels.toArray(new String[0])));
    }
    for (Map.Entry<String, String[]> r : rows.entrySet()) {
      if (options.showIndex) {
        out.print("\nindex: " + r.getKey() + "\n");
      }
      String[] cells = r.getValue().clone();
      for (int f = 0; f < cells.length; f++) {
        cells[f] = cells[f] == null ? "?" : cells[f];
      }
      out.print(fixedLine(cells));
    }
  }

  private String fixedLine(String[] cells) {
    int n = options.columnWidth;
    StringBuilder line = new StringBuilder();
    int width = 0;
    for (int f = 0; f < cells.length; f++) {
      if (f > 0 && options.maxWidth > 0 && width + n > options.maxWidth) {
        line.append('\n');
        width = 0;
      }
      String text = cells[f];
      while (width(text) > n - 1) {
        text = text.substring(0, text.length() - 1); // printf's "%.*s" counts bytes
      }
      line.append(pad(text, n));
      width += n;
    }
    return line.append('\n').toString();
  }

  private String indexCell(String text) {
    return options.separator != null ? text : pad(text, indexWidth);
  }

  private String cell(int field, String text) {
    if (options.separator == null) {
      return pad(text, widths[field] + 1);
    }
    return field == 0 && !options.showIndex ? text : options.separator + text;
  }

  /** printf's "%*s" and "%-*s": padded to {@code width} bytes, as C counts them. */
  private String pad(String text, int width) {
    String spaces = " ".repeat(Math.max(0, width - width(text)));
    return options.leftAligned ? text + spaces : spaces + text;
  }

  private static int width(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
