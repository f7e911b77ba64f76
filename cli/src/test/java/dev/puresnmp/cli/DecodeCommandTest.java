package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
  @Test
  void decodesHexAndPrintsHeaderAndNetSnmpLines() {
    CliRun run = CliRun.of("decode", TestPackets.snmp4jResponse());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "version: 2c\ncommunity: public\npdu: Response\nrequest-id: 1234567890\n"
                + "error-status: noError (0)\nerror-index: 0\nvarbinds: 10\n")
        .contains(".1.3.6.1.2.1.1.3.0 = Timeticks: (123456789) 14 days, 6:56:07.89\n")
        .contains(".1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 98765432109876543\n")
        .contains(".1.3.6.1.2.1.4.20.1.1.127.0.0.1 = IpAddress: 127.0.0.1\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void hexMaySpanArgumentsWithSpaces() {
    String hex = TestPackets.snmp4jResponse();
    CliRun run = CliRun.of("decode", hex.substring(0, 10), hex.substring(10, 100), hex.substring(100));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("varbinds: 10");
  }

  @Test
  void malformedPacketExitsWithTwoAndOneLine() {
    CliRun run = CliRun.of("decode", TestPackets.snmp4jResponse().substring(0, 80));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("malformed packet at offset 1: length 317 exceeds remaining 36\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void badHexExitsWithTwo() {
    CliRun run = CliRun.of("decode", "30zz");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("invalid hex: not a hex digit: 'z'");
  }

  @Test
  void noInputIsAUsageError() {
    CliRun run = CliRun.of("decode");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give the message as HEX");
  }

  @Test
  void readsAFileWithCommentLines(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.hex");
    Files.writeString(f, "# a comment\n" + TestPackets.snmp4jResponse().substring(0, 64) + "\n" + TestPackets.snmp4jResponse().substring(64) + "\n");
    CliRun run = CliRun.of("decode", "-f", f.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("request-id: 1234567890");
  }

  @Test
  void jsonIsOneObjectWithTypedValues() {
    CliRun run = CliRun.of("decode", "--json", TestPackets.snmp4jResponse());
    assertThat(run.exitCode()).isZero();
    String json = run.out().strip();
    assertThat(json).startsWith("{\"version\":\"2c\",\"community\":\"public\"").endsWith("}]}");
    assertThat(json.lines()).hasSize(1);
    assertThat(json)
        .contains("\"requestId\":1234567890")
        .contains("{\"oid\":\".1.3.6.1.2.1.31.1.1.1.6.1\",\"type\":\"Counter64\",\"value\":98765432109876543,\"hex\":\"4608015ee2a320ff453f\",\"netsnmp\":\"Counter64: 98765432109876543\"}")
        .contains("\"type\":\"IpAddress\",\"value\":\"127.0.0.1\"");
  }

  @Test
  void anSnmpV3MessagePrintsItsHeaderItsUsmParametersAndItsScopedPdu() {
    // snmpd's answer to snmpget -v3 -u usr-sha256-none -l authNoPriv -a SHA-256 (Net-SNMP 5.9.3)
    String hex =
        "30819f0201033011020430beefe9020300ffe304010102010304483046041180"
        + "001f8880640b9e64f9e50d6b00000000020101020111040f7573722d73686132"
        + "35362d6e6f6e650418f5702d5aeb1bd1cfc45dad3df1c0c31fa4f758b2bd50cc"
        + "0c0400303d041180001f8880640b9e64f9e50d6b000000000400a226020463d8"
        + "2f6d0201000201003018301606082b06010201010500040a736e6d70642d7065"
        + "6572";
    CliRun run = CliRun.of("decode", hex);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "version: 3\nmsg-id: 817819625\nmsg-max-size: 65507\nmsg-flags: auth (0x01)\nsecurity-model: USM (3)\n"
                + "engine-id: 80001f8880640b9e64f9e50d6b00000000\nengine-boots: 1\nengine-time: 17\nuser: usr-sha256-none\n"
                + "auth-parameters: f5702d5aeb1bd1cfc45dad3df1c0c31fa4f758b2bd50cc0c\npriv-parameters: \n"
                + "context-engine-id: 80001f8880640b9e64f9e50d6b00000000\ncontext-name: \"\"\npdu: Response\nrequest-id: 1675112301\n"
                + "error-status: noError (0)\nerror-index: 0\nvarbinds: 1\n.1.3.6.1.2.1.1.5.0 = STRING: \"snmpd-peer\"\n");
  }

  @Test
  void anEncryptedSnmpV3MessageSaysSoInsteadOfAPdu() {
    // snmpget -v3 -u usr-sha-aes -l authPriv -a SHA -x AES (Net-SNMP 5.9.3)
    CliRun run = CliRun.of("decode", "--json",
        "30818f0201033011020405d70afa020300ffe30401070201030440303e041180"
        + "001f8880640b9e64f9e50d6b00000000020101020111040b7573722d7368612d"
        + "616573040c1780e2701d43c014aa125feb0408ae7b991278d0afbb04357ad529"
        + "42092d4422c6f379596e025560217a4b8b04eea8ad45b99ddc987e908cca5003"
        + "c12f73dd09746267c4f79346a2aa17226bdd");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .startsWith("{\"version\":\"3\",\"msgId\":97979130,\"msgMaxSize\":65507,\"msgFlags\":7,\"securityModel\":3,")
        .contains("\"user\":\"usr-sha-aes\",\"authParameters\":\"1780e2701d43c014aa125feb\",\"privParameters\":\"ae7b991278d0afbb\"")
        .endsWith("\"encryptedPdu\":\"7ad52942092d4422c6f379596e025560217a4b8b04eea8ad45b99ddc987e908cca5003c12f73dd09746267c4f79346a2aa17226bdd\"}");
  }

  /** snmpd's encrypted answer to snmpget -v3 -u usr-sha-aes -l authPriv -a SHA -A authpass123 -x AES -X privpass123. */
  static final String ENCRYPTED_RESPONSE =
      "3081990201033011020405d70afa020300ffe30401030201030440303e041180"
        + "001f8880640b9e64f9e50d6b00000000020101020111040b7573722d7368612d"
        + "616573040c303c159a85ca1a282f29aaca0408b38f137a7f0d795d043f608c40"
        + "b0878e34cc365413648629364eeefe7fdadb784cb2d461962343939583ddffd2"
        + "a27e492c377be69478532f96f845ac7a702d4ed4912024197a2eda88";

  @Test
  void passPhrasesCheckTheMacAndDecryptTheScopedPdu() {
    CliRun run = CliRun.of("decode", "-a", "SHA", "-A", "authpass123", "-x", "AES", "-X", "privpass123", ENCRYPTED_RESPONSE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("authentication: verified (SHA)\nscoped-pdu: encrypted, 63 bytes, decrypted (AES)\n")
        .endsWith("pdu: Response\nrequest-id: 1070639627\nerror-status: noError (0)\nerror-index: 0\nvarbinds: 1\n"
            + ".1.3.6.1.2.1.1.5.0 = STRING: \"snmpd-peer\"\n");
  }

  @Test
  void wrongPassPhrasesSaySoAndPrintNoPdu() {
    CliRun run = CliRun.of("decode", "-a", "SHA", "-A", "wrongpass123", "-x", "AES", "-X", "wrongpass123", ENCRYPTED_RESPONSE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("authentication: FAILED (SHA)")
        .endsWith("scoped-pdu: encrypted, 63 bytes, not decrypted (AES): another pass phrase, key or protocol encrypted it\n");
  }

  @Test
  void keysInsteadOfPassPhrasesDoTheSame() {
    byte[] engine = dev.puresnmp.smi.Bytes.decodeHex("80001f8880640b9e64f9e50d6b00000000").toByteArray();
    String authKul = dev.puresnmp.smi.Bytes.of(dev.puresnmp.security.AuthProtocol.SHA.localizedKey("authpass123".getBytes(java.nio.charset.StandardCharsets.UTF_8), engine)).hex();
    String privKu = dev.puresnmp.smi.Bytes.of(dev.puresnmp.security.AuthProtocol.SHA.passwordToKey("privpass123".getBytes(java.nio.charset.StandardCharsets.UTF_8))).hex();
    CliRun run = CliRun.of("decode", "-a", "SHA", "-3k", "0x" + authKul, "-x", "AES", "-3M", privKu, ENCRYPTED_RESPONSE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("authentication: verified (SHA)\nscoped-pdu: encrypted, 63 bytes, decrypted (AES)\n")
        .endsWith(".1.3.6.1.2.1.1.5.0 = STRING: \"snmpd-peer\"\n");
    CliRun privOnly = CliRun.of("decode", "-a", "SHA", "-x", "AES", "-3M", privKu, ENCRYPTED_RESPONSE);
    assertThat(privOnly.out()).as("no authentication secret: no check, still decrypted").doesNotContain("authentication: ").contains("decrypted (AES)");
  }

  @Test
  void decodesEveryPacketOfANetSnmpDump() {
    String dump =
        "Sending 43 bytes to UDP: [127.0.0.1]:161->[0.0.0.0]:0\n"
            + "0000: 30 29 02 01  01 04 06 70  75 62 6C 69  63 A0 1C 02    0).....public...\n"
            + "0016: 04 1D 4A 1C  3C 02 01 00  02 01 00 30  0E 30 0C 06    ..J.<......0.0..\n"
            + "0032: 08 2B 06 01  02 01 01 05  00 05 00                    .+.........\n"
            + "\n"
            + "Received 43 byte packet from UDP: [127.0.0.1]:161->[0.0.0.0]:44100\n"
            + "0000: 30 29 02 01  01 04 06 70  75 62 6C 69  63 A2 1C 02    0).....public...\n"
            + "0016: 04 1D 4A 1C  3C 02 01 00  02 01 00 30  0E 30 0C 06    ..J.<......0.0..\n"
            + "0032: 08 2B 06 01  02 01 01 05  00 80 00                    .+.........\n"
            + "\n"
            + ".1.3.6.1.2.1.1.5.0 = No Such Object available on this agent at this OID\n";
    assertThat(HexInput.parse(dump)).hasSize(2);
    CliRun run = CliRun.of("decode", dump);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("pdu: GetRequest\nrequest-id: 491396156\n")
        .contains(".1.3.6.1.2.1.1.5.0 = NULL\n\nversion: 2c")
        .contains("pdu: Response\n")
        .endsWith(".1.3.6.1.2.1.1.5.0 = No Such Object available on this agent at this OID\n");
  }

  /** The -d dumps recorded from Net-SNMP's tools, next to the golden packets in core. */
  static java.util.stream.Stream<Path> recordedDumps() throws IOException {
    Path dir = Path.of("..", "core", "src", "test", "resources", "dev", "puresnmp", "packets");
    return Files.list(dir).filter(p -> p.toString().endsWith(".dump")).sorted();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("recordedDumps")
  void decodesEveryPacketOfEveryRecordedDump(Path dump) throws IOException {
    String text = Files.readString(dump);
    long packets = text.lines().filter(l -> l.startsWith("Sending ") || l.startsWith("Received ")).count();
    assertThat(HexInput.parse(text)).hasSize((int) packets);
    CliRun run = CliRun.of("decode", "-f", dump.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().split("\n\nversion: ")).hasSize((int) packets);
  }
}
