package dev.puresnmp.bench.mib;

import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.MibException;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parts (3) and (4) of {@code bench/mib-bench.sh}, over a recorded walk of snmpd ({@code MibWalkPrint record}:
 * ~7,600 varbinds of every kind snmpd serves): one operation is the whole list. {@link #formatNames} prints each
 * varbind with names ({@code mib.format}), {@link #formatNumeric} as {@code snmpwalk -On} does
 * ({@code NetSnmpFormat.format}); {@link #nameOfOid} names each varbind's OID, {@link #oidOfName} reads each of
 * those names back. Varbinds or lookups per second = ops/s × the list's size, which the script takes from the
 * recording. {@code mibs}: a search path whose every module is loaded (as {@code -m ALL}), empty for
 * {@link Mib#builtIn}.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar MibBenchmark -p recording=walk.bin -p mibs=/usr/share/snmp/mibs
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class MibBenchmark {
  @Param("")
  public String recording;

  @Param("")
  public String mibs;

  private Mib mib;
  private List<VarBind> varBinds;
  private Oid[] oids;
  private String[] names;

  @Setup
  public void setUp() throws IOException {
    if (recording.isEmpty()) {
      throw new IllegalArgumentException("-p recording=FILE: a walk recorded by MibWalkPrint record");
    }
    mib = MibFixtures.mib(mibs);
    varBinds = MibFixtures.read(Path.of(recording));
    List<Oid> o = new ArrayList<>();
    List<String> n = new ArrayList<>();
    for (VarBind vb : varBinds) {
      String name = mib.name(vb.oid());
      try {
        if (mib.oid(name).equals(vb.oid())) {
          o.add(vb.oid());
          n.add(name);
        }
      } catch (MibException e) {
        // a name that does not read back (an index the MIB cannot express) is no lookup to time
      }
    }
    oids = o.toArray(new Oid[0]);
    names = n.toArray(new String[0]);
    System.out.printf("setup: %d varbinds, %d names that read back, %d objects%n", varBinds.size(), names.length, mib.objects().size());
  }

  @Benchmark
  public void formatNames(Blackhole bh) {
    for (VarBind vb : varBinds) {
      bh.consume(mib.format(vb));
    }
  }

  @Benchmark
  public void formatNumeric(Blackhole bh) {
    for (VarBind vb : varBinds) {
      bh.consume(NetSnmpFormat.format(vb));
    }
  }

  @Benchmark
  public void nameOfOid(Blackhole bh) {
    for (Oid oid : oids) {
      bh.consume(mib.name(oid));
    }
  }

  @Benchmark
  public void oidOfName(Blackhole bh) {
    for (String name : names) {
      bh.consume(mib.oid(name));
    }
  }
}
