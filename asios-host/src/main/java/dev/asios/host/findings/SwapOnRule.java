package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.SwapDevice;
import java.util.List;
import java.util.Optional;

/** Fires when swap devices are active. */
final class SwapOnRule extends BaseRule {

    SwapOnRule() {
        super("swap-on", Severity.WARNING,
                "A training job that outgrows memory should fail fast, not crawl: swapped-out pinned-memory pools, "
                        + "data loader workers or inference server state turn microsecond accesses into disk reads, and "
                        + "GPU-side timeouts (NCCL watchdogs) follow.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<SwapDevice> devices = host.kernel().memory().swapDevices().orElse(List.of());
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = devices.stream()
                .map(d -> new Evidence("/proc/swaps", d.filename() + " " + d.type() + " " + d.sizeBytes() / 1024 + " kB, " + d.usedBytes() / 1024 + " kB used"))
                .toList();
        return Optional.of(finding(devices.size() + " swap device(s) active", evidence,
                Fix.command("swapoff -a   # and remove or comment the swap lines in /etc/fstab"),
                Fix.command("sysctl -w vm.swappiness=1   # if swap must stay as a last resort")));
    }
}
