package dev.puresnmp.smi;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IpAddress (RFC 2578 §7.1.5): an IPv4 address, kept as its 32 bits in network order. {@code
 * IpAddress.parse("192.0.2.1")}, {@code value.asInetAddress()}.
 */
public record IpAddress(int bits) implements Value {

  /** Parses a dotted quad, "192.0.2.1". */
  public static IpAddress parse(String dottedQuad) {
    String[] parts = dottedQuad.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: \"" + dottedQuad + "\"");
    }
    int bits = 0;
    for (String p : parts) {
      int octet;
      try {
        octet = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IPv4 address: \"" + dottedQuad + "\"", e);
      }
      if (octet < 0 || octet > 255 || p.isEmpty() || p.length() > 3) {
        throw new IllegalArgumentException("not an IPv4 address: \"" + dottedQuad + "\"");
      }
      bits = bits << 8 | octet;
    }
    return new IpAddress(bits);
  }

  /** The address of an {@link Inet4Address}. */
  public static IpAddress of(InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      throw new IllegalArgumentException("IpAddress holds IPv4 only, not " + address);
    }
    return of(address.getAddress());
  }

  /** The address of 4 bytes in network order. */
  public static IpAddress of(byte[] fourBytes) {
    if (fourBytes.length != 4) {
      throw new IllegalArgumentException("IpAddress needs 4 bytes, not " + fourBytes.length);
    }
    return new IpAddress(
        (fourBytes[0] & 0xFF) << 24 | (fourBytes[1] & 0xFF) << 16 | (fourBytes[2] & 0xFF) << 8 | (fourBytes[3] & 0xFF));
  }

  /** The 4 bytes, network order. */
  public byte[] toByteArray() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  @Override
  public SmiType type() {
    return SmiType.IP_ADDRESS;
  }

  @Override
  public String asText() {
    return (bits >>> 24) + "." + (bits >>> 16 & 0xFF) + "." + (bits >>> 8 & 0xFF) + "." + (bits & 0xFF);
  }

  @Override
  public Bytes asBytes() {
    return new Bytes(toByteArray(), true);
  }

  @Override
  public InetAddress asInetAddress() {
    try {
      return InetAddress.getByAddress(toByteArray());
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are always an address", e);
    }
  }

  /** As Net-SNMP prints the value after " = ": {@code IpAddress: 192.0.2.1}. */
  @Override
  public String toString() {
    return NetSnmpFormat.formatValue(this);
  }
}
