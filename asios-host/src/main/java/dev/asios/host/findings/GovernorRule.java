package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.CpuFrequency;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fires when CPUs run a frequency governor other than {@code performance}. Quiet without cpufreq (most VMs). */
final class GovernorRule extends BaseRule {

    GovernorRule() {
        super("cpu-governor-not-performance", Severity.WARNING,
                "Power-saving governors ramp the clock up only after load is seen: the CPU side of each training step "
                        + "(data loading, kernel launches, the Python loop) and each inference request starts slow, which "
                        + "shows as lower GPU utilisation and higher tail latency.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        List<Evidence> evidence = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (CpuFrequency cpu : host.kernel().cpuPower().frequencies()) {
            String governor = cpu.governor().orElse("performance");
            if (!governor.equals("performance") && !seen.contains(governor)) {
                seen.add(governor);
                evidence.add(new Evidence("/sys/devices/system/cpu/cpu" + cpu.cpu() + "/cpufreq/scaling_governor", governor));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("CPU frequency governor is " + String.join("/", seen) + ", not performance", evidence,
                Fix.command("for g in /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor; do echo performance > $g; done"),
                Fix.command("cpupower frequency-set -g performance   # from linux-tools / linux-cpupower")));
    }
}
