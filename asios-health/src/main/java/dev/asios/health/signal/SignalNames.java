package dev.asios.health.signal;

/**
 * The kinds of groups the {@link SignalExtractor} makes and the names of their signals, for
 * rules, detectors and forecasts that read a signal by name. A group has only the signals whose
 * sources the collectors expose on this host (no eBPF probe, no run-queue quantiles).
 */
public final class SignalNames {

    private SignalNames() {
    }

    /** {@code cpu/N}: one logical CPU, from the CPU collector and the eBPF run-queue probe. */
    public static final class Cpu {
        /** The kind. */
        public static final String KIND = "cpu";
        /** Share of the CPU's time in user, nice, system, irq and softirq mode. */
        public static final String BUSY_RATIO = "busy_ratio";
        /** Share of the CPU's time idle with I/O outstanding. */
        public static final String IOWAIT_RATIO = "iowait_ratio";
        /** Share of the CPU's time handling hardware and software interrupts. */
        public static final String IRQ_SOFTIRQ_RATIO = "irq_softirq_ratio";
        /** Share of the CPU's time the hypervisor gave to others. */
        public static final String STEAL_RATIO = "steal_ratio";
        /** Hardware interrupts and IPIs handled per second. */
        public static final String INTERRUPTS_PER_SECOND = "interrupts_per_second";
        /** Seconds tasks waited on the CPU's run queue per second ({@code /proc/schedstat}); more than 1 when several wait. */
        public static final String RUNQUEUE_WAIT_SECONDS_PER_SECOND = "runqueue_wait_seconds_per_second";
        /** Median run-queue latency of the round (eBPF). */
        public static final String RUNQUEUE_P50_SECONDS = "runqueue_p50_seconds";
        /** 99th percentile run-queue latency of the round (eBPF). */
        public static final String RUNQUEUE_P99_SECONDS = "runqueue_p99_seconds";

        private Cpu() {
        }
    }

    /** {@code node/N}: one NUMA node (node 0 for the hugepages of a kernel without NUMA). */
    public static final class Node {
        /** The kind. */
        public static final String KIND = "node";
        /** Memory in use on the node, page cache included, over its size. */
        public static final String MEMORY_USED_RATIO = "memory_used_ratio";
        /** Free hugepages of the node, every page size, in bytes. */
        public static final String HUGEPAGES_FREE_BYTES = "hugepages_free_bytes";
        /** Allocations meant for this node placed on another, per second. */
        public static final String NUMA_MISS_PER_SECOND = "numa_miss_per_second";
        /** Allocations meant for another node placed on this one, per second. */
        public static final String NUMA_FOREIGN_PER_SECOND = "numa_foreign_per_second";

        private Node() {
        }
    }

    /** {@code disk/NAME}: one whole disk, from the disk collector and the eBPF block I/O probe. */
    public static final class Disk {
        /** The kind. */
        public static final String KIND = "disk";
        /** Bytes read per second. */
        public static final String READ_BYTES_PER_SECOND = "read_bytes_per_second";
        /** Bytes written per second. */
        public static final String WRITE_BYTES_PER_SECOND = "write_bytes_per_second";
        /** Reads and writes completed per second. */
        public static final String IOPS = "iops";
        /** Mean time of the reads and writes completed in the round; NaN when none completed. */
        public static final String MEAN_LATENCY_SECONDS = "mean_latency_seconds";
        /** Share of the round the disk was busy with at least one request. */
        public static final String UTILIZATION_RATIO = "utilization_ratio";
        /** Mean number of requests in flight. */
        public static final String QUEUE_DEPTH = "queue_depth";
        /** Median block I/O latency of the round (eBPF). */
        public static final String BLOCK_LATENCY_P50_SECONDS = "block_latency_p50_seconds";
        /** 99th percentile block I/O latency of the round (eBPF). */
        public static final String BLOCK_LATENCY_P99_SECONDS = "block_latency_p99_seconds";

        private Disk() {
        }
    }

    /** {@code nic/NAME}: one network interface. */
    public static final class Nic {
        /** The kind. */
        public static final String KIND = "nic";
        /** Bytes received per second. */
        public static final String RX_BYTES_PER_SECOND = "rx_bytes_per_second";
        /** Bytes sent per second. */
        public static final String TX_BYTES_PER_SECOND = "tx_bytes_per_second";
        /** Received packets dropped per second. */
        public static final String RX_DROPS_PER_SECOND = "rx_drops_per_second";
        /** Outgoing packets dropped per second. */
        public static final String TX_DROPS_PER_SECOND = "tx_drops_per_second";
        /** Receive and transmit errors per second. */
        public static final String ERRORS_PER_SECOND = "errors_per_second";

