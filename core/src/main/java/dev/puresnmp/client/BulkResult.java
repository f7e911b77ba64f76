package dev.puresnmp.client;

import dev.puresnmp.smi.VarBind;
import java.util.List;

/**
 * What a GETBULK returned, split as RFC 3416 §4.2.3 builds it: one varbind per non-repeater ({@code
 * scalars}), then the repetitions of the repeating OIDs, row after row ({@code listing}).
 *
 * <pre>{@code
 * BulkResult r = client.blocking().bulkget(List.of(sysUpTime), List.of(ifDescr, ifSpeed), 10);
 * r.scalars().get(0).value();   // sysUpTime.0
 * r.listing();                  // ifDescr.1, ifSpeed.1, ifDescr.2, ifSpeed.2, ...
 * }</pre>
 */
public record BulkResult(List<VarBind> scalars, List<VarBind> listing) {
  public BulkResult {
    scalars = List.copyOf(scalars);
    listing = List.copyOf(listing);
  }
}
