package dev.asios.run.place;

import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;

/**
 * Where a run goes: its GPUs, CPUs, memory nodes and NIC, how good that is, and why. Immutable.
 *
 * @param gpus the GPUs, by index; empty for a CPU-only run
 * @param cpus the CPUs, never empty
 * @param memoryNodes the NUMA nodes the memory is bound to (or preferred, or interleaved over):
 *     always nodes with CPUs, never a CPU-less GPU-memory node
 * @param policy how memory is bound to {@code memoryNodes}
 * @param nic the NIC for GPU traffic, when one was asked
 * @param score from 0 to 1, 1 when everything is as local as it can be: a weighted sum of the
 *     worst link between the GPUs (0.4), the share of CPUs on the GPUs' nodes (0.3), the share of
 *     CPUs that are whole cores (0.1), the share of memory that stays on the chosen nodes (0.1)
 *     and the NIC's link to the GPUs (0.1); parts that do not apply count as 1
 * @param reasons the explanation, one line each, for example
 *     {@code "GPUs 0,1: NVLink x12 between them"}
 */
public record Placement(
        List<PlacedGpu> gpus,
        CpuSet cpus,
        CpuSet memoryNodes,
        NumaPolicy policy,
        Optional<PlacedNic> nic,
        double score,
        List<String> reasons) {

    /** Creates an immutable copy. */
    public Placement {
        gpus = List.copyOf(gpus);
        reasons = List.copyOf(reasons);
    }
}
