package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.DeviceKind;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.pci.PciLink;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Fires when a GPU, accelerator, NIC or NVMe drive has a PCIe link narrower or slower than it
 * supports. A narrower link is a warning (a wrong slot, a riser, a bad seat); a GPU that is only
 * slower may be saving power at idle, so that alone is information.
 */
final class PcieLinkDegradedRule extends BaseRule {

    private static final Set<DeviceKind> CHECKED = EnumSet.of(DeviceKind.GPU, DeviceKind.ACCELERATOR, DeviceKind.NIC, DeviceKind.NVME);

    PcieLinkDegradedRule() {
        super("pcie-link-degraded", Severity.WARNING,
                "Host-to-device copies, GPUDirect RDMA and NVMe reads are bounded by the PCIe link: a x8 link where "
                        + "x16 is possible halves the bandwidth for loading weights, feeding batches and all-reduce over "
                        + "the network.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<Evidence> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean serious = false;
        for (PciDevice device : host.pci().devices()) {
            PciLink link = device.link();
            if (!CHECKED.contains(device.kind()) || !link.belowMaximum()) {
                continue;
            }
            boolean narrower = link.currentWidthLanes().isPresent() && link.maxWidthLanes().isPresent()
                    && link.currentWidthLanes().getAsInt() < link.maxWidthLanes().getAsInt();
            serious |= narrower || device.kind() != DeviceKind.GPU;
            String dir = "/sys/bus/pci/devices/" + device.address();
            evidence.add(new Evidence(dir + "/current_link_speed, current_link_width", describe(link.currentSpeedGtPerSec().orElse(0), link.currentWidthLanes().orElse(0))));
            evidence.add(new Evidence(dir + "/max_link_speed, max_link_width", describe(link.maxSpeedGtPerSec().orElse(0), link.maxWidthLanes().orElse(0))));
            names.add(device.address() + " (" + device.kind().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(serious ? Severity.WARNING : Severity.INFO,
                "PCIe link below its maximum on " + String.join(", ", names), evidence,
                Fix.command("lspci -vv -s " + names.getFirst().split(" ")[0] + " | grep -E 'LnkCap|LnkSta'   # confirm; for a GPU, check under load: nvidia-smi -q -d PCIE"),
                Fix.manual("move the card to a slot wired for its full width, reseat it or replace the riser; check the slot's PCIe generation in the firmware setup")));
    }

    private static String describe(double speedGtPerSec, int width) {
        return String.format(Locale.ROOT, "%.1f GT/s x%d", speedGtPerSec, width);
    }
}
