package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.smi.Oid;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MibOptionsTest {
  private static MibOptions options(String m, String dirs, Map<String, String> env) {
    MibOptions o = new MibOptions();
    if (m != null) {
      o.modules.add(m);
    }
    if (dirs != null) {
      o.dirs.add(dirs);
    }
    o.env = env::get;
    return o;
  }

  @Test
  void withoutOptionsOrEnvironmentNetSnmpsDefaultsApply() {
    MibOptions o = options(null, null, Map.of("HOME", "/home/u"));
    assertThat(o.defaultModules()).isTrue();
    assertThat(o.moduleList()).startsWith("SNMPv2-MIB", "IF-MIB", "IP-MIB").endsWith("NET-SNMP-VACM-MIB").hasSize(34);
    assertThat(o.searchPath()).isEqualTo("/home/u/.snmp/mibs:/usr/share/snmp/mibs:/usr/share/snmp/mibs/iana:/usr/share/snmp/mibs/ietf");
  }

  @Test
  void aLeadingPlusAddsToTheDefaultsAndAMinusPutsThemAfter() {
    MibOptions plus = options("+A-MIB:B-MIB", "+/x", Map.of("HOME", "/h"));
    assertThat(plus.moduleList()).endsWith("NET-SNMP-VACM-MIB", "A-MIB", "B-MIB");
    assertThat(plus.searchPath()).isEqualTo("/h/.snmp/mibs:/usr/share/snmp/mibs:/usr/share/snmp/mibs/iana:/usr/share/snmp/mibs/ietf:/x");
    MibOptions minus = options("-A-MIB", "-/x", Map.of("HOME", "/h"));
    assertThat(minus.moduleList()).startsWith("A-MIB", "SNMPv2-MIB");
    assertThat(minus.searchPath()).startsWith("/x:/h/.snmp/mibs:");
  }

  @Test
  void theEnvironmentAppliesWhenNoOptionIsGivenAndTheOptionsWin() {
    Map<String, String> env = Map.of("MIBS", "ENV-MIB", "MIBDIRS", "/env");
    MibOptions fromEnv = options(null, null, env);
    assertThat(fromEnv.moduleList()).isEqualTo(List.of("ENV-MIB"));
    assertThat(fromEnv.searchPath()).isEqualTo("/env");
    assertThat(fromEnv.defaultModules()).isFalse();
    MibOptions given = options("OPT-MIB", "/opt", env);
    assertThat(given.moduleList()).isEqualTo(List.of("OPT-MIB"));
    assertThat(given.searchPath()).isEqualTo("/opt");
  }

  @Test
  void givenTwiceTheLastOptionCounts() {
    MibOptions o = options("A-MIB", "/a", Map.of());
    o.modules.add("B-MIB");
    o.dirs.add("/b");
    assertThat(o.moduleList()).isEqualTo(List.of("B-MIB"));
    assertThat(o.searchPath()).isEqualTo("/b");
  }

  @Test
  void anEmptyModuleListLoadsNothing() {
    assertThat(options("", null, Map.of()).moduleList()).isEmpty();
    assertThat(options("::A-MIB:", null, Map.of()).moduleList()).isEqualTo(List.of("A-MIB"));
  }

  @Test
  void eachPeTogglesTheErrorsAndAnUnknownParserLetterIsNamed() {
    MibOptions o = options(null, null, Map.of());
    assertThat(o.errors()).isTrue();
    o.parserOptions.add("e");
    assertThat(o.errors()).isFalse();
    o.parserOptions.add("Re");
    assertThat(o.errors()).isTrue();
    assertThat(o.unknownParserOption()).isNull();
    o.parserOptions.add("wx");
    assertThat(o.unknownParserOption()).isEqualTo('x');
  }

  @Test
  void theDefaultModulesLoadSilentlyAndANameLoadsItsModuleLater(@TempDir Path empty) {
    StringWriter err = new StringWriter();
    MibOptions o = options(null, null, Map.of("HOME", "/h", "MIBDIRS", empty.toString()));
    MibOptions.Loaded l = o.loadForCommands(new PrintWriter(err, true));
    assertThat(l.mib().modules()).contains("SNMPv2-MIB", "IF-MIB", "UCD-SNMP-MIB").doesNotContain("ENTITY-MIB", "IPV6-MIB");
    assertThat(err.toString()).isEmpty();

    assertThat(l.ensure("ENTITY-MIB")).isTrue();
    assertThat(l.mib().oid("ENTITY-MIB::entPhysicalName.1")).isEqualTo(Oid.parse("1.3.6.1.2.1.47.1.1.1.1.7.1"));
    assertThat(err.toString()).as("what the default list missed was reported silently, once").isEmpty();

    assertThat(l.ensure("IPV6-MIB")).isFalse();
    assertThat(err.toString()).isEqualTo("MIB search path: " + empty + System.lineSeparator()
        + "Cannot find module (IPV6-MIB): At line 0 in (none)" + System.lineSeparator());
  }
}
