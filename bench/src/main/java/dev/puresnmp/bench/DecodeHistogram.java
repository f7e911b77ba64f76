package dev.puresnmp.bench;

import dev.puresnmp.message.MessageCodec;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import javax.management.ObjectName;
import org.snmp4j.smi.OctetString;

/**
 * What a decoded message is made of: decodes one fixture 100,000 times with each codec, keeps the
 * results, and prints the live heap by class divided by the count, so exact bytes per message and per
 * type. -prof gc gives the bytes allocated per decode; this says which objects they are (the part of
 * them that the message keeps; the rest is garbage made on the way).
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.puresnmp.bench.DecodeHistogram v2c-getbulk-response-50
 * }</pre>
 */
public final class DecodeHistogram {
  private static final int COUNT = 100_000;

  public static void main(String[] args) throws Exception {
    byte[] wire = CodecBenchmark.fixture(args.length > 0 ? args[0] : "v2c-getbulk-response-50");
    Object[] keep = new Object[COUNT];
    for (int i = 0; i < COUNT; i++) {
      keep[i] = MessageCodec.decode(wire);
    }
    print("puresnmp", keep);
    for (int i = 0; i < COUNT; i++) {
      keep[i] = CodecBenchmark.snmp4jDecode(ByteBuffer.wrap(wire), new OctetString());
    }
    print("SNMP4J (PDU and community)", keep);
  }

  private static void print(String who, Object[] keep) throws Exception {
    // GC.class_histogram without -all runs a full GC first: only what the kept messages hold is counted.
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    System.out.println("== " + who + ": bytes per decoded message, by class");
    long total = 0;
    for (String line : histogram.split("\n")) {
      String[] f = line.trim().split("\\s+"); // "  1:   5000000  120000000  dev.puresnmp.smi.VarBind"
      if (f.length < 4 || !f[0].endsWith(":") || Long.parseLong(f[1]) < COUNT / 2) {
        continue; // the harness's own objects, classes, the JDK's strings: not per message
      }
      long bytes = Long.parseLong(f[2]);
      total += bytes;
      System.out.printf("%8.2f objects %8.1f B  %s%n", Long.parseLong(f[1]) / (double) COUNT, bytes / (double) COUNT, f[3]);
    }
    System.out.printf("%8s total   %8.0f B%n%n", "", total / (double) COUNT);
  }
}
