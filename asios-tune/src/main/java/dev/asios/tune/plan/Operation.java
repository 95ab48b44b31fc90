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
    HOLD_OPEN;

    /** The state of a device that no ASIOS holder keeps open. */
    public static final String NOT_HELD = "not held";

    /** The state of a folder that exists. */
    public static final String PRESENT = "present";

    /** The state of a folder or a configuration file that does not exist. */
    public static final String ABSENT = "absent";
}
