package dev.puresnmp.smi;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.ber.Tag;
import java.util.Arrays;
import java.util.Objects;

/**
 * A variable binding: an OID and its value (RFC 3416 §3).
 *
 * <pre>{@code
 * VarBind vb = VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("router-1"));
 * VarBind query = VarBind.of(Oid.parse("1.3.6.1.2.1.1.3.0"));   // value NULL, for a GET
 * vb.toString();   // .1.3.6.1.2.1.1.5.0 = STRING: "router-1", as snmpget -On prints it
 * }</pre>
 *
 * <p>A store that keeps varbinds encoded (the agent simulator's recordings) uses {@link #encode()} and
 * {@link #decode}; messages are encoded whole by {@code MessageCodec}.
 */
public record VarBind(Oid oid, Value value) {
  public VarBind {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(value, "value");
  }

  /** The OID with a NULL value, as requests carry. */
  public static VarBind of(Oid oid) {
    return new VarBind(oid, Null.INSTANCE);
  }

  public static VarBind of(String oid, Value value) {
    return new VarBind(Oid.parse(oid), value);
  }

  public static VarBind of(Oid oid, Value value) {
    return new VarBind(oid, value);
  }

  /** As Net-SNMP prints it with {@code -On}: {@code .1.3.6.1.2.1.1.5.0 = STRING: "router-1"}. */
  @Override
  public String toString() {
    return NetSnmpFormat.format(this);
  }

  /**
   * This varbind's BER encoding, SEQUENCE { name, value } (RFC 3416 §3), exactly as it sits in a PDU's
   * varbind list.
   */
  public byte[] encode() {
    byte[] out = new byte[ValueCodec.sizeOfVarBind(this)];
    ValueCodec.writeVarBind(out, out.length, this);
    return out;
  }

  /**
   * Decodes exactly one encoded varbind, {@code bytes[offset .. offset+length)}, which it copies once:
   * the varbind keeps nothing of {@code bytes}.
   *
   * @throws MalformedPacketException if those bytes are not one varbind (offsets count from {@code offset})
   */
  public static VarBind decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    BerReader r = new BerReader(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
    VarBind vb = ValueCodec.readVarBind(r);
    if (r.hasRemaining()) {
      throw r.error(r.remaining() + " bytes after the varbind");
    }
    return vb;
  }

  /**
   * The name of the encoded varbind at {@code bytes[offset .. offset+length)}, its value left undecoded;
   * a copy, which keeps nothing of {@code bytes}.
   *
   * @throws MalformedPacketException if those bytes do not start a varbind
   */
  public static Oid decodeOid(byte[] bytes, int offset, int length) {
    BerReader r = new BerReader(bytes, offset, length);
    r.enter(Tag.SEQUENCE);
    return ValueCodec.readOid(r, Tag.OBJECT_IDENTIFIER).compact();
  }
}
