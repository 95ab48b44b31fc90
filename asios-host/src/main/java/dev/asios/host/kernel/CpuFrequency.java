package dev.asios.host.kernel;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The frequency and energy settings of one CPU. Only CPUs that have at least one of these files
 * are reported; a virtual machine usually has none. Immutable.
 *
 * @param cpu the CPU number
 * @param governor {@code scaling_governor}, for example {@code performance} or {@code schedutil}
 * @param driver {@code scaling_driver}, for example {@code intel_pstate}, {@code amd-pstate-epp}, {@code acpi-cpufreq}
 * @param energyPerformancePreference {@code energy_performance_preference} (intel_pstate and
 *     amd-pstate in active mode), for example {@code balance_performance}
 * @param energyPerfBias {@code cpuN/power/energy_perf_bias}: 0 (performance) to 15 (power saving)
 */
public record CpuFrequency(int cpu, Optional<String> governor, Optional<String> driver,
        Optional<String> energyPerformancePreference, OptionalLong energyPerfBias) {
}
