package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/** Any bytes at all: the agent counts what it cannot read and keeps answering. */
class MalformedRequestTest {
  static AgentSimulator sim;
  static Probe probe;
  static final byte[] GOOD = MessageCodec.encode(CommunityMessage.v2c("linux-host", Probe.get("1.3.6.1.2.1.1.5.0")));

  @BeforeContainer
  static void start() {
    sim = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).start();
    probe = new Probe(sim.endpoint());
  }

  @AfterContainer
  static void stop() {
    probe.close();
    sim.close();
  }

  private static int nextId = 1000;

  @Property(tries = 300)
  void anyBytesNeverStopTheAgent(@ForAll("datagrams") byte[] junk) {
    long before = sim.counters().received();
    int id = nextId++;
    probe.send(junk);
    probe.send(MessageCodec.encode(CommunityMessage.v2c("linux-host", dev.puresnmp.pdu.StandardPdu.get(id, Probe.oids("1.3.6.1.2.1.1.5.0")))));
    // the junk may happen to be a request that is answered too: skip replies until the one for this id
    for (int i = 0; i < 5; i++) {
      byte[] reply = probe.receive(1000).orElseThrow(() -> new AssertionError("no answer after " + junk.length + " junk bytes"));
      if (MessageCodecAccess.decodes(reply)
          && MessageCodec.decode(reply).pdu() instanceof dev.puresnmp.pdu.StandardPdu p && p.requestId() == id) {
        assertThat(sim.counters().received()).isGreaterThanOrEqualTo(before + 2);
        return;
      }
    }
    throw new AssertionError("the request after the junk was not answered");
  }

  @Provide
  Arbitrary<byte[]> datagrams() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, Integer.MAX_VALUE).map(seed -> {
      Random r = new Random(seed);
      byte[] m = GOOD.clone();
      for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
        m[r.nextInt(m.length)] = (byte) r.nextInt(256);
      }
      return r.nextBoolean() ? java.util.Arrays.copyOf(m, r.nextInt(m.length) + 1) : m;
    });
    return Arbitraries.oneOf(random, mutated);
  }

  @Test
  void undecodableDatagramsAreCountedAsMalformed() {
    try (AgentSimulator s = AgentSimulator.builder().device("linux-host", ShippedDevices.linuxHost()).start(); Probe p = new Probe(s.endpoint())) {
      p.send(new byte[] {0x30, 0x03, 0x02, 0x01});
      p.send(new byte[] {(byte) 0xFF});
      p.send(GOOD.clone());
      assertThat(p.receive(1000)).isPresent();
      assertThat(s.counters().malformed()).isEqualTo(2);
      assertThat(s.counters().answered()).isEqualTo(1);
    }
  }
}
