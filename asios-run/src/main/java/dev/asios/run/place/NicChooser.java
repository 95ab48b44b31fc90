package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.pci.RdmaDevice;
import dev.asios.host.pci.RdmaPort;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the RDMA NIC nearest a run's GPUs: among RDMA devices with an active port (or all of
 * them when none is active), the best {@link LinkClass} to any of the GPUs, then the lower RDMA
 * device name. Without GPUs, a NIC on a node of the run's memory comes first. Thread-safe.
 */
final class NicChooser {

    private final HostSnapshot host;
    private final LinkClassifier links;
    private final DeviceNodes nodes;

    NicChooser(HostSnapshot host, LinkClassifier links, DeviceNodes nodes) {
        this.host = host;
        this.links = links;
        this.nodes = nodes;
    }

    /**
     * The NIC for a run on {@code gpus} (possibly none) with memory on {@code memoryNodes}.
     *
     * @throws PlacementException if the host has no RDMA device on a PCI function
     */
    PlacedNic choose(List<PciDevice> gpus, CpuSet memoryNodes) throws PlacementException {
        List<Candidate> candidates = host.pci().rdmaDevices().stream()
                .flatMap(rdma -> rdma.pciAddress().flatMap(a -> host.pci().byAddress(a.toString()))
                        .map(function -> new Candidate(rdma, function, linkTo(function, gpus, memoryNodes))).stream())
                .toList();
        if (candidates.isEmpty()) {
            throw new PlacementException("--rdma-nic: this host has no RDMA NIC (nothing under /sys/class/infiniband on a PCI function)",
                    "without --rdma-nic");
        }
        boolean anyActive = candidates.stream().anyMatch(Candidate::active);
        Candidate best = candidates.stream().filter(c -> c.active() || !anyActive)
                .min(Comparator.comparing(Candidate::link).thenComparing(c -> c.rdma().name()))
                .orElseThrow();
        String netDevice = best.rdma().netDevices().isEmpty() ? best.rdma().name() : best.rdma().netDevices().getFirst();
        return new PlacedNic(netDevice, Optional.of(best.rdma().name()), best.function().address(), best.link());
    }

    private LinkClass linkTo(PciDevice nic, List<PciDevice> gpus, CpuSet memoryNodes) {
        if (gpus.isEmpty()) {
            return nodes.of(nic).intersects(memoryNodes) ? LinkClass.NODE : LinkClass.SYS;
        }
        return gpus.stream().map(gpu -> links.pcie(gpu, nic)).min(Comparator.naturalOrder()).orElseThrow();
    }

    private record Candidate(RdmaDevice rdma, PciDevice function, LinkClass link) {
        boolean active() {
            return rdma.ports().stream().anyMatch(RdmaPort::active);
        }
    }
}
