package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;

/** Fires when irqbalance runs on a host with isolated CPUs and is not told to leave them alone. */
final class IrqbalanceIsolationRule extends BaseRule {

    IrqbalanceIsolationRule() {
        super("irqbalance-vs-isolation", Severity.WARNING,
                "irqbalance rewrites IRQ affinities every few seconds. Unless it bans the isolated CPUs it moves device "
                        + "interrupts back onto them, undoing the isolation that latency-critical threads rely on.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        CpuSet isolated = host.kernel().isolation().isolated().orElse(CpuSet.empty());
        if (isolated.isEmpty() || !host.kernel().irqbalance().running().orElse(false)) {
            return Optional.empty();
        }
        CpuSet banned = host.kernel().irqbalance().bannedCpus().orElse(CpuSet.empty());
        if (banned.containsAll(isolated)) {
            return Optional.empty();
        }
        return Optional.of(finding("irqbalance runs and does not ban isolated CPUs " + isolated.andNot(banned),
                List.of(new Evidence("/sys/devices/system/cpu/isolated", isolated.toList()),
                        new Evidence("/proc/<irqbalance pid>/environ", "IRQBALANCE_BANNED_CPULIST=" + banned.toList())),
                Fix.command("echo 'IRQBALANCE_BANNED_CPULIST=" + isolated.or(banned).toList() + "' >> /etc/default/irqbalance && systemctl restart irqbalance")));
    }
}
