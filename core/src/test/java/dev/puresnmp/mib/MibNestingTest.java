package dev.puresnmp.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIBs built to exhaust the parser's stack end in a {@link MibException}, never in a StackOverflowError. */
class MibNestingTest {
  @TempDir Path dir;

  private Path module(String name, String body) throws IOException {
    Path f = dir.resolve(name + ".txt");
    Files.writeString(f, name + " DEFINITIONS ::= BEGIN\n" + body + "\nEND\n");
    return f;
  }

  @Test
  void aTypeNestedAHundredThousandLevelsDeepFailsWithMibExceptionNamingTheLimit() throws IOException {
    int levels = 100_000;
    StringBuilder type = new StringBuilder("Deep ::= ");
    for (int i = 0; i < levels; i++) {
      type.append("CHOICE { a");
      type.append(i).append(' ');
    }
    type.append("INTEGER");
    type.append(" }".repeat(levels));
    Path f = module("DEEP-TYPE-MIB", type.toString());

    assertThatThrownBy(() -> Mib.builder().loadFile(f).build())
        .isInstanceOf(MibException.class)
        .hasMessageContaining("types nested deeper than " + MibParser.MAX_NESTING + " levels");
  }

  @Test
  void aLenientLoadSkipsTheTooDeepTypeAndKeepsTheNextDefinition() throws IOException {
    String deep = "Deep ::= " + "SEQUENCE { a ".repeat(MibParser.MAX_NESTING + 1) + "INTEGER" + " }".repeat(MibParser.MAX_NESTING + 1);
    Path f = module("DEEP-LENIENT-MIB", deep + "\nkept OBJECT IDENTIFIER ::= { iso 3 6 1 4 1 99995 }");

    Mib mib = Mib.builder().lenient(true).loadFile(f).build();

    assertThat(mib.problems()).extracting(Throwable::getMessage).anyMatch(m -> m.contains("types nested deeper than"));
    assertThat(mib.oid("kept").toString()).isEqualTo("1.3.6.1.4.1.99995");
  }

  @Test
  void typesNestedToTheLimitStillParse() throws IOException {
    String deep = "Deep ::= " + "SEQUENCE { a ".repeat(MibParser.MAX_NESTING - 1) + "INTEGER" + " }".repeat(MibParser.MAX_NESTING - 1);
    Path f = module("DEEP-OK-MIB", deep + "\nkept OBJECT IDENTIFIER ::= { iso 3 6 1 4 1 99994 }");

    Mib mib = Mib.builder().loadFile(f).build();

    assertThat(mib.oid("kept").toString()).isEqualTo("1.3.6.1.4.1.99994");
  }

  /** A chain of definitions, each below the one before: OIDs past RFC 2578's 128 arcs cannot exist. */
  private Path chain(String name, int length) throws IOException {
    StringBuilder body = new StringBuilder("c0 OBJECT IDENTIFIER ::= { iso 3 }\n");
    for (int i = 1; i < length; i++) {
      body.append('c').append(i).append(" OBJECT IDENTIFIER ::= { c").append(i - 1).append(" 1 }\n");
    }
    return module(name, body.toString());
  }

  @Test
  void aChainOfTenThousandDefinitionsStopsAt128ArcsWithAMibExceptionNotAnOidError() throws IOException {
    Path f = chain("DEEP-OID-MIB", 10_000);

    assertThatThrownBy(() -> Mib.builder().loadFile(f).build())
        .isInstanceOf(MibException.class)
        .hasMessageContaining("more than " + dev.puresnmp.smi.Oid.MAX_ARCS + " arcs");
    Mib lenient = Mib.builder().lenient(true).loadFile(f).build();
    assertThat(lenient.oid("c126").size()).isEqualTo(dev.puresnmp.smi.Oid.MAX_ARCS);
    assertThat(lenient.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isInstanceOf(MibException.class));
  }
}
