package dev.asios.host.pci;

import java.util.OptionalInt;

/**
 * What a PCI function is for AI work, from its class code and vendor.
 */
public enum DeviceKind {
    /** A GPU: a display controller (class 0x03) from NVIDIA, AMD or Intel, or any 3D controller (0x0302). */
    GPU,
    /** A processing accelerator (class 0x12, for example Habana Gaudi) or co-processor (0x0b40). */
    ACCELERATOR,
    /** A network controller (class 0x02), or an InfiniBand serial-bus controller (0x0c06, QLogic/Intel TrueScale HCAs). */
    NIC,
    /** An NVMe controller (class 0x0108). */
    NVME,
    /** Another mass-storage controller (class 0x01): SATA, SAS, RAID, SCSI. */
    STORAGE,
    /** A bridge (class 0x06): host bridge, ISA bridge, PCI-to-PCI bridge, NVSwitch (0x0680). */
    BRIDGE,
    /** Anything else, and functions whose class is unknown. */
    OTHER;

    /** The PCI vendor id of NVIDIA. */
    public static final int VENDOR_NVIDIA = 0x10de;
    /** The PCI vendor id of AMD's graphics (formerly ATI). */
    public static final int VENDOR_AMD = 0x1002;
    /** The PCI vendor id of Intel. */
    public static final int VENDOR_INTEL = 0x8086;

    /**
     * Classifies a function.
     *
     * @param classCode the 24-bit class code (base class, subclass, programming interface), if known
     * @param vendorId the vendor id, if known; a display controller of unknown vendor is {@link #OTHER}
     */
    public static DeviceKind of(OptionalInt classCode, OptionalInt vendorId) {
        if (classCode.isEmpty()) {
            return OTHER;
        }
        int baseClass = classCode.getAsInt() >> 16;
        int subclass = classCode.getAsInt() >> 8;
        if (subclass == 0x0302 || baseClass == 0x03 && vendorId.isPresent() && isGpuVendor(vendorId.getAsInt())) {
            return GPU;
        }
        return switch (baseClass) {
            case 0x12 -> ACCELERATOR;
            case 0x0b -> subclass == 0x0b40 ? ACCELERATOR : OTHER;
            case 0x02 -> NIC;
            case 0x0c -> subclass == 0x0c06 ? NIC : OTHER;
            case 0x01 -> subclass == 0x0108 ? NVME : STORAGE;
            case 0x06 -> BRIDGE;
            default -> OTHER;
        };
    }

    private static boolean isGpuVendor(int vendorId) {
        return vendorId == VENDOR_NVIDIA || vendorId == VENDOR_AMD || vendorId == VENDOR_INTEL;
    }
}
