package dev.asios.observe.cgroup;

import dev.asios.observe.collect.Column;

/** What the run collector exposes of each run, labelled {@code run}, one family per field. */
enum RunField {
    CPU(Column.counter("asios_run_cpu_seconds", "CPU time the run's tasks used, in user and kernel mode.", "seconds")),
    CPU_USER(Column.counter("asios_run_cpu_user_seconds", "CPU time the run's tasks used in user mode.", "seconds")),
    CPU_SYSTEM(Column.counter("asios_run_cpu_system_seconds", "CPU time the run's tasks used in kernel mode.", "seconds")),
    CPU_PERIODS(Column.counter("asios_run_cpu_periods", "Enforcement periods of the run's CPU quota that have passed (none without a quota).", null)),
    CPU_THROTTLED_PERIODS(Column.counter("asios_run_cpu_throttled_periods", "Periods in which the run used up its CPU quota and was throttled.", null)),
    CPU_THROTTLED(Column.counter("asios_run_cpu_throttled_seconds", "Time the run's tasks were held back by its CPU quota.", "seconds")),
    MEMORY(Column.gauge("asios_run_memory_bytes", "Memory charged to the run now: anonymous memory, page cache and kernel memory.", "bytes")),
    MEMORY_LIMIT(Column.gauge("asios_run_memory_limit_bytes", "The run's memory limit; no series when it has none.", "bytes")),
    MEMORY_ANON(Column.gauge("asios_run_memory_anon_bytes", "Anonymous memory of the run (heaps, stacks, memory not backed by a file).", "bytes")),
    MEMORY_FILE(Column.gauge("asios_run_memory_file_bytes", "Page cache charged to the run: file data it read or wrote.", "bytes")),
    IO_READ_BYTES(Column.counter("asios_run_io_read_bytes", "Bytes the run read from block devices, summed over the devices.", "bytes")),
    IO_WRITTEN_BYTES(Column.counter("asios_run_io_written_bytes", "Bytes the run wrote to block devices, summed over the devices.", "bytes")),
    IO_READS(Column.counter("asios_run_io_reads", "Read requests the run issued to block devices, summed over the devices.", null)),
    IO_WRITES(Column.counter("asios_run_io_writes", "Write requests the run issued to block devices, summed over the devices.", null));

    /** All fields, without the copy {@code values()} makes. */
    static final RunField[] FIELDS = values();

    private final Column column;

    RunField(Column column) {
        this.column = column;
    }

    /** The family it feeds. */
    Column column() {
        return column;
    }
}
