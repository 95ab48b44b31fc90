package dev.asios.observe.runs;

import java.util.List;

/**
 * A workload the agent watches closely: an ASIOS run and the cgroup folders it lives in.
 *
 * @param runId the run's id, the {@code run} label of its metrics
 * @param cgroupPaths absolute host paths of its cgroup folders: one under a cgroup v2 mount, or
 *     one per controller under cgroup v1 mounts (such as {@code /sys/fs/cgroup/cpu,cpuacct/asios/run-1})
 */
public record TrackedRun(String runId, List<String> cgroupPaths) {

    /** Copies the paths. */
    public TrackedRun {
        cgroupPaths = List.copyOf(cgroupPaths);
    }
}
