package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Oid;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * snmpset's checks of a value against the MIB; each expected line is what snmpset 5.9.3 printed for the
 * same object and value (NamesNetSnmpIT compares the standard objects' with it).
 */
class SetChecksTest {
  private static Mib mib;

  @BeforeAll
  static void load() {
    // core's test modules, as a directory: in a full build core's test classes come as a jar
    Path good = Path.of("..", "core", "src", "test", "resources", "dev", "puresnmp", "mib", "good").toAbsolutePath().normalize();
    mib = Mib.builder().builtIn().path(good).load("PURESNMP-TEST-MIB").build();
  }

  private static String complaint(String name, String type, String value) {
    return SetChecks.complaint(mib, mib.oid(name), type, value);
  }

  @Test
  void aLetterThatDoesNotFitTheObjectsTypeIsABadVariableType() {
    assertThat(complaint("sysName.0", "i", "1")).isEqualTo("Bad variable type (Type of attribute is OCTET STRING, not INTEGER)");
    assertThat(complaint("sysUpTime.0", "o", "1.3")).isEqualTo("Bad variable type (Type of attribute is Timeticks, not OBJECT IDENTIFIER)");
    assertThat(complaint("pstOidUnsigned.1.1.1.1.1.1", "i", "5")).isEqualTo("Bad variable type (Type of attribute is Unsigned32, not INTEGER)");
    assertThat(complaint("pstFlags.0", "i", "1")).isEqualTo("Bad variable type (Type of attribute is BITS, not INTEGER)");
    assertThat(complaint("pstFlags.0", "s", "x")).isNull(); // BITS take strings
    assertThat(complaint("sysName.0", "n", "x")).isNull();
  }

  @Test
  void tablesPlainNodesAndUnknownOidsAreNotChecked() {
    assertThat(complaint("sysORTable", "i", "1")).isNull();
    assertThat(complaint("system", "s", "x")).isNull();
    assertThat(SetChecks.complaint(mib, Oid.parse("1.3.6.1.4.1.99999.99"), "i", "5")).isNull();
  }

  @Test
  void anIntegerMustBeInTheObjectsRangesAndMayBeAnEnumerationLabel() {
    assertThat(complaint("pstScalar.0", "i", "150")).isEqualTo("Value out of range (150 :: {(0..100), (200)})");
    assertThat(complaint("pstScalar.0", "i", "200")).isNull();
    assertThat(complaint("sysServices.0", "i", "-1")).isEqualTo("Value out of range (-1 :: {(0..127)})");
    assertThat(SetChecks.integer(mib, mib.oid("ifAdminStatus.1"), "up")).isEqualTo("1");
    assertThat(SetChecks.integer(mib, mib.oid("ifAdminStatus.1"), "bogus")).isNull();
    assertThat(SetChecks.integer(mib, mib.oid("sysServices.0"), "0x10")).isNull(); // snmpset: "Value out of range (0x10)"
  }

  @Test
  void theEqualsTypeIsTheLetterOfTheObjectsType() {
    assertThat(SetChecks.letterOf(mib, mib.oid("sysName.0"))).isEqualTo("s");
    assertThat(SetChecks.letterOf(mib, mib.oid("ifAdminStatus.1"))).isEqualTo("i");
    assertThat(SetChecks.letterOf(mib, mib.oid("ifSpeed.1"))).isEqualTo("u");
    assertThat(SetChecks.letterOf(mib, mib.oid("ifInOctets.1"))).isEqualTo("c");
    assertThat(SetChecks.letterOf(mib, mib.oid("ifHCInOctets.1"))).isEqualTo("C");
    assertThat(SetChecks.letterOf(mib, mib.oid("pstFlags.0"))).isEqualTo("b");
    assertThat(SetChecks.letterOf(mib, mib.oid("sysORTable"))).isNull();
  }

  @Test
  void valuesSnmpsetCannotReadAreRefusedInItsWords() {
    assertThat(SetCommand.value("u", "-1")).isEqualTo(new Gauge32(4294967295L));
    assertThatThrownBy(() -> SetCommand.value("t", "x")).hasMessage("Bad value notation (x)");
    assertThatThrownBy(() -> SetCommand.value("b", "1,x")).hasMessage("Value out of range (x)");
    assertThatThrownBy(() -> SetCommand.value("q", "1")).hasMessage("Bad object type: q");
  }
}
