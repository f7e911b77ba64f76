package dev.puresnmp.message;

import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.smi.Bytes;
import java.util.Objects;

/**
 * An SNMPv3 scoped PDU (RFC 3412 §6.8): the PDU and the context it addresses, by the context engine's ID
 * and the context's name ("" for the default context). What privacy encrypts.
 */
public record ScopedPdu(Bytes contextEngineId, Bytes contextName, Pdu pdu) {
  public ScopedPdu {
    Objects.requireNonNull(contextEngineId, "contextEngineId");
    Objects.requireNonNull(contextName, "contextName");
    Objects.requireNonNull(pdu, "pdu");
  }
}
