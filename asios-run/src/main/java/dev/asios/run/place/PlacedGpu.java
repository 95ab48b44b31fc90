package dev.asios.run.place;

import dev.asios.host.pci.PciAddress;
import java.util.OptionalInt;

/**
 * One GPU a run gets.
 *
 * @param index the GPU's index: its position among the host's GPUs in PCI bus order, the order of
 *     {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} on a host whose GPUs are all NVIDIA
 * @param address its PCI address
 * @param name a readable name (the PCI class name and vendor)
 * @param numaNode the NUMA node with CPUs that the GPU is attached to, when known
 */
public record PlacedGpu(int index, PciAddress address, String name, OptionalInt numaNode) {
}
