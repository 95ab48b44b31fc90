package dev.asios.host.numa;

import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One NUMA node.
 *
 * @param osIndex the kernel's node number ({@code nodeN})
 * @param kind CPUs with memory, memory only, or GPU memory
 * @param cpus the online CPUs local to it; empty for memory-only and GPU-memory nodes
 * @param localMemoryBytes {@code MemTotal} of the node, in bytes (hugepages included)
 * @param freeMemoryBytes {@code MemFree} of the node, when the kernel reports it
 * @param hugepages the hugepage pools of the node, by page size
 * @param gpuPciAddress the PCI address of the GPU whose memory this is, for GPU-memory nodes
 * @param memoryTier the kernel's memory tier of the node (Linux 6.1+), when shown
 */
public record NumaNode(
        int osIndex,
        NodeKind kind,
        CpuSet cpus,
        long localMemoryBytes,
        OptionalLong freeMemoryBytes,
        List<HugepagePool> hugepages,
        Optional<String> gpuPciAddress,
        OptionalInt memoryTier) {

    /** Creates an immutable copy. */
    public NumaNode {
        hugepages = List.copyOf(hugepages);
    }
}
