package dev.puresnmp.sim;

import dev.puresnmp.message.CommunityMessage;
import dev.puresnmp.message.Message;
import dev.puresnmp.pdu.Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.transport.Endpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * A datagram a {@link ScriptedAgent} received: its bytes, who sent it, and the message they decode to
 * (empty when they do not).
 *
 * <pre>{@code
 * RecordedRequest r = agent.takeRequest(Duration.ofSeconds(1));
 * assertThat(r.pdu().type()).isEqualTo(PduType.GET_BULK_REQUEST);
 * assertThat(r.community()).isEqualTo("public");
 * }</pre>
 */
public record RecordedRequest(Bytes bytes, Endpoint from, Optional<Message> message) {
  public RecordedRequest {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(message, "message");
  }

  /** The decoded PDU. @throws IllegalStateException if the bytes were not an SNMP message */
  public Pdu pdu() {
    return decoded().pdu();
  }

  /** The community, as text. @throws IllegalStateException if the bytes were not a v1/v2c message */
  public String community() {
    if (decoded() instanceof CommunityMessage c) {
      return c.community().utf8();
    }
    throw new IllegalStateException("not a community message: " + message);
  }

  private Message decoded() {
    return message.orElseThrow(() -> new IllegalStateException(bytes.size() + " bytes that are not an SNMP message: " + bytes.hex()));
  }
}
