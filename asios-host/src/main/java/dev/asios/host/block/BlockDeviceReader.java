package dev.asios.host.block;

import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the block devices of {@code /sys/block}: size, queue settings, model, whether they are
 * virtual, and the PCI function of their controller. Never throws for a bad file: a garbled
 * attribute is absent with a warning in the sysroot's diagnostics, a missing one is simply
 * absent. Not thread-safe; make one per read.
 */
public final class BlockDeviceReader {

    private static final String BLOCK = "/sys/block";
    private static final String VIRTUAL_DEVICES = "/sys/devices/virtual/";
    private static final String NVME_SUBSYSTEMS = "/sys/devices/virtual/nvme-subsystem/";
    private static final Pattern VIRTUAL_NAME = Pattern.compile("(loop|ram|zram|nbd|md)\\d+|dm-\\d+|md_.+");

    private final SysrootValues values;
    private final Sysroot sysroot;

    /** Reads through {@code values}. */
    public BlockDeviceReader(SysrootValues values) {
        this.values = values;
        this.sysroot = values.sysroot();
    }

    /** Reads all block devices, by name. */
    public List<BlockDevice> read() {
        List<BlockDevice> devices = new ArrayList<>();
        for (String name : sysroot.list(BLOCK)) {
            devices.add(device(name, BLOCK + "/" + name));
        }
        return devices;
    }

    /**
     * True for a device without hardware of its own, by its name (loop, ram, zram, nbd, md,
     * dm-) or its place in sysfs (under {@code /sys/devices/virtual}, except NVMe multipath
     * namespaces, which are real drives).
     */
    static boolean isVirtual(String name, Optional<String> realPath) {
        boolean virtualPath = realPath.filter(p -> p.startsWith(VIRTUAL_DEVICES) && !p.startsWith(NVME_SUBSYSTEMS)).isPresent();
        return virtualPath || VIRTUAL_NAME.matcher(name).matches();
    }

    private BlockDevice device(String name, String dir) {
        Optional<String> realPath = sysroot.realPath(dir);
        return new BlockDevice(
                name,
                values.parsed(dir + "/size", BlockAttributeParser::parseSizeBytes).map(OptionalLong::of).orElse(OptionalLong.empty()),
                values.parsed(dir + "/queue/rotational", BlockAttributeParser::parseFlag),
                values.parsed(dir + "/queue/scheduler", BlockAttributeParser::parseScheduler),
                values.longValue(dir + "/queue/nr_requests"),
                values.longValue(dir + "/queue/read_ahead_kb"),
                values.string(dir + "/device/model").filter(model -> !model.isEmpty()),
                values.parsed(dir + "/removable", BlockAttributeParser::parseFlag),
                isVirtual(name, realPath),
                controllerAddress(dir, realPath));
    }

    // An NVMe multipath namespace lives under the subsystem; its paths (multipath/nvme0c0n1) lead to the controllers
    private Optional<PciAddress> controllerAddress(String dir, Optional<String> realPath) {
        Optional<PciAddress> direct = realPath.flatMap(PciAddress::nearestIn);
        if (direct.isPresent()) {
            return direct;
        }
        return sysroot.list(dir + "/multipath").stream()
                .map(path -> sysroot.realPath(dir + "/multipath/" + path).flatMap(PciAddress::nearestIn))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
