package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.pci.PciDevice;
import java.util.List;

/**
 * Classifies the link between two PCI devices of a host as {@code nvidia-smi topo -m} would:
 * {@link LinkClass#NVLINK} when {@link GpuLinks} counts NVLinks between them; else from their
 * PCIe paths in sysfs ({@link PciDevice#upstreamBridges()}): below one switch port at most on each
 * side, {@link LinkClass#PIX}; a longer common chain of bridges, {@link LinkClass#PXB}; only the
 * root bus in common, {@link LinkClass#PHB}; different root buses on a common NUMA node,
 * {@link LinkClass#NODE}; else {@link LinkClass#SYS}. Thread-safe.
 */
public final class LinkClassifier {

    private final GpuLinks links;
    private final DeviceNodes nodes;

    /** Classifies on {@code host}, with NVLinks from {@code links}. */
    public LinkClassifier(HostSnapshot host, GpuLinks links) {
        this.links = links;
        this.nodes = new DeviceNodes(host.numa());
    }

    /** The class of the link between {@code a} and {@code b}. */
    public LinkClass classify(PciDevice a, PciDevice b) {
        return links.between(a.address(), b.address()) > 0 ? LinkClass.NVLINK : pcie(a, b);
    }

    /** The NVLinks between {@code a} and {@code b}; 0 when none or unknown. */
    public int nvlinks(PciDevice a, PciDevice b) {
        return links.between(a.address(), b.address());
    }

    /**
     * How good the link is, higher better: 0 for {@link LinkClass#SYS} up to 4 for
     * {@link LinkClass#PIX}, and 5 plus the number of links for NVLink.
     */
    int rank(PciDevice a, PciDevice b) {
        int nvlinks = nvlinks(a, b);
        return nvlinks > 0 ? LinkClass.SYS.ordinal() + nvlinks : LinkClass.SYS.ordinal() - pcie(a, b).ordinal();
    }

    /** The PCIe class alone, NVLink left aside. */
    LinkClass pcie(PciDevice a, PciDevice b) {
        List<PciAddress> pathA = a.upstreamBridges().reversed();
        List<PciAddress> pathB = b.upstreamBridges().reversed();
        if (!rootBus(a).equals(rootBus(b))) {
            return nodes.of(a).intersects(nodes.of(b)) ? LinkClass.NODE : LinkClass.SYS;
        }
        int common = 0;
        while (common < pathA.size() && common < pathB.size() && pathA.get(common).equals(pathB.get(common))) {
            common++;
        }
        if (common == 0) {
            return LinkClass.PHB;
        }
        return Math.max(pathA.size(), pathB.size()) - common <= 1 ? LinkClass.PIX : LinkClass.PXB;
    }

    /** The domain and bus of the root bus a device hangs off: that of its topmost bridge, or its own. */
    private static List<Integer> rootBus(PciDevice device) {
        PciAddress top = device.upstreamBridges().isEmpty() ? device.address() : device.upstreamBridges().getLast();
        return List.of(top.domain(), top.bus());
    }
}
