package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;

/** Fires when the NMI watchdog runs on a host with isolated CPUs. */
final class NmiWatchdogRule extends BaseRule {

    NmiWatchdogRule() {
        super("nmi-watchdog-on", Severity.INFO,
                "The hard-lockup watchdog fires a perf NMI on every CPU periodically, isolated ones included, and takes "
                        + "a hardware counter that profilers would otherwise use.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        var watchdog = host.kernel().sysctls().nmiWatchdog();
        CpuSet isolated = host.kernel().isolation().isolated().orElse(CpuSet.empty());
        if (watchdog.isEmpty() || watchdog.getAsLong() == 0 || isolated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("the NMI watchdog interrupts isolated CPUs " + isolated,
                List.of(new Evidence("/proc/sys/kernel/nmi_watchdog", String.valueOf(watchdog.getAsLong()))),
                Fix.command("sysctl -w kernel.nmi_watchdog=0"),
                Fix.bootParameter("nmi_watchdog=0")));
    }
}
