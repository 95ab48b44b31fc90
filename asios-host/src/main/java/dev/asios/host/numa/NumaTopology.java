package dev.asios.host.numa;

import java.util.List;
import java.util.Optional;

/**
 * The NUMA nodes of a host with their distances. Immutable.
 *
 * @param nodes the nodes, by node number; a kernel without NUMA shows as one node 0
 * @param distances the kernel's distance matrix (10 = local), rows and columns in the order of
 *     {@code nodes}; empty when the kernel gives none
 * @param machineHugepages the machine-wide hugepage pools ({@code /sys/kernel/mm/hugepages})
 */
public record NumaTopology(List<NumaNode> nodes, List<List<Integer>> distances, List<HugepagePool> machineHugepages) {

    /** Creates an immutable copy. */
    public NumaTopology {
        nodes = List.copyOf(nodes);
        distances = distances.stream().map(List::copyOf).toList();
        machineHugepages = List.copyOf(machineHugepages);
    }

    /** The node with kernel number {@code osIndex}. */
    public Optional<NumaNode> node(int osIndex) {
        return nodes.stream().filter(n -> n.osIndex() == osIndex).findFirst();
    }

    /** The node that holds CPU {@code cpu}. */
    public Optional<NumaNode> nodeOfCpu(int cpu) {
        return nodes.stream().filter(n -> n.cpus().contains(cpu)).findFirst();
    }

    /** Nodes that have CPUs. */
    public long cpuNodeCount() {
        return nodes.stream().filter(n -> n.kind() == NodeKind.CPU).count();
    }
}
