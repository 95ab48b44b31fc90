package dev.asios.host.pci;

import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One PCI function under {@code /sys/bus/pci/devices}. Values the kernel does not show are absent,
 * never defaulted. Immutable.
 *
 * @param address the function's address, for example {@code 0000:3b:00.0}
 * @param classCode the 24-bit class code (base class, subclass, programming interface)
 * @param className a readable name of the class, for example "3D controller"
 * @param kind what the function is for AI work
 * @param ids vendor, device and subsystem ids
 * @param driver the name of the bound kernel driver, for example {@code nvidia}
 * @param numaNode the NUMA node the function is attached to; absent when the kernel says -1
 * @param localCpus the CPUs near the function ({@code local_cpulist}, else {@code local_cpus})
 * @param link the PCI Express link speed and width
 * @param pciBridge true for a PCI-to-PCI bridge (class 0x0604 or 0x0609 with a type-1 header, or
 *     that class when the header is unreadable): a root port or switch port with a bus below it.
 *     Host and ISA bridges are {@link DeviceKind#BRIDGE} but not PCI-to-PCI bridges.
 * @param portType the PCI Express role, when the configuration space shows it
 * @param acs Access Control Services; absent when unknown (the extended configuration space
 *     needs root to read), {@link AcsState#ABSENT} when the function has none
 * @param upstreamBridges the PCI functions between this one and its host bridge, nearest first:
 *     switch ports and the root port (for a drive behind Intel VMD, also the VMD controller)
 * @param netDevices the network interfaces of the function or of devices below it, sorted
 * @param nvmeController the NVMe controller of the function, for NVMe drives
 */
public record PciDevice(
        PciAddress address,
        OptionalInt classCode,
        String className,
        DeviceKind kind,
        PciIds ids,
        Optional<String> driver,
        OptionalInt numaNode,
        Optional<CpuSet> localCpus,
        PciLink link,
        boolean pciBridge,
        Optional<PciePortType> portType,
        Optional<AcsState> acs,
        List<PciAddress> upstreamBridges,
        List<String> netDevices,
        Optional<NvmeController> nvmeController) {

    /** Creates an immutable copy. */
    public PciDevice {
        upstreamBridges = List.copyOf(upstreamBridges);
        netDevices = List.copyOf(netDevices);
    }
}
