package dev.puresnmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The MIB search path the Net-SNMP comparisons share: the standard modules of the npm package net-snmp, then /usr/share/snmp/mibs. */
final class StandardMibs {
  private StandardMibs() {}

  /** Fetches the standard modules into target/ once (fetch-standard-mibs.sh) and returns the path, colon-separated. */
  static String path() throws Exception {
    NetSnmpPeer.requireTool("npm", NetSnmpPeer.peersDir());
    Path dir = Path.of("target", "net-snmp-mibs").toAbsolutePath();
    Path script = Path.of("..", "core", "src", "test", "resources", "dev", "puresnmp", "mib", "fetch-standard-mibs.sh").toAbsolutePath().normalize();
    NetSnmpPeer.Result r = NetSnmpPeer.run(List.of("sh", script.toString(), dir.toString()), 300);
    assertThat(r.code()).as("fetch-standard-mibs.sh: " + r.out() + r.err()).isZero();
    return dir.resolve("package/lib/mibs") + File.pathSeparator + "/usr/share/snmp/mibs";
  }

  /**
   * {@link #path()} with the facts of the standard modules neither source ships (IP-MIB, TCP-MIB,
   * HOST-RESOURCES-MIB, ENTITY-MIB …), which the built-in set has too.
   */
  static String pathWithFacts() throws Exception {
    Path facts = Path.of("..", "core", "src", "test", "resources", "dev", "puresnmp", "mib", "facts").toAbsolutePath().normalize();
    return path() + File.pathSeparator + facts;
  }
}
