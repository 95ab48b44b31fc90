package dev.asios.run.place;

import dev.asios.host.pci.PciAddress;

/**
 * Two different GPUs, unordered: the constructor puts the lower PCI address first, so
 * {@code new GpuPair(a, b).equals(new GpuPair(b, a))}.
 *
 * @param first the GPU with the lower address
 * @param second the GPU with the higher address
 */
public record GpuPair(PciAddress first, PciAddress second) {

    /**
     * Orders the pair.
     *
     * @throws IllegalArgumentException if both are the same GPU
     */
    public GpuPair {
        int order = first.compareTo(second);
        if (order == 0) {
            throw new IllegalArgumentException("a GPU pair needs two GPUs, got " + first + " twice");
        }
        if (order > 0) {
            PciAddress lower = second;
            second = first;
            first = lower;
        }
    }
}
