package dev.asios.health.policy;

import java.util.Optional;

/**
 * The remediations the agent knows, each a section of the policy file under its
 * {@link #wireName()}. The names are stable: they appear in policy files and in the audit log.
 */
public enum RemediationKind {

    /** A tunable drifted from the profile in force: re-apply the drifted settings through the tuning executor. */
    REAPPLY_DRIFT,

    /** A foreign task runs on an isolated CPU: move it to the housekeeping CPUs. */
    MOVE_TASK_OFF_ISOLATED_CPU,

    /** An IRQ is served on an isolated CPU: set its affinity back to the housekeeping CPUs. */
    MOVE_IRQ_OFF_ISOLATED_CPU,

    /** A run crashed: restart it with backoff, up to a number of attempts, from its checkpoint command if it declared one. */
    RESTART_CRASHED_RUN,

    /** A neighbour starves a latency-critical run: lower its CPU and I/O weight, then cap its CPU time. */
    THROTTLE_NOISY_NEIGHBOUR,

    /** A GPU reports uncorrectable errors: mark it unhealthy so that no new run is placed on it. */
    MARK_GPU_UNHEALTHY,

    /** A bpftrace probe or a collector keeps dying: back off before restarting it, and report. */
    BACK_OFF_FAILING_PROBE,

    /** A block device's pattern suggests another I/O scheduler or read-ahead: try it, measure, keep it only if better by a margin. */
    ADAPTIVE_IO_SCHEDULER,

    /** Size the per-node hugepage pools to what runs use: grow before a forecast shortage, shrink when idle. */
    HUGEPAGE_POOLS;

    /** The name in policy files and the audit log: {@code reapply-drift}, {@code move-task-off-isolated-cpu}, ... */
    public String wireName() {
        return KebabCase.of(this);
    }

    /** The kind named {@code name} exactly as {@link #wireName()} spells it, if any. */
    public static Optional<RemediationKind> fromWireName(String name) {
        return KebabCase.parse(RemediationKind.class, name);
    }
}
