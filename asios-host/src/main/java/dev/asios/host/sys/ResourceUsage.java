package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What {@code getrusage(2)} says a process used: CPU time, peak resident memory, page faults and
 * context switches. Immutable; the factories are stateless and thread-safe.
 *
 * @param userMicros CPU time in user mode, microseconds
 * @param systemMicros CPU time in the kernel, microseconds
 * @param maxRssKib peak resident set size, KiB (for {@link #ofChildren()}: of the largest child)
 * @param minorFaults page faults served without I/O
 * @param majorFaults page faults that needed I/O
 * @param voluntarySwitches context switches because the task waited
 * @param involuntarySwitches context switches because the task was preempted
 */
public record ResourceUsage(
        long userMicros,
        long systemMicros,
        long maxRssKib,
        long minorFaults,
        long majorFaults,
        long voluntarySwitches,
        long involuntarySwitches) {

    private static final int RUSAGE_SELF = 0;
    private static final int RUSAGE_CHILDREN = -1;

    // struct rusage on 64-bit Linux: struct timeval ru_utime, ru_stime {long sec; long usec},
    // then 14 longs: maxrss, ixrss, idrss, isrss, minflt, majflt, nswap, inblock, oublock,
    // msgsnd, msgrcv, nsignals, nvcsw, nivcsw.
    private static final long SIZE_BYTES = 2 * 16 + 14 * 8;
    private static final long MAXRSS = 32;
    private static final long MINFLT = MAXRSS + 4 * 8;
    private static final long MAJFLT = MINFLT + 8;
    private static final long NVCSW = MAXRSS + 12 * 8;
    private static final long NIVCSW = NVCSW + 8;

    private static final NativeCall GETRUSAGE = Libc.function("getrusage", JAVA_INT, JAVA_INT, ADDRESS);

    /**
     * The use of this JVM, all its threads together.
     *
     * @throws NativeException if the kernel refuses
     */
    public static ResourceUsage ofSelf() throws NativeException {
        return of(RUSAGE_SELF, "for self");
    }

    /**
     * The use of this JVM's children that have ended and been waited for (the JDK's process
     * reaper waits for those of {@link ProcessBuilder}, before {@link Process#waitFor()} returns),
     * and of their waited-for descendants. A child still running counts nothing yet.
     *
     * @throws NativeException if the kernel refuses
     */
    public static ResourceUsage ofChildren() throws NativeException {
        return of(RUSAGE_CHILDREN, "for children");
    }

    /**
     * The use between {@code earlier} and this one: the counters subtracted, {@link #maxRssKib()}
     * this one's (a peak does not subtract).
     */
    public ResourceUsage minus(ResourceUsage earlier) {
        return new ResourceUsage(
                userMicros - earlier.userMicros,
                systemMicros - earlier.systemMicros,
                maxRssKib,
                minorFaults - earlier.minorFaults,
                majorFaults - earlier.majorFaults,
                voluntarySwitches - earlier.voluntarySwitches,
                involuntarySwitches - earlier.involuntarySwitches);
    }

    /** User and system CPU time together, microseconds. */
    public long cpuMicros() {
        return userMicros + systemMicros;
    }

    private static ResourceUsage of(int who, String context) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment usage = arena.allocate(SIZE_BYTES, Long.BYTES);
            GETRUSAGE.invokeFor(context, who, usage);
            return new ResourceUsage(
                    micros(usage, 0),
                    micros(usage, 16),
                    usage.get(JAVA_LONG, MAXRSS),
                    usage.get(JAVA_LONG, MINFLT),
                    usage.get(JAVA_LONG, MAJFLT),
                    usage.get(JAVA_LONG, NVCSW),
                    usage.get(JAVA_LONG, NIVCSW));
        }
    }

    private static long micros(MemorySegment usage, long timevalOffset) {
        return usage.get(JAVA_LONG, timevalOffset) * 1_000_000L + usage.get(JAVA_LONG, timevalOffset + 8);
    }
}
