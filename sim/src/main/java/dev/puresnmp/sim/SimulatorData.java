package dev.puresnmp.sim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which recordings a simulator injected by {@link SimulatorExtension} serves. Each name is a test resource
 * (next to the test class, or from the class-path root), or a shipped device ({@code "linux-host"}, {@code
 * "switch-48"}). The community is the file name without its extension, unless {@link #community()} says
 * otherwise (one recording only).
 *
 * <pre>{@code
 * @ExtendWith(SimulatorExtension.class)
 * class PollerTest {
 *   @SimulatorData("router.snmprec") AgentSimulator router;          // community "router"
 *
 *   @Test
 *   void pollsTheSwitch(@SimulatorData(value = "switch-48", community = "public") AgentSimulator sw) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface SimulatorData {
  /** Recording resources or shipped device names; none: the shipped {@code linux-host}. */
  String[] value() default {};

  /** The community of the one recording; empty: its file name without extension. */
  String community() default "";

  /** OID prefixes SETs may write, e.g. {@code "1.3.6.1.2.1.1"}. */
  String[] writable() default {};

  /** Also bind {@code ::1} (same port), for IPv6 tests. */
  boolean ipv6() default false;

  /**
   * SNMPv3 users in {@link UserSpec#parse} form: {@code "usr:SHA-256:authpass123:AES:privpass123"}. The
   * context name selects the recording as the community does ("" the first).
   */
  String[] users() default {};

  /** Faults in {@link Fault#parse} form, for every device: {@code "drop=0.5"}, {@code "delay=100ms"}. */
  String[] faults() default {};
}
