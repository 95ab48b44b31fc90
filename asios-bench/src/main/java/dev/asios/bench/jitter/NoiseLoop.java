package dev.asios.bench.jitter;

import dev.asios.host.sys.Timers;
import org.HdrHistogram.Histogram;

/**
 * The OS noise loop: reads {@code CLOCK_MONOTONIC} back to back and counts every gap between two
 * readings above a threshold as noise. Everything it touches is made in the constructor, so
 * {@link #warmUp} and {@link #record} allocate nothing. Not thread-safe: one loop per probe thread.
 */
final class NoiseLoop {

    /** The largest gap the histogram resolves, 10 s in nanoseconds; larger ones count as 10 s, and the true maximum is kept. */
    static final long HIGHEST_NS = 10_000_000_000L;

    private static final long WARM_UP_NS = 100_000_000;
    private static final double NANOS_PER_US = 1_000.0;
    private static final double NANOS_PER_SECOND = 1e9;

    private final Timers.Sleeper clock = new Timers.Sleeper();
    private final Histogram gapsNs = new Histogram(HIGHEST_NS, 2);
    private final long thresholdNs;
    private long noiseNs;
    private long maxGapNs;
    private long spanNs;

    /** A loop that counts gaps above {@code thresholdNs} (positive). */
    NoiseLoop(long thresholdNs) {
        if (thresholdNs <= 0) {
            throw new IllegalArgumentException("the noise threshold must be positive, not " + thresholdNs + " ns");
        }
        this.thresholdNs = thresholdNs;
    }

    /** Runs the loop for a tenth of a second, so that it is compiled, then forgets what it counted. */
    void warmUp() {
        record(WARM_UP_NS);
        gapsNs.reset();
        noiseNs = 0;
        maxGapNs = 0;
        spanNs = 0;
    }

    /** Spins for {@code durationNs} nanoseconds, counting the gaps above the threshold. */
    void record(long durationNs) {
        long previous = clock.nowNanos();
        long end = previous + durationNs;
        long start = previous;
        long now;
        do {
            now = clock.nowNanos();
            long gap = now - previous;
            if (gap > thresholdNs) {
                noiseNs += gap;
                if (gap > maxGapNs) {
                    maxGapNs = gap;
                }
                gapsNs.recordValue(Math.min(gap, HIGHEST_NS));
            }
            previous = now;
        } while (now < end);
        spanNs += now - start;
    }

    /** What was counted since the warm-up. */
    OsNoise noise() {
        long gaps = gapsNs.getTotalCount();
        double p99Us = gaps == 0 ? 0 : gapsNs.getValueAtPercentile(99) / NANOS_PER_US;
        double perSecond = spanNs == 0 ? 0 : noiseNs * NANOS_PER_SECOND / spanNs;
        return new OsNoise(thresholdNs, gaps, maxGapNs / NANOS_PER_US, p99Us, perSecond);
    }
}
