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
 * byte[] out = new byte[ValueCodec.sizeOfVarBindList(vbs)];
 * ValueCodec.writeVarBindList(out, out.length, vbs);     // backwards, as BerWriter writes
 * }</pre>
 */
public final class ValueCodec {
  private ValueCodec() {}

  /** Reads a SEQUENCE OF VarBind. */
  public static List<VarBind> readVarBindList(BerReader r) {
    return readVarBindList(r, List.of());
  }

  /**
   * Reads a SEQUENCE OF VarBind; where the i-th varbind names the same OID as {@code expected}'s i-th (a
   * response to a GET or SET names its request's), that {@link Oid} object is used instead of a new one.
   */
  public static List<VarBind> readVarBindList(BerReader r, List<VarBind> expected) {
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
      items[i] = readVarBind(r, i < expected.size() ? VarBindList.oidAt(expected, i) : null);
    }
    r.leave(outer);
    return VarBindList.wrap(items);
  }

  /** Reads one VarBind: SEQUENCE { name OBJECT IDENTIFIER, value }. Outside this package: {@link VarBind#decode}. */
  static VarBind readVarBind(BerReader r) {
    return readVarBind(r, null);
  }

  private static VarBind readVarBind(BerReader r, Oid expected) {
    int outer = r.enter(Tag.SEQUENCE);
    Oid oid = readOid(r, Tag.OBJECT_IDENTIFIER, expected);
    Value value = readValue(r);
    r.leave(outer);
    return new VarBind(oid, value);
  }

  /** Reads an OBJECT IDENTIFIER TLV with tag {@code tag}. */
  public static Oid readOid(BerReader r, int tag) {
    return readOid(r, tag, null);
  }

  /** {@link #readOid(BerReader, int)}, giving back {@code expected} (no new object) when it is that OID. */
  private static Oid readOid(BerReader r, int tag, Oid expected) {
    int start = r.absolutePosition();
    int length = r.readHeader(tag);
    int at = r.absolutePosition();
    if (expected != null && expected.contentEquals(r.array(), at, at + length)) {
      r.skip(length);
      return expected;
    }
    return readOidContent(r, length, start);
  }

  /**
   * The OID whose content, {@code length} bytes, is next: a view of the message when its bytes are the
   * OID's minimal form (every OID an agent sends), else rewritten so.
   */
  private static Oid readOidContent(BerReader r, int length, int tlvStart) {
    if (length == 0) {
      return Oid.empty(); // Net-SNMP accepts it too, and prints it as ".0"
    }
    if (r.oidIsMinimal(length, Oid.MAX_ARCS, tlvStart)) {
      Oid oid = new Oid(r.array(), r.absolutePosition(), length);
      r.skip(length);
      return oid;
    }
    byte[] arcs = r.readOidArcs(length, Oid.MAX_ARCS, tlvStart);
    return Oid.ofArcBytes(arcs, 0, arcs.length);
  }

  /** The next {@code length} bytes as a view of the message (its owner never writes it). */
  private static Bytes readContent(BerReader r, int length) {
    Bytes b = new Bytes(r.array(), r.absolutePosition(), length);
    r.skip(length);
    return b;
  }

  /**
   * Compares the content of an encoded OBJECT IDENTIFIER, {@code buf[from .. to)} with minimal
   * sub-identifiers (as this library encodes them), with {@code oid}, as {@link Oid#compareTo} orders
   * OIDs; allocates nothing unless {@code oid} is one BER cannot hold (no arc or one, say). A store of
   * encoded varbinds (the simulator's) searches with it.
   */
  public static int compareOidContent(byte[] buf, int from, int to, Oid oid) {
    return oid.compareContent(buf, from, to);
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
            return new Unknown(tag, readContent(r, length));
          }
          return Integer32.of((int) v);
        }
      case Tag.OCTET_STRING:
        return new OctetString(readContent(r, length));
      case Tag.NULL:
        r.skip(length); // X.690 §8.8: NULL has no content; Net-SNMP ignores any, and so do we
        return Null.INSTANCE;
      case Tag.OBJECT_IDENTIFIER:
        return new ObjectIdentifier(readOidContent(r, length, start));
      case Tag.IP_ADDRESS:
        if (length != 4) {
          throw r.errorAt(start, "IpAddress of " + length + " bytes, expected 4"); // Net-SNMP drops these too
        }
        return new IpAddress((int) r.readUnsigned(4, 32, start)); // four octets, network order
      case Tag.COUNTER32:
        return new Counter32(r.readUnsigned(length, 32, start));
      case Tag.GAUGE32:
        return new Gauge32(r.readUnsigned(length, 32, start));
      case Tag.TIMETICKS:
        return new TimeTicks(r.readUnsigned(length, 32, start));
      case Tag.OPAQUE:
        return new Opaque(readContent(r, length));
      case Tag.NSAP_ADDRESS:
        return new NsapAddress(readContent(r, length));
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
          return new Unknown(tag, readContent(r, length));
        }
      default:
        // Unassigned, vendor and constructed tags (a constructed OCTET STRING too) are kept whole.
        return new Unknown(tag, readContent(r, length));
    }
  }

  /** The bytes {@link #writeVarBindList} writes for {@code varBinds}, its SEQUENCE header included. */
  public static int sizeOfVarBindList(List<VarBind> varBinds) {
    int content = 0;
    if (varBinds instanceof VarBindList l && l.onlyNulls()) {
      for (int i = 0, n = l.size(); i < n; i++) {
        content += sizeOfVarBind(l.oid(i), Null.INSTANCE);
      }
      return BerWriter.sizeOf(content);
    }
    for (int i = 0, n = varBinds.size(); i < n; i++) {
      content += sizeOfVarBind(varBinds.get(i));
    }
    return BerWriter.sizeOf(content);
  }

  /** The bytes {@link #writeVarBind} writes for {@code vb}. */
  static int sizeOfVarBind(VarBind vb) {
    return sizeOfVarBind(vb.oid(), vb.value());
  }

  private static int sizeOfVarBind(Oid oid, Value value) {
    return BerWriter.sizeOf(sizeOfOid(oid) + sizeOfValue(value));
  }

  /** The bytes {@link #writeValue} writes for {@code value}, tag and length included. */
  public static int sizeOfValue(Value value) {
    return BerWriter.sizeOf(sizeOfContent(value));
  }

  // Both the sizing and the writing test the common types with instanceof (records are final: one class
  // compare each) before any switch (value.type()): type() is an interface call with fifteen receivers,
  // and perf showed that dispatch taking a third of the time of encoding a 50-varbind response.

  private static int sizeOfContent(Value value) {
    if (value instanceof Null) {
      return 0;
    } else if (value instanceof OctetString v) {
      return v.value().size();
    } else if (value instanceof Integer32 v) {
      return BerWriter.sizeOfIntContent(v.value());
    } else if (value instanceof Counter32 v) {
      return BerWriter.sizeOfUnsignedContent(v.value());
    } else if (value instanceof Gauge32 v) {
      return BerWriter.sizeOfUnsignedContent(v.value());
    } else if (value instanceof TimeTicks v) {
      return BerWriter.sizeOfUnsignedContent(v.value());
    } else if (value instanceof Counter64 v) {
      return BerWriter.sizeOfUnsignedContent(v.value());
    } else if (value instanceof ObjectIdentifier v) {
      return v.value().contentSize();
    }
    switch (value.type()) {
      case IP_ADDRESS:
        return 4;
      case OPAQUE:
        return ((Opaque) value).value().size();
      case NSAP_ADDRESS:
        return ((NsapAddress) value).value().size();
      case NO_SUCH_OBJECT:
      case NO_SUCH_INSTANCE:
      case END_OF_MIB_VIEW:
        return 0;
      case UNKNOWN:
        return ((Unknown) value).content().size();
      default:
        throw new AssertionError(value.type()); // the common types returned above
    }
  }

  /** The bytes {@link #writeOid} writes for {@code oid}, tag and length included. */
  public static int sizeOfOid(Oid oid) {
    return BerWriter.sizeOf(oid.contentSize());
  }

  /**
   * Writes a SEQUENCE OF VarBind so that it ends before {@code pos}, backwards (the last varbind first), as
   * {@link BerWriter} does; returns where it starts.
   */
  public static int writeVarBindList(byte[] buf, int pos, List<VarBind> varBinds) {
    int end = pos;
    if (varBinds instanceof VarBindList l && l.onlyNulls()) {
      for (int i = l.size() - 1; i >= 0; i--) {
        pos = writeVarBind(buf, pos, l.oid(i), Null.INSTANCE);
      }
      return BerWriter.writeConstructed(buf, pos, Tag.SEQUENCE, end);
    }
    for (int i = varBinds.size() - 1; i >= 0; i--) {
      pos = writeVarBind(buf, pos, varBinds.get(i));
    }
    return BerWriter.writeConstructed(buf, pos, Tag.SEQUENCE, end);
  }

  /** Writes one VarBind before {@code pos}. Outside this package: {@link VarBind#encode}. */
  static int writeVarBind(byte[] buf, int pos, VarBind vb) {
    return writeVarBind(buf, pos, vb.oid(), vb.value());
  }

  private static int writeVarBind(byte[] buf, int pos, Oid oid, Value value) {
    int end = pos;
    pos = writeValue(buf, pos, value);
    pos = writeOid(buf, pos, Tag.OBJECT_IDENTIFIER, oid);
    return BerWriter.writeConstructed(buf, pos, Tag.SEQUENCE, end);
  }

  /** Writes an OBJECT IDENTIFIER element with tag {@code tag} before {@code pos}. */
  public static int writeOid(byte[] buf, int pos, int tag, Oid oid) {
    int start = oid.writeContent(buf, pos);
    return BerWriter.writeHeader(buf, start, tag, pos - start);
  }

  /** Writes one value before {@code pos}; returns where it starts. */
  public static int writeValue(byte[] buf, int pos, Value value) {
    if (value instanceof Null) {
      return BerWriter.writeEmpty(buf, pos, Tag.NULL);
    } else if (value instanceof OctetString v) {
      return writeBytes(buf, pos, Tag.OCTET_STRING, v.value());
    } else if (value instanceof Integer32 v) {
      return BerWriter.writeInt(buf, pos, Tag.INTEGER, v.value());
    } else if (value instanceof Counter32 v) {
      return BerWriter.writeUnsigned(buf, pos, Tag.COUNTER32, v.value());
    } else if (value instanceof Gauge32 v) {
      return BerWriter.writeUnsigned(buf, pos, Tag.GAUGE32, v.value());
    } else if (value instanceof TimeTicks v) {
      return BerWriter.writeUnsigned(buf, pos, Tag.TIMETICKS, v.value());
    } else if (value instanceof Counter64 v) {
      return BerWriter.writeUnsigned(buf, pos, Tag.COUNTER64, v.value());
    } else if (value instanceof ObjectIdentifier v) {
      return writeOid(buf, pos, Tag.OBJECT_IDENTIFIER, v.value());
    }
    switch (value.type()) {
      case IP_ADDRESS:
        return BerWriter.writeFourOctets(buf, pos, Tag.IP_ADDRESS, ((IpAddress) value).bits());
      case OPAQUE:
        return writeBytes(buf, pos, Tag.OPAQUE, ((Opaque) value).value());
      case NSAP_ADDRESS:
        return writeBytes(buf, pos, Tag.NSAP_ADDRESS, ((NsapAddress) value).value());
      case NO_SUCH_OBJECT:
      case NO_SUCH_INSTANCE:
      case END_OF_MIB_VIEW:
        return BerWriter.writeEmpty(buf, pos, value.type().tag());
      case UNKNOWN:
        {
          Unknown u = (Unknown) value;
          return writeBytes(buf, pos, u.tag(), u.content());
        }
      default:
        throw new AssertionError(value.type()); // the common types returned above
    }
  }

  /**
   * Reads a byte-string TLV with tag {@code tag} (a community, an engine ID): a view of the reader's
   * array, which its owner must never write (a message decoder's copy or adopted datagram).
   */
  public static Bytes readBytes(BerReader r, int tag) {
    return readContent(r, r.readHeader(tag));
  }

  /** Writes a byte-string element with tag {@code tag} before {@code pos}. */
  public static int writeBytes(byte[] buf, int pos, int tag, Bytes bytes) {
    return BerWriter.writeBytes(buf, pos, tag, bytes.array(), bytes.offset(), bytes.size());
  }
}
