package dev.puresnmp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.puresnmp.NetSnmpPeer;
import dev.puresnmp.smi.Oid;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1,000,000-entry recording loads in seconds and bounded memory, and answers at once. */
class LargeRecordingIT {
  @TempDir Path dir;

  @Test
  void aMillionEntriesLoadInSecondsAndKeepAboutFortyBytesEach() throws Exception {
    Path file = dir.resolve("bigtable-250000.snmprec");
    NetSnmpPeer.Result gen = NetSnmpPeer.run(List.of("python3", NetSnmpPeer.peersDir().resolve("bigtable-gen.py").toString(), "250000", file.toString()), 120);
    assertThat(gen.code()).as(gen.err()).isZero();

    System.gc();
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    Recording r = RecordingReader.strict().read(file);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.gc();
    long bytes = usedHeap() - heapBefore;
    System.out.printf("loaded %,d entries (%,d bytes of text) in %,d ms; %,d bytes on the heap, %.1f per entry%n",
        r.size(), Files.size(file), millis, bytes, (double) bytes / r.size());

    assertThat(r.size()).isEqualTo(1_000_007);
    assertThat(millis).as("load time, ms").isLessThan(15_000);
    assertThat(bytes / r.size()).as("heap bytes per entry").isLessThan(64);
    int i = r.indexOf(Oid.parse("1.3.6.1.4.1.8072.9999.9999.7.1.4.250000"));
    assertThat(r.varBind(i).value().asText()).isEqualTo(Long.toUnsignedString(250000L * 4294967311L));
    assertThat(r.oid(r.nextIndex(Oid.parse("1.3.6.1.4.1.8072.9999.9999.7.1.1.250000")))).isEqualTo(Oid.parse("1.3.6.1.4.1.8072.9999.9999.7.1.2.1"));
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
