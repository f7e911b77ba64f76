package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.transport.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every SNMP command shares, spelled as Net-SNMP's tools spell them: {@code -v 1|2c} (also
 * {@code -v2c}), {@code -c COMMUNITY}, {@code -t SECONDS}, {@code -r RETRIES}, {@code -Cr50}/{@code
 * -Cn1}/{@code -Cc}, and {@code -On}, {@code -m}, {@code -M} accepted for compatibility (output is always
 * numeric, {@code -On} style, and no MIBs are read).
 */
final class SnmpOptions {
  @Spec(Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "-v", paramLabel = "1|2c", description = "SNMP version: 1 or 2c (default 2c).")
  String version = "2c";

  @Option(names = "-c", paramLabel = "COMMUNITY", description = "Community (default public).")
  String community = "public";

  @Option(names = "-t", paramLabel = "SECONDS", description = "Timeout of each attempt in seconds, fractions allowed (default 1).")
  double timeoutSeconds = 1;

  @Option(names = "-r", paramLabel = "RETRIES", description = "Retries after the first attempt (default 5).")
  int retries = 5;

  @Option(names = "-C", paramLabel = "FLAG", description = "Application flags: rN max-repetitions, nN non-repeaters, c do not check that walked OIDs increase.")
  List<String> appFlags = new ArrayList<>();

  @Option(names = "-O", paramLabel = "n", description = "Output options: only n (numeric OIDs), which is always on.")
  String outputOptions;

  @Option(names = "-m", paramLabel = "MIBS", description = "Ignored: no MIBs are read.")
  String mibs;

  @Option(names = "-M", paramLabel = "DIRS", description = "Ignored: no MIBs are read.")
  String mibDirs;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  Credentials credentials() {
    switch (version) {
      case "1":
        return Credentials.v1(community);
      case "2c":
      case "2":
        return Credentials.v2c(community);
      case "3":
        throw new ParameterException(spec.commandLine(), "SNMPv3 is not supported yet (-v 1 or -v 2c)");
      default:
        throw new ParameterException(spec.commandLine(), "unknown SNMP version -v " + version + " (1 or 2c)");
    }
  }

  /** "host", "host:port", "udp:host:port", "udp6:[::1]:port", "[::1]:port", "::1". */
  static Endpoint agent(String text) {
    String s = text;
    if (s.startsWith("udp6:")) {
      s = s.substring(5);
    } else if (s.startsWith("udp:")) {
      s = s.substring(4);
    } else if (s.startsWith("tcp:") || s.startsWith("tcp6:")) {
      throw new IllegalArgumentException("only UDP agents are supported, not " + text);
    }
    return Endpoint.parse(s, 161);
  }

  int flag(char name, int otherwise) {
    for (String f : appFlags) {
      if (!f.isEmpty() && f.charAt(0) == name && f.length() > 1) {
        try {
          return Integer.parseInt(f.substring(1));
        } catch (NumberFormatException e) {
          throw new ParameterException(spec.commandLine(), "not a number in -C" + f);
        }
      }
    }
    return otherwise;
  }

  boolean hasFlag(char name) {
    return appFlags.stream().anyMatch(f -> f.equals(String.valueOf(name)));
  }

  SnmpClient client(String agentText) {
    if (outputOptions != null && !outputOptions.equals("n")) {
      throw new ParameterException(spec.commandLine(), "only -On is supported (numeric OIDs), not -O" + outputOptions);
    }
    if (!(timeoutSeconds > 0)) {
      throw new ParameterException(spec.commandLine(), "-t must be positive");
    }
    if (retries < 0) {
      throw new ParameterException(spec.commandLine(), "-r must be 0 or more");
    }
    Endpoint endpoint;
    try {
      endpoint = agent(agentText);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return SnmpClient.builder(endpoint, credentials())
        .timeout(Duration.ofNanos((long) (timeoutSeconds * 1e9)))
        .retries(retries)
        .maxRepetitions(Math.max(1, flag('r', SnmpClient.DEFAULT_MAX_REPETITIONS)))
        .lenientWalks(hasFlag('c'))
        .build();
  }
}
