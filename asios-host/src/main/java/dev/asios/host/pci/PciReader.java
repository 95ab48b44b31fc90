package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every PCI function under {@code /sys/bus/pci/devices} and every RDMA device under
 * {@code /sys/class/infiniband}. Never throws for a bad file: an entry whose name is not a PCI
 * address is left out with a warning, an unreadable or garbled attribute is absent with a warning
 * in the sysroot's diagnostics, a missing one is simply absent. Without a PCI tree (a recorded
 * tree without one, a machine without PCI) the result is empty. Not thread-safe; make one per
 * read.
 */
public final class PciReader {

    private static final String DEVICES = "/sys/bus/pci/devices";
    private static final String NVIDIA_GPUS = "/proc/driver/nvidia/gpus";
    private static final int MAX_NUMA_NODE = 0xffff;

    private final SysrootValues values;
    private final Sysroot sysroot;

    /** Reads through {@code values}. */
    public PciReader(SysrootValues values) {
        this.values = values;
        this.sysroot = values.sysroot();
    }

    /** Reads all PCI functions, by address, and all RDMA devices, by name. */
    public PciTopology read() {
        NetDeviceIndex netDevices = new NetDeviceIndex(sysroot);
        Set<String> nvidiaGpus = Set.copyOf(sysroot.list(NVIDIA_GPUS));
        List<PciDevice> devices = new ArrayList<>();
        for (String name : sysroot.list(DEVICES)) {
            Optional<PciAddress> address = PciAddress.find(name);
            if (address.isEmpty()) {
                sysroot.diagnostics().warn(DEVICES + "/" + name, "is not a PCI address like 0000:3b:00.0; left out");
                continue;
            }
            devices.add(device(address.get(), DEVICES + "/" + name, netDevices, nvidiaGpus.contains(name)));
        }
        devices.sort(Comparator.comparing(PciDevice::address));
        return new PciTopology(devices, new RdmaReader(values, netDevices).read());
    }

    /**
     * True for a PCI-to-PCI bridge: class 0x0604 (or semi-transparent 0x0609) with a type-1
     * header; when the header could not be read, the class alone decides.
     */
    static boolean isPciBridge(OptionalInt classCode, OptionalInt headerType) {
        if (classCode.isEmpty()) {
            return false;
        }
        int subclass = classCode.getAsInt() >> 8;
        boolean bridgeClass = subclass == 0x0604 || subclass == 0x0609;
        return bridgeClass && (headerType.isEmpty() || headerType.getAsInt() == 1);
    }

    private PciDevice device(PciAddress address, String dir, NetDeviceIndex netDevices, boolean listedByNvidiaDriver) {
        OptionalInt classCode = hexId(dir + "/class", 24);
        OptionalInt vendor = hexId(dir + "/vendor", 16);
        if (vendor.isEmpty() && listedByNvidiaDriver) {
            // The NVIDIA driver lists only its own GPUs under /proc/driver/nvidia/gpus.
            vendor = OptionalInt.of(DeviceKind.VENDOR_NVIDIA);
        }
        PciIds ids = new PciIds(vendor, hexId(dir + "/device", 16),
                hexId(dir + "/subsystem_vendor", 16), hexId(dir + "/subsystem_device", 16));
        String configPath = dir + "/config";
        Optional<byte[]> config = sysroot.readBytes(configPath);
        OptionalInt headerType = config.map(PciConfigSpace::headerType).orElse(OptionalInt.empty());
        return new PciDevice(
                address,
                classCode,
                PciClassNames.name(classCode),
                DeviceKind.of(classCode, ids.vendorId()),
                ids,
                sysroot.readLink(dir + "/driver").map(PciReader::lastComponent),
                numaNode(dir + "/numa_node"),
                values.cpuList(dir + "/local_cpulist").or(() -> values.cpuMask(dir + "/local_cpus")),
                link(dir),
                isPciBridge(classCode, headerType),
                config.flatMap(bytes -> decodeConfig(configPath, bytes, PciConfigSpace::portType)),
                config.flatMap(bytes -> decodeConfig(configPath, bytes, PciConfigSpace::acs)),
                upstreamBridges(dir, address),
                netDevices.of(address, dir),
                NvmeControllers.read(sysroot, dir));
    }

    private PciLink link(String dir) {
        return new PciLink(
                speed(dir + "/current_link_speed"),
                width(dir + "/current_link_width"),
                speed(dir + "/max_link_speed"),
                width(dir + "/max_link_width"));
    }

    private OptionalDouble speed(String path) {
        return values.parsed(path, PciAttributeParser::parseLinkSpeedGtPerSec).orElse(OptionalDouble.empty());
    }

    private OptionalInt width(String path) {
        return values.parsed(path, PciAttributeParser::parseLinkWidthLanes).orElse(OptionalInt.empty());
    }

    private OptionalInt hexId(String path, int bits) {
        return values.parsed(path, text -> PciAttributeParser.parseHexId(text, bits)).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    // Format: "1" (the node), "-1" (no node: one-node machine or firmware without locality)
    private OptionalInt numaNode(String path) {
        OptionalLong node = values.longValue(path);
        if (node.isEmpty() || node.getAsLong() < 0) {
            return OptionalInt.empty();
        }
        if (node.getAsLong() > MAX_NUMA_NODE) {
            sysroot.diagnostics().warn(path, "node " + node.getAsLong() + " is above " + MAX_NUMA_NODE + "; left out");
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) node.getAsLong());
    }

    private List<PciAddress> upstreamBridges(String dir, PciAddress address) {
        List<PciAddress> chain = new ArrayList<>(sysroot.realPath(dir).map(PciAddress::allIn).orElse(List.of()));
        if (!chain.isEmpty() && chain.getLast().equals(address)) {
            chain.removeLast();
        }
        return chain.reversed();
    }

    private <T> Optional<T> decodeConfig(String path, byte[] config, Function<byte[], Optional<T>> decoder) {
        try {
            return decoder.apply(config);
        } catch (ParseException e) {
            sysroot.diagnostics().warn(path, e.getMessage());
            return Optional.empty();
        }
    }

    private static String lastComponent(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
