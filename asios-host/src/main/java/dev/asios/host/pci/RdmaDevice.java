package dev.asios.host.pci;

import java.util.List;
import java.util.Optional;

/**
 * One RDMA device ({@code /sys/class/infiniband/DEV}): an InfiniBand HCA or a RoCE NIC. Immutable.
 *
 * @param name the device name, for example {@code mlx5_0}
 * @param pciAddress the PCI function it belongs to; absent for software devices such as
 *     {@code rxe0}
 * @param ports its ports, by number
 * @param netDevices the network interfaces of its PCI function and of its RoCE ports, sorted
 */
public record RdmaDevice(String name, Optional<PciAddress> pciAddress, List<RdmaPort> ports, List<String> netDevices) {

    /** Creates an immutable copy. */
    public RdmaDevice {
        ports = List.copyOf(ports);
        netDevices = List.copyOf(netDevices);
    }
}
