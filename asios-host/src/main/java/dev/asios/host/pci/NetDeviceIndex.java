package dev.asios.host.pci;

import dev.asios.host.sysroot.Sysroot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the network interfaces of each PCI function: those in the function's own {@code net/}
 * folder, and those of {@code /sys/class/net} whose device sits at or below the function (a
 * virtio NIC keeps its interface under {@code virtioN/net/}). Built once per read; not
 * thread-safe.
 */
final class NetDeviceIndex {

    private static final String CLASS_NET = "/sys/class/net";

    private final Sysroot sysroot;
    private final Map<PciAddress, Set<String>> byFunction = new HashMap<>();

    NetDeviceIndex(Sysroot sysroot) {
        this.sysroot = sysroot;
        for (String name : sysroot.list(CLASS_NET)) {
            sysroot.realPath(CLASS_NET + "/" + name)
                    .flatMap(PciAddress::nearestIn)
                    .ifPresent(address -> byFunction.computeIfAbsent(address, a -> new TreeSet<>()).add(name));
        }
    }

    /** The interfaces of the function at {@code address}, whose sysfs folder is {@code deviceDir}; sorted. */
    List<String> of(PciAddress address, String deviceDir) {
        Set<String> names = new TreeSet<>(sysroot.list(deviceDir + "/net"));
        names.addAll(byFunction.getOrDefault(address, Set.of()));
        return List.copyOf(names);
    }
}
