package dev.puresnmp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final Mib MIB = Mib.builtIn();

  private static Table table(String entry, Mib mib, VarBind... vbs) {
    Oid oid = mib == null ? Oid.parse(entry) : mib.oid(entry);
    List<VarBind> list = List.of(vbs);
    return Table.of(Table.entryOf(oid, list, mib), list, mib);
  }

  private static VarBind vb(String oid, Value v) {
    return VarBind.of(MIB.oid(oid), v);
  }

  @Test
  void columnsHaveTheirMibNamesAndRowsTheirIndexValues() {
    Table t = table("ifTable", MIB, vb("ifDescr.1", OctetString.of("lo")), vb("ifDescr.3", OctetString.of("eth1")), vb("ifInOctets.1", new Counter32(100)));
    assertThat(t.entry()).isEqualTo(Oid.parse("1.3.6.1.2.1.2.2.1"));
    assertThat(t.columnNames()).containsEntry(1, "ifIndex").containsEntry(2, "ifDescr").containsEntry(10, "ifInOctets").hasSize(22);
    assertThat(t.indexNames()).containsExactly("ifIndex");
    assertThat(t.columnNumber("ifDescr")).isEqualTo(2);
    assertThat(t.columnNumber("IF-MIB::ifDescr")).isEqualTo(2);
    Table.Row lo = t.rows().get(0);
    assertThat(lo.get("ifDescr")).contains(OctetString.of("lo"));
    assertThat(lo.get("ifInOctets")).contains(new Counter32(100));
    assertThat(t.rows().get(1).get("ifInOctets")).isEmpty(); // sparse: a missing cell
    assertThat(lo.indexValues()).containsExactly(new Integer32(1));
    assertThat(t.column("ifDescr")).containsExactly(Map.entry(Oid.of(1), OctetString.of("lo")), Map.entry(Oid.of(3), OctetString.of("eth1")));
  }

  @Test
  void anUnknownColumnNameSaysWhichColumnsThereAre() {
    Table t = table("ifTable", MIB, vb("ifDescr.1", OctetString.of("lo")));
    assertThatThrownBy(() -> t.rows().get(0).get("ifDescrr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no column \"ifDescrr\" in table 1.3.6.1.2.1.2.2.1; its columns are [ifIndex, ifDescr, ifType,");
  }

  @Test
  void aTableWithoutAMibHasNoNamesAndSaysHowToGetThem() {
    Table t = table("1.3.6.1.2.1.2.2", null, vb("ifDescr.1", OctetString.of("lo")));
    assertThat(t.columnNames()).isEmpty();
    assertThat(t.rows().get(0).indexValues()).isEmpty();
    assertThat(t.rows().get(0).get(2)).contains(OctetString.of("lo"));
    assertThatThrownBy(() -> t.rows().get(0).get("ifDescr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column names for table 1.3.6.1.2.1.2.2.1: read it with a client that has a Mib (SnmpClient.Builder.mib(Mib.builtIn())), or use the column number");
  }

  @Test
  void rowsWithAndWithoutNamesAreEqualByIndexAndCells() {
    Table named = table("ifTable", MIB, vb("ifDescr.1", OctetString.of("lo")));
    Table bare = table("1.3.6.1.2.1.2.2", null, vb("ifDescr.1", OctetString.of("lo")));
    assertThat(named.rows()).isEqualTo(bare.rows());
    assertThat(named.rows().get(0)).hasToString("Row[index=1, cells={2=" + OctetString.of("lo") + "}]");
  }

  @Test
  void anEmptyTableKnownToTheMibStillHasItsEntry() {
    Table t = table("ifTable", MIB);
    assertThat(t.entry()).isEqualTo(MIB.oid("ifEntry"));
    assertThat(t.rows()).isEmpty();
    assertThat(t.columnNames()).containsEntry(2, "ifDescr");
  }

  @Test
  void indexesOfTwoIntegersAnIpAddressAndAStringAfterTheInteger() {
    Table stack = table("ifStackTable", MIB, vb("ifStackStatus.0.1", new Integer32(1)), vb("ifStackStatus.5.2", new Integer32(1)));
    assertThat(stack.indexNames()).containsExactly("ifStackHigherLayer", "ifStackLowerLayer");
    assertThat(stack.rows().get(1).indexValues()).containsExactly(new Integer32(5), new Integer32(2));

    Table addr = table("ipAddrTable", MIB, VarBind.of(MIB.oid("ipAdEntIfIndex").append(192, 0, 2, 1), new Integer32(2)));
    assertThat(addr.rows().get(0).indexValues()).containsExactly(IpAddress.parse("192.0.2.1"));
    assertThat(addr.rows().get(0).get("ipAdEntIfIndex")).contains(new Integer32(2));

    Table rcv = table("ifRcvAddressTable", MIB, VarBind.of(MIB.oid("ifRcvAddressStatus").append(2, 6, 0, 17, 34, 51, 68, 255), new Integer32(1)));
    assertThat(rcv.rows().get(0).indexValues()).containsExactly(new Integer32(2), new OctetString(Bytes.of((byte) 0, (byte) 17, (byte) 34, (byte) 51, (byte) 68, (byte) 255)));
  }

  @Test
  void anAugmentingRowUsesTheIndexOfTheRowItAugments() {
    Table t = table("nsExtendOutput1Table", MIB, vb("nsExtendOutput1Line.\"test\"", OctetString.of("hello")));
    assertThat(t.indexNames()).containsExactly("nsExtendToken");
    assertThat(t.rows().get(0).indexValues()).containsExactly(OctetString.of("test"));
    assertThat(t.rows().get(0).get("nsExtendOutput1Line")).contains(OctetString.of("hello"));
  }

  @Test
  void anImpliedStringTakesTheRestOfTheIndexWithoutALength() {
    Table t = table("nsLoggingTable", MIB, VarBind.of(MIB.oid("nsLogType").append(4, 'a', 'b'), new Integer32(1)));
    assertThat(t.rows().get(0).indexValues()).containsExactly(new Integer32(4), OctetString.of("ab"));
  }

  @Test
  void anIndexThatDoesNotFitTheIndexClauseHasNoValues() {
    Table t =
        table(
            "ifRcvAddressTable",
            MIB,
            VarBind.of(MIB.oid("ifRcvAddressStatus").append(2, 6, 0, 17), new Integer32(1)), // length 6, 2 octets
            VarBind.of(MIB.oid("ifRcvAddressStatus").append(2, 1, 256), new Integer32(1)), // not an octet
            VarBind.of(MIB.oid("ifRcvAddressStatus").append(2, 1, 7, 9), new Integer32(1))); // one arc too many
    assertThat(t.rows()).hasSize(3).allSatisfy(r -> assertThat(r.indexValues()).isEmpty());
    Table stack = table("ifStackTable", MIB, vb("ifStackStatus.7", new Integer32(1)));
    assertThat(stack.rows().get(0).indexValues()).isEmpty();
  }
}
