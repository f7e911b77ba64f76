package dev.puresnmp.sim;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstances;

/**
 * JUnit 5 extension: gives a test a running {@link AgentSimulator} (or {@link ScriptedAgent}, or the
 * simulator's {@link Notifier}) on a free
 * loopback port, serving the recordings its {@link SimulatorData} names, as a parameter or a field, and
 * stops it after the test (after the class, for a static field).
 *
 * <pre>{@code
 * @ExtendWith(SimulatorExtension.class)
 * class InventoryTest {
 *   @Test
 *   void readsSysName(@SimulatorData("linux-host") AgentSimulator sim) {
 *     Endpoint agent = sim.endpoint();                 // community "linux-host"
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>A {@link Notifier} parameter or field sends as the test's simulator: the {@code AgentSimulator}
 * parameter of the same method, else the class's one {@code AgentSimulator} field, else one started for
 * it alone from its own {@link SimulatorData}.
 *
 * <pre>{@code
 * @Test
 * void alarmsOnLinkDown(@SimulatorData("switch-48") AgentSimulator sim, Notifier notifier) {
 *   notifier.send(NotificationType.linkDown(8), NotificationTarget.trap(myReceiver, Credentials.v2c("public")));
 * }
 * }</pre>
 */
public final class SimulatorExtension implements ParameterResolver, BeforeEachCallback, BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AgentSimulator.class || type == ScriptedAgent.class || type == Notifier.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    try {
      if (p.getType() == Notifier.class) {
        return simulatorFor(p, context).notifier();
      }
      if (p.getType() == AgentSimulator.class) {
        return simulatorParameter(p, context);
      }
      return started(p.getType(), data(p, context), context);
    } catch (ExtensionContextException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new ParameterResolutionException("cannot start a simulator for " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * The simulator a {@link Notifier} parameter sends as: the method's {@code AgentSimulator} parameter,
   * else the test's one {@code AgentSimulator} field, else one of its own.
   */
  private static AgentSimulator simulatorFor(Parameter notifier, ExtensionContext context) throws IllegalAccessException {
    List<Parameter> sims = new ArrayList<>();
    for (Parameter q : notifier.getDeclaringExecutable().getParameters()) {
      if (q.getType() == AgentSimulator.class) {
        sims.add(q);
      }
    }
    if (sims.size() > 1) {
      throw new ExtensionContextException("a Notifier parameter beside " + sims.size() + " AgentSimulator parameters: "
          + "take sim.notifier() from the one you mean");
    }
    if (sims.size() == 1) {
      return simulatorParameter(sims.get(0), context);
    }
    List<Object> instances = context.getTestInstances().map(TestInstances::getAllInstances).orElse(List.of());
    List<AgentSimulator> fields = new ArrayList<>();
    for (Object instance : instances) {
      fields.addAll(simulatorFields(instance.getClass(), instance));
    }
    if (instances.isEmpty()) {
      fields.addAll(simulatorFields(context.getRequiredTestClass(), null));
    }
    return one(fields, notifier.toString(), context, data(notifier, context));
  }

  /** A method's AgentSimulator parameter: started once, however often it is asked for (by a Notifier too). */
  private static AgentSimulator simulatorParameter(Parameter p, ExtensionContext context) {
    return (AgentSimulator) context.getStore(NAMESPACE)
        .computeIfAbsent(new ParameterKey(p), k -> new Started(started(AgentSimulator.class, data(p, context), context)), Started.class)
        .value();
  }

  /** Not closeable on purpose: the simulator itself is in the store under a key of its own, closed once. */
  private record Started(Object value) {}

  private record ParameterKey(Parameter parameter) {}

  private static SimulatorData data(AnnotatedElement e, ExtensionContext context) {
    return Optional.ofNullable(e.getAnnotation(SimulatorData.class)).orElseGet(() -> classLevel(context));
  }

  /** The simulator values of the class's AgentSimulator fields: static ones, and instance ones when {@code instance} is given. */
  private static List<AgentSimulator> simulatorFields(Class<?> type, Object instance) throws IllegalAccessException {
    List<AgentSimulator> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == AgentSimulator.class && (instance != null || Modifier.isStatic(f.getModifiers()))) {
          f.setAccessible(true);
          Object v = f.get(Modifier.isStatic(f.getModifiers()) ? null : instance);
          if (v != null) {
            out.add((AgentSimulator) v);
          }
        }
      }
    }
    return out;
  }

  /** The one simulator of {@code candidates}, or a new one when there is none. */
  private static AgentSimulator one(List<AgentSimulator> candidates, String what, ExtensionContext context, SimulatorData data) {
    List<AgentSimulator> distinct = candidates.stream().distinct().toList();
    if (distinct.size() > 1) {
      throw new ExtensionContextException(what + ": the test has " + distinct.size() + " AgentSimulator fields; "
          + "take sim.notifier() from the one you mean");
    }
    return distinct.isEmpty() ? (AgentSimulator) started(AgentSimulator.class, data, context) : distinct.get(0);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    inject(context.getRequiredTestClass(), null, context);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      inject(instance.getClass(), instance, context);
    }
  }

  /**
   * Sets every field of a simulator type: static ones when {@code instance} is null, the others otherwise;
   * then the Notifier fields, from the simulator fields just set.
   */
  private void inject(Class<?> type, Object instance, ExtensionContext context) throws IllegalAccessException {
    List<Field> notifiers = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (isStatic != (instance == null)) {
          continue;
        }
        if (f.getType() == Notifier.class) {
          notifiers.add(f);
        } else if (f.getType() == AgentSimulator.class || f.getType() == ScriptedAgent.class) {
          f.setAccessible(true);
          f.set(instance, started(f.getType(), data(f, context), context));
        }
      }
    }
    for (Field f : notifiers) {
      f.setAccessible(true);
      f.set(instance, one(simulatorFields(type, instance), f.toString(), context, data(f, context)).notifier());
    }
  }

  /** Starts one and leaves it in the context's store, which closes it when the context (test or class) ends. */
  private static Object started(Class<?> type, SimulatorData data, ExtensionContext context) {
    List<Named> recordings = recordings(data, context.getRequiredTestClass());
    AutoCloseable started;
    if (type == ScriptedAgent.class) {
      ScriptedAgent.Builder b = ScriptedAgent.builder().recording(recordings.get(0).recording());
      b.writable(writable(data));
      started = b.start();
    } else {
      AgentSimulator.Builder b = AgentSimulator.builder().bind("127.0.0.1");
      if (data != null && data.ipv6()) {
        b.bind("::1");
      }
      for (Named n : recordings) {
        b.device(n.name(), n.recording());
      }
      writable(data).forEach(b::writable);
      if (data != null) {
        for (String f : data.faults()) {
          b.fault(Fault.parse(f));
        }
        for (String u : data.users()) {
          b.user(UserSpec.parse(u));
        }
      }
      started = b.start();
    }
    context.getStore(NAMESPACE).put(new Object(), started);
    return started;
  }

  private record Named(String name, Recording recording) {}

  private static List<Named> recordings(SimulatorData data, Class<?> testClass) {
    String[] names = data == null || data.value().length == 0 ? new String[] {"linux-host"} : data.value();
    if (data != null && !data.community().isEmpty() && names.length != 1) {
      throw new ExtensionContextException("@SimulatorData(community = ...) needs exactly one recording, not " + names.length);
    }
    List<Named> out = new ArrayList<>();
    for (String name : names) {
      String community = data != null && !data.community().isEmpty() ? data.community() : baseName(name);
      out.add(new Named(community, load(name, testClass)));
    }
    return out;
  }

  /** A test resource (beside the class, or from the root), else a shipped device. */
  static Recording load(String name, Class<?> testClass) {
    if (name.equals("linux-host")) {
      return ShippedDevices.linuxHost();
    }
    if (name.equals("switch-48")) {
      return ShippedDevices.switch48();
    }
    for (String candidate : new String[] {name, "/" + name, ShippedDevices.RESOURCE_DIR + name}) {
      InputStream in = testClass.getResourceAsStream(candidate);
      if (in != null) {
        try (in) {
          RecordingReader.Format format = name.endsWith(".snmprec") ? RecordingReader.Format.SNMPREC : RecordingReader.Format.WALK;
          return RecordingReader.lenient().read(name, in, format);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new ExtensionContextException("no recording \"" + name + "\": not a resource beside " + testClass.getName()
        + ", nor at the class-path root, nor a shipped device (linux-host, switch-48)");
  }

  private static List<Oid> writable(SimulatorData data) {
    List<Oid> out = new ArrayList<>();
    if (data != null) {
      for (String w : data.writable()) {
        out.add(Oid.parse(w));
      }
    }
    return out;
  }

  private static String baseName(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private static SimulatorData classLevel(ExtensionContext context) {
    for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = c.map(Class::getEnclosingClass)) {
      AnnotatedElement e = c.get();
      SimulatorData d = e.getAnnotation(SimulatorData.class);
      if (d != null) {
        return d;
      }
      if (c.get().getEnclosingClass() == null) {
        break;
      }
    }
    return null;
  }
}
