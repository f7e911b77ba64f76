package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.mib.FormatOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The layout rules of snmptable's print_table, as {@link TableNetSnmpIT} found them against snmptable. */
class TableLayoutTest {
  private static String print(Consumer<TableLayout.Options> set, List<String> labels) {
    TableLayout.Options o = new TableLayout.Options();
    set.accept(o);
    TableLayout t = new TableLayout("X-MIB::abTable", labels, o);
    t.put("1", 0, "one");
    t.put("1", 1, "a");
    t.put("22", 1, "bb");
    StringWriter s = new StringWriter();
    t.print(new PrintWriter(s, true));
    return s.toString();
  }

  @Test
  void columnsAreRightAlignedOneWiderThanTheirWidestCellWithQuestionMarksForMissingCells() {
    assertThat(print(o -> { }, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\n abFirst abX\n     one   a\n       ?  bb\n");
  }

  @Test
  void indexColumnStartsAsWideAsIndexAndASpace() {
    assertThat(print(o -> o.showIndex = true, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\n index abFirst abX\n     1     one   a\n    22       ?  bb\n");
  }

  @Test
  void leftAlignedKeepsTrailingSpaces() {
    assertThat(print(o -> o.leftAligned = true, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\nabFirst abX \none     a   \n?       bb  \n");
  }

  @Test
  void separatorReplacesPadding() {
    assertThat(print(o -> { o.separator = ","; o.showIndex = true; }, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\nindex,abFirst,abX\n1,one,a\n22,?,bb\n");
  }

  @Test
  void briefDropsThePrefixNeighbouringLabelsShare() {
    assertThat(print(o -> o.brief = true, List.of("abFirst", "abX"))).contains("\n First  X\n");
    // snmptable counts one short when a label is the start of the next
    assertThat(print(o -> o.brief = true, List.of("abc", "abcd"))).contains("\n   c cd\n");
  }

  @Test
  void widthSplitsTheTableIntoParts() {
    assertThat(print(o -> { o.maxWidth = 9; o.noHeaders = true; }, List.of("abFirst", "abX")))
        .isEqualTo("     one\n       ?\n   a\n  bb\n");
    assertThat(print(o -> o.maxWidth = 9, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\n abFirst\n     one\n       ?\n\nSNMP table X-MIB::abTable, part 2\n\n abX\n   a\n  bb\n");
  }

  @Test
  void columnWidthCutsEveryCellToOneLessThanTheWidthAndIgnoresTheSeparator() {
    assertThat(print(o -> { o.columnWidth = 4; o.separator = ","; }, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\n abF abX\n one   a\n   ?  bb\n");
    assertThat(print(o -> { o.columnWidth = 4; o.leftAligned = true; }, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\nabF abX \none a   \n?   bb  \n");
  }

  @Test
  void columnWidthPutsTheIndexOnALineOfItsOwnAndWidthBreaksLinesInsteadOfParts() {
    assertThat(print(o -> { o.columnWidth = 4; o.showIndex = true; o.maxWidth = 7; }, List.of("abFirst", "abX")))
        .isEqualTo("SNMP table: X-MIB::abTable\n\n abF\n abX\n\nindex: 1\n one\n   a\n\nindex: 22\n   ?\n  bb\n");
  }

  @Test
  void headersOnlyPrintsTheHeaderLineWithoutTheTitle() {
    TableLayout.Options o = new TableLayout.Options();
    o.headersOnly = true;
    TableLayout t = new TableLayout("X-MIB::abTable", List.of("abFirst", "abX"), o);
    StringWriter s = new StringWriter();
    t.print(new PrintWriter(s, true));
    assertThat(s.toString()).isEqualTo(" abFirst abX\n");
    assertThat(t.total()).isZero();
  }

  @Test
  void theIndexIsCutFromTheNameAsSnmptableCutsIt() {
    assertThat(TableCommand.index("IF-MIB::ifDescr.3", "IF-MIB::ifTable", FormatOptions.DEFAULT)).isEqualTo("3");
    assertThat(TableCommand.index("vacmAccessContextMatch.\"grp\".\"\".3.noAuthNoPriv", "vacmAccessTable", FormatOptions.netSnmp("s")))
        .isEqualTo("\"grp\".\"\".3.noAuthNoPriv");
    assertThat(TableCommand.index(".iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable.ifEntry.ifDescr.3",
        ".iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable", FormatOptions.netSnmp("f"))).isEqualTo("3");
    assertThat(TableCommand.index("ip.ipAddrTable.ipAddrEntry.ipAdEntAddr.127.0.0.1", "ip.ipAddrTable", FormatOptions.netSnmp("u")))
        .isEqualTo("127.0.0.1");
    assertThat(TableCommand.index("RFC1213-MIB::ipAdEntAddr[127.0.0.1]", "RFC1213-MIB::ipAddrTable", FormatOptions.netSnmp("X")))
        .isEqualTo("[127.0.0.1]");
  }
}
