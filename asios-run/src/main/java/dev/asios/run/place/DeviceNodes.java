package dev.asios.run.place;

import dev.asios.host.numa.NodeKind;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import java.util.Comparator;
import java.util.List;

/**
 * The NUMA nodes with CPUs that a PCI device is near, as a set of node numbers: its
 * {@code numa_node} when that node has CPUs; else the nodes holding its {@code local_cpus}; else,
 * for a device attached to a CPU-less node (GPU memory, CXL), the CPU nodes nearest that node;
 * else every CPU node (the firmware gives no locality). Never a CPU-less node. Thread-safe.
 */
final class DeviceNodes {

    private final NumaTopology numa;
    private final List<NumaNode> cpuNodes;

    DeviceNodes(NumaTopology numa) {
        this.numa = numa;
        this.cpuNodes = numa.nodes().stream().filter(n -> n.kind() == NodeKind.CPU && !n.cpus().isEmpty()).toList();
    }

    /** The CPU nodes near {@code device}; empty only on a host without CPU nodes. */
    CpuSet of(PciDevice device) {
        if (device.numaNode().isPresent()) {
            int node = device.numaNode().getAsInt();
            if (cpuNodes.stream().anyMatch(n -> n.osIndex() == node)) {
                return CpuSet.of(node);
            }
        }
        if (device.localCpus().isPresent()) {
            CpuSet local = device.localCpus().get();
            CpuSet nodes = CpuSet.of(cpuNodes.stream().filter(n -> n.cpus().intersects(local)).mapToInt(NumaNode::osIndex));
            if (!nodes.isEmpty() && nodes.size() < cpuNodes.size()) {
                return nodes;
            }
        }
        if (device.numaNode().isPresent() && !numa.distances().isEmpty()) {
            return nearestTo(device.numaNode().getAsInt());
        }
        return allCpuNodes();
    }

    /** Every node with CPUs. */
    CpuSet allCpuNodes() {
        return CpuSet.of(cpuNodes.stream().mapToInt(NumaNode::osIndex));
    }

    /** The nodes with CPUs, by node number. */
    List<NumaNode> cpuNodes() {
        return cpuNodes;
    }

    /** The CPU nodes of {@code nodes}, nearest to {@code from} first by the kernel's distances, then by number. */
    List<NumaNode> byDistanceFrom(int from, CpuSet nodes) {
        return cpuNodes.stream().filter(n -> nodes.contains(n.osIndex()))
                .sorted(Comparator.comparingInt((NumaNode n) -> distance(from, n.osIndex())).thenComparingInt(NumaNode::osIndex))
                .toList();
    }

    /** The kernel's distance between two nodes; 10 for a node to itself, 20 when unknown. */
    int distance(int from, int to) {
        int row = indexOf(from);
        int column = indexOf(to);
        if (row < 0 || column < 0 || numa.distances().isEmpty()) {
            return from == to ? 10 : 20;
        }
        return numa.distances().get(row).get(column);
    }

    private CpuSet nearestTo(int node) {
        int nearest = cpuNodes.stream().mapToInt(n -> distance(node, n.osIndex())).min().orElse(Integer.MAX_VALUE);
        CpuSet nodes = CpuSet.of(cpuNodes.stream().filter(n -> distance(node, n.osIndex()) == nearest).mapToInt(NumaNode::osIndex));
        return nodes.isEmpty() ? allCpuNodes() : nodes;
    }

    private int indexOf(int osIndex) {
        for (int i = 0; i < numa.nodes().size(); i++) {
            if (numa.nodes().get(i).osIndex() == osIndex) {
                return i;
            }
        }
        return -1;
    }
}
