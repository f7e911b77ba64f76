package dev.puresnmp.sim;

import dev.puresnmp.ber.Tag;
import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.BulkPdu;
import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.smi.EndOfMibView;
import dev.puresnmp.smi.NoSuchInstance;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.Value;
import dev.puresnmp.smi.VarBind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The command responder (RFC 3413 §3.2): turns one decoded GET, GETNEXT, GETBULK or SET into the encoded
 * Response, from a device's recording. Varbinds found in the recording are copied as their pre-encoded
 * bytes into one list, which {@link MessageCodec#encodeResponse} wraps in the response's envelope, so
 * nothing is encoded twice. Not thread-safe: each socket's receive loop owns one, with its buffer.
 */
final class CommandResponder {
  /** An upper bound of a response's bytes outside its varbinds (headers, ids, the community aside). */
  private static final int FIXED_OVERHEAD = 6 + 3 + 6 + 6 + 6 + 6 + 6 + 6;

  private final int maxBulkVarBinds;
  private int maxMessageSize;

  // the response's varbinds, encoded one after the other: list[0 .. listBytes), listCount of them
  private byte[] list = new byte[4096];
  private int listBytes;
  private int listCount;
  private int lastStart; // where the last varbind added begins

  private Recording rec;
  private Device device;
  private Duration uptime;

  CommandResponder(int maxBulkVarBinds) {
    this.maxBulkVarBinds = maxBulkVarBinds;
  }

  /**
   * The encoded Response to {@code request}, at most {@code maxMessageSize} bytes unless tooBig, or null
   * when there is none to send (a PDU agents do not answer).
   */
  byte[] respond(CommunityMessage request, Device device, ActiveFaults faults, Duration uptime, int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
    this.rec = device.recording;
    this.device = device;
    this.uptime = uptime;
    listBytes = 0;
    listCount = 0;
    boolean v1 = request.version() == SnmpVersion.V1;
    if (request.pdu() instanceof BulkPdu bulk) {
      if (v1) {
        return null; // RFC 3584 §2.1: no GetBulkRequest in SNMPv1; Net-SNMP drops it too
      }
      return getBulk(request, bulk, faults);
    }
    if (!(request.pdu() instanceof StandardPdu pdu)) {
      return null;
    }
    switch (pdu.type().tag()) {
      case Tag.GET_REQUEST:
        return get(request, pdu, v1, faults);
      case Tag.GET_NEXT_REQUEST:
        return getNext(request, pdu, v1, faults);
      case Tag.SET_REQUEST:
        return set(request, pdu, v1, faults);
      default:
        return null; // Response, Trap, Inform, Report: not a command for an agent
    }
  }

  // --- the operations

  private byte[] get(CommunityMessage m, StandardPdu pdu, boolean v1, ActiveFaults f) {
    List<VarBind> vbs = pdu.varBinds();
    for (int k = 0; k < vbs.size(); k++) {
      Oid oid = vbs.get(k).oid();
      int idx = rec.indexOf(oid);
      if (v1 && (idx < 0 || valueTag(idx) == Tag.COUNTER64)) {
        // RFC 2576 §4.1.2.1 / RFC 1157 §4.1.2: no such name, and no Counter64 in SNMPv1
        return echo(m, pdu.requestId(), ErrorStatus.NO_SUCH_NAME, k + 1, vbs, f);
      }
      if (idx >= 0) {
        addStored(idx);
      } else {
        // A recording knows no object definitions, so it cannot tell noSuchObject from noSuchInstance;
        // snmpsim answers noSuchInstance, and so do we.
        addExtra(oid, NoSuchInstance.INSTANCE);
      }
    }
    return finish(m, pdu.requestId(), vbs, v1, f);
  }

  private byte[] getNext(CommunityMessage m, StandardPdu pdu, boolean v1, ActiveFaults f) {
    List<VarBind> vbs = pdu.varBinds();
    for (int k = 0; k < vbs.size(); k++) {
      Oid oid = vbs.get(k).oid();
      int pos = skipCounter64(rec.nextIndex(oid), v1);
      if (!nextRow(oid, pos, f)) {
        if (v1) {
          // RFC 1157 §4.1.3: no successor is noSuchName in SNMPv1
          return echo(m, pdu.requestId(), ErrorStatus.NO_SUCH_NAME, k + 1, vbs, f);
        }
        addExtra(oid, EndOfMibView.INSTANCE); // RFC 3416 §4.2.2
      }
    }
    return finish(m, pdu.requestId(), vbs, v1, f);
  }

  /**
   * Serves the row at {@code pos} as the successor of {@code name}, bent by the faults. False when there is
   * none (the end of the MIB, real or faked).
   */
  private boolean nextRow(Oid name, int pos, ActiveFaults f) {
    if (pos >= rec.size()) {
      return false;
    }
    if (f.bendsWalks()) {
      switch (f.nextRow(pos)) {
        case END:
          return false;
        case REPEAT:
          repeat(name, pos);
          return true;
        case LOOP_BACK:
          addStored(f.loopStart());
          return true;
        default:
          break;
      }
    }
    addStored(pos);
    return true;
  }

  /** A broken agent's answer: the varbind asked for again (or, if absent, its name with the next value). */
  private void repeat(Oid name, int next) {
    int at = rec.indexOf(name);
    if (at >= 0) {
      addStored(at);
    } else {
      addExtra(name, rec.varBind(next, uptime).value());
    }
  }

  /**
   * RFC 3416 §4.2.3: N non-repeaters get one successor each, then up to M repetitions of the R others, each
   * repetition continuing from the names of the one before. Past the end of the MIB a column keeps its
   * last name with endOfMibView, as RFC 3416 reads and snmpsim does (snmpd stops early instead). At most
   * {@code maxBulkVarBinds} repeated varbinds, as snmpsim. Trailing varbinds that would push the message past the size limit are left out, never tooBig.
   */
  private byte[] getBulk(CommunityMessage m, BulkPdu pdu, ActiveFaults f) {
    List<VarBind> vbs = pdu.varBinds();
    int count = vbs.size();
    int n = Math.min(Math.max(pdu.nonRepeaters(), 0), count);
    int r = count - n;
    // RFC 3416 §4.2.3 lets an agent stop early; snmpsim (pysnmp) cuts M to 64 / R, and so do we by default
    int maxRepetitions = r == 0 ? 0 : Math.min(Math.max(pdu.maxRepetitions(), 0), maxBulkVarBinds / r);
    int budget = maxMessageSize - FIXED_OVERHEAD - m.community().size();
    fill:
    {
      for (int k = 0; k < n; k++) {
        Oid oid = vbs.get(k).oid();
        if (!nextRow(oid, rec.nextIndex(oid), f)) {
          addExtra(oid, EndOfMibView.INSTANCE);
        }
        if (listBytes > budget) {
          dropLast();
          break fill;
        }
      }
      if (r == 0) {
        break fill;
      }
      int[] pos = new int[r];
      int[] last = new int[r]; // the index each column served last; -1: none yet, its name is the request's
      byte[][] ended = new byte[r][];
      for (int j = 0; j < r; j++) {
        pos[j] = rec.nextIndex(vbs.get(n + j).oid());
        last[j] = -1;
      }
      // Bounded: every repetition adds R varbinds of at least 6 bytes, and the budget is finite.
      for (int rep = 0; rep < maxRepetitions; rep++) {
        for (int j = 0; j < r; j++) {
          if (ended[j] != null) {
            addEncoded(ended[j]);
          } else {
            bulkRow(j, pos, last, ended, vbs.get(n + j).oid(), f);
          }
          if (listBytes > budget) {
            dropLast();
            break fill;
          }
        }
      }
    }
    if (f.tooBigAbove >= 0 && listCount > f.tooBigAbove) {
      return tooBig(m, pdu.requestId(), vbs, false, f);
    }
    return encode(m, pdu.requestId(), ErrorStatus.NO_ERROR, 0, f);
  }

  /** One repetition of column {@code j}: adds exactly one varbind. */
  private void bulkRow(int j, int[] pos, int[] last, byte[][] ended, Oid requested, ActiveFaults f) {
    int p = pos[j];
    ActiveFaults.RowAction action = p < rec.size() && f.bendsWalks() ? f.nextRow(p) : ActiveFaults.RowAction.SERVE;
    if (p >= rec.size() || action == ActiveFaults.RowAction.END) {
      Oid name = last[j] < 0 ? requested : rec.oid(last[j]);
      ended[j] = encodeVarBind(name, EndOfMibView.INSTANCE);
      addEncoded(ended[j]);
      return;
    }
    switch (action) {
      case REPEAT:
        if (last[j] >= 0) {
          addStored(last[j]);
        } else {
          repeat(requested, p);
        }
        return;
      case LOOP_BACK:
        int start = f.loopStart();
        addStored(start);
        last[j] = start;
        pos[j] = start + 1;
        return;
      default:
        addStored(p);
        last[j] = p;
        pos[j] = p + 1;
    }
  }

  /**
   * RFC 3416 §4.2.5: all or nothing. A name outside the writable OIDs is notWritable; a writable name the
   * recording lacks is noCreation (the simulator creates no rows); a value of another type is wrongType.
   * SNMPv1 gets those mapped by RFC 2576 §4.3 (noSuchName, badValue).
   */
  private byte[] set(CommunityMessage m, StandardPdu pdu, boolean v1, ActiveFaults f) {
    List<VarBind> vbs = pdu.varBinds();
    int[] indexes = new int[vbs.size()];
    for (int k = 0; k < vbs.size(); k++) {
      VarBind vb = vbs.get(k);
      int idx = rec.indexOf(vb.oid());
      indexes[k] = idx;
      boolean writable = device.underWritablePrefix(vb.oid()) || (idx >= 0 && rec.isMarkedWritable(idx));
      ErrorStatus error = null;
      if (!writable) {
        error = ErrorStatus.NOT_WRITABLE;
      } else if (idx < 0) {
        error = ErrorStatus.NO_CREATION;
      } else if (vb.value().isException() || tagOf(vb.value()) != valueTag(idx)) {
        error = ErrorStatus.WRONG_TYPE;
      }
      if (error != null) {
        return echo(m, pdu.requestId(), v1 ? toV1(error) : error, k + 1, vbs, f);
      }
    }
    for (int k = 0; k < vbs.size(); k++) {
      device.overlay.put(indexes[k], encodeVarBind(vbs.get(k).oid(), vbs.get(k).value()));
    }
    return echo(m, pdu.requestId(), ErrorStatus.NO_ERROR, 0, vbs, f);
  }

  /** RFC 2576 §4.3: the SNMPv1 error-status for an SNMPv2 one. */
  static ErrorStatus toV1(ErrorStatus status) {
    switch (status.code()) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5:
        return status;
      case 7: // wrongType
      case 8: // wrongLength
      case 9: // wrongEncoding
      case 10: // wrongValue
      case 12: // inconsistentValue
        return ErrorStatus.BAD_VALUE;
      case 13: // resourceUnavailable
      case 14: // commitFailed
      case 15: // undoFailed
        return ErrorStatus.GEN_ERR;
      default: // noAccess, notWritable, noCreation, authorizationError, inconsistentName
        return ErrorStatus.NO_SUCH_NAME;
    }
  }

  // --- building the varbind list

  private int skipCounter64(int pos, boolean v1) {
    if (!v1) {
      return pos;
    }
    // RFC 2576 §4.1.2.1: an SNMPv1 GETNEXT steps over Counter64 values, which SNMPv1 cannot carry
    int n = rec.size();
    while (pos < n && valueTag(pos) == Tag.COUNTER64) {
      pos++;
    }
    return pos;
  }

  private void addStored(int idx) {
    if (!device.overlay.isEmpty()) {
      byte[] written = device.overlay.get(idx);
      if (written != null) {
        addEncoded(written);
        return;
      }
    }
    ComputedValue computed = rec.hasComputed() ? rec.computedAt(idx) : null;
    if (computed != null) {
      addEncoded(encodeVarBind(rec.oid(idx), computed.at(uptime)));
      return;
    }
    add(rec.data(), rec.start(idx), rec.end(idx) - rec.start(idx));
  }

  private void addExtra(Oid oid, Value value) {
    addEncoded(encodeVarBind(oid, value));
  }

  private void addEncoded(byte[] varBind) {
    add(varBind, 0, varBind.length);
  }

  private void add(byte[] varBind, int offset, int length) {
    if (listBytes + length > list.length) {
      list = Arrays.copyOf(list, Math.max(list.length * 2, listBytes + length));
    }
    System.arraycopy(varBind, offset, list, listBytes, length);
    listBytes += length;
    listCount++;
    lastStart = listBytes - length;
  }

  /** Takes back the varbind added last (the one that went over the size budget). */
  private void dropLast() {
    listBytes = lastStart;
    listCount--;
  }

  private static byte[] encodeVarBind(Oid oid, Value value) {
    return new VarBind(oid, value).encode();
  }

  /** The BER tag of the value stored at {@code idx} (SETs and computed values keep the type). */
  private int valueTag(int idx) {
    int p = rec.oidContentStart(idx) + rec.oidContentLength(idx);
    return rec.data()[p] & 0xFF;
  }

  private static int tagOf(Value v) {
    return v instanceof dev.puresnmp.smi.Unknown u ? u.tag() : v.type().tag();
  }

  // --- encoding the response

  /** Ends a GET or GETNEXT: tooBig when over the size limit or the tooBigAbove fault. */
  private byte[] finish(CommunityMessage m, int requestId, List<VarBind> request, boolean v1, ActiveFaults f) {
    if ((f.tooBigAbove >= 0 && listCount > f.tooBigAbove)
        || listBytes + FIXED_OVERHEAD + m.community().size() > maxMessageSize) {
      return tooBig(m, requestId, request, v1, f);
    }
    return encode(m, requestId, ErrorStatus.NO_ERROR, 0, f);
  }

  /**
   * tooBig: RFC 3416 §4.2.1 sends no varbinds; RFC 1157 §4.1.2 sends the request's ("of identical form").
   */
  private byte[] tooBig(CommunityMessage m, int requestId, List<VarBind> request, boolean v1, ActiveFaults f) {
    return echo(m, requestId, ErrorStatus.TOO_BIG, 0, v1 ? request : List.of(), f);
  }

  /** A response carrying {@code varBinds} as they are (errors echo the request's, RFC 3416 §4.2.1). */
  private byte[] echo(CommunityMessage m, int requestId, ErrorStatus status, int index, List<VarBind> varBinds, ActiveFaults f) {
    listBytes = 0;
    listCount = 0;
    for (VarBind vb : varBinds) {
      addExtra(vb.oid(), vb.value());
    }
    return encode(m, requestId, status, index, f);
  }

  private byte[] encode(CommunityMessage m, int requestId, ErrorStatus status, int errorIndex, ActiveFaults f) {
    int id = f.wrongRequestId ? requestId + 1 : requestId;
    return MessageCodec.encodeResponse(m, id, status, errorIndex, list, 0, listBytes);
  }
}
