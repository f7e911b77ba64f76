package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import java.nio.file.Path;
import java.util.List;

/** The standard MIB modules this machine lacks (SNMPv2-SMI, IF-MIB …), from the npm package net-snmp. */
final class StandardMibs {
  private StandardMibs() {}

  /** Fetches them once into target/ with fetch-standard-mibs.sh; returns the directory of the modules. */
  static Path fetch() throws Exception {
    NetSnmpPeer.requireTool("npm", NetSnmpPeer.peersDir());
    Path dir = Path.of("target", "net-snmp-mibs").toAbsolutePath();
    Path script = MibParserTest.resources("fetch-standard-mibs.sh");
    NetSnmpPeer.Result r = NetSnmpPeer.run(List.of("sh", script.toString(), dir.toString()), 300);
    assertThat(r.code()).as("fetch-standard-mibs.sh: " + r.out() + r.err()).isZero();
    return dir.resolve("package/lib/mibs");
  }
}
