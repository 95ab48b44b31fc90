package dev.asios.run.store;

/** Where a recorded run is in its life. */
public enum RunState {
    /** Started and supervised by a living {@code asios run}. */
    RUNNING,
    /** Ended; its exit code and report are recorded. */
    EXITED,
    /** Could not start (its cgroup or the command failed before the command ran). */
    FAILED,
    /** Its supervisor died (killed, or the host rebooted); its cgroup was cleaned up later. */
    ABANDONED
}
