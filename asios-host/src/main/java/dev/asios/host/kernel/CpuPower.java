package dev.asios.host.kernel;

import java.util.List;
import java.util.Optional;

/**
 * CPU frequency scaling and idle states: what makes a core slow to answer or slow to run.
 * Immutable.
 *
 * @param frequencies one entry per online CPU that has cpufreq or energy-bias files, in CPU order
 * @param boost whether turbo/boost frequencies are allowed: {@code cpufreq/boost}, else the
 *     inverse of {@code intel_pstate/no_turbo}; absent when neither exists
 * @param idle the cpuidle state
 */
public record CpuPower(List<CpuFrequency> frequencies, Optional<Boolean> boost, CpuIdle idle) {

    /** Creates an immutable copy. */
    public CpuPower {
        frequencies = List.copyOf(frequencies);
    }
}
