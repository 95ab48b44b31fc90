package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.asios.host.parse.CpuSet;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Software perf counters of one process and everything it starts, through
 * {@code perf_event_open(2)}: task clock, page faults, context switches, CPU migrations, and the
 * task clock on each CPU.
 *
 * <p>The counters are opened with {@code inherit}, so they count the process's threads and
 * children created after {@link #open}, but not threads that already run: open them on a process
 * that has not started its work yet (stopped, for example). The counts of an inherited thread or
 * child are folded into these counters when it exits; until then {@link #read()} does not see
 * them. So the totals are complete once the process and its children have exited and been waited
 * for. The counters keep their values after the process is gone.
 *
 * <p>Opening needs {@code perf_event_paranoid} &lt;= 1 (the counters include kernel time) or
 * {@code CAP_PERFMON}/{@code CAP_SYS_ADMIN}, and a kernel with perf events; some virtual machines
 * and containers have none. Then {@link #open} throws a {@link NativeException} whose message
 * is the reason to report. Thread-safe: the methods are synchronized.
 */
public final class PerfCounters implements AutoCloseable {

    private static final int PERF_TYPE_SOFTWARE = 1;
    private static final long TASK_CLOCK = 1;
    private static final long PAGE_FAULTS = 2;
    private static final long CONTEXT_SWITCHES = 3;
    private static final long CPU_MIGRATIONS = 4;

    // struct perf_event_attr, 128 bytes (PERF_ATTR_SIZE_VER7; older kernels accept it because the
    // bytes they do not know are zero): u32 type @0, u32 size @4, u64 config @8,
    // u64 read_format @32 (0: read(2) gives the bare count), u64 flag bits @40.
    private static final int ATTR_SIZE_BYTES = 128;
    private static final long FLAG_DISABLED = 1L;
    private static final long FLAG_INHERIT = 1L << 1;
    private static final long FLAG_EXCLUDE_HV = 1L << 6;
    private static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;
    private static final long PERF_EVENT_IOC_ENABLE = 0x2400;

    private static final NativeCall PERF_EVENT_OPEN = Libc.syscall("perf_event_open", ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    private static final NativeCall IOCTL = Libc.variadicFunction("ioctl", 2, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG);
    private static final NativeCall READ = Libc.function("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final NativeCall CLOSE = Libc.function("close", JAVA_INT, JAVA_INT);

    /**
     * What the counters had counted when read.
     *
     * @param taskClockNanos CPU time, nanoseconds
     * @param pageFaults page faults, minor and major
     * @param contextSwitches context switches, voluntary and not
     * @param cpuMigrations moves from one CPU to another
     * @param perCpuNanos CPU time per CPU number, nanoseconds, for every CPU the counters were opened on
     */
    public record Snapshot(long taskClockNanos, long pageFaults, long contextSwitches, long cpuMigrations, SortedMap<Integer, Long> perCpuNanos) {

        /** Creates an immutable copy. */
        public Snapshot {
            perCpuNanos = Collections.unmodifiableSortedMap(new TreeMap<>(perCpuNanos));
        }

        /** The sum of {@link #perCpuNanos()}: close to {@link #taskClockNanos()}. */
        public long perCpuTotalNanos() {
            return perCpuNanos.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final long pid;
    private final int[] totals;
    private final Map<Integer, Integer> perCpu;
    private boolean closed;

    private PerfCounters(long pid, int[] totals, Map<Integer, Integer> perCpu) {
        this.pid = pid;
        this.totals = totals;
        this.perCpu = perCpu;
    }

    /**
     * Opens and starts the counters of process {@code pid}.
     *
     * @param pid the process (or thread) to count, with what it starts afterwards
     * @param cpus the CPUs to count the per-CPU task clock on, normally the online ones
     * @throws IllegalArgumentException if {@code pid} is not in 1..2^31-1 or {@code cpus} is empty
     * @throws NativeException {@code ESRCH} for no such process, {@code EACCES} or {@code EPERM}
     *     for too little privilege, {@code ENOENT}, {@code ENODEV} or {@code EOPNOTSUPP} where the
     *     kernel has no such events, {@code EINVAL} for a CPU that does not exist
     */
    public static PerfCounters open(long pid, CpuSet cpus) throws NativeException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pid must be in 1.." + Integer.MAX_VALUE + ", not " + pid);
        }
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("per-CPU perf counters need at least one CPU");
        }
        List<Integer> opened = new ArrayList<>();
        try {
            int[] totals = new int[4];
            long[] configs = {TASK_CLOCK, PAGE_FAULTS, CONTEXT_SWITCHES, CPU_MIGRATIONS};
            for (int i = 0; i < configs.length; i++) {
                totals[i] = openEvent(configs[i], pid, -1);
                opened.add(totals[i]);
            }
            Map<Integer, Integer> perCpu = new LinkedHashMap<>();
            for (int cpu : cpus.toArray()) {
                int fd = openEvent(TASK_CLOCK, pid, cpu);
                opened.add(fd);
                perCpu.put(cpu, fd);
            }
            for (int fd : opened) {
                IOCTL.invokeFor("PERF_EVENT_IOC_ENABLE for pid " + pid, fd, PERF_EVENT_IOC_ENABLE, 0L);
            }
            return new PerfCounters(pid, totals, perCpu);
        } catch (NativeException | RuntimeException e) {
            closeAll(opened).ifPresent(e::addSuppressed);
            throw e;
        }
    }

    /**
     * Reads every counter.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws NativeException if a read fails
     */
    public synchronized Snapshot read() throws NativeException {
        if (closed) {
            throw new IllegalStateException("perf counters of pid " + pid + " are closed");
        }
        SortedMap<Integer, Long> perCpuNanos = new TreeMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_LONG);
            for (Map.Entry<Integer, Integer> entry : perCpu.entrySet()) {
                perCpuNanos.put(entry.getKey(), readValue(entry.getValue(), value));
            }
            return new Snapshot(readValue(totals[0], value), readValue(totals[1], value), readValue(totals[2], value),
                    readValue(totals[3], value), perCpuNanos);
        }
    }

    /**
     * Closes every counter; later calls do nothing.
     *
     * @throws UncheckedIOException if a descriptor could not be closed (after trying all of them)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Integer> fds = new ArrayList<>();
        for (int fd : totals) {
            fds.add(fd);
        }
        fds.addAll(perCpu.values());
        Optional<NativeException> failure = closeAll(fds);
        if (failure.isPresent()) {
            throw new UncheckedIOException(failure.get());
        }
    }

    private static int openEvent(long config, long pid, int cpu) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE_BYTES, Long.BYTES);
            attr.set(JAVA_INT, 0, PERF_TYPE_SOFTWARE);
            attr.set(JAVA_INT, 4, ATTR_SIZE_BYTES);
            attr.set(JAVA_LONG, 8, config);
            attr.set(JAVA_LONG, 40, FLAG_DISABLED | FLAG_INHERIT | FLAG_EXCLUDE_HV);
            return (int) PERF_EVENT_OPEN.invokeFor("for pid " + pid + " on cpu " + cpu + " (software event " + config + ")",
                    attr, pid, (long) cpu, -1L, PERF_FLAG_FD_CLOEXEC);
        }
    }

    // With read_format 0, read(2) gives one u64: the count.
    private long readValue(int fd, MemorySegment value) throws NativeException {
        long bytes = READ.invokeFor("of perf counter for pid " + pid, fd, value, (long) Long.BYTES);
        if (bytes != Long.BYTES) {
            throw new IllegalStateException("read of perf counter for pid " + pid + " gave " + bytes + " bytes, not 8");
        }
        return value.get(JAVA_LONG, 0);
    }

    private static Optional<NativeException> closeAll(List<Integer> fds) {
        NativeException first = null;
        for (int fd : fds) {
            try {
                CLOSE.invoke(fd);
            } catch (NativeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return Optional.ofNullable(first);
    }
}
