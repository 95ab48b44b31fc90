package dev.asios.bench.jitter;

import dev.asios.bench.BenchException;
import dev.asios.bench.LatencyCounts;
import dev.asios.bench.place.PinnedThread;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * ASIOS's scheduling-latency probe: a thread pinned to one CPU sleeps to absolute deadlines one
 * interval apart on {@code CLOCK_MONOTONIC} ({@code clock_nanosleep}, {@code TIMER_ABSTIME}) and
 * measures how late it wakes, as cyclictest does. The loop is warmed up (compiled) on past
 * deadlines before it records, and allocates nothing while it records. Each run is on a fresh
 * platform thread that ends with it. Immutable and thread-safe; runs on the same CPU disturb each
 * other.
 */
public final class TimerWakeupProbe {

    /** The default interval between deadlines, in microseconds: cyclictest's. */
    public static final long DEFAULT_INTERVAL_US = 1_000;

    private final int cpu;
    private final long intervalUs;
    private final OptionalInt fifoPriority;

    /**
     * A probe on {@code cpu}.
     *
     * @param intervalUs the interval between deadlines, in microseconds: 1 to 1,000,000
     * @param fifoPriority the {@code SCHED_FIFO} priority, 1 to 99; empty for the normal class
     * @throws IllegalArgumentException if a value is outside its range
     */
    public TimerWakeupProbe(int cpu, long intervalUs, OptionalInt fifoPriority) {
        if (cpu < 0) {
            throw new IllegalArgumentException("a CPU number is at least 0, not " + cpu);
        }
        if (intervalUs < 1 || intervalUs > WakeupLoop.HIGHEST_US) {
            throw new IllegalArgumentException("the wake-up interval must be 1.." + WakeupLoop.HIGHEST_US + " us, not " + intervalUs);
        }
        if (fifoPriority.isPresent() && (fifoPriority.getAsInt() < 1 || fifoPriority.getAsInt() > 99)) {
            throw new IllegalArgumentException("a SCHED_FIFO priority is 1..99, not " + fifoPriority.getAsInt());
        }
        this.cpu = cpu;
        this.intervalUs = intervalUs;
        this.fifoPriority = fifoPriority;
    }

    /**
     * Measures for {@code duration} (positive) after the warm-up.
     *
     * @throws BenchException if the thread cannot be pinned or raised to its priority, or a sleep fails
     */
    public WakeupLatency run(Duration duration) throws BenchException {
        return run(duration, new LatencyCounts());
    }

    /**
     * Measures for {@code duration} (positive) after the warm-up, and adds every latency to {@code counts}, by microsecond.
     *
     * @throws BenchException if the thread cannot be pinned or raised to its priority, or a sleep fails
     */
    public WakeupLatency run(Duration duration, LatencyCounts counts) throws BenchException {
        long durationNs = duration.toNanos();
        if (durationNs <= 0) {
            throw new IllegalArgumentException("a probe runs for a positive duration, not " + duration);
        }
        return PinnedThread.run("asios-jitter-probe", CpuSet.of(cpu), fifoPriority, () -> {
            WakeupLoop loop = new WakeupLoop(intervalUs * 1_000);
            loop.warmUp();
            loop.record(durationNs);
            loop.countInto(counts);
            return loop.latency();
        });
    }

    /** How a run for {@code duration} measures, in one sentence. */
    public String method(Duration duration) {
        return "a Java thread pinned to CPU " + cpu + " " + policy() + " sleeps to absolute CLOCK_MONOTONIC deadlines every "
                + intervalUs + " us for " + duration.toMillis() + " ms (clock_nanosleep TIMER_ABSTIME through FFM, after "
                + "a warm-up on past deadlines) and records how late it wakes, in whole microseconds";
    }

    private String policy() {
        return fifoPriority.isPresent() ? "at SCHED_FIFO priority " + fifoPriority.getAsInt() : "in SCHED_OTHER";
    }
}
