package dev.puresnmp.bench;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.smi.VarBind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * Decode and encode of the four SNMPv2c fixture messages, by puresnmp and by SNMP4J 3.8.2, in one JMH
 * harness so that the ratio is taken in one machine regime (this machine's speed drifts). Run it through
 * {@code bench/codec-bench.sh}, which pairs each of our runs with its SNMP4J twin, adds {@code -prof
 * gc} and prints the comparison table.
 *
 * <p>Both sides do the same work:
 *
 * <ul>
 *   <li>Decode: from the exact wire bytes as each library's receive loop holds them, to a fully
 *       materialized message; community, PDU and every varbind's OID and value go into the Blackhole.
 *       Ours: the array of exactly the datagram that our transport makes for every datagram it
 *       receives, decoded with {@link MessageCodec#decodeAdopting} as the client decodes every reply
 *       (and the trap receiver and the simulator every request), so the message's OIDs and byte strings
 *       are views of that array. Without the request's varbinds, as for a GETNEXT or GETBULK: the
 *       client passes a GET's, whose OIDs the reply then shares, which would allocate less still.
 *       SNMP4J: a heap {@link ByteBuffer}, and what its receive path runs: {@code MessageDispatcherImpl}
 *       wraps the datagram in a {@link BERInputStream}, then the decoding statements of {@code
 *       MPv2c.prepareDataElements} (SEQUENCE header, version, community, {@code PDU.decodeBER}, the
 *       length check). We copy those statements rather than call the method because the rest of it is
 *       dispatcher bookkeeping (a StateReference, a PduHandle, a SecurityModels lookup, the output
 *       holders) that has no counterpart in our codec; leaving it out only flatters SNMP4J.
 *   <li>Encode: from a message object built once in {@link #setup} to a fresh byte array of exactly the
 *       wire bytes. SNMP4J runs the real {@link MPv2c#prepareOutgoingMessage}, as {@code
 *       MessageDispatcherImpl.sendPdu} does with a new {@link BEROutputStream}: lengths computed first,
 *       a {@code ByteBuffer} of exactly that size, the message written into it.
 * </ul>
 *
 * <p>The prebuilt messages are what each library's own decoder makes of the fixture, so both encode the
 * same content in their natural representation; {@link #setup} checks that both encoders reproduce the
 * fixture byte for byte and both decoders agree on request-id, varbind count and every OID, and fails
 * the run otherwise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// A fixed heap, so that the forks see the same GC conditions; the allocation figures do not depend on it.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// Defaults for a plain `java -jar benchmarks.jar CodecBenchmark`; codec-bench.sh sets its own. C2 needs
// 4-7 s to settle here when the machine is busy (2 vCPUs shared with the compiler threads and
// neighbours): iterations measured earlier read 2-10x low, hence the long warmup.
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {
  /** The fixtures, by file name without ".hex" (bench/src/main/resources/fixtures; its README says what they hold). */
  static final String[] MESSAGES = {
    "v2c-get-request-10", "v2c-get-response-10", "v2c-getbulk-request-5x10", "v2c-getbulk-response-50"
  };

  @Param({"v2c-get-request-10", "v2c-get-response-10", "v2c-getbulk-request-5x10", "v2c-getbulk-response-50"})
  public String message;

  // Each side reads its own copy of the fixture: we the array the transport hands over per datagram,
  // SNMP4J a heap buffer, as its receive loop holds it.
  private byte[] puresnmpWire;
  private ByteBuffer snmp4jWire;

  private Message puresnmpMessage;
  private PDU snmp4jPdu;
  private byte[] snmp4jCommunity;
  private final MPv2c mpv2c = new MPv2c();

  @Setup(Level.Trial)
  public void setup() throws IOException {
    byte[] wire = fixture(message);
    puresnmpWire = wire.clone();
    snmp4jWire = ByteBuffer.wrap(wire.clone());
    puresnmpMessage = MessageCodec.decode(wire.clone());
    OctetString community = new OctetString();
    snmp4jPdu = snmp4jDecode(ByteBuffer.wrap(wire.clone()), community);
    snmp4jCommunity = community.getValue();
    verify(message, wire, puresnmpMessage, snmp4jPdu, MessageCodec.encode(puresnmpMessage), snmp4jEncode());
  }

  // ---------------------------------------------------------------- decode

  @Benchmark
  public void decodePuresnmp(Blackhole bh) {
    // What the client does with every reply the transport receives (Exchange): the array is the
    // datagram's own, which nobody writes, so the message's values are views of it.
    CommunityMessage m = (CommunityMessage) MessageCodec.decodeAdopting(puresnmpWire, 0, puresnmpWire.length, List.of());
    bh.consume(m.version());
    bh.consume(m.community());
    bh.consume(m.pdu());
    List<VarBind> vbs = m.pdu().varBinds();
    for (int i = 0, n = vbs.size(); i < n; i++) {
      VarBind vb = vbs.get(i);
      bh.consume(vb.oid());
      bh.consume(vb.value());
    }
  }

  @Benchmark
  public void decodeSnmp4j(Blackhole bh) throws IOException {
    snmp4jWire.rewind(); // BERInputStream moves the buffer's position; ours does not
    OctetString community = new OctetString(); // the dispatcher makes this holder per message
    PDU pdu = snmp4jDecode(snmp4jWire, community);
    bh.consume(community);
    bh.consume(pdu);
    for (int i = 0, n = pdu.size(); i < n; i++) {
      VariableBinding vb = pdu.get(i);
      bh.consume(vb.getOid());
      bh.consume(vb.getVariable());
    }
  }

  // ---------------------------------------------------------------- encode

  @Benchmark
  public byte[] encodePuresnmp() {
    return MessageCodec.encode(puresnmpMessage);
  }

  @Benchmark
  public byte[] encodeSnmp4j() throws IOException {
    return snmp4jEncode();
  }

  // ---------------------------------------------------------------- SNMP4J's paths

  /**
   * {@code new BERInputStream(datagram)} as MessageDispatcherImpl.processMessage does, then the decoding
   * statements of MPv2c.prepareDataElements (3.8.2, lines 168-191), in their order. MPv2c too decodes the
   * version into a local it then drops; the community goes into the caller's holder, as there.
   */
  static PDU snmp4jDecode(ByteBuffer datagram, OctetString community) throws IOException {
    BERInputStream in = new BERInputStream(datagram);
    BER.MutableByte type = new BER.MutableByte();
    int length = BER.decodeHeader(in, type);
    int startPos = (int) in.getPosition();
    if (type.getValue() != BER.SEQUENCE) {
      throw new IOException("SNMPv2c PDU must start with a SEQUENCE");
    }
    Integer32 version = new Integer32();
    version.decodeBER(in);
    community.decodeBER(in);
    PDU pdu = new PDU(); // MPv2c's default incomingPDUFactory
    pdu.decodeBER(in);
    BER.checkSequenceLength(length, (int) in.getPosition() - startPos, pdu);
    return pdu;
  }

  /** MPv2c.prepareOutgoingMessage into a new BEROutputStream, as MessageDispatcherImpl.sendPdu does. */
  private byte[] snmp4jEncode() throws IOException {
    BEROutputStream out = new BEROutputStream();
    int status =
        mpv2c.prepareOutgoingMessage(
            null, // the address is not used by MPv2c
            65535,
            SnmpConstants.version2c,
            SecurityModel.SECURITY_MODEL_SNMPv2c,
            snmp4jCommunity,
            SecurityLevel.NOAUTH_NOPRIV,
            snmp4jPdu,
            true,
            null, // nor is the PduHandle
            out,
            null);
    if (status != SnmpConstants.SNMP_MP_OK) {
      throw new IOException("MPv2c.prepareOutgoingMessage returned " + status);
    }
    return out.getBuffer().array(); // allocated at exactly the message's size
  }

  // ---------------------------------------------------------------- fixtures and checks

  /** The fixture's bytes, from the classpath. */
  static byte[] fixture(String name) throws IOException {
    String path = "/fixtures/" + name + ".hex";
    try (InputStream in = CodecBenchmark.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("fixture " + path + " is not on the classpath");
      }
      return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
    }
  }

  /** Throws unless both encoders reproduce the fixture and both decoders read the same message. */
  static void verify(
      String name, byte[] wire, Message ours, PDU pdu, byte[] oursEncoded, byte[] theirsEncoded) {
    if (!Arrays.equals(oursEncoded, wire)) {
      throw mismatch(name, "puresnmp encode", wire, oursEncoded);
    }
    if (!Arrays.equals(theirsEncoded, wire)) {
      throw mismatch(name, "SNMP4J encode", wire, theirsEncoded);
    }
    List<VarBind> vbs = ours.pdu().varBinds();
    if (vbs.size() != pdu.size() || vbs.isEmpty()) {
      throw new IllegalStateException(name + ": puresnmp decoded " + vbs.size() + " varbinds, SNMP4J " + pdu.size());
    }
    long oursId = dev.puresnmp.transport.CorrelationId.SNMP.read(wire, 0, wire.length);
    if (oursId != pdu.getRequestID().getValue()) {
      throw new IllegalStateException(name + ": request-id " + oursId + " vs SNMP4J " + pdu.getRequestID());
    }
    for (int i = 0; i < vbs.size(); i++) {
      String a = vbs.get(i).oid().toString();
      String b = pdu.get(i).getOid().toDottedString();
      if (!a.equals(b)) {
        throw new IllegalStateException(name + ": varbind " + i + " OID " + a + " vs SNMP4J " + b);
      }
    }
  }

  private static IllegalStateException mismatch(String name, String who, byte[] expected, byte[] actual) {
    return new IllegalStateException(
        name + ": " + who + " differs from the fixture\n  fixture: " + HexFormat.of().formatHex(expected)
            + "\n  got:     " + HexFormat.of().formatHex(actual));
  }

  /** A quick check of all four fixtures outside JMH, so a broken codec fails before a long run. */
  public static void main(String[] args) throws IOException {
    for (String name : MESSAGES) {
      CodecBenchmark b = new CodecBenchmark();
      b.message = name;
      b.setup();
      System.out.printf(
          "%-26s %5d bytes, %2d varbinds: both encoders reproduce it, both decoders agree%n",
          name, fixture(name).length, b.puresnmpMessage.pdu().varBinds().size());
    }
  }
}
