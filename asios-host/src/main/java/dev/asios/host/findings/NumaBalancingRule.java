package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import java.util.List;
import java.util.Optional;

/** Fires when automatic NUMA balancing is on on a host with more than one CPU node. */
final class NumaBalancingRule extends BaseRule {

    private static final String FILE = "/proc/sys/kernel/numa_balancing";

    NumaBalancingRule() {
        super("numa-balancing-on", Severity.WARNING,
                "Automatic NUMA balancing unmaps pages to sample accesses and migrates them between nodes: page faults "
                        + "and TLB shootdowns on the hot path of workloads that are already placed on the right node "
                        + "(pinned data loaders, GPU feeder threads, RDMA buffers).");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        var balancing = host.kernel().memory().numaBalancing();
        if (balancing.isEmpty() || balancing.getAsLong() == 0 || host.numa().cpuNodeCount() < 2) {
            return Optional.empty();
        }
        return Optional.of(finding("automatic NUMA balancing is on across " + host.numa().cpuNodeCount() + " NUMA nodes",
                List.of(new Evidence(FILE, String.valueOf(balancing.getAsLong()))),
                Fix.command("sysctl -w kernel.numa_balancing=0"),
                Fix.bootParameter("numa_balancing=disable")));
    }
}
