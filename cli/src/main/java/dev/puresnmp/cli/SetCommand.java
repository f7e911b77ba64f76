package dev.puresnmp.cli;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.Counter32;
import dev.puresnmp.smi.Counter64;
import dev.puresnmp.smi.Gauge32;
import dev.puresnmp.smi.Integer32;
import dev.puresnmp.smi.IpAddress;
import dev.puresnmp.smi.Null;
import dev.puresnmp.smi.ObjectIdentifier;
import dev.puresnmp.smi.OctetString;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Opaque;
import dev.puresnmp.smi.TimeTicks;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code puresnmp set AGENT OID TYPE VALUE…}: as snmpset, with its type letters. */
@Command(
    name = "set",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp set -v2c -c linux-host 127.0.0.1:1161 sysContact.0 s ops@example", "  puresnmp set -v2c -c linux-host 127.0.0.1:1161 ifAdminStatus.2 i down"},
    versionProvider = Main.Version.class,
    description = {
      "Set values (as snmpset): OID TYPE VALUE, repeated. TYPE is one of:",
      "  i INTEGER (a number or an enumeration label), u Gauge32, t TimeTicks,",
      "  a IpAddress, o OID (numbers or a name: sysDescr), s string, x hex,",
      "  d decimal bytes (1.2.3), b bits (0,3,5), n NULL, U Opaque UInt64,",
      "  I Opaque Int64, F Opaque Float, D Opaque Double, = the MIB's type.",
      "Values are checked against the MIB first, as snmpset checks them;",
      "-Ir turns that off."
    })
