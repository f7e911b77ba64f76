package dev.puresnmp.smi;

import dev.puresnmp.ber.BerReader;
import dev.puresnmp.ber.BerWriter;
import dev.puresnmp.ber.Tag;
import java.util.List;

/**
 * BER encoding of values and variable bindings (RFC 3416 §3, RFC 2578 §7.1). Pure and bounded: it reads
 * only what a {@link BerReader} lets it, and every tag it does not know becomes an {@link Unknown} value.
 *
 * <pre>{@code
 * List<VarBind> vbs = ValueCodec.readVarBindList(reader);
 * ValueCodec.writeVarBindList(writer, vbs);
 * }</pre>
 */
public final class ValueCodec {
  private ValueCodec() {}

  /** Reads a SEQUENCE OF VarBind. */
  public static List<VarBind> readVarBindList(BerReader r) {
    int outer = r.enter(Tag.SEQUENCE);
    // Count first (each header is checked against what remains), so the list is one exact-size array.
    int start = r.absolutePosition();
    int count = 0;
    while (r.hasRemaining()) {
      r.readTag();
      r.skip(r.readLength());
      count++;
    }
    r.rewind(start);
    VarBind[] items = new VarBind[count];
    for (int i = 0; i < count; i++) {
      items[i] = readVarBind(r);
    }
    r.leave(outer);
    return VarBindList.wrap(items);
  }

  /** Reads one VarBind: SEQUENCE { name OBJECT IDENTIFIER, value }. Outside this package: {@link VarBind#decode}. */
  static VarBind readVarBind(BerReader r) {
    int outer = r.enter(Tag.SEQUENCE);
    Oid oid = readOid(r, Tag.OBJECT_IDENTIFIER);
    Value value = readValue(r);
    r.leave(outer);
    return new VarBind(oid, value);
  }

  /** Reads an OBJECT IDENTIFIER TLV with tag {@code tag}. */
  public static Oid readOid(BerReader r, int tag) {
    int start = r.absolutePosition();
    int length = r.readHeader(tag);
    return new Oid(r.readOidArcs(length, Oid.MAX_ARCS, start), true);
  }

