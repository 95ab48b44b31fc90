package dev.asios.host.pci;

import java.util.List;

/**
 * The NVMe controller of a PCI function and the block devices of its namespaces. Immutable.
 *
 * @param name the controller's name, for example {@code nvme0}
 * @param namespaceBlockDevices the block devices of its namespaces, sorted, for example
 *     {@code nvme0n1}; with native NVMe multipath the shared device of the subsystem
 */
public record NvmeController(String name, List<String> namespaceBlockDevices) {

    /** Creates an immutable copy. */
    public NvmeController {
        namespaceBlockDevices = List.copyOf(namespaceBlockDevices);
    }
}