final class SetCommand extends SnmpCommand {
  @picocli.CommandLine.Mixin HelpOptions help;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "OID TYPE VALUE", hideParamSyntax = true, description = "Repeated for several values.")
  List<String> triples;

  @Override
  int run(SnmpClient client, PrintWriter out, PrintWriter err) {
    if (triples.size() % 3 == 1) {
      throw new SnmpOptions.Refused(triples.get(triples.size() - 1) + ": Needs type and value");
    }
    if (triples.size() % 3 == 2) {
      throw new SnmpOptions.Refused(triples.get(triples.size() - 2) + ": Needs value");
    }
    List<VarBind> binds = new ArrayList<>();
    boolean truncated = false;
    List<String> refusals = new ArrayList<>();
    for (int i = 0; i < triples.size(); i += 3) {
      try {
        if (triples.get(i + 1).equals("c") || triples.get(i + 1).equals("C")) {
          // snmpset has no counter types, -Ir or not (snmptrap has)
          throw new SnmpOptions.Refused(triples.get(i) + ": Bad object type: " + triples.get(i + 1));
        }
        if (!truncated && "iut".contains(triples.get(i + 1)) && above32Bits(triples.get(i + 2))) {
          err.println("truncating integer value > 32 bits"); // snmp_client.c, once a run
          truncated = true;
        }
        binds.add(varBind(triples.get(i), triples.get(i + 1), triples.get(i + 2)));
      } catch (SnmpOptions.Refused e) {
        refusals.addAll(e.lines); // snmpset reports every varbind it refuses, then sends nothing
      }
    }
    if (!refusals.isEmpty()) {
      throw new SnmpOptions.Refused(refusals.toArray(new String[0]));
    }
    List<VarBind> set = client.blocking().multiset(binds);
    for (VarBind vb : options.hasFlag('q') ? List.<VarBind>of() : set) { // -Cq: quiet on success
      print(out, vb);
    }
    return 0;
  }

  /**
   * A value from snmpset's type letter and text. An {@code o} value here is numeric only, an {@code i}
   * value a number: the commands read names and labels through {@link SnmpCommand#varBind}. Unsigned
   * values keep their low 32 bits, as snmpset's strtoul does ({@code u -1} is 4294967295).
   *
   * @throws IllegalArgumentException with snmpset's words after "NAME: ": "Bad value notation (x)",
   *     "Value out of range (x)", "Bad object type: q"
   */
  static Value value(String type, String text) {
    try {
      switch (type) {
        case "i":
          return new Integer32((int) Long.parseLong(text));
        case "u":
          return new Gauge32(Long.parseLong(text) & 0xFFFF_FFFFL);
        case "c":
          return new Counter32(Long.parseLong(text) & 0xFFFF_FFFFL);
        case "C":
          return Counter64.of(new BigInteger(text));
        case "t":
          return new TimeTicks(Long.parseLong(text) & 0xFFFF_FFFFL);
        case "a":
          return IpAddress.parse(text);
        case "o":
          return new ObjectIdentifier(Oid.parse(text));
        case "s":
          return OctetString.of(text);
        case "x":
          String hex = text.replaceAll("\\s", "");
          return new OctetString(Bytes.decodeHex(hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex));
        case "d":
          return decimalString(text);
        case "b":
          return bits(text);
        case "n":
          return Null.INSTANCE;
        case "U":
          return opaque(0x7B, unsignedBytes(new BigInteger(text)));
        case "I":
          return opaque(0x7A, BigInteger.valueOf(Long.parseLong(text)).toByteArray());
        case "F":
          return opaque(0x78, ByteBuffer.allocate(4).putFloat(Float.parseFloat(text)).array());
        case "D":
          return opaque(0x79, ByteBuffer.allocate(8).putDouble(Double.parseDouble(text)).array());
        default:
          throw new BadValue("Bad object type: " + type);
      }
    } catch (BadValue e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // snmpset: an i that is no number, and a bit that is none, are out of range; the rest bad notation
      throw new BadValue(type.equals("i") ? "Value out of range (" + text + ")" : "Bad value notation (" + text + ")");
    }
  }

  /** Whether snmpset keeps only the low 32 bits of this number: as a signed 64-bit number it is above 2^32 - 1. */
  static boolean above32Bits(String text) {
    try {
      return Long.parseLong(text) > 0xFFFF_FFFFL;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A value snmpset refuses, in its words (after "NAME: "). */
  static final class BadValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadValue(String words) {
      super(words);
    }
  }

  private static OctetString decimalString(String text) {
    String[] parts = text.split("[.: ]");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int b = Integer.parseInt(parts[i]);
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException(b + " is not a byte");
      }
      out[i] = (byte) b;
    }
    return OctetString.of(out);
  }

  /** BITS (RFC 2578 §7.1.4): bit 0 is the high bit of the first byte. */
  private static OctetString bits(String text) {
    List<Integer> set = new ArrayList<>();
    int max = -1;
    for (String p : text.split("[, ]+")) {
      if (!p.isEmpty()) {
        if (!p.matches("[0-9]{1,9}")) {
          throw new BadValue("Value out of range (" + p + ")");
        }
        int bit = Integer.parseInt(p);
        if (bit < 0 || bit > 65535) {
          throw new IllegalArgumentException("bit " + bit + " out of range");
        }
        set.add(bit);
        max = Math.max(max, bit);
      }
    }
    byte[] out = new byte[max / 8 + 1];
    for (int bit : set) {
      out[bit / 8] |= (byte) (0x80 >> (bit % 8));
    }
    return OctetString.of(out);
  }

  private static byte[] unsignedBytes(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw new IllegalArgumentException("not an unsigned 64-bit number");
    }
    byte[] b = v.toByteArray();
    return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  /** Net-SNMP's Opaque-wrapped types: 9f, the type, a length, the bytes. */
  private static Opaque opaque(int type, byte[] content) {
    byte[] out = new byte[content.length + 3];
    out[0] = (byte) 0x9F;
    out[1] = (byte) type;
    out[2] = (byte) content.length;
    System.arraycopy(content, 0, out, 3, content.length);
    return new Opaque(Bytes.of(out));
  }
}
