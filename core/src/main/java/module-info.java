/**
 * puresnmp-java: a pure-Java SNMP manager library.
 *
 * <p>Only the packages below are API. The codec ({@code ber}, {@code smi}, {@code pdu}, {@code message})
 * is pure: no sockets, clocks or loggers.
 */
module dev.puresnmp.core {
  requires transitive org.slf4j;

  exports dev.puresnmp;
  exports dev.puresnmp.ber;
  exports dev.puresnmp.smi;
  exports dev.puresnmp.pdu;
  exports dev.puresnmp.message;
  exports dev.puresnmp.transport;
  exports dev.puresnmp.security;
  exports dev.puresnmp.client;
  exports dev.puresnmp.notification;
  exports dev.puresnmp.mib;
}
