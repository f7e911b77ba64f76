package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the -I letters are read, as snmpget reads them (NamesNetSnmpIT compares what they do with it). */
class InputOptionsTest {
  private static SnmpOptions parsed(String... args) {
    CommandLine.ParseResult r = Main.commandLine().parseArgs(args);
    return ((SnmpCommand) r.subcommand().commandSpec().userObject()).options;
  }

  @Test
  void lettersCombineAndSOrSTakeTheRestOfTheWordOrElseTheNextWord() {
    InputOptions in = InputOptions.parse(parsed("get", "-IRs", ".0", "-IS", "SNMPv2-MIB::", "-Ibh", "host", "sysName").inputOptions);
    assertThat(in.random).isTrue();
    assertThat(in.best).isTrue();
    assertThat(in.noHints).isTrue();
    assertThat(in.apply("sysName")).isEqualTo("SNMPv2-MIB::sysName.0");
    // after s the rest of the word is the suffix, whatever letters it holds
    assertThat(InputOptions.parse(List.of("sS")).suffix).isEqualTo("S");
    assertThat(InputOptions.parse(parsed("get", "-Is.1", "host", "sysName").inputOptions).suffix).isEqualTo(".1");
  }

  @Test
  void theLastSuffixAndPrefixWin() {
    InputOptions in = InputOptions.parse(List.of("s.0", "s.1", "SIF-MIB::", "SSNMPv2-MIB::"));
    assertThat(in.apply("sysName")).isEqualTo("SNMPv2-MIB::sysName.1");
  }

  @Test
  void ucdStyleReadsNamesBelowMib2UnlessTheyStartAtTheTopOrNameAModule() {
    assertThat(InputOptions.belowMib2("system.sysName.0")).isEqualTo(".1.3.6.1.2.1.system.sysName.0");
    assertThat(InputOptions.belowMib2(".1.3.6.1.2.1.1.5.0")).isEqualTo(".1.3.6.1.2.1.1.5.0");
    assertThat(InputOptions.belowMib2("SNMPv2-MIB::sysName.0")).isEqualTo("SNMPv2-MIB::sysName.0");
  }

  @Test
  void anUnknownLetterIsRefusedWithNetSnmpsWordsAndASuffixNeedsAWord() {
    assertThatThrownBy(() -> InputOptions.parse(List.of("Rz"))).hasMessage("Unknown input option passed to -I: z.");
    CliRun r = CliRun.of("get", "-Iz", "127.0.0.1:1", "sysName.0");
    assertThat(r.err()).startsWith("Unknown input option passed to -I: z.\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(CliRun.of("get", "-Is").exitCode()).isEqualTo(1); // a usage error, as snmpget's
  }

  @Test
  void translateRefusesSuffixAndPrefixWhichCrashSnmptranslate() {
    CliRun r = CliRun.of("translate", "-Is", ".0", "sysDescr");
    assertThat(r.err()).isEqualTo("translate: -Is is not supported\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
