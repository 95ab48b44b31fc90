package dev.asios.tune.tunable;

import dev.asios.tune.plan.ValueFormat;
import java.util.Optional;

/**
 * The cpufreq governor and energy-performance preference of every online CPU, and turbo boost.
 * Hosts without cpufreq (most VMs) skip with the reason.
 */
public final class CpuFrequencyTunable implements Tunable {

    private static final String CPU = "/sys/devices/system/cpu";

    @Override
    public String id() {
        return "cpu.frequency";
    }

    @Override
    public Result plan(TuneContext context) {
        var cpu = context.profile().cpu();
        if (cpu.governor().isEmpty() && cpu.energyPerformancePreference().isEmpty() && cpu.boost().isEmpty()) {
            return Result.NONE;
        }
        int first = context.host().cpu().onlineCpus().first();
        if (first < 0 || !context.values().sysroot().exists(CPU + "/cpu" + first + "/cpufreq")) {
            return Result.skipped(id(), "no cpufreq on this host (a VM, or the firmware owns frequency): nothing to set");
        }
        Results results = new Results();
        context.host().cpu().onlineCpus().stream().forEach(n -> {
            String dir = CPU + "/cpu" + n + "/cpufreq/";
            cpu.governor().ifPresent(g -> results.add(Tunable.fileChange(context, "cpu.governor", dir + "scaling_governor", ValueFormat.PLAIN, g, "CPU " + n + " frequency governor")));
            cpu.energyPerformancePreference().ifPresent(e -> results.add(Tunable.fileChange(context, "cpu.energyPerformancePreference",
                    dir + "energy_performance_preference", ValueFormat.PLAIN, e, "CPU " + n + " energy/performance preference")));
        });
        cpu.boost().ifPresent(on -> results.add(boost(context, on)));
        return results.result();
    }

    private static Result boost(TuneContext context, boolean on) {
        Optional<String> generic = context.values().sysroot().read(CPU + "/cpufreq/boost");
        if (generic.isPresent()) {
            return Tunable.fileChange(context, "cpu.boost", CPU + "/cpufreq/boost", ValueFormat.PLAIN, on ? "1" : "0", "turbo boost");
        }
        return Tunable.fileChange(context, "cpu.boost", CPU + "/intel_pstate/no_turbo", ValueFormat.PLAIN, on ? "0" : "1", "turbo boost (intel_pstate)");
    }
}
