package example;

import dev.puresnmp.client.SnmpClient;
import dev.puresnmp.client.Table;
import dev.puresnmp.smi.Value;
import java.util.List;

/**
 * The code under test: which ports of a device are down. A client with a Mib, so that ifTable's columns
 * have names:
 *
 * <pre>{@code
 * SnmpClient client = SnmpClient.builder("10.0.0.1", Credentials.v2c("public")).mib(Mib.builtIn()).build();
 * List<String> down = new PortInventory(client).portsDown();    // ["GigabitEthernet1/0/8", ...]
 * }</pre>
 */
public final class PortInventory {
  private static final long IF_OPER_STATUS_DOWN = 2; // RFC 2863

  private final SnmpClient client;

  public PortInventory(SnmpClient client) {
    this.client = client;
  }

  /** The ifDescr of every interface whose ifOperStatus is down, in ifIndex order. */
  public List<String> portsDown() {
    Table ifTable = client.blocking().bulktable("ifTable");
    return ifTable.rows().stream()
        .filter(row -> row.get("ifOperStatus").map(Value::asLong).orElse(0L) == IF_OPER_STATUS_DOWN)
        .map(row -> row.get("ifDescr").map(Value::asText).orElse(row.index().toString()))
        .toList();
  }
}
