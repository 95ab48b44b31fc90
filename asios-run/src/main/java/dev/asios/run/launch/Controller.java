package dev.asios.run.launch;

import java.util.Optional;

/**
 * A cgroup controller a run uses, with its name on cgroup v2 and on v1. On v2, {@code cpu}
 * also accounts CPU time; on v1 that is {@code cpuacct}, often mounted with {@code cpu}.
 */
public enum Controller {

    /** CPUs and memory nodes: {@code cpuset.cpus}, {@code cpuset.mems}. */
    CPUSET("cpuset", "cpuset"),
    /** The memory limit and memory statistics. */
    MEMORY("memory", "memory"),
    /** CPU weight and throttling statistics. */
    CPU("cpu", "cpu"),
    /** CPU time per CPU and in user and system mode; v1 only (v2's {@code cpu.stat} has it). */
    CPUACCT(null, "cpuacct"),
    /** The I/O weight. */
    IO("io", "blkio"),
    /** The limit on tasks. */
    PIDS("pids", "pids");

    private final String v2Name;
    private final String v1Name;

    Controller(String v2Name, String v1Name) {
        this.v2Name = v2Name;
        this.v1Name = v1Name;
    }

    /** The name in {@code cgroup.controllers} on v2; empty for a controller v2 does not have. */
    public Optional<String> v2Name() {
        return Optional.ofNullable(v2Name);
    }

    /** The name in the mount options on v1. */
    public String v1Name() {
        return v1Name;
    }
}
