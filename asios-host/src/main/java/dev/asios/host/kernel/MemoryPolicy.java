package dev.asios.host.kernel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the kernel manages memory: transparent hugepages, NUMA balancing, reclaim and swap. Every
 * field is absent when its file is missing (a kernel built without the feature, or a recorded tree
 * that did not keep it). Immutable.
 *
 * @param thpEnabled {@code /sys/kernel/mm/transparent_hugepage/enabled}: always, madvise or never
 * @param thpDefrag {@code .../transparent_hugepage/defrag}: always, defer, defer+madvise, madvise or never
 * @param khugepagedDefrag {@code .../transparent_hugepage/khugepaged/defrag}: whether khugepaged
 *     compacts memory to build hugepages
 * @param numaBalancing {@code kernel.numa_balancing}: 0 off, 1 normal, 2 memory tiering, 3 both
 * @param swappiness {@code vm.swappiness}: 0 to 200, how eagerly anonymous memory is swapped
 * @param zoneReclaimMode {@code vm.zone_reclaim_mode}: a bit mask; 0 allocates from other nodes
 *     before reclaiming locally
 * @param swapDevices the active swap areas of {@code /proc/swaps}; empty list when there are none
 * @param swapTotalBytes {@code SwapTotal} of {@code /proc/meminfo}
 * @param swapFreeBytes {@code SwapFree} of {@code /proc/meminfo}
 */
public record MemoryPolicy(
        Optional<KernelChoice> thpEnabled,
        Optional<KernelChoice> thpDefrag,
        Optional<Boolean> khugepagedDefrag,
        OptionalLong numaBalancing,
        OptionalLong swappiness,
        OptionalLong zoneReclaimMode,
        Optional<List<SwapDevice>> swapDevices,
        OptionalLong swapTotalBytes,
        OptionalLong swapFreeBytes) {

    /** Creates an immutable copy. */
    public MemoryPolicy {
        swapDevices = swapDevices.map(List::copyOf);
    }
}
