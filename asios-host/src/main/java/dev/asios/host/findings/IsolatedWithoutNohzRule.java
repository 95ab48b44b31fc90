package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;

/** Fires when isolated CPUs are not also tickless ({@code nohz_full}). */
final class IsolatedWithoutNohzRule extends BaseRule {

    IsolatedWithoutNohzRule() {
        super("isolated-without-nohz-full", Severity.WARNING,
                "Isolation keeps other tasks off a CPU, but without nohz_full the scheduler tick still interrupts it "
                        + "(up to 1000 times a second) and RCU callbacks still run there: a few microseconds of jitter "
                        + "each, visible in the p99.9 of a real-time inference loop.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        CpuSet isolated = host.kernel().isolation().isolated().orElse(CpuSet.empty());
        CpuSet tickless = host.kernel().isolation().nohzFull().orElse(CpuSet.empty());
        if (isolated.isEmpty() || tickless.containsAll(isolated)) {
            return Optional.empty();
        }
        CpuSet missing = isolated.andNot(tickless);
        return Optional.of(finding("isolated CPUs " + missing + " are not nohz_full",
                List.of(new Evidence("/sys/devices/system/cpu/isolated", isolated.toList()),
                        new Evidence("/sys/devices/system/cpu/nohz_full", tickless.isEmpty() ? "(none)" : tickless.toList())),
                Fix.bootParameter("nohz_full=" + isolated.toList() + " rcu_nocbs=" + isolated.toList())));
    }
}
