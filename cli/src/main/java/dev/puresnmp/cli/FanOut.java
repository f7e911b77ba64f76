package dev.puresnmp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ParameterException;

/**
 * One command against many agents at once: at most {@code parallel} agents in flight, all through the
 * one manager (one socket) of the run, shared by its clients. Each agent's lines are gathered and printed
 * together, in their order, when that agent is done, each prefixed by the agent ("127.0.0.1:1161
 * SNMPv2-MIB::sysName.0 = STRING: x") or, with --json, starting with an "agent" field. A failure of one
 * agent is that agent's lines; the others go on. The exit code is the worst of the agents'.
 *
 * <pre>{@code
 * int exit = new FanOut(command, 64).run(List.of("127.0.0.1:1161", "127.0.0.1:1162"), out, err);
 * }</pre>
 */
final class FanOut {
  private final SnmpCommand command;
  private final int parallel;

  FanOut(SnmpCommand command, int parallel) {
    this.command = command;
    this.parallel = parallel;
  }

  int run(List<String> agents, PrintWriter out, PrintWriter err) {
    AtomicInteger exit = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, agents.size()), r -> {
      Thread t = new Thread(r, "puresnmp-agent");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = agents.stream().<Future<?>>map(a -> pool.submit(() -> {
        StringWriter agentOut = new StringWriter();
        StringWriter agentErr = new StringWriter();
        int code = one(a, new PrintWriter(agentOut), new PrintWriter(agentErr));
        exit.accumulateAndGet(code, Math::max);
        synchronized (this) { // an agent's lines together; stdout first, as a terminal would show them
          prefixed(a, agentOut.toString(), out);
          out.flush();
          prefixed(a, agentErr.toString(), err);
          err.flush();
        }
      })).toList();
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return exit.get();
  }

  /** One agent's run; a bad agent (a name that does not resolve, a bad port) is that agent's error. */
  private int one(String agent, PrintWriter out, PrintWriter err) {
    try {
      return command.runAgainst(agent, out, err);
    } catch (ParameterException | IllegalArgumentException e) {
      command.warn(err, "agent", e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Each line with the agent in front: "AGENT line", or for a JSON object {"agent":AGENT,…}. */
  private void prefixed(String agent, String text, PrintWriter to) {
    if (text.isEmpty()) {
      return;
    }
    String json = new Json().string(agent).toString();
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      if (command.output.json && line.startsWith("{")) {
        to.println("{\"agent\":" + json + (line.equals("{}") ? "}" : "," + line.substring(1)));
      } else {
        to.println(agent + " " + line);
      }
    }
  }
}
