package dev.asios.run.place;

import java.util.Optional;

/**
 * How two devices (two GPUs, or a GPU and a NIC) are connected, in the classes of
 * {@code nvidia-smi topo -m}, best first. The order of the constants is the order of preference.
 */
public enum LinkClass {
    /** NVLink between the two GPUs. */
    NVLINK("NV", "NVLink: a direct GPU-to-GPU link"),
    /** At most one PCIe bridge between them: the same PCIe switch. */
    PIX("PIX", "the same PCIe switch (at most one bridge)"),
    /** Several PCIe bridges, without the host bridge: nested switches. */
    PXB("PXB", "several PCIe switches, not through the CPU"),
    /** Through a PCIe host bridge: the same root complex of one CPU. */
    PHB("PHB", "the same PCIe host bridge (through the CPU's root complex)"),
    /** Across PCIe host bridges within one NUMA node. */
    NODE("NODE", "the same NUMA node, across PCIe host bridges"),
    /** Across NUMA nodes, over the socket interconnect (QPI/UPI, Infinity Fabric). */
    SYS("SYS", "across NUMA nodes, over the socket interconnect");

    private final String label;
    private final String description;

    LinkClass(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The label of {@code nvidia-smi topo -m}: {@code NV}, {@code PIX}, {@code PXB}, {@code PHB}, {@code NODE}, {@code SYS}. */
    public String label() {
        return label;
    }

    /** One line that says what the class means. */
    public String description() {
        return description;
    }

    /**
     * The PCIe class of an {@code nvidia-smi topo -m} cell such as {@code PIX}; {@code SOC} (the name
     * older drivers gave {@code SYS}) is {@link #SYS}. NVLink cells ({@code NV12}) are not labels
     * here; they carry a count.
     */
    public static Optional<LinkClass> ofPcieLabel(String cell) {
        if ("SOC".equals(cell)) {
            return Optional.of(SYS);
        }
        for (LinkClass link : values()) {
            if (link != NVLINK && link.label.equals(cell)) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }
}
