package dev.puresnmp.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A v3 message Net-SNMP sent or received (test resources netsnmp/*.hex, see the README there), with
 * where its USM fields are. Read by a small BER walker of its own, so that these tests depend on
 * nothing but the bytes.
 */
final class RecordedPacket {
  final String name;
  final byte[] bytes;
  final byte[] engineId;
  final int boots;
  final int time;
  final String user;
  final int macAt;
  final int macLength;
  final byte[] privParameters;
  /** Where the scopedPDU (plaintext: its whole TLV; encrypted: the OCTET STRING's content) is. */
  final int pduAt;
  final int pduLength;
  final boolean encrypted;

  private int p;

  RecordedPacket(String name) {
    this.name = name;
    this.bytes = load("netsnmp/" + name + ".hex");
    p = 0;
    enter(0x30); // SNMPv3Message
    skipTlv(); // msgVersion
    skipTlv(); // msgGlobalData
    int secLength = enter(0x04); // msgSecurityParameters
    int secEnd = p + secLength;
    enter(0x30); // UsmSecurityParameters
    engineId = bytes(0x04);
    boots = (int) integer();
    time = (int) integer();
    user = new String(bytes(0x04), StandardCharsets.UTF_8);
    macLength = enter(0x04);
    macAt = p;
    p += macLength;
    privParameters = bytes(0x04);
    p = secEnd;
    encrypted = (bytes[p] & 0xff) == 0x04;
    if (encrypted) {
      pduLength = enter(0x04);
      pduAt = p;
    } else {
      pduAt = p;
      skipTlv();
      pduLength = p - pduAt;
    }
  }

  /** The hex of resource NAME under dev/puresnmp/security/, without its '#' lines. */
  static byte[] load(String name) {
    try (InputStream in = RecordedPacket.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      StringBuilder hex = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#")) {
          hex.append(line.replaceAll("\\s", ""));
        }
      }
      return HexFormat.of().parseHex(hex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scopedPDU as it is in the packet (encrypted or not). */
  byte[] pdu() {
    return Arrays.copyOfRange(bytes, pduAt, pduAt + pduLength);
  }

  @Override
  public String toString() {
    return name;
  }

  private int enter(int tag) {
    if ((bytes[p] & 0xff) != tag) {
      throw new IllegalStateException(name + ": tag " + (bytes[p] & 0xff) + " at " + p + ", expected " + tag);
    }
    p++;
    int first = bytes[p++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = length << 8 | (bytes[p++] & 0xff);
    }
    return length;
  }

  private void skipTlv() {
    int length = enter(bytes[p] & 0xff);
    p += length;
  }

  private byte[] bytes(int tag) {
    int length = enter(tag);
    p += length;
    return Arrays.copyOfRange(bytes, p - length, p);
  }

  private long integer() {
    int length = enter(0x02);
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = value << 8 | (bytes[p++] & 0xff);
    }
    return value;
  }
}
