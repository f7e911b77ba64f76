package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Oid;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names with -OX, -Ob and -Ou ({@link Mib#name(Oid, FormatOptions)}); each expected string is what
 * snmptranslate 5.9.3 printed for the same OID and modules (MibNetSnmpIT compares every object of 17
 * modules with it).
 */
class ExtendedIndexTest {
  private static Mib mib;

  @BeforeAll
  static void load() {
    mib = Mib.builder().builtIn().path(MibParserTest.resources("good")).load("PURESNMP-TEST-MIB").build();
  }

  private static String name(String letters, String oid) {
    return mib.name(Oid.parse(oid), FormatOptions.netSnmp(letters));
  }

  @Test
  void bracketsEachIndexAndNamesEnumerationsWhateverMinusOeSays() {
    assertThat(name("X", "1.3.6.1.2.1.31.1.2.1.3.0.2")).isEqualTo("IF-MIB::ifStackStatus[0][2]");
    assertThat(name("X", "1.3.6.1.4.1.99999.1.3.1.3.2.3.97.98.99")).isEqualTo("PURESNMP-TEST-MIB::pstColourValue[green][STRING: abc]");
    assertThat(name("Xe", "1.3.6.1.4.1.99999.1.3.1.3.2.3.97.98.99")).isEqualTo("PURESNMP-TEST-MIB::pstColourValue[green][STRING: abc]");
    assertThat(name("X", "1.3.6.1.2.1.4.20.1.1.127.0.0.1")).isEqualTo("IP-MIB::ipAdEntAddr[127.0.0.1]");
  }

  @Test
  void hintedStringsAndTimeTicksFollowQuickAndTimeTicksOptions() {
    String host = "1.3.6.1.4.1.99999.1.4.1.4.10.0.0.1.1.2.3.4.5.6.104.105";
    assertThat(name("X", host)).isEqualTo("PURESNMP-TEST-MIB::pstHostUp[10.0.0.1][STRING: 1:2:3:4:5:6][STRING: hi]");
    assertThat(name("Xq", host)).isEqualTo("PURESNMP-TEST-MIB::pstHostUp[10.0.0.1][1:2:3:4:5:6][hi]");
    String oid = "1.3.6.1.4.1.99999.1.5.1.4.3.1.3.6.7.8.9";
    assertThat(name("X", oid)).isEqualTo("PURESNMP-TEST-MIB::pstOidShort[SNMPv2-SMI::dod][7][8][0:00:00.09]");
    assertThat(name("Xq", oid)).isEqualTo("PURESNMP-TEST-MIB::pstOidShort[SNMPv2-SMI::dod][7][8][0:0:00:00.09]");
    assertThat(name("Xt", oid)).isEqualTo("PURESNMP-TEST-MIB::pstOidShort[SNMPv2-SMI::dod][7][8][9]");
  }

  @Test
  void anIndexThatDoesNotPrintLeavesTheBracketOpenAndTheRestAsNumbers() {
    // a Counter32 index, and an IpAddress short of arcs
    assertThat(name("X", "1.3.6.1.4.1.99999.1.5.1.4.3.1.3.6.7.8.9.10"))
        .isEqualTo("PURESNMP-TEST-MIB::pstOidShort[SNMPv2-SMI::dod][7][8][0:00:00.09][.10");
    assertThat(name("X", "1.3.6.1.4.1.99999.1.4.1.4.10.0.0")).isEqualTo("PURESNMP-TEST-MIB::pstHostUp[.10.0.0");
    // a NetworkAddress that is not internet(1) and four numbers: all that is left, no dot, unclosed
    assertThat(name("X", "1.3.6.1.2.1.3.1.1.1.2.1.10.0.0.1")).isEqualTo("RFC1213-MIB::atIfIndex[2][1.10.0.0.1]");
    assertThat(name("X", "1.3.6.1.2.1.3.1.1.1.2.2.10.0.0.1")).isEqualTo("RFC1213-MIB::atIfIndex[2][2.10.0.0.1");
  }

  @Test
  void anIndexObjectNoLoadedModuleDefinesEndsTheIndexWithoutABracket(@TempDir Path dir) throws Exception {
    // as NET-SNMP-VACM-MIB's nsVacmAccessTable without SNMP-VIEW-BASED-ACM-MIB, whose vacmGroupName it indexes by
    Files.writeString(dir.resolve("MISSING-INDEX-MIB.txt"), """
        MISSING-INDEX-MIB DEFINITIONS ::= BEGIN
        IMPORTS OBJECT-TYPE, Integer32, enterprises FROM SNMPv2-SMI;
        mxTable OBJECT-TYPE SYNTAX SEQUENCE OF MxEntry MAX-ACCESS not-accessible STATUS current DESCRIPTION "t" ::= { enterprises 77777 }
        mxEntry OBJECT-TYPE SYNTAX MxEntry MAX-ACCESS not-accessible STATUS current DESCRIPTION "r"
            INDEX { missingName, mxValue } ::= { mxTable 1 }
        MxEntry ::= SEQUENCE { mxValue Integer32 }
        mxValue OBJECT-TYPE SYNTAX Integer32 MAX-ACCESS read-only STATUS current DESCRIPTION "v" ::= { mxEntry 1 }
        END
        """);
    Mib m = Mib.builder().builtIn().lenient(true).loadFile(dir.resolve("MISSING-INDEX-MIB.txt")).build();
    assertThat(m.name(Oid.parse("1.3.6.1.4.1.77777.1.1.3.103.114.112.7"), FormatOptions.netSnmp("X")))
        .isEqualTo("MISSING-INDEX-MIB::mxValue.3.103.114.112.7");
  }

  @Test
  void anObjectIdentifierIndexBelowNoRootPrintsWhatNetSnmpsOverflowedBufferPrints() {
    assertThat(name("Xs", "1.3.6.1.4.1.99999.1.5.1.1.2.104.105.10.0.0.1.7"))
        .isEqualTo(".iso.org.dod.internet.private.enterprises.pstMIB.pstObjects.pstOidTable.pstOidEntry.pstOidKey[.104.10 [TRUNCATED]");
    assertThat(name("X", "1.3.6.1.4.1.99999.1.5.1.1.0.10.0.0.1.7"))
        .isEqualTo(".iso.org.dod.internet.private.enterprises.pstMIB.pstObjects.pstOidTable.pstOidEntry.pstOidKey [TRUNCATED]");
  }

  @Test
  void numbersPrintTheIndexAsArcsAndWinOverBracketsInEitherOrder() {
    assertThat(name("b", "1.3.6.1.4.1.99999.1.3.1.3.2.3.97.98.99")).isEqualTo("PURESNMP-TEST-MIB::pstColourValue.2.3.97.98.99");
    assertThat(FormatOptions.netSnmp("Xb").indexes()).isEqualTo(FormatOptions.Indexes.NUMBERS);
    assertThat(FormatOptions.netSnmp("bX").indexes()).isEqualTo(FormatOptions.Indexes.NUMBERS);
    assertThat(FormatOptions.netSnmp("bX")).hasToString("-OSb");
  }

  @Test
  void ucdStyleCutsMib2PrivateAndExperimentalFromTheFullName() {
    assertThat(name("u", "1.3.6.1.2.1.1.5.0")).isEqualTo("system.sysName.0");
    assertThat(name("u", "1.3.6.1.4.1.8072.3.2.10")).isEqualTo("enterprises.netSnmp.netSnmpEnumerations.netSnmpAgentOIDs.linux");
    assertThat(name("u", "1.3.6.1.3.5")).isEqualTo("5");
    assertThat(name("u", "1.3.6.1.2.1")).isEqualTo(".iso.org.dod.internet.mgmt.mib-2");
    assertThat(name("u", "1.3.6.1.6.3.1")).isEqualTo(".iso.org.dod.internet.snmpV2.snmpModules.snmpMIB");
    assertThat(name("uX", "1.3.6.1.2.1.2.2.1.2.1")).isEqualTo("interfaces.ifTable.ifEntry.ifDescr[1]");
    assertThat(name("us", "1.3.6.1.2.1.2.2.1.2.1")).isEqualTo("ifDescr.1");
  }
}
