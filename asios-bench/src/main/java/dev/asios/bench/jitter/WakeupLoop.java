package dev.asios.bench.jitter;

import dev.asios.bench.LatencyCounts;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sys.Timers;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The timer wake-up loop, cyclictest's in Java: sleep until the next deadline on
 * {@code CLOCK_MONOTONIC}, read the clock, count the lateness in whole microseconds, move the
 * deadline on by one interval (past every deadline already missed, as cyclictest does). Everything
 * the loop touches is made in the constructor, so {@link #warmUp} and {@link #record} allocate
 * nothing. Not thread-safe: one loop per probe thread.
 */
final class WakeupLoop {

    /** The largest latency the histogram resolves, 1 s in microseconds; larger ones count as 1 s, and the true maximum is kept. */
    static final long HIGHEST_US = 1_000_000;

    // Past-deadline wake-ups that get the loop's methods compiled before anything is recorded.
    private static final int WARM_UP_CYCLES = 20_000;
    private static final long NANOS_PER_US = 1_000;
    private static final int WARM_UP_SPREAD_US = 64;

    private final Timers.Sleeper sleeper = new Timers.Sleeper();
    private final Histogram latenciesUs = new Histogram(HIGHEST_US, 3);
    private final long intervalNs;
    private long maxUs;

    /** A loop that wakes every {@code intervalNs} nanoseconds (positive). */
    WakeupLoop(long intervalNs) {
        if (intervalNs <= 0) {
            throw new IllegalArgumentException("the wake-up interval must be positive, not " + intervalNs + " ns");
        }
        this.intervalNs = intervalNs;
    }

    /**
     * Runs the loop's code on deadlines already past (no sleeping), then forgets what it recorded.
     * The deadlines lie 0 to 63 us back, so that the compiled code has seen a new maximum and an
     * ordinary latency alike: a branch never taken while warming up would be compiled as a trap,
     * and the first real wake-up to take it would drop back to the interpreter mid-measurement.
     */
    void warmUp() throws NativeException {
        for (int i = 0; i < WARM_UP_CYCLES; i++) {
            wakeAt(sleeper.nowNanos() - (i % WARM_UP_SPREAD_US) * NANOS_PER_US);
        }
        latenciesUs.reset();
        maxUs = 0;
    }

    /** Wakes every interval for {@code durationNs} nanoseconds, recording each lateness; returns the wake-ups. */
    long record(long durationNs) throws NativeException {
        long start = sleeper.nowNanos();
        long end = start + durationNs;
        long deadline = start + intervalNs;
        long wakeUps = 0;
        while (deadline <= end) {
            long now = wakeAt(deadline);
            wakeUps++;
            deadline += intervalNs;
            while (deadline < now) {
                deadline += intervalNs;
            }
        }
        return wakeUps;
    }

    /** What was recorded since the warm-up. */
    WakeupLatency latency() {
        return WakeupLatency.of(latenciesUs, maxUs);
    }

    /** Adds every latency recorded since the warm-up to {@code into}, by microsecond (at the histogram's resolution). */
    void countInto(LatencyCounts into) {
        for (HistogramIterationValue value : latenciesUs.recordedValues()) {
            into.add(value.getValueIteratedTo(), value.getCountAtValueIteratedTo());
        }
    }

    private long wakeAt(long deadline) throws NativeException {
        sleeper.sleepUntilNanos(deadline);
        long now = sleeper.nowNanos();
        long latencyUs = (now - deadline) / NANOS_PER_US;
        if (latencyUs > maxUs) {
            maxUs = latencyUs;
        }
        latenciesUs.recordValue(Math.min(latencyUs, HIGHEST_US));
        return now;
    }
}
