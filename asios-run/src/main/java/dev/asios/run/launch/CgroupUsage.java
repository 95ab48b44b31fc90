package dev.asios.run.launch;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What a run's cgroup counted, read just before it is removed. Values the host's cgroups do not
 * show are absent. Immutable.
 *
 * @param cpuUserMicros CPU time in user mode, microseconds (v2 {@code cpu.stat user_usec}; v1 {@code cpuacct.stat}, in ticks of 10 ms)
 * @param cpuSystemMicros CPU time in kernel mode, microseconds
 * @param cpuTotalMicros all CPU time, microseconds (v2 {@code usage_usec}; v1 {@code cpuacct.usage})
 * @param throttledPeriods periods in which the run was throttled by a CPU limit ({@code nr_throttled})
 * @param throttledMicros time throttled, microseconds ({@code throttled_usec}; v1 {@code throttled_time})
 * @param memoryPeakBytes the most memory charged at once ({@code memory.peak}; v1 {@code memory.max_usage_in_bytes})
 * @param pageFaults page faults ({@code memory.stat pgfault})
 * @param majorFaults page faults that read from disk ({@code pgmajfault})
 * @param perCpuNanos CPU time per CPU, nanoseconds, CPUs with none left out (v1 {@code cpuacct.usage_percpu}; v2 has no such file)
 */
public record CgroupUsage(OptionalLong cpuUserMicros, OptionalLong cpuSystemMicros, OptionalLong cpuTotalMicros, OptionalLong throttledPeriods,
        OptionalLong throttledMicros, OptionalLong memoryPeakBytes, OptionalLong pageFaults, OptionalLong majorFaults,
        Map<Integer, Long> perCpuNanos) {

    /** Creates an immutable copy. */
    public CgroupUsage {
        perCpuNanos = Map.copyOf(perCpuNanos);
    }
}