        private Nic() {
        }
    }

    /** {@code gpu/N}: one GPU by the driver's index. */
    public static final class Gpu {
        /** The kind. */
        public static final String KIND = "gpu";
        /** Share of the sample period in which a kernel ran. */
        public static final String UTILIZATION_RATIO = "utilization_ratio";
        /** Share of the sample period in which memory was read or written. */
        public static final String MEMORY_UTILIZATION_RATIO = "memory_utilization_ratio";
        /** Memory in use over memory installed. */
        public static final String MEMORY_USED_RATIO = "memory_used_ratio";
        /** Die temperature in degrees Celsius. */
        public static final String TEMPERATURE_CELSIUS = "temperature_celsius";
        /** Board power in watts. */
        public static final String POWER_WATTS = "power_watts";
        /** Streaming multiprocessor clock in hertz. */
        public static final String SM_CLOCK_HERTZ = "sm_clock_hertz";

        private Gpu() {
        }
    }

    /** {@code run/ID}: one tracked run, from its cgroups and the eBPF migration probe. */
    public static final class Run {
        /** The kind. */
        public static final String KIND = "run";
        /** CPU seconds used per second: cores busy. */
        public static final String CPU_CORES_USED = "cpu_cores_used";
        /** Share of the quota periods of the round in which the run was throttled; 0 without a quota. */
        public static final String THROTTLED_RATIO = "throttled_ratio";
        /** Memory charged to the run in bytes. */
        public static final String MEMORY_BYTES = "memory_bytes";
        /** Memory charged over the run's limit; only for a run with a limit. */
        public static final String MEMORY_LIMIT_RATIO = "memory_limit_ratio";
        /** Bytes read from block devices per second. */
        public static final String IO_READ_BYTES_PER_SECOND = "io_read_bytes_per_second";
        /** Bytes written to block devices per second. */
        public static final String IO_WRITE_BYTES_PER_SECOND = "io_write_bytes_per_second";
        /** Moves of the run's threads between CPUs per second (eBPF). */
        public static final String CPU_MIGRATIONS_PER_SECOND = "cpu_migrations_per_second";

        private Run() {
        }
    }

    /** {@code host/all}: the whole host. */
    public static final class Host {
        /** The kind. */
        public static final String KIND = "host";
        /** The one entity of the kind. */
        public static final String ENTITY = "all";
        /** The group's id. */
        public static final String ID = KIND + "/" + ENTITY;
        /** Share of time some task waited for a CPU (PSI). */
        public static final String CPU_PRESSURE_SOME_RATIO = "cpu_pressure_some_ratio";
        /** Share of time some task stalled on memory (PSI). */
        public static final String MEMORY_PRESSURE_SOME_RATIO = "memory_pressure_some_ratio";
        /** Share of time every non-idle task stalled on memory at once (PSI). */
        public static final String MEMORY_PRESSURE_FULL_RATIO = "memory_pressure_full_ratio";
        /** Share of time some task stalled on I/O (PSI). */
        public static final String IO_PRESSURE_SOME_RATIO = "io_pressure_some_ratio";
        /** Share of time every non-idle task stalled on I/O at once (PSI). */
        public static final String IO_PRESSURE_FULL_RATIO = "io_pressure_full_ratio";
        /** Memory available for new work over usable memory. */
        public static final String MEMORY_AVAILABLE_RATIO = "memory_available_ratio";
        /** Pages read in from swap per second. */
        public static final String SWAP_IN_PAGES_PER_SECOND = "swap_in_pages_per_second";
        /** Pages written out to swap per second. */
        public static final String SWAP_OUT_PAGES_PER_SECOND = "swap_out_pages_per_second";
        /** Page faults that read from disk per second. */
        public static final String MAJOR_PAGE_FAULTS_PER_SECOND = "major_page_faults_per_second";
        /** Context switches per second, all CPUs. */
        public static final String CONTEXT_SWITCHES_PER_SECOND = "context_switches_per_second";
        /** Tasks runnable now. */
        public static final String PROCS_RUNNING = "procs_running";
        /** Tasks blocked on I/O now. */
        public static final String PROCS_BLOCKED = "procs_blocked";

        private Host() {
        }
    }
}
