package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.pci.RdmaDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires when a GPU has no RDMA NIC on its own NUMA node (a warning), or has one on its node but
 * none under the same PCIe switch or root port (information). Quiet on hosts without both GPUs
 * and RDMA NICs.
 */
final class GpuNicLocalityRule extends BaseRule {

    GpuNicLocalityRule() {
        super("gpu-rdma-nic-far", Severity.WARNING,
                "GPUDirect RDMA moves data between a GPU and the NIC over PCIe. When they sit on different NUMA "
                        + "nodes every transfer crosses the socket interconnect (NCCL's SYS path), which cuts "
                        + "all-reduce bandwidth several-fold; under one PCIe switch (PIX/PXB) it never touches the CPU.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<PciDevice> nics = rdmaNics(host);
        List<PciDevice> gpus = host.pci().gpus();
        if (nics.isEmpty() || gpus.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> farGpus = new ArrayList<>();
        boolean crossNode = false;
        for (PciDevice gpu : gpus) {
            if (gpu.numaNode().isEmpty()) {
                continue;
            }
            List<PciDevice> sameNode = nics.stream().filter(n -> n.numaNode().equals(gpu.numaNode())).toList();
            boolean sameSwitch = sameNode.stream().anyMatch(n -> sharesUpstream(gpu, n));
            if (sameNode.isEmpty() || !sameSwitch) {
                crossNode |= sameNode.isEmpty();
                farGpus.add(gpu.address().toString());
                evidence.add(new Evidence("/sys/bus/pci/devices/" + gpu.address() + "/numa_node", String.valueOf(gpu.numaNode().getAsInt())));
            }
        }
        if (farGpus.isEmpty()) {
            return Optional.empty();
        }
        for (PciDevice nic : nics) {
            evidence.add(new Evidence("/sys/bus/pci/devices/" + nic.address() + "/numa_node", nic.numaNode().isPresent() ? String.valueOf(nic.numaNode().getAsInt()) : "-1"));
        }
        String where = crossNode ? "no RDMA NIC on their NUMA node" : "no RDMA NIC under the same PCIe switch or root port";
        return Optional.of(finding(crossNode ? Severity.WARNING : Severity.INFO, "GPU(s) " + String.join(", ", farGpus) + " have " + where, evidence,
                Fix.manual("put an RDMA NIC in a slot of each GPU's NUMA node, ideally under the same PCIe switch"),
                Fix.command("export NCCL_IB_HCA=<nic nearest each GPU>; nvidia-smi topo -m   # pin each rank to its nearest NIC; asios run will place ranks by this topology")));
    }

    private static List<PciDevice> rdmaNics(HostSnapshot host) {
        List<PciDevice> nics = new ArrayList<>();
        for (RdmaDevice rdma : host.pci().rdmaDevices()) {
            rdma.pciAddress().flatMap(a -> host.pci().byAddress(a.toString())).ifPresent(nics::add);
        }
        return nics;
    }

    private static boolean sharesUpstream(PciDevice a, PciDevice b) {
        for (PciAddress bridge : a.upstreamBridges()) {
            if (b.upstreamBridges().contains(bridge)) {
                return true;
            }
        }
        return false;
    }
}
