package dev.asios.cli.inspect;

import dev.asios.cli.Bytes;
import dev.asios.host.block.BlockDevice;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.NodeKind;
import dev.asios.host.pci.DeviceKind;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.pci.PciLink;
import dev.asios.host.pci.RdmaDevice;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The human view of devices: one line per GPU, accelerator, NIC and storage controller, placed
 * under its NUMA node in the topology tree, and a block device table. Bridges and other functions
 * are counted, not listed ({@code --json} has them all).
 */
final class DevicesTextView {

    private static final Set<DeviceKind> LISTED = EnumSet.of(DeviceKind.GPU, DeviceKind.ACCELERATOR, DeviceKind.NIC, DeviceKind.NVME, DeviceKind.STORAGE);

    /**
     * Device lines by the NUMA node they are attached to: the kernel's {@code numa_node}, else the
     * node holding the device's local CPUs, else the only CPU node; key -1 for none of these.
     */
    static Map<Integer, List<String>> linesByNode(HostSnapshot host) {
        int onlyNode = host.numa().cpuNodeCount() == 1
                ? host.numa().nodes().stream().filter(n -> n.kind() == NodeKind.CPU).findFirst().orElseThrow().osIndex() : -1;
        Map<Integer, List<String>> byNode = new TreeMap<>();
        for (PciDevice device : host.pci().devices()) {
            if (LISTED.contains(device.kind())) {
                int node = device.numaNode().orElse(device.localCpus().filter(c -> !c.isEmpty())
                        .flatMap(c -> host.numa().nodeOfCpu(c.first())).map(n -> n.osIndex()).orElse(onlyNode));
                byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(line(device, host));
            }
        }
        return byNode;
    }

    static void renderUnattachedAndCounts(HostSnapshot host, Map<Integer, List<String>> byNode, StringBuilder out) {
        List<String> unattached = byNode.getOrDefault(-1, List.of());
        if (!unattached.isEmpty()) {
            out.append("  devices without a NUMA node:\n");
            unattached.forEach(l -> out.append("    ").append(l).append('\n'));
        }
        long bridges = host.pci().devices().stream().filter(PciDevice::pciBridge).count();
        long others = host.pci().devices().stream().filter(d -> !d.pciBridge() && !LISTED.contains(d.kind())).count();
        if (!host.pci().devices().isEmpty()) {
            out.append("  PCI: ").append(host.pci().devices().size()).append(" functions (").append(bridges).append(" bridges, ")
                    .append(others).append(" others not listed; --json lists all)\n");
        }
    }

    static void renderBlockDevices(List<BlockDevice> devices, StringBuilder out) {
        List<BlockDevice> real = devices.stream().filter(d -> !d.virtual()).toList();
        if (real.isEmpty()) {
            return;
        }
        out.append("\nBlock devices\n");
        for (BlockDevice d : real) {
            out.append(String.format(Locale.ROOT, "  %-10s %9s  %-4s scheduler %-12s queue %-5s read-ahead %s KiB%s%s%n",
                    d.name(),
                    d.sizeBytes().isPresent() ? Bytes.human(d.sizeBytes().getAsLong()) : "?",
                    d.rotational().map(r -> r ? "hdd" : "ssd").orElse("?"),
                    d.scheduler().map(s -> s.active()).orElse("?"),
                    d.requestQueueDepth().isPresent() ? String.valueOf(d.requestQueueDepth().getAsLong()) : "?",
                    d.readAheadKib().isPresent() ? String.valueOf(d.readAheadKib().getAsLong()) : "?",
                    d.model().map(m -> "  " + m).orElse(""),
                    d.pciAddress().map(a -> "  on " + a).orElse("")));
        }
    }

    private static String line(PciDevice device, HostSnapshot host) {
        StringBuilder line = new StringBuilder(device.address().toString()).append("  ")
                .append(kindName(device.kind())).append("  ").append(device.className());
        if (device.ids().vendorId().isPresent() && device.ids().deviceId().isPresent()) {
            line.append(String.format(" [%04x:%04x]", device.ids().vendorId().getAsInt(), device.ids().deviceId().getAsInt()));
        }
        device.driver().ifPresent(d -> line.append("  driver ").append(d));
        host.numa().nodes().stream().filter(n -> n.gpuPciAddress().filter(device.address().toString()::equals).isPresent())
                .forEach(n -> line.append("  memory on NUMA node ").append(n.osIndex()));
        if (!device.netDevices().isEmpty()) {
            line.append("  ").append(String.join(",", device.netDevices()));
        }
        device.nvmeController().ifPresent(c -> line.append("  ").append(c.name()).append(": ").append(String.join(",", c.namespaceBlockDevices())));
        for (RdmaDevice rdma : host.pci().rdmaDevices()) {
            if (rdma.pciAddress().filter(device.address()::equals).isPresent()) {
                line.append("  RDMA ").append(rdma.name());
                rdma.ports().stream().findFirst().ifPresent(p -> line.append(" (")
                        .append(p.state().orElse("?")).append(p.rate().map(r -> ", " + r.gbPerSec() + " Gb/s").orElse(""))
                        .append(p.linkLayer().map(l -> ", " + l).orElse("")).append(')'));
            }
        }
        link(device.link()).ifPresent(l -> line.append("  ").append(l));
        if (!device.upstreamBridges().isEmpty()) {
            line.append("  via ").append(device.upstreamBridges().getFirst());
            if (device.upstreamBridges().size() > 1) {
                line.append(" (+").append(device.upstreamBridges().size() - 1).append(" up)");
            }
        }
        return line.toString();
    }

    private static java.util.Optional<String> link(PciLink link) {
        if (link.currentSpeedGtPerSec().isEmpty() && link.currentWidthLanes().isEmpty()) {
            return java.util.Optional.empty();
        }
        String now = speed(link.currentSpeedGtPerSec()) + " x" + width(link.currentWidthLanes());
        String max = speed(link.maxSpeedGtPerSec()) + " x" + width(link.maxWidthLanes());
        return java.util.Optional.of("PCIe " + now + (link.belowMaximum() ? " (below max " + max + ")" : ""));
    }

    private static String speed(OptionalDouble gtPerSec) {
        return gtPerSec.isPresent() ? String.format(Locale.ROOT, "%.1f GT/s", gtPerSec.getAsDouble()) : "?";
    }

    private static String width(OptionalInt lanes) {
        return lanes.isPresent() ? String.valueOf(lanes.getAsInt()) : "?";
    }

    private static String kindName(DeviceKind kind) {
        return switch (kind) {
            case GPU -> "GPU";
            case ACCELERATOR -> "accelerator";
            case NIC -> "NIC";
            case NVME -> "NVMe";
            case STORAGE -> "storage";
            case BRIDGE -> "bridge";
            case OTHER -> "other";
        };
    }

    private DevicesTextView() {
    }
}
