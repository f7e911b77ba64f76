package dev.puresnmp.sim;

import dev.puresnmp.smi.Oid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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

/**
 * JUnit 5 extension: gives a test a running {@link AgentSimulator} (or {@link ScriptedAgent}) on a free
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
 */
public final class SimulatorExtension implements ParameterResolver, BeforeEachCallback, BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AgentSimulator.class || type == ScriptedAgent.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SimulatorData data = parameter.findAnnotation(SimulatorData.class).orElseGet(() -> classLevel(context));
    try {
      return started(parameter.getParameter().getType(), data, context);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("cannot start a simulator for " + parameter.getParameter() + ": " + e.getMessage(), e);
    }
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

  /** Sets every field of a simulator type: static ones when {@code instance} is null, the others otherwise. */
  private void inject(Class<?> type, Object instance, ExtensionContext context) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if ((f.getType() != AgentSimulator.class && f.getType() != ScriptedAgent.class) || isStatic != (instance == null)) {
          continue;
        }
        SimulatorData data = Optional.ofNullable(f.getAnnotation(SimulatorData.class)).orElseGet(() -> classLevel(context));
        f.setAccessible(true);
        f.set(instance, started(f.getType(), data, context));
      }
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
