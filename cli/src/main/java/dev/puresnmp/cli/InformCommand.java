package dev.puresnmp.cli;

import picocli.CommandLine.Command;

/** {@code puresnmp inform AGENT UPTIME TRAPOID [OID TYPE VALUE]…}: as snmpinform; exits 0 once acknowledged. */
@Command(
    name = "inform",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp inform -v2c -c public 127.0.0.1:1162 42 linkUp ifIndex.2 i 2"},
    mixinStandardHelpOptions = true,
    description = {
      "Send an inform and wait for its acknowledgement (as snmpinform): UPTIME TRAPOID [OID TYPE VALUE]...",
      "An empty UPTIME is now; TYPE as for set. The receiver's port is 162 unless AGENT names one."
    })
final class InformCommand extends TrapCommand {
  @Override
  boolean inform() {
    return true;
  }
}
