package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import java.util.List;
import java.util.Optional;

/** Fires when zone reclaim is on on a multi-node host. */
final class ZoneReclaimRule extends BaseRule {

    ZoneReclaimRule() {
        super("zone-reclaim-on", Severity.WARNING,
                "With zone_reclaim_mode on, a node that runs short reclaims (drops page cache, writes back) instead of "
                        + "allocating on the next node: dataset and checkpoint reads lose their cache and allocations stall.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        var mode = host.kernel().memory().zoneReclaimMode();
        if (mode.isEmpty() || mode.getAsLong() == 0 || host.numa().nodes().size() < 2) {
            return Optional.empty();
        }
        return Optional.of(finding("zone reclaim is on (mode " + mode.getAsLong() + ")",
                List.of(new Evidence("/proc/sys/vm/zone_reclaim_mode", String.valueOf(mode.getAsLong()))),
                Fix.command("sysctl -w vm.zone_reclaim_mode=0")));
    }
}
