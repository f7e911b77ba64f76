package dev.puresnmp.client;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibObject;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A conceptual table (RFC 2578 §7.1.12) as walked: rows keyed by their index (the OID arcs after the
 * column, any number of them), cells by column number. A sparse table has missing cells, never shifted
 * rows. From a client with a {@link Mib}, the columns also have their names ({@link #columnNames()},
 * {@link Row#get(String)}) and each row its index read by the table's INDEX ({@link Row#indexValues()}).
 *
 * <pre>{@code
 * Table ifTable = client.blocking().table("ifTable");                 // a name: the client has a Mib
 * for (Table.Row row : ifTable.rows()) {
 *   System.out.println(row.indexValues() + " " + row.get("ifDescr").map(Value::asText).orElse("?"));
 * }
 * }</pre>
 *
 * @param columnNames the columns' names by number, as the MIB defines them under the entry; empty when
 *     the table came from a client without a Mib, or the Mib does not know it
 * @param indexNames the names of the objects of the entry's INDEX (of the row it AUGMENTS), in order;
 *     empty as {@code columnNames} is, or when an index object's type cannot be read back
 */
public record Table(Oid entry, SortedSet<Integer> columns, List<Row> rows, Map<Integer, String> columnNames, List<String> indexNames) {
  public Table {
    columns = Collections.unmodifiableSortedSet(new TreeSet<>(columns));
    rows = List.copyOf(rows);
    columnNames = Collections.unmodifiableMap(new TreeMap<>(columnNames));
    indexNames = List.copyOf(indexNames);
  }

  /** A table without names. */
  public Table(Oid entry, SortedSet<Integer> columns, List<Row> rows) {
    this(entry, columns, rows, Map.of(), List.of());
  }

  /**
   * The number of the column named {@code name} ("ifDescr", or "IF-MIB::ifDescr").
   *
   * @throws IllegalArgumentException if no column has that name, or the table has no names (it came
   *     from a client without a Mib)
   */
  public int columnNumber(String name) {
    return columnNumber(columnNames, entry, name);
  }

  /** The cells of column {@code column}, by row index in row order; rows without one are left out. */
  public Map<Oid, Value> column(int column) {
    Map<Oid, Value> cells = new LinkedHashMap<>();
    for (Row r : rows) {
      r.get(column).ifPresent(v -> cells.put(r.index(), v));
    }
    return Collections.unmodifiableMap(cells);
  }

  /** {@link #column(int)} by name; see {@link #columnNumber(String)}. */
  public Map<Oid, Value> column(String name) {
    return column(columnNumber(name));
  }

  private static int columnNumber(Map<Integer, String> names, Oid entry, String name) {
    Objects.requireNonNull(name, "name");
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "no column names for " + (entry == null ? "a row made without them" : "table " + entry) + ": read it with a client that has a Mib (SnmpClient.Builder.mib(Mib.builtIn())), or use the column number");
    }
    String bare = name.substring(name.indexOf("::") < 0 ? 0 : name.indexOf("::") + 2);
    for (Map.Entry<Integer, String> e : names.entrySet()) {
      if (e.getValue().equals(bare)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("no column \"" + name + "\" in table " + entry + "; its columns are " + names.values());
  }

  /**
   * One row: its index and its cells by column number. Not a record, so that it can carry its table's
   * column names for {@link #get(String)} without comparing or printing them; equal rows have equal
   * index and cells.
   */
  public static final class Row {
    private final Oid index;
    private final Map<Integer, Value> cells;
    private final List<Value> indexValues;
    private final Map<Integer, String> columnNames;
    private final Oid entry;

    /** A row without names. */
    public Row(Oid index, Map<Integer, Value> cells) {
      this(index, cells, List.of(), Map.of(), null);
    }

    private Row(Oid index, Map<Integer, Value> cells, List<Value> indexValues, Map<Integer, String> columnNames, Oid entry) {
      this.index = Objects.requireNonNull(index, "index");
      this.cells = Collections.unmodifiableMap(new TreeMap<>(cells));
      this.indexValues = indexValues;
      this.columnNames = columnNames;
      this.entry = entry;
    }

    public Oid index() {
      return index;
    }

    public Map<Integer, Value> cells() {
      return cells;
    }

    /** The cell in {@code column}, if the agent has one. */
    public Optional<Value> get(int column) {
      return Optional.ofNullable(cells.get(column));
    }

    /**
     * The cell in the column named {@code name} ("ifDescr" or "IF-MIB::ifDescr"), if the agent has one.
     *
     * @throws IllegalArgumentException if the table has no column of that name, or no names at all
     */
    public Optional<Value> get(String name) {
      return get(columnNumber(columnNames, entry, name));
    }

    /**
     * The index read by the table's INDEX (RFC 2578 §7.7), one value per INDEX object: ifTable's row 3
     * gives {@code [Integer32(3)]}, a string index its {@code OctetString}. Empty without a Mib, or when
     * the index does not fit the INDEX exactly.
     */
    public List<Value> indexValues() {
      return indexValues;
    }

    /** The index as one integer (the usual ifIndex-style index). */
    public long indexAsLong() {
      if (index.size() != 1) {
        throw new IllegalStateException("index " + index + " has " + index.size() + " arcs, not 1");
      }
      return Integer.toUnsignedLong(index.arc(0));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && index.equals(r.index) && cells.equals(r.cells);
    }

    @Override
    public int hashCode() {
      return 31 * index.hashCode() + cells.hashCode();
    }

    @Override
    public String toString() {
      return "Row[index=" + index + ", cells=" + cells + "]";
    }
  }

  /**
   * Builds a table from the varbinds of a walk of {@code entry} (entry.column.index…), with names and
   * index values from {@code mib} (may be null) if it knows the entry as a row.
   */
  static Table of(Oid entry, List<VarBind> varBinds, Mib mib) {
    Map<Integer, String> names = new TreeMap<>();
    TableIndex tableIndex = TableIndex.NONE;
    Optional<MibObject> row = mib == null ? Optional.empty() : mib.object(entry).filter(o -> o.role() == MibObject.Role.ROW);
    if (row.isPresent()) {
      for (MibObject c : mib.children(row.get())) {
        names.put(c.oid().arc(c.oid().size() - 1), c.name());
      }
      tableIndex = TableIndex.of(mib, row.get());
    }
    Map<Integer, String> columnNames = Collections.unmodifiableMap(names);
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
    TableIndex decoder = tableIndex;
    rows.forEach((index, cells) -> list.add(new Row(index, cells, decoder.decode(index), columnNames, entry)));
    return new Table(entry, columns, list, columnNames, tableIndex.names());
  }

  /**
   * The entry OID of a walk of {@code given}: the row below it if {@code mib} (may be null) says {@code
   * given} is a table; else {@code given} itself if it is the entry, or {@code given.1} if every OID lies
   * under that (the SMI puts a table's entry at arc 1).
   */
  static Oid entryOf(Oid given, List<VarBind> varBinds, Mib mib) {
    if (mib != null) {
      Optional<MibObject> table = mib.object(given).filter(o -> o.role() == MibObject.Role.TABLE);
      if (table.isPresent()) {
        for (MibObject c : mib.children(table.get())) {
          if (c.role() == MibObject.Role.ROW) {
            return c.oid();
          }
        }
      }
    }
    Oid asTable = given.append(1);
    boolean allUnderDotOne = !varBinds.isEmpty() && varBinds.stream().allMatch(vb -> vb.oid().startsWith(asTable) && vb.oid().size() >= asTable.size() + 2);
    return allUnderDotOne ? asTable : given;
  }
}