  /** Reads one value of any type. */
  public static Value readValue(BerReader r) {
    int start = r.absolutePosition();
    int tag = r.readTag();
    int length = r.readLength();
    switch (tag) {
      case Tag.INTEGER:
        {
          int contentAt = r.absolutePosition();
          long v = r.readSigned(length, start);
          if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            // Not an Integer32, yet Net-SNMP shows it (truncated, CHECK_OVERFLOW_S): keep the bytes.
            r.rewind(contentAt);
            return new Unknown(tag, new Bytes(r.readBytes(length), true));
          }
          return Integer32.of((int) v);
        }
      case Tag.OCTET_STRING:
        return new OctetString(new Bytes(r.readBytes(length), true));
      case Tag.NULL:
        r.skip(length); // X.690 §8.8: NULL has no content; Net-SNMP ignores any, and so do we
        return Null.INSTANCE;
      case Tag.OBJECT_IDENTIFIER:
        return new ObjectIdentifier(new Oid(r.readOidArcs(length, Oid.MAX_ARCS, start), true));
      case Tag.IP_ADDRESS:
        if (length != 4) {
          throw r.errorAt(start, "IpAddress of " + length + " bytes, expected 4"); // Net-SNMP drops these too
        }
        return IpAddress.of(r.readBytes(4));
      case Tag.COUNTER32:
        return new Counter32(r.readUnsigned(length, 32, start));
      case Tag.GAUGE32:
        return new Gauge32(r.readUnsigned(length, 32, start));
      case Tag.TIMETICKS:
        return new TimeTicks(r.readUnsigned(length, 32, start));
      case Tag.OPAQUE:
        return new Opaque(new Bytes(r.readBytes(length), true));
      case Tag.NSAP_ADDRESS:
        return new NsapAddress(new Bytes(r.readBytes(length), true));
      case Tag.COUNTER64:
        return new Counter64(r.readUnsigned(length, 64, start));
      case Tag.NO_SUCH_OBJECT:
        r.skip(length); // RFC 3416 §3: the content is NULL; some agents put bytes there, ignore them
        return NoSuchObject.INSTANCE;
      case Tag.NO_SUCH_INSTANCE:
        r.skip(length);
        return NoSuchInstance.INSTANCE;
      case Tag.END_OF_MIB_VIEW:
        r.skip(length);
        return EndOfMibView.INSTANCE;
      case 0x47:
        {
          // The obsolete UInteger32 (RFC 1442): Net-SNMP still reads it, with the unsigned rules.
          int contentAt = r.absolutePosition();
          r.readUnsigned(length, 32, start);
          r.rewind(contentAt);
          return new Unknown(tag, new Bytes(r.readBytes(length), true));
        }
      default:
        // Unassigned, vendor and constructed tags (a constructed OCTET STRING too) are kept whole.
        return new Unknown(tag, new Bytes(r.readBytes(length), true));
    }
  }

  /** Writes a SEQUENCE OF VarBind (backwards: the last varbind first). */
  public static void writeVarBindList(BerWriter w, List<VarBind> varBinds) {
    int end = w.mark();
    for (int i = varBinds.size() - 1; i >= 0; i--) {
      writeVarBind(w, varBinds.get(i));
    }
    w.writeConstructed(Tag.SEQUENCE, end);
  }

  /** Writes one VarBind. Outside this package: {@link VarBind#encode}. */
  static void writeVarBind(BerWriter w, VarBind vb) {
    int end = w.mark();
    writeValue(w, vb.value());
    w.writeOid(Tag.OBJECT_IDENTIFIER, vb.oid().array());
    w.writeConstructed(Tag.SEQUENCE, end);
  }

  /** Writes an OBJECT IDENTIFIER TLV with tag {@code tag}. */
  public static void writeOid(BerWriter w, int tag, Oid oid) {
    w.writeOid(tag, oid.array());
  }

  /** Writes one value. */
  public static void writeValue(BerWriter w, Value value) {
    switch (value.type()) {
      case INTEGER32:
        w.writeInt(Tag.INTEGER, ((Integer32) value).value());
        break;
      case OCTET_STRING:
        writeBytes(w, Tag.OCTET_STRING, ((OctetString) value).value());
        break;
      case NULL:
        w.writeEmpty(Tag.NULL);
        break;
      case OBJECT_IDENTIFIER:
        w.writeOid(Tag.OBJECT_IDENTIFIER, ((ObjectIdentifier) value).value().array());
        break;
      case IP_ADDRESS:
        w.writeFourOctets(Tag.IP_ADDRESS, ((IpAddress) value).bits());
        break;
      case COUNTER32:
        w.writeUnsigned(Tag.COUNTER32, ((Counter32) value).value());
        break;
      case GAUGE32:
        w.writeUnsigned(Tag.GAUGE32, ((Gauge32) value).value());
        break;
      case TIMETICKS:
        w.writeUnsigned(Tag.TIMETICKS, ((TimeTicks) value).value());
        break;
      case OPAQUE:
        writeBytes(w, Tag.OPAQUE, ((Opaque) value).value());
        break;
      case NSAP_ADDRESS:
        writeBytes(w, Tag.NSAP_ADDRESS, ((NsapAddress) value).value());
        break;
      case COUNTER64:
        w.writeUnsigned(Tag.COUNTER64, ((Counter64) value).value());
        break;
      case NO_SUCH_OBJECT:
      case NO_SUCH_INSTANCE:
      case END_OF_MIB_VIEW:
        w.writeEmpty(value.type().tag());
        break;
      case UNKNOWN:
        {
          Unknown u = (Unknown) value;
          writeBytes(w, u.tag(), u.content());
          break;
        }
      default:
        throw new AssertionError(value.type());
    }
  }

  /** Reads a byte-string TLV with tag {@code tag} (a community, an engine ID) without a second copy. */
  public static Bytes readBytes(BerReader r, int tag) {
    return new Bytes(r.readBytes(r.readHeader(tag)), true);
  }

  /** Writes a byte-string TLV with tag {@code tag}. */
  public static void writeBytes(BerWriter w, int tag, Bytes bytes) {
    byte[] a = bytes.array();
    w.writeBytes(tag, a, 0, a.length);
  }
}
