package dev.puresnmp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small modules with the mistakes MIB files commonly have, written by the tests that compare what loading
 * them prints with snmptranslate's warnings: a module or symbol that is not there, an OID whose parent is
 * neither defined nor imported, syntax errors. Each imports from SNMPv2-SMI, which the search path has.
 */
final class BrokenMibs {
  private BrokenMibs() {}

  private static final Map<String, String> MODULES = Map.ofEntries(
      Map.entry("MISSING-IMPORT-MIB", """
          IMPORTS
              enterprises FROM SNMPv2-SMI
              fooType FROM NO-SUCH-MIB;
          miRoot OBJECT IDENTIFIER ::= { enterprises 99990 }
          """),
      Map.entry("BAD-SYMBOL-MIB", """
          IMPORTS
              enterprises, noSuchThing FROM SNMPv2-SMI
              DisplayString, otherMissing FROM SNMPv2-TC;
          bsRoot OBJECT IDENTIFIER ::= { enterprises 99991 }
          """),
      Map.entry("UNLINKED-MIB", """
          IMPORTS
              enterprises FROM SNMPv2-SMI;
          ulRoot OBJECT IDENTIFIER ::= { enterprises 99992 }
          ulLost OBJECT IDENTIFIER ::= { nowhere 1 }
          ulLost2 OBJECT IDENTIFIER ::= { ulLost 3 }
          zzLost OBJECT IDENTIFIER ::= { zzz 9 }
          """),
      Map.entry("DUP-STATUS-MIB", """
          IMPORTS
              OBJECT-TYPE, Integer32, enterprises FROM SNMPv2-SMI;
          dsRoot OBJECT IDENTIFIER ::= { enterprises 99993 }
          dsBroken OBJECT-TYPE
              SYNTAX Integer32
              MAX-ACCESS read-only
              STATUS current
              STATUS current
              DESCRIPTION "x"
              ::= { dsRoot 1 }
          """),
      Map.entry("BAD-OID-MIB", """
          IMPORTS
              OBJECT-TYPE, Integer32, enterprises FROM SNMPv2-SMI;
          boRoot OBJECT IDENTIFIER ::= { enterprises 99995 }
          boBroken OBJECT-TYPE
              SYNTAX Integer32
              UNITS "seconds"
              MAX-ACCESS read-only
              STATUS current
              DESCRIPTION "x"
              ::= { boRoot , 1 }
          """),
      Map.entry("NO-ASSIGN-MIB", """
          IMPORTS
              enterprises FROM SNMPv2-SMI;
          naRoot OBJECT IDENTIFIER ::= { enterprises 99994 }
          naBad OBJECT IDENTIFIER { naRoot 1 }
          """),
      Map.entry("BAD-ENUM-MIB", """
          IMPORTS
              OBJECT-TYPE, enterprises FROM SNMPv2-SMI;
          beRoot OBJECT IDENTIFIER ::= { enterprises 99989 }
          beStatus OBJECT-TYPE
              SYNTAX INTEGER { up(1), down }
              MAX-ACCESS read-only
              STATUS current
              DESCRIPTION "x"
              ::= { beRoot 1 }
          """),
      Map.entry("CYCLE-A-MIB", """
          IMPORTS enterprises FROM SNMPv2-SMI cycB FROM CYCLE-B-MIB;
          cycA OBJECT IDENTIFIER ::= { enterprises 99996 }
          cycOk OBJECT IDENTIFIER ::= { cycB 2 }
          """),
      Map.entry("CYCLE-B-MIB", """
          IMPORTS cycA FROM CYCLE-A-MIB;
          cycB OBJECT IDENTIFIER ::= { cycA 1 }
          """),
      Map.entry("LOST-TRAP-MIB", """
          IMPORTS
              enterprises FROM SNMPv2-SMI
              TRAP-TYPE FROM RFC-1215;
          lostTrap TRAP-TYPE
              ENTERPRISE orphanRoot
              DESCRIPTION "its enterprise is not imported"
              ::= 3
          """),
      Map.entry("ORPHAN-MIB", """
          IMPORTS
              enterprises FROM SNMPv2-SMI;
          orphanRoot OBJECT IDENTIFIER ::= { enterprises 99988 }
          orphanKid OBJECT IDENTIFIER ::= { sysDescr 7 }
          """));

  /** Writes each module into {@code dir} as NAME.txt. */
  static void write(Path dir) throws IOException {
    for (Map.Entry<String, String> m : MODULES.entrySet()) {
      Files.writeString(dir.resolve(m.getKey() + ".txt"), m.getKey() + " DEFINITIONS ::= BEGIN\n" + m.getValue() + "END\n");
    }
  }
}
