package dev.puresnmp.client;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.SnmpVersion;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.pdu.PduType;
import dev.puresnmp.pdu.StandardPdu;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import dev.puresnmp.transport.Sender;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * One request and its response: encode with a fresh request-id, send through the {@link Sender}, decode,
 * and check that the answer is a Response to this very request.
 */
final class Exchange {
  final Endpoint endpoint;
  private final SnmpVersion version;
  private final Bytes community;
  private final Sender sender;
  private final IntSupplier requestIds;
  private final Duration timeout;
  private final int attempts;

  Exchange(Endpoint endpoint, Credentials credentials, Sender sender, IntSupplier requestIds, Duration timeout, int attempts) {
    this.endpoint = endpoint;
    this.version = credentials instanceof Credentials.V1 ? SnmpVersion.V1 : SnmpVersion.V2C;
    this.community = Bytes.utf8(credentials.community());
    this.sender = sender;
    this.requestIds = requestIds;
    this.timeout = timeout;
    this.attempts = attempts;
  }

  boolean isV1() {
    return version == SnmpVersion.V1;
  }

  /** Sends the PDU that {@code pduForId} builds around a fresh request-id; completes with the Response. */
  CompletableFuture<StandardPdu> send(IntFunction<Pdu> pduForId) {
    int id = requestIds.getAsInt();
    byte[] wire = MessageCodec.encode(new CommunityMessage(version, community, pduForId.apply(id)));
    CompletableFuture<byte[]> sent = sender.send(endpoint, wire, timeout, attempts);
    return cancelling(sent.thenApply(reply -> check(id, reply)), sent);
  }

  /** {@code outer}, which when cancelled cancels {@code inner} too (a dependent stage does not, by itself). */
  static <T> CompletableFuture<T> cancelling(CompletableFuture<T> outer, CompletableFuture<?> inner) {
    outer.whenComplete(
        (v, e) -> {
          if (outer.isCancelled()) {
            inner.cancel(true);
          }
        });
    return outer;
  }

  private StandardPdu check(int id, byte[] reply) {
    Message m = MessageCodec.decode(reply);
    if (m.version() != version) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "an SNMP " + m.version().label() + " answer to an SNMP " + version.label() + " request");
    }
    if (!(m.pdu() instanceof StandardPdu pdu) || !pdu.type().equals(PduType.RESPONSE)) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "a " + m.pdu().type() + " instead of a Response");
    }
    if (pdu.requestId() != id) {
      throw new FaultyAgentException(endpoint, FaultyAgentException.Fault.WRONG_RESPONSE, "a Response to request-id " + pdu.requestId() + " instead of " + id);
    }
    return pdu;
  }
}
