package dev.asios.tune.plan;

/**
 * What a {@link Change} does to the host. Every operation is journaled before it is done and has
 * an inverse that rollback runs.
 */
public enum Operation {

    /** Write a value to an existing kernel file (a sysctl, a sysfs or procfs file); rollback writes the original back. */
    WRITE,

    /**
     * Make a cgroup folder that does not exist (desired {@link #PRESENT}); rollback moves any task
     * left in it to its parent cgroup and removes it, with its control files.
     */
    CREATE_CGROUP,

    /**
     * Move every movable task of the cgroup named by the desired value into the cgroup at the
     * path; rollback moves every task of the path's cgroup back. Tasks the kernel pins (per-CPU
     * kernel threads, {@code kthreadd}) stay.
     */
    MOVE_TASKS,

    /**
     * Write a whole configuration file (not a kernel file: {@code /etc/default/irqbalance}, a GRUB
     * drop-in) atomically, the desired value being its content; rollback writes the original
     * content back, or deletes the file when it did not exist ({@link #ABSENT}).
     */
    WRITE_FILE,

    /**
     * Keep a device file open with a value written to it, in a holder process that outlives ASIOS
     * ({@code /dev/cpu_dma_latency}: the kernel keeps the request while the file is open); the
     * desired value is the number written. Rollback stops the holder ({@link #NOT_HELD}).
     */
    HOLD_OPEN,

    /**
     * Let one task run only on some CPUs ({@code sched_setaffinity(2)}): the path names the task
     * with its start time ({@link TaskRef#path()}), the desired value is a {@link TaskPlacement}.
     * A placement with a cpuset folder first moves the task there (on cgroup v2 its whole
     * process), for a cpuset that allows none of the desired CPUs refuses the affinity; the kernel
     * then gives it the folder's CPUs, and the affinity is set if it still differs. The original
     * is the task's placement before, in its cpuset then, so rollback moves it back and sets its
     * CPUs again. A task that exited, or whose id now names another task (the start time
     * differs), is never touched: rollback counts it as restored, and status leaves it out.
     */
    SET_AFFINITY;

    /** The state of a device that no ASIOS holder keeps open. */
    public static final String NOT_HELD = "not held";

    /** The state of a folder that exists. */
    public static final String PRESENT = "present";

    /** The state of a folder or a configuration file that does not exist. */
    public static final String ABSENT = "absent";
}
