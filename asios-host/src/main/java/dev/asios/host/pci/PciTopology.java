package dev.asios.host.pci;

import java.util.List;
import java.util.Optional;

/**
 * The PCI functions and RDMA devices of a host. Immutable.
 *
 * @param devices every PCI function, by address
 * @param rdmaDevices every RDMA device, by name
 */
public record PciTopology(List<PciDevice> devices, List<RdmaDevice> rdmaDevices) {

    /** Creates an immutable copy. */
    public PciTopology {
        devices = List.copyOf(devices);
        rdmaDevices = List.copyOf(rdmaDevices);
    }

    /** The functions of one kind, by address. */
    public List<PciDevice> ofKind(DeviceKind kind) {
        return devices.stream().filter(d -> d.kind() == kind).toList();
    }

    /** The GPUs. */
    public List<PciDevice> gpus() {
        return ofKind(DeviceKind.GPU);
    }

    /** The processing accelerators that are not GPUs. */
    public List<PciDevice> accelerators() {
        return ofKind(DeviceKind.ACCELERATOR);
    }

    /** The network controllers. */
    public List<PciDevice> nics() {
        return ofKind(DeviceKind.NIC);
    }

    /** The NVMe controllers. */
    public List<PciDevice> nvmeControllers() {
        return ofKind(DeviceKind.NVME);
    }

    /** The function at an address such as {@code 0000:3b:00.0}; empty if there is none or the text is not an address. */
    public Optional<PciDevice> byAddress(String address) {
        Optional<PciAddress> wanted = PciAddress.find(address.strip());
        return devices.stream().filter(d -> wanted.isPresent() && d.address().equals(wanted.get())).findFirst();
    }
}
