package dev.asios.observe.cgroup;

/**
 * The files of a cgroup folder the run collector reads, on v2 and v1. A folder holds those of
 * the controllers its hierarchy has: a v2 folder several, a v1 folder those of its one
 * controller (or of the controllers mounted together, such as {@code cpu,cpuacct}).
 */
enum CgroupFile {
    /** v2: usage, user, system, periods, throttling; v1 ({@code cpu}): periods and throttling only. */
    CPU_STAT("cpu.stat"),
    /** v1 ({@code cpuacct}): all CPU time, nanoseconds. */
    CPUACCT_USAGE("cpuacct.usage"),
    /** v1 ({@code cpuacct}): user and system time, USER_HZ ticks. */
    CPUACCT_STAT("cpuacct.stat"),
    /** v2: memory charged now, bytes. */
    MEMORY_CURRENT("memory.current"),
    /** v1: memory charged now, bytes. */
    MEMORY_USAGE("memory.usage_in_bytes"),
    /** v2: the limit, bytes, or {@code max}. */
    MEMORY_MAX("memory.max"),
    /** v1: the limit, bytes, a value near 2^63 when unset. */
    MEMORY_LIMIT("memory.limit_in_bytes"),
    /** v2 and v1: memory by kind ({@code anon} and {@code file}; v1 {@code total_rss} and {@code total_cache}). */
    MEMORY_STAT("memory.stat"),
    /** v2: bytes and operations per device. */
    IO_STAT("io.stat"),
    /** v1 ({@code blkio}): bytes per device and direction. */
    BLKIO_BYTES("blkio.throttle.io_service_bytes"),
    /** v1 ({@code blkio}): operations per device and direction. */
    BLKIO_SERVICED("blkio.throttle.io_serviced");

    /** All files, without the copy {@code values()} makes. */
    static final CgroupFile[] FILES = values();

    private final String fileName;

    CgroupFile(String fileName) {
        this.fileName = fileName;
    }

    /** The file's name in a cgroup folder. */
    String fileName() {
        return fileName;
    }
}
