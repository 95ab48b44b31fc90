package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.CState;
import dev.asios.host.kernel.CpuIdle;
import java.util.List;
import java.util.Optional;

/** Fires when idle states with an exit latency above {@value #MAX_EXIT_LATENCY_US} µs are enabled. */
final class DeepCStatesRule extends BaseRule {

    /** Exit latency above which an idle state costs latency-sensitive work (C1/C1E are below it). */
    static final long MAX_EXIT_LATENCY_US = 20;

    DeepCStatesRule() {
        super("deep-c-states", Severity.WARNING,
                "A core in a deep C-state takes tens to hundreds of microseconds to wake: every wake-up of a GPU feeder "
                        + "thread, an RDMA completion handler or an inference request pays it, and the p99 scheduling "
                        + "latency target (25 µs on isolated cores) cannot be met.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        CpuIdle idle = host.kernel().cpuPower().idle();
        List<CState> deep = idle.states().stream().filter(s -> !s.disabled() && s.exitLatencyUs() > MAX_EXIT_LATENCY_US).toList();
        if (deep.isEmpty()) {
            return Optional.empty();
        }
        int cpu = idle.statesCpu().orElse(0);
        List<Evidence> evidence = deep.stream()
                .map(s -> new Evidence("/sys/devices/system/cpu/cpu" + cpu + "/cpuidle/state" + s.index() + "/latency", s.exitLatencyUs() + " (" + s.name() + ", enabled)"))
                .toList();
        String states = String.join(" ", deep.stream().map(s -> String.valueOf(s.index())).toList());
        return Optional.of(finding("deep idle states enabled: " + String.join(", ", deep.stream().map(CState::name).toList()), evidence,
                Fix.command("for s in " + states + "; do for f in /sys/devices/system/cpu/cpu*/cpuidle/state$s/disable; do echo 1 > $f; done; done"),
                Fix.command("cpupower idle-set -D " + MAX_EXIT_LATENCY_US),
                Fix.bootParameter("intel_idle.max_cstate=1 processor.max_cstate=1   # Intel; on AMD: processor.max_cstate=1")));
    }
}
