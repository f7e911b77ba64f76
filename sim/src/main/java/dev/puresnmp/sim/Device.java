package dev.puresnmp.sim;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated device inside a running simulator: its recording (shared, immutable), the values SETs have
 * written (its own overlay, by index: the big array is never touched), the OID prefixes it lets SETs write,
 * and its own faults (null: the simulator's apply).
 */
final class Device {
  final String name;
  final Recording recording;
  final List<Oid> writablePrefixes;
  /** Encoded varbinds written by SET, by index in the recording. */
  final ConcurrentHashMap<Integer, byte[]> overlay = new ConcurrentHashMap<>();

  volatile ActiveFaults faults;

  Device(String name, Recording recording, List<Oid> writablePrefixes) {
    this.name = name;
    this.recording = recording;
    this.writablePrefixes = List.copyOf(writablePrefixes);
  }

  /**
   * The varbind at {@code oid} as a GET would answer it now: a value a SET wrote, else the recorded one
   * (computed at {@code uptime}); null if the recording has no such OID.
   */
  VarBind served(Oid oid, Duration uptime) {
    int index = recording.indexOf(oid);
    if (index < 0) {
      return null;
    }
    byte[] written = overlay.get(index);
    return written != null ? VarBind.decode(written, 0, written.length) : recording.varBind(index, uptime);
  }

  /** True if SETs may write {@code oid}: under one of the writable prefixes given in code or on the command line. */
  boolean underWritablePrefix(Oid oid) {
    for (Oid p : writablePrefixes) {
      if (oid.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
