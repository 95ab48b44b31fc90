package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;

/**
 * The role of a PCI Express function, from bits 7:4 of its PCI Express Capabilities register.
 * Where a function sits decides how peer-to-peer traffic between GPUs flows: through a switch's
 * downstream ports, or up to the root complex.
 */
public enum PciePortType {
    /** A PCI Express endpoint: a GPU, NIC or NVMe drive (code 0). */
    ENDPOINT(0),
    /** A legacy PCI Express endpoint (code 1). */
    LEGACY_ENDPOINT(1),
    /** A root port of the root complex (code 4). */
    ROOT_PORT(4),
    /** The upstream port of a switch (code 5). */
    SWITCH_UPSTREAM_PORT(5),
    /** A downstream port of a switch, above one slot (code 6). */
    SWITCH_DOWNSTREAM_PORT(6),
    /** A PCI Express to PCI/PCI-X bridge (code 7). */
    PCIE_TO_PCI_BRIDGE(7),
    /** A PCI/PCI-X to PCI Express bridge (code 8). */
    PCI_TO_PCIE_BRIDGE(8),
    /** An endpoint integrated in the root complex (code 9). */
    ROOT_COMPLEX_INTEGRATED_ENDPOINT(9),
    /** A root complex event collector (code 10). */
    ROOT_COMPLEX_EVENT_COLLECTOR(10);

    private final int code;

    PciePortType(int code) {
        this.code = code;
    }

    /** The 4-bit code of the capabilities register. */
    public int code() {
        return code;
    }

    /**
     * The type of a 4-bit code.
     *
     * @throws ParseException for a reserved code (2, 3, 11 to 15)
     */
    public static PciePortType ofCode(int code) {
        for (PciePortType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ParseException("PCI Express device/port type " + code + " is reserved");
    }
}
