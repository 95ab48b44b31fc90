package dev.asios.host.pci;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Readable names of PCI class codes, as the PCI-SIG defines them: by subclass where it matters for
 * AI hosts, else by base class. Pure and thread-safe.
 */
public final class PciClassNames {

    private static final Map<Integer, String> SUBCLASSES = Map.ofEntries(
            Map.entry(0x0100, "SCSI storage controller"),
            Map.entry(0x0101, "IDE interface"),
            Map.entry(0x0104, "RAID bus controller"),
            Map.entry(0x0105, "ATA controller"),
            Map.entry(0x0106, "SATA controller"),
            Map.entry(0x0107, "Serial Attached SCSI controller"),
            Map.entry(0x0108, "Non-Volatile memory controller"),
            Map.entry(0x0200, "Ethernet controller"),
            Map.entry(0x0207, "InfiniBand controller"),
            Map.entry(0x0208, "Fabric controller"),
            Map.entry(0x0300, "VGA compatible controller"),
            Map.entry(0x0301, "XGA compatible controller"),
            Map.entry(0x0302, "3D controller"),
            Map.entry(0x0403, "Audio device"),
            Map.entry(0x0502, "CXL memory device"),
            Map.entry(0x0600, "Host bridge"),
            Map.entry(0x0601, "ISA bridge"),
            Map.entry(0x0604, "PCI bridge"),
            Map.entry(0x0607, "CardBus bridge"),
            Map.entry(0x0609, "Semi-transparent PCI-to-PCI bridge"),
            Map.entry(0x0800, "Interrupt controller"),
            Map.entry(0x0806, "IOMMU"),
            Map.entry(0x0b40, "Co-processor"),
            Map.entry(0x0c03, "USB controller"),
            Map.entry(0x0c04, "Fibre Channel"),
            Map.entry(0x0c05, "SMBus"),
            Map.entry(0x0c06, "InfiniBand"),
            Map.entry(0x1200, "Processing accelerator"),
            Map.entry(0x1201, "SDXI controller"));

    private static final Map<Integer, String> BASE_CLASSES = Map.ofEntries(
            Map.entry(0x00, "Unclassified device"),
            Map.entry(0x01, "Mass storage controller"),
            Map.entry(0x02, "Network controller"),
            Map.entry(0x03, "Display controller"),
            Map.entry(0x04, "Multimedia controller"),
            Map.entry(0x05, "Memory controller"),
            Map.entry(0x06, "Bridge"),
            Map.entry(0x07, "Communication controller"),
            Map.entry(0x08, "Generic system peripheral"),
            Map.entry(0x09, "Input device controller"),
            Map.entry(0x0a, "Docking station"),
            Map.entry(0x0b, "Processor"),
            Map.entry(0x0c, "Serial bus controller"),
            Map.entry(0x0d, "Wireless controller"),
            Map.entry(0x0e, "Intelligent controller"),
            Map.entry(0x0f, "Satellite communications controller"),
            Map.entry(0x10, "Encryption controller"),
            Map.entry(0x11, "Signal processing controller"),
            Map.entry(0x12, "Processing accelerator"),
            Map.entry(0x13, "Non-essential instrumentation"),
            Map.entry(0x40, "Co-processor"));

    private PciClassNames() {
    }

    /** The name of a 24-bit class code, for example "3D controller" for 0x030200; "Unknown class" when absent. */
    public static String name(OptionalInt classCode) {
        if (classCode.isEmpty()) {
            return "Unknown class";
        }
        int code = classCode.getAsInt();
        String name = SUBCLASSES.get(code >> 8);
        return name != null ? name : BASE_CLASSES.getOrDefault(code >> 16, "Unassigned class");
    }
}
