package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.KernelVersion;
import java.util.List;
import java.util.Optional;

/** Fires when the kernel is older than 6.1, the first with isolated cpuset partitions. */
final class OldKernelRule extends BaseRule {

    OldKernelRule() {
        super("kernel-too-old-for-partitions", Severity.INFO,
                "Linux 6.1 added isolated cpuset partitions (cpuset.cpus.partition = isolated): CPUs taken out of "
                        + "load balancing at run time, without isolcpus and a reboot. Older kernels can isolate only at boot.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        Optional<KernelVersion> version = host.kernel().kernel().version();
        if (version.isEmpty() || version.get().atLeast(6, 1)) {
            return Optional.empty();
        }
        return Optional.of(finding("kernel " + host.kernel().kernel().release().orElse(version.get().toString()) + " is older than 6.1",
                List.of(new Evidence("/proc/sys/kernel/osrelease", host.kernel().kernel().release().orElse(version.get().toString()))),
                Fix.command("apt-get install linux-generic-hwe-22.04   # Ubuntu 22.04; 24.04 ships 6.8")));
    }
}
