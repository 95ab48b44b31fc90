package dev.asios.health.rules;

/**
 * The remediations a known cause calls for, as string ids; the policy layer
 * ({@code dev.asios.health.policy}) turns them into actions it may or may not take.
 */
public final class RemediationIds {

    /** Write again the settings of the applied tuning profile that drifted. */
    public static final String REAPPLY_DRIFT = "reapply-drift";
    /** Move a task that is not an ASIOS run's off an isolated CPU. */
    public static final String MOVE_TASK_OFF_ISOLATED_CPU = "move-task-off-isolated-cpu";
    /** Move an IRQ's affinity off an isolated CPU. */
    public static final String MOVE_IRQ_OFF_ISOLATED_CPU = "move-irq-off-isolated-cpu";
    /** Restart a run that crashed, with backoff. */
    public static final String RESTART_CRASHED_RUN = "restart-crashed-run";
    /** Lower the CPU or I/O weight of, or cap, a run that starves others. */
    public static final String THROTTLE_NOISY_NEIGHBOUR = "throttle-noisy-neighbour";
    /** Mark a GPU unhealthy so that no new run is placed on it. */
    public static final String MARK_GPU_UNHEALTHY = "mark-gpu-unhealthy";

    private RemediationIds() {
    }
}
