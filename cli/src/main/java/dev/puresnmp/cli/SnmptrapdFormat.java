package dev.puresnmp.cli;

import dev.puresnmp.notification.Notification;
import dev.puresnmp.pdu.TrapV1Pdu;
import dev.puresnmp.smi.Bytes;
import dev.puresnmp.smi.NetSnmpFormat;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import dev.puresnmp.transport.Endpoint;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * A notification as snmptrapd 5.9 prints it with no format1/format2 configured ({@code -f -Lo}, or to a
 * log file), with its OIDs and varbinds as the given functions print them ({@link #NUMERIC}: as with
 * {@code -On -m ''}): for SNMPv1 the lines of {@code realloc_format_plain_trap}, for SNMPv2c
 * and v3 those of {@code PRINT_V23_NOTIFICATION_FORMAT} ({@code "%.4y-%.2m-%.2l %.2h:%.2j:%.2k %B
 * [%b]:\n%v\n"}), both in apps/snmptrapd_log.c and snmptrapd_handlers.c. Where snmptrapd may look a host
 * name up, the address is printed (see {@link #format}).
 *
 * <pre>{@code
 * String lines = SnmptrapdFormat.NUMERIC.format(notification, receiver.localEndpoint(), LocalDateTime.now());
 * // 2026-12-01 02:03:42 UDP: [127.0.0.1]:44646->[127.0.0.1]:162 [UDP: [127.0.0.1]:44646->[127.0.0.1]:162]:
 * // .1.3.6.1.2.1.1.3.0 = Timeticks: (4200) 0:00:42.00	.1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.8072.2.3.0.1
 * }</pre>
 */
final class SnmptrapdFormat {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> GENERIC = List.of("Cold Start", "Warm Start", "Link Down", "Link Up", "Authentication Failure", "EGP Neighbor Loss", "Enterprise Specific");

  /** As snmptrapd -On -m '' prints: numbers only. */
  static final SnmptrapdFormat NUMERIC = new SnmptrapdFormat(NetSnmpFormat::format, Oid::toDottedString);

  private final Function<VarBind, String> varBind;
  private final Function<Oid, String> oid;

  /** Varbinds and the SNMPv1 enterprise printed by these, e.g. an {@link OidNames}' format and name. */
  SnmptrapdFormat(Function<VarBind, String> varBind, Function<Oid, String> oid) {
    this.varBind = varBind;
    this.oid = oid;
  }

  /**
   * The lines snmptrapd prints for {@code n}, received on {@code local}, at local time {@code now}, each
   * ending in a newline. SNMPv1:
   *
   * <pre>
   * 2026-12-01 02:03:42 192.0.2.9 [192.0.2.9] (via UDP: [127.0.0.1]:41965->[127.0.0.1]:162) TRAP, SNMP v1, community public
   * 	.1.3.6.1.4.1.8072.2.3 Enterprise Specific Trap (1) Uptime: 0:00:42.00
   * 	.1.3.6.1.4.1.8072.2.3.2.1 = INTEGER: 60	.1.3.6.1.4.1.8072.2.3.2.2 = STRING: "v1 trap"
   * </pre>
   *
   * The agent address comes twice: snmptrapd's first is a host name when the address has one. Net-SNMP
   * 5.9's {@code convert_agent_addr} looks it up only under {@code -n} (the test is inverted), and its
   * {@code %B} of SNMPv2 looks the sender up only without {@code -n}; we look nothing up and print what
   * snmptrapd prints when no name is found (for SNMPv2: {@code -n}'s line).
   */
  String format(Notification n, Endpoint local, LocalDateTime now) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(TIME.format(now)).append(' ');
    String via = transport(n.source(), local);
    TrapV1Pdu v1 = n.v1();
    if (v1 == null) {
      sb.append(via).append(" [").append(via).append("]:\n");
      List<VarBind> vbs = n.varBinds();
      for (int i = 0; i < vbs.size(); i++) {
        sb.append(i == 0 ? "" : "\t").append(varBind.apply(vbs.get(i)));
      }
      return sb.append('\n').toString();
    }
    String agent = v1.agentAddress().asText();
    sb.append(agent).append(" [").append(agent).append("] (via ").append(via).append(") TRAP, SNMP v1, community ");
    appendPrintable(sb, n.community());
    sb.append("\n\t").append(oid.apply(v1.enterprise())).append(' ');
    int generic = v1.genericTrap();
    sb.append(generic >= 0 && generic < GENERIC.size() ? GENERIC.get(generic) : "Unknown Type").append(" Trap (");
    if (generic == 6) {
      // realloc_format_plain_trap: enterprise(.0).specific printed, then what follows its last '.'
      // (the notification's name where the MIBs have one, else the specific number); a negative
      // specific is an arc above 2^32 there (an unsigned long), which names nothing
      Oid enterprise = v1.enterprise();
      if (v1.specificTrap() < 0) {
        sb.append(Long.toUnsignedString(v1.specificTrap())).append(") Uptime: ").append(uptime(v1.timestamp())).append('\n');
        return appendVarBinds(sb, v1.varBinds());
      }
      boolean zero = enterprise.size() > 0 && enterprise.arc(enterprise.size() - 1) == 0;
      String trapOid = oid.apply(zero ? enterprise.append(v1.specificTrap()) : enterprise.append(0, v1.specificTrap()));
      sb.append(trapOid, trapOid.lastIndexOf('.') + 1, trapOid.length());
    } else {
      sb.append(v1.specificTrap());
    }
    sb.append(") Uptime: ").append(uptime(v1.timestamp())).append('\n');
    return appendVarBinds(sb, v1.varBinds());
  }

  private String appendVarBinds(StringBuilder sb, List<VarBind> vbs) {
    for (VarBind vb : vbs) {
      sb.append('\t').append(varBind.apply(vb));
    }
    return sb.append('\n').toString();
  }

  /** Net-SNMP's uptime_string: the Timeticks value without its "(ticks) " in front. */
  private static String uptime(long ticks) {
    StringBuilder t = new StringBuilder();
    NetSnmpFormat.appendTimeTicks(t, ticks);
    return t.substring(t.indexOf(") ") + 2);
  }

  /** A community as realloc_handle_wrap_fmt copies it: what C's isprint refuses becomes '.'. */
  private static void appendPrintable(StringBuilder sb, Bytes community) {
    for (byte b : community.toByteArray()) {
      sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
  }

  /**
   * The transport address as Net-SNMP's fmtaddr writes it: {@code UDP: [from]:port->[to]:port} for IPv4,
   * {@code UDP/IPv6: [from]:port} for IPv6 (netsnmp_ipv6_fmtaddr has no local part). snmptrapd learns
   * the "to" address of each datagram (IP_PKTINFO); Java cannot, so a receiver bound to 0.0.0.0 prints
   * 0.0.0.0 there.
   */
  static String transport(Endpoint from, Endpoint local) {
    if (local.ip() instanceof Inet6Address) {
      String ip = from.ip() instanceof Inet4Address ? "::ffff:" + from.ip().getHostAddress() : address(from.ip());
      return "UDP/IPv6: [" + ip + "]:" + from.port();
    }
    return "UDP: [" + address(from.ip()) + "]:" + from.port() + "->[" + address(local.ip()) + "]:" + local.port();
  }

  /** An address as inet_ntop writes it ("::1", "fe80::1%eth0" with the scope as Net-SNMP appends it). */
  static String address(InetAddress ip) {
    if (!(ip instanceof Inet6Address v6)) {
      return ip.getHostAddress();
    }
    return ntop6(v6.getAddress()) + scope(v6);
  }

  private static String scope(Inet6Address v6) {
    if (v6.getScopedInterface() != null) {
      return "%" + v6.getScopedInterface().getName();
    }
    if (v6.getScopeId() != 0) {
      try {
        NetworkInterface nif = NetworkInterface.getByIndex(v6.getScopeId());
        return nif == null ? "" : "%" + nif.getName();
      } catch (SocketException e) {
        return "";
      }
    }
    return "";
  }

  /**
   * glibc's inet_ntop6: the longest run of two or more zero groups (the first of equal runs) becomes
   * "::", groups in lower-case hex without leading zeros, and ::a.b.c.d / ::ffff:a.b.c.d keep the IPv4
   * address dotted.
   */
  static String ntop6(byte[] a) {
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
    }
    int bestBase = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (w[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && w[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestBase = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder sb = new StringBuilder(40);
    for (int i = 0; i < 8; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          sb.append(':');
        }
        continue;
      }
      if (i != 0) {
        sb.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
        sb.append(a[12] & 0xff).append('.').append(a[13] & 0xff).append('.').append(a[14] & 0xff).append('.').append(a[15] & 0xff);
        return sb.toString();
      }
      sb.append(Integer.toHexString(w[i]));
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) {
      sb.append(':');
    }
    return sb.toString();
  }
}
