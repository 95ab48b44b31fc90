package dev.asios.tune.profile;

import java.util.Optional;

/**
 * The {@code cpu} section of a profile. Every setting is optional; absent means leave the host
 * as it is.
 *
 * @param isolate the CPUs to take away from the kernel's housekeeping: a CPU list
 *     ({@code 2-7,10}), {@code auto} (see {@link IsolationResolver}) or {@code none}; checked
 *     for form when loaded, against the host by {@link IsolationResolver#resolve}
 * @param housekeepingPerNode whole cores per NUMA node kept for the kernel when
 *     {@code isolate} is {@code auto}, at least 1 (1 when absent)
 * @param governor the cpufreq scaling governor ({@code performance}, {@code schedutil}, ...)
 * @param energyPerformancePreference the cpufreq energy/performance preference
 *     ({@code performance}, {@code balance_performance}, ...)
 * @param boost whether frequency boost (turbo) is on
 * @param maxCstateLatencyUs disable every idle state whose exit latency exceeds this, in
 *     microseconds, at least 0
 */
public record CpuSettings(
        Optional<String> isolate,
        Optional<Integer> housekeepingPerNode,
        Optional<String> governor,
        Optional<String> energyPerformancePreference,
        Optional<Boolean> boost,
        Optional<Integer> maxCstateLatencyUs) {

    /** No settings. */
    public static final CpuSettings NONE = new CpuSettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** These settings, with the gaps filled from {@code base}. */
    public CpuSettings over(CpuSettings base) {
        return new CpuSettings(
                isolate.or(base::isolate),
                housekeepingPerNode.or(base::housekeepingPerNode),
                governor.or(base::governor),
                energyPerformancePreference.or(base::energyPerformancePreference),
                boost.or(base::boost),
                maxCstateLatencyUs.or(base::maxCstateLatencyUs));
    }
}
