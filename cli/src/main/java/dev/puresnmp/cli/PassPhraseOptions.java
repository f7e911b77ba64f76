package dev.puresnmp.cli;

import picocli.CommandLine.Option;

/** SNMPv3's protocols and pass phrases, spelled as Net-SNMP's tools spell them, with their defaults (MD5, DES). */
final class PassPhraseOptions {
  @Option(names = "-a", paramLabel = "PROTOCOL", description = "SNMPv3 authentication protocol: MD5 (default), SHA, SHA-224, SHA-256, SHA-384, SHA-512.")
  String authProtocol = "MD5";

  @Option(names = "-A", paramLabel = "PASSPHRASE", description = "SNMPv3 authentication pass phrase (8 characters at least).")
  String authPassPhrase;

  @Option(names = "-x", paramLabel = "PROTOCOL", description = "SNMPv3 privacy protocol: DES (default), AES, AES-192, AES-256, AES-192-C, AES-256-C, 3DES.")
  String privProtocol = "DES";

  @Option(names = "-X", paramLabel = "PASSPHRASE", description = "SNMPv3 privacy pass phrase (8 characters at least).")
  String privPassPhrase;
}
