package dev.asios.host.inspect;

import dev.asios.host.block.BlockDevice;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.kernel.KernelState;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.pci.PciTopology;
import dev.asios.host.sysroot.Diagnostics;
import java.util.List;

/**
 * Everything ASIOS knows about a host at one moment: the model that tuning, placement and
 * findings are computed from. Immutable.
 *
 * @param sysroot the root it was read from ({@code /} for the running host)
 * @param cpu CPUs, caches and their grouping
 * @param numa NUMA nodes, memory, hugepages and distances
 * @param pci PCI functions (GPUs, NICs, NVMe, bridges, …) and RDMA devices
 * @param blockDevices block devices with their queue settings
 * @param kernel kernel version, command line, memory policy, power, isolation, cgroups, IOMMU,
 *     IRQs, virtualization and limits
 * @param warnings files that were missing where expected, unreadable or garbled
 */
public record HostSnapshot(
        String sysroot,
        CpuTopology cpu,
        NumaTopology numa,
        PciTopology pci,
        List<BlockDevice> blockDevices,
        KernelState kernel,
        List<Diagnostics.Warning> warnings) {

    /** Creates an immutable copy. */
    public HostSnapshot {
        blockDevices = List.copyOf(blockDevices);
        warnings = List.copyOf(warnings);
    }
}
