package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.AcsState;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.pci.PciDevice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fires when a PCIe switch port between two GPUs under the same switch redirects peer-to-peer
 * requests upstream (ACS P2P Request/Completion Redirect). Needs the extended configuration space,
 * which only root can read: without it the rule says nothing.
 */
final class AcsRedirectRule extends BaseRule {

    AcsRedirectRule() {
        super("acs-redirects-gpu-p2p", Severity.WARNING,
                "With ACS redirect on a switch port, GPU-to-GPU (and GPU-to-NIC) traffic that could stay inside the "
                        + "PCIe switch is sent up to the root complex and back: P2P bandwidth drops and NCCL may hang or "
                        + "fall back to copies through host memory. Keep it only where VFIO passthrough needs the isolation.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<PciDevice> gpus = host.pci().gpus();
        Set<PciAddress> redirecting = new LinkedHashSet<>();
        for (int i = 0; i < gpus.size(); i++) {
            for (int j = i + 1; j < gpus.size(); j++) {
                redirecting.addAll(redirectingBetween(host, gpus.get(i), gpus.get(j)));
            }
        }
        if (redirecting.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (PciAddress bridge : redirecting) {
            AcsState acs = host.pci().byAddress(bridge.toString()).flatMap(PciDevice::acs).orElseThrow();
            evidence.add(new Evidence("/sys/bus/pci/devices/" + bridge + "/config (ACS control)", String.format("0x%04x", acs.controlBits())));
        }
        String list = String.join(" ", redirecting.stream().map(PciAddress::toString).toList());
        return Optional.of(finding("ACS redirects peer-to-peer traffic on switch port(s) between GPUs: " + list, evidence,
                Fix.command("for b in " + list + "; do setpci -s $b ECAP_ACS+0x6.w=0000; done   # until reboot"),
                Fix.bootParameter("pci=disable_acs_redir=" + String.join(";", redirecting.stream().map(PciAddress::toString).toList()))));
    }

    /** The bridges on the path between two GPUs, below their nearest common bridge, that redirect. */
    private static List<PciAddress> redirectingBetween(HostSnapshot host, PciDevice a, PciDevice b) {
        Optional<PciAddress> common = a.upstreamBridges().stream().filter(b.upstreamBridges()::contains).findFirst();
        if (common.isEmpty()) {
            return List.of();
        }
        List<PciAddress> path = new ArrayList<>(a.upstreamBridges().subList(0, a.upstreamBridges().indexOf(common.get())));
        path.addAll(b.upstreamBridges().subList(0, b.upstreamBridges().indexOf(common.get())));
        return path.stream()
                .filter(bridge -> host.pci().byAddress(bridge.toString()).flatMap(PciDevice::acs).filter(AcsState::redirectsPeerToPeer).isPresent())
                .toList();
    }
}
