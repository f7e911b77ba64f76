package dev.puresnmp.bench.transport;

import java.io.IOException;
import java.net.InetAddress;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * SNMP4J 3.8.2 as its documentation shows asynchronous use: {@code Snmp.send(pdu, target, handle,
 * listener)} over a {@link DefaultUdpTransportMapping}, cancelling each answered request in the listener,
 * which runs on SNMP4J's listen thread and sends the next request. A new PDU per request (SNMP4J assigns
 * the request-id). Timeout 1 s, 0 retries.
 */
final class Snmp4jClient extends ClosedLoop {
  private final Snmp snmp;
  private final CommunityTarget<UdpAddress> target;
  private final OID oid;
  private final String name;
  private final Mapping mapping;

  /** {@code receiveBuffer} 0: SNMP4J's (the OS's) default. */
  Snmp4jClient(String host, int port, String oidText, int receiveBuffer) throws IOException {
    Mapping tm = new Mapping(new UdpAddress(InetAddress.getByName(host), 0));
    if (receiveBuffer > 0) {
      tm.setReceiveBufferSize(receiveBuffer);
    }
    this.snmp = new Snmp(tm);
    snmp.listen();
    this.mapping = tm;
    this.target = new CommunityTarget<>(new UdpAddress(InetAddress.getByName(host), port), new OctetString("public"));
    target.setVersion(SnmpConstants.version2c);
    target.setTimeout(TIMEOUT_MILLIS);
    target.setRetries(0);
    this.oid = new OID(oidText);
    this.name = receiveBuffer > 0 ? "snmp4j-" + (receiveBuffer >> 20) + "MiB" : "snmp4j-default";
  }

  @Override
  String name() {
    return name;
  }

  /** SO_RCVBUF of the listening socket as the JDK reports it (read after the run: SNMP4J sets it when listening). */
  int grantedReceiveBuffer() {
    return mapping.granted();
  }

  @Override
  void start(int window) throws IOException {
    running = true;
    for (int i = 0; i < window; i++) {
      new Slot().fire();
    }
  }

  private final class Slot implements ResponseListener {
    private long sentAt;

    void fire() {
      inFlight.incrementAndGet();
      PDU pdu = new PDU();
      pdu.setType(PDU.GET);
      pdu.add(new VariableBinding(oid));
      sentAt = System.nanoTime();
      try {
        snmp.send(pdu, target, null, this);
      } catch (IOException | RuntimeException e) {
        inFlight.decrementAndGet();
        onError(e);
      }
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
      long now = System.nanoTime();
      ((Snmp) event.getSource()).cancel(event.getRequest(), this); // as SNMP4J's documentation asks
      inFlight.decrementAndGet();
      PDU response = event.getResponse();
      if (response == null) {
        if (event.getError() != null) {
          onError(event.getError());
        } else {
          onLost();
        }
      } else if (!response.getRequestID().equals(event.getRequest().getRequestID())) {
        onError(new IllegalStateException("reply id " + response.getRequestID() + " != " + event.getRequest().getRequestID()));
      } else {
        onReply(now - sentAt);
      }
      if (running) {
        fire();
      }
    }
  }

  /** Only to read back the SO_RCVBUF the kernel granted (Linux reports twice what it keeps for data). */
  private static final class Mapping extends DefaultUdpTransportMapping {
    Mapping(UdpAddress address) throws IOException {
      super(address);
    }

    int granted() {
      try {
        return socket == null ? -1 : socket.getReceiveBufferSize();
      } catch (java.net.SocketException e) {
        return -1;
      }
    }
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }
}
