package dev.puresnmp.sim;

import dev.puresnmp.pdu.ErrorStatus;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.VarBind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ScriptedAgent} does with the next request: answer with given varbinds or an error, send
 * raw bytes, answer from its recording (with faults), or stay silent; optionally late.
 *
 * <pre>{@code
 * agent.enqueue(ScriptedReply.varBinds(VarBind.of("1.3.6.1.2.1.1.5.0", OctetString.of("sw-1"))));
 * agent.enqueue(ScriptedReply.error(ErrorStatus.NO_SUCH_NAME, 1));
 * agent.enqueue(ScriptedReply.noResponse());
 * agent.enqueue(ScriptedReply.fromRecording(Fault.wrongRequestId()).after(Duration.ofMillis(300)));
 * }</pre>
 */
public sealed interface ScriptedReply
    permits ScriptedReply.Respond, ScriptedReply.Raw, ScriptedReply.NoResponse, ScriptedReply.FromRecording, ScriptedReply.Delayed {

  /** A Response with the request's id, version and community, carrying {@code varBinds}. */
  record Respond(ErrorStatus status, int errorIndex, List<VarBind> varBinds) implements ScriptedReply {
    public Respond {
      Objects.requireNonNull(status, "status");
      varBinds = List.copyOf(varBinds);
    }
  }

  /** These bytes, whatever the request was (a malformed or foreign reply). */
  record Raw(Bytes bytes) implements ScriptedReply {
    public Raw {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** No reply: the client times out. */
  record NoResponse() implements ScriptedReply {}

  /** The reply the agent's recording gives, bent by {@code faults} for this one request. */
  record FromRecording(List<Fault> faults) implements ScriptedReply {
    public FromRecording {
      faults = List.copyOf(faults);
    }
  }

  /** {@code reply}, sent {@code delay} late. */
  record Delayed(Duration delay, ScriptedReply reply) implements ScriptedReply {
    public Delayed {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(reply, "reply");
    }
  }

  static ScriptedReply varBinds(VarBind... varBinds) {
    return new Respond(ErrorStatus.NO_ERROR, 0, Arrays.asList(varBinds));
  }

  static ScriptedReply varBinds(List<VarBind> varBinds) {
    return new Respond(ErrorStatus.NO_ERROR, 0, varBinds);
  }

  /** An error Response; its varbinds are the request's, as RFC 3416 §4.2 has errors echo them. */
  static ScriptedReply error(ErrorStatus status, int errorIndex) {
    return new Respond(status, errorIndex, List.of());
  }

  static ScriptedReply bytes(byte[] bytes) {
    return new Raw(Bytes.of(bytes));
  }

  static ScriptedReply noResponse() {
    return new NoResponse();
  }

  static ScriptedReply fromRecording(Fault... faults) {
    return new FromRecording(Arrays.asList(faults));
  }

  /** This reply, {@code delay} late. */
  default ScriptedReply after(Duration delay) {
    return new Delayed(delay, this);
  }
}
