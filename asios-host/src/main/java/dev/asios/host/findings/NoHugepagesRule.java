package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.HugepagePool;
import dev.asios.host.numa.NumaNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fires when no hugepages of any size are reserved on any node. */
final class NoHugepagesRule extends BaseRule {

    NoHugepagesRule() {
        super("no-hugepages-reserved", Severity.WARNING,
                "Without reserved hugepages, pinned buffers for RDMA/NCCL, DPDK and inference servers that ask for "
                        + "hugetlbfs fall back to 4 KiB pages: more TLB misses on large tensors, and a reservation "
                        + "made later may fail once memory is fragmented.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<HugepagePool> pools = new ArrayList<>(host.numa().machineHugepages());
        host.numa().nodes().forEach(n -> pools.addAll(n.hugepages()));
        if (pools.isEmpty() || pools.stream().anyMatch(p -> p.total() > 0)) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (NumaNode node : host.numa().nodes()) {
            for (HugepagePool pool : node.hugepages()) {
                evidence.add(new Evidence("/sys/devices/system/node/node" + node.osIndex() + "/hugepages/hugepages-"
                        + pool.pageSizeBytes() / 1024 + "kB/nr_hugepages", String.valueOf(pool.total())));
            }
        }
        if (evidence.isEmpty()) {
            host.numa().machineHugepages().forEach(pool -> evidence.add(new Evidence(
                    "/sys/kernel/mm/hugepages/hugepages-" + pool.pageSizeBytes() / 1024 + "kB/nr_hugepages", String.valueOf(pool.total()))));
        }
        return Optional.of(finding("no hugepages are reserved on any NUMA node", evidence,
                Fix.command("echo 1024 > /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages   # 2 GiB of 2 MiB pages on node 0; repeat per node"),
                Fix.bootParameter("hugepagesz=1G hugepages=16   # 1 GiB pages must be reserved at boot to be reliable")));
    }
}
