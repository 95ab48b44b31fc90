package dev.asios.host.pci;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the RDMA devices of {@code /sys/class/infiniband}: the PCI function behind each, its ports
 * and its network interfaces. A missing attribute is absent; a garbled one is absent with a
 * warning. Not thread-safe; made by {@link PciReader} once per read.
 */
final class RdmaReader {

    private static final String CLASS_INFINIBAND = "/sys/class/infiniband";

    private final SysrootValues values;
    private final Sysroot sysroot;
    private final NetDeviceIndex netDevices;

    RdmaReader(SysrootValues values, NetDeviceIndex netDevices) {
        this.values = values;
        this.sysroot = values.sysroot();
        this.netDevices = netDevices;
    }

    List<RdmaDevice> read() {
        List<RdmaDevice> devices = new ArrayList<>();
        for (String name : sysroot.list(CLASS_INFINIBAND)) {
            String dir = CLASS_INFINIBAND + "/" + name;
            Optional<String> functionDir = sysroot.realPath(dir + "/device");
            Optional<PciAddress> address = functionDir.flatMap(PciAddress::nearestIn);
            List<RdmaPort> ports = ports(dir);
            Set<String> names = new TreeSet<>();
            if (address.isPresent()) {
                names.addAll(netDevices.of(address.get(), functionDir.get()));
            }
            ports.forEach(port -> port.netDevice().ifPresent(names::add));
            devices.add(new RdmaDevice(name, address, ports, List.copyOf(names)));
        }
        return devices;
    }

    private List<RdmaPort> ports(String deviceDir) {
        List<String> names = new ArrayList<>();
        for (String name : sysroot.list(deviceDir + "/ports")) {
            if (!name.isEmpty() && name.length() <= 3 && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                names.add(name);
            }
        }
        names.sort(Comparator.comparingInt(Integer::parseInt));
        return names.stream().map(name -> port(deviceDir + "/ports/" + name, Integer.parseInt(name))).toList();
    }

    // Format of gid_attrs/ndevs/0: "eth0"; only RoCE ports have it (others answer EINVAL)
    private RdmaPort port(String dir, int number) {
        Optional<String> linkLayer = values.string(dir + "/link_layer").filter(s -> !s.isEmpty());
        Optional<String> netDevice = linkLayer.filter("Ethernet"::equals)
                .flatMap(l -> values.string(dir + "/gid_attrs/ndevs/0"))
                .filter(s -> !s.isEmpty());
        return new RdmaPort(
                number,
                values.parsed(dir + "/state", RdmaPortParser::parseState),
                values.parsed(dir + "/phys_state", RdmaPortParser::parseState),
                linkLayer,
                values.parsed(dir + "/rate", RdmaPortParser::parseRate),
                netDevice);
    }
}
