package dev.asios.host.kernel;

import java.util.Optional;

/**
 * The kernel's state as it bears on AI work: version and boot parameters, memory policy, CPU power
 * management, CPU isolation, cgroups, IOMMU, interrupts, virtualization, the locked-memory limit
 * and a few sysctls. Each part is read independently; a missing file makes its field absent and a
 * garbled one adds a warning to the sysroot's diagnostics. Immutable.
 *
 * @param kernel release, version and command line
 * @param memory transparent hugepages, NUMA balancing, reclaim and swap
 * @param cpuPower frequency governors, boost and idle states
 * @param isolation isolated, tickless and RCU-offloaded CPUs
 * @param cgroups cgroup hierarchies; absent when no mount table could be read
 * @param iommu IOMMU presence and translation mode
 * @param irqs interrupt counts and affinities
 * @param irqbalance the irqbalance daemon
 * @param virtualMachine whether the host is a virtual machine
 * @param container whether the reading process runs in a container
 * @param lockedMemory the reading process's locked-memory limit; absent without {@code /proc/self/limits}
 * @param sysctls latency-relevant sysctls
 */
public record KernelState(
        KernelInfo kernel,
        MemoryPolicy memory,
        CpuPower cpuPower,
        Isolation isolation,
        Optional<Cgroups> cgroups,
        Iommu iommu,
        Irqs irqs,
        Irqbalance irqbalance,
        Virtualization virtualMachine,
        Virtualization container,
        Optional<LockedMemoryLimit> lockedMemory,
        KernelSysctls sysctls) {
}
