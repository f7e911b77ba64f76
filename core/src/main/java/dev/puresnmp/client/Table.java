package dev.puresnmp.client;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A conceptual table (RFC 2578 §7.1.12) as walked: rows keyed by their index (the OID arcs after the
 * column, any number of them), cells by column number. A sparse table has missing cells, never shifted
 * rows.
 *
 * <pre>{@code
 * Table ifTable = client.blocking().table("1.3.6.1.2.1.2.2");
 * for (Table.Row row : ifTable.rows()) {
 *   System.out.println(row.index() + " " + row.get(2).map(Value::asText).orElse("?"));   // ifDescr
 * }
 * }</pre>
 */
public record Table(Oid entry, SortedSet<Integer> columns, List<Row> rows) {
  public Table {
    columns = Collections.unmodifiableSortedSet(new TreeSet<>(columns));
    rows = List.copyOf(rows);
  }

  /** One row: its index and its cells by column number. */
  public record Row(Oid index, Map<Integer, Value> cells) {
    public Row {
      cells = Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    /** The cell in {@code column}, if the agent has one. */
    public Optional<Value> get(int column) {
      return Optional.ofNullable(cells.get(column));
    }

    /** The index as one integer (the usual ifIndex-style index). */
    public long indexAsLong() {
      if (index.size() != 1) {
        throw new IllegalStateException("index " + index + " has " + index.size() + " arcs, not 1");
      }
      return Integer.toUnsignedLong(index.arc(0));
    }
  }

  /** Builds a table from the varbinds of a walk of {@code entry} (entry.column.index…). */
  static Table of(Oid entry, List<VarBind> varBinds) {
    TreeMap<Oid, Map<Integer, Value>> rows = new TreeMap<>();
    TreeSet<Integer> columns = new TreeSet<>();
    int depth = entry.size();
    for (VarBind vb : varBinds) {
      Oid oid = vb.oid();
      if (!oid.startsWith(entry) || oid.size() < depth + 2 || vb.value().isException()) {
        continue; // not a cell: the entry itself, a column without index, or an exception value
      }
      int column = oid.arc(depth);
      Oid index = oid.suffixAfter(entry.append(column));
      columns.add(column);
      rows.computeIfAbsent(index, k -> new TreeMap<>()).put(column, vb.value());
    }
    List<Row> list = new ArrayList<>(rows.size());
    rows.forEach((index, cells) -> list.add(new Row(index, cells)));
    return new Table(entry, columns, list);
  }

  /**
   * The entry OID of a walk of {@code given}: {@code given} itself if it is the entry, or {@code given.1}
   * if every OID lies under that (the SMI puts a table's entry at arc 1).
   */
  static Oid entryOf(Oid given, List<VarBind> varBinds) {
    Oid asTable = given.append(1);
    boolean allUnderDotOne = !varBinds.isEmpty() && varBinds.stream().allMatch(vb -> vb.oid().startsWith(asTable) && vb.oid().size() >= asTable.size() + 2);
    return allUnderDotOne ? asTable : given;
  }
}
