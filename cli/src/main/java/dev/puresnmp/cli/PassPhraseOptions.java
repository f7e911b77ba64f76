package dev.puresnmp.cli;

import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Bytes;
import java.io.ByteArrayOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * SNMPv3's protocols and secrets, spelled as Net-SNMP's tools spell them, with their defaults (MD5, DES):
 * pass phrases, or instead master keys ({@code -3m}, {@code -3M}) or keys localized to the agent's
 * engine ({@code -3k}, {@code -3K}), in hex. As in Net-SNMP a localized key comes first, then a pass
 * phrase, then a master key (Net-SNMP hashes the pass phrase into the master key's place).
 */
final class PassPhraseOptions {
  @Option(names = "-a", paramLabel = "PROTOCOL", description = "SNMPv3 authentication protocol: MD5 (default), SHA, SHA-224, SHA-256, SHA-384, SHA-512.")
  String authProtocol = "MD5";

  @Option(names = "-A", paramLabel = "PASSPHRASE", description = "SNMPv3 authentication pass phrase (8 characters at least).")
  String authPassPhrase;

  @Option(names = "-x", paramLabel = "PROTOCOL", description = "SNMPv3 privacy protocol: DES (default), AES, AES-192, AES-256, AES-192-C, AES-256-C, 3DES.")
  String privProtocol = "DES";

  @Option(names = "-X", paramLabel = "PASSPHRASE", description = "SNMPv3 privacy pass phrase (8 characters at least).")
  String privPassPhrase;

  @Option(names = "-3m", paramLabel = "KEY", description = "SNMPv3 authentication master key (Ku), hex, instead of -A.")
  String authMasterKey;

  @Option(names = "-3M", paramLabel = "KEY", description = "SNMPv3 privacy master key (Ku), hex, instead of -X.")
  String privMasterKey;

  @Option(names = "-3k", paramLabel = "KEY", description = "SNMPv3 authentication key localized to the agent's engine (Kul), hex, instead of -A.")
  String authLocalizedKey;

  @Option(names = "-3K", paramLabel = "KEY", description = "SNMPv3 privacy key localized to the agent's engine (Kul), hex, instead of -X.")
  String privLocalizedKey;

  /** The authentication key that counts ({@code -3k}; else, without {@code -A}, {@code -3m}), or null for the pass phrase. */
  Credentials.V3.Key authKey(CommandLine cl) {
    return key(cl, authLocalizedKey, 'k', authMasterKey, 'm', authPassPhrase);
  }

  /** The privacy key that counts ({@code -3K}; else, without {@code -X}, {@code -3M}), or null for the pass phrase. */
  Credentials.V3.Key privKey(CommandLine cl) {
    return key(cl, privLocalizedKey, 'K', privMasterKey, 'M', privPassPhrase);
  }

  private static Credentials.V3.Key key(CommandLine cl, String localized, char localizedFlag, String master, char masterFlag, String passPhrase) {
    Bytes kul = hex(cl, localized, localizedFlag);
    Bytes ku = hex(cl, master, masterFlag); // checked even when it does not count, as Net-SNMP checks it
    if (kul != null) {
      return Credentials.V3.Key.localized(kul);
    }
    return ku != null && passPhrase == null ? Credentials.V3.Key.master(ku) : null;
  }

  /**
   * A key as Net-SNMP's {@code snmp_hex_to_binary} reads it: "0x" in front or not, pairs of hex digits,
   * spaces between pairs; null when not given or empty (Net-SNMP then falls back to the pass phrase).
   */
  static Bytes hex(CommandLine cl, String text, char flag) {
    if (text == null) {
      return null;
    }
    String s = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      int hi = i + 1 < s.length() ? Character.digit(s.charAt(i), 16) : -1;
      int lo = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      if (hi >= 0 && lo >= 0 && isAscii(s.charAt(i)) && isAscii(s.charAt(i + 1))) {
        out.write(hi << 4 | lo);
        i += 2;
      } else if (s.charAt(i) == ' ') {
        i++;
      } else {
        throw new ParameterException(cl, "Bad key value after -3" + flag + " flag.");
      }
    }
    return out.size() == 0 ? null : Bytes.of(out.toByteArray());
  }

  private static boolean isAscii(char c) {
    return c < 128;
  }
}
