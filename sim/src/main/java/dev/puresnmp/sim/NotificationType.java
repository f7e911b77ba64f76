package dev.puresnmp.sim;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.smi.VarBindList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link Notifier} sends: a notification's OID ({@code snmpTrapOID.0}), the objects whose values
 * are read from the sending device's recording when it is sent (as an SMIv2 NOTIFICATION-TYPE's OBJECTS
 * clause names them, here with their instance), then varbinds given here with their values.
 *
 * <pre>{@code
 * NotificationType down = NotificationType.linkDown(3);     // ifIndex.3, ifAdminStatus.3, ifOperStatus.3 as recorded
 * NotificationType mine = NotificationType.of(Oid.parse("1.3.6.1.4.1.8072.2.3.0.1"))
 *     .withRecorded(Oid.parse("1.3.6.1.2.1.1.5.0"))           // sysName.0, the device's
 *     .with(VarBind.of("1.3.6.1.4.1.8072.2.3.2.1", Integer32.of(60)));
 * NotificationType parsed = NotificationType.parse("linkUp:2");
 * }</pre>
 *
 * @param trapOid the notification's OID
 * @param recorded instance OIDs whose values come from the recording at each send, in this order
 * @param varBinds varbinds sent as given, after the recorded ones
 */
public record NotificationType(Oid trapOid, List<Oid> recorded, List<VarBind> varBinds) {
  /** snmpTraps (RFC 3418): coldStart is its child 1, warmStart 2, linkDown 3, linkUp 4, authenticationFailure 5. */
  public static final Oid SNMP_TRAPS = Oid.parse("1.3.6.1.6.3.1.1.5");

  private static final Oid IF_INDEX = Oid.parse("1.3.6.1.2.1.2.2.1.1");
  private static final Oid IF_ADMIN_STATUS = Oid.parse("1.3.6.1.2.1.2.2.1.7");
  private static final Oid IF_OPER_STATUS = Oid.parse("1.3.6.1.2.1.2.2.1.8");
  private static final String NAMES = "coldStart, warmStart, linkDown:IFINDEX, linkUp:IFINDEX, authenticationFailure or a numeric OID";

  public NotificationType {
    Objects.requireNonNull(trapOid, "trapOid");
    recorded = List.copyOf(recorded);
    varBinds = VarBindList.copyOf(varBinds);
  }

  /** A notification of {@code trapOid} with these varbinds, none from the recording. */
  public static NotificationType of(Oid trapOid, VarBind... varBinds) {
    return new NotificationType(trapOid, List.of(), Arrays.asList(varBinds));
  }

  /** coldStart (RFC 3418): the device restarted, its configuration may have changed. No objects. */
  public static NotificationType coldStart() {
    return of(SNMP_TRAPS.append(1));
  }

  /** warmStart (RFC 3418): the device reinitialized, its configuration unchanged. No objects. */
  public static NotificationType warmStart() {
    return of(SNMP_TRAPS.append(2));
  }

  /** linkDown (RFC 2863): ifIndex, ifAdminStatus and ifOperStatus of interface {@code ifIndex}, from the recording. */
  public static NotificationType linkDown(int ifIndex) {
    return link(3, ifIndex);
  }

  /** linkUp (RFC 2863): the same objects as {@link #linkDown}. */
  public static NotificationType linkUp(int ifIndex) {
    return link(4, ifIndex);
  }

  /** authenticationFailure (RFC 3418): a message failed authentication. No objects. */
  public static NotificationType authenticationFailure() {
    return of(SNMP_TRAPS.append(5));
  }

  private static NotificationType link(int arc, int ifIndex) {
    if (ifIndex < 1) {
      throw new IllegalArgumentException("ifIndex must be 1 or more (RFC 2863 InterfaceIndex), not " + ifIndex);
    }
    return new NotificationType(SNMP_TRAPS.append(arc),
        List.of(IF_INDEX.append(ifIndex), IF_ADMIN_STATUS.append(ifIndex), IF_OPER_STATUS.append(ifIndex)), List.of());
  }

  /**
   * Reads {@code coldStart}, {@code warmStart}, {@code linkDown:3}, {@code linkUp:3}, {@code
   * authenticationFailure} (names in any case) or a numeric OID ({@code 1.3.6.1.4.1.8072.2.3.0.1}).
   *
   * @throws IllegalArgumentException naming the text and what was expected
   */
  public static NotificationType parse(String text) {
    String t = text.trim();
    int colon = t.indexOf(':');
    String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
    boolean link = name.equals("linkdown") || name.equals("linkup");
    if (link != (colon >= 0)) {
      throw new IllegalArgumentException(link
          ? "\"" + t + "\" needs an interface: " + t + ":IFINDEX, e.g. linkDown:3"
          : "\"" + t + "\" is not a notification; expected " + NAMES);
    }
    switch (name) {
      case "coldstart":
        return coldStart();
      case "warmstart":
        return warmStart();
      case "authenticationfailure":
        return authenticationFailure();
      case "linkdown":
      case "linkup":
        int ifIndex;
        try {
          ifIndex = Integer.parseInt(t.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("\"" + t + "\": the interface after the colon must be an ifIndex number");
        }
        return name.equals("linkdown") ? linkDown(ifIndex) : linkUp(ifIndex);
      default:
        try {
          return of(Oid.parse(t));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("\"" + t + "\" is not a notification; expected " + NAMES, e);
        }
    }
  }

  /** This notification with {@code more} varbinds after its own. */
  public NotificationType with(VarBind... more) {
    List<VarBind> all = new ArrayList<>(varBinds);
    all.addAll(Arrays.asList(more));
    return new NotificationType(trapOid, recorded, all);
  }

  /** This notification with more objects read from the recording (instance OIDs: {@code sysName.0}, not {@code sysName}). */
  public NotificationType withRecorded(Oid... instances) {
    List<Oid> all = new ArrayList<>(recorded);
    all.addAll(Arrays.asList(instances));
    return new NotificationType(trapOid, all, varBinds);
  }

  /**
   * The varbinds after sysUpTime.0 and snmpTrapOID.0: the recorded objects as {@code device} serves them
   * now (with what SETs wrote), then the given ones.
   *
   * @throws IllegalArgumentException naming the first object the recording lacks
   */
  List<VarBind> varBinds(Device device, Duration uptime) {
    List<VarBind> out = new ArrayList<>(recorded.size() + varBinds.size());
    for (Oid oid : recorded) {
      VarBind vb = device.served(oid, uptime);
      if (vb == null) {
        throw new IllegalArgumentException("device \"" + device.name + "\" (" + device.recording.source() + ") has no " + oid
            + ", which notification " + trapOid + " carries");
      }
      out.add(vb);
    }
    out.addAll(varBinds);
    return out;
  }
}
