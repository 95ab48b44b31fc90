package dev.asios.bench.e2e;

import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Counts the latencies of open-loop requests: each from the request's intended arrival to its
 * completion, so that a request that waited behind a late one carries its queueing delay (no
 * coordinated omission). Latencies go into an HdrHistogram in whole microseconds (truncated, 3
 * significant digits, up to {@value #HIGHEST_US} us; longer ones count there and the true maximum
 * is kept), and each is checked against the SLA exactly, in nanoseconds. {@link #record}
 * allocates nothing. Not thread-safe: one per worker, merged with {@link #add} afterwards.
 */
final class LatencyRecorder {

    /** The longest latency the histogram resolves: 60 s, in microseconds. */
    static final long HIGHEST_US = 60_000_000;

    private static final long NANOS_PER_US = 1_000;

    private final Histogram latenciesUs = new Histogram(HIGHEST_US, 3);
    private final long slaNs;
    private long withinSla;
    private long maxUs;

    /**
     * A recorder against a latency objective of {@code slaNs} nanoseconds.
     *
     * @throws IllegalArgumentException if {@code slaNs} is not positive
     */
    LatencyRecorder(long slaNs) {
        if (slaNs <= 0) {
            throw new IllegalArgumentException("the SLA must be positive, not " + slaNs + " ns");
        }
        this.slaNs = slaNs;
    }

    /** Counts a request meant to arrive at {@code intendedNs} that completed at {@code completedNs}; a completion before its arrival counts as 0. */
    void record(long intendedNs, long completedNs) {
        long latencyNs = Math.max(0, completedNs - intendedNs);
        if (latencyNs <= slaNs) {
            withinSla++;
        }
        long latencyUs = latencyNs / NANOS_PER_US;
        if (latencyUs > maxUs) {
            maxUs = latencyUs;
        }
        latenciesUs.recordValue(Math.min(latencyUs, HIGHEST_US));
    }

    /** Adds everything {@code other} counted, against the same SLA. */
    void add(LatencyRecorder other) {
        latenciesUs.add(other.latenciesUs);
        withinSla += other.withinSla;
        maxUs = Math.max(maxUs, other.maxUs);
    }

    /** The requests counted. */
    long total() {
        return latenciesUs.getTotalCount();
    }

    /** The requests that completed within the SLA. */
    long withinSla() {
        return withinSla;
    }

    /**
     * The round these latencies make, with the closed-loop throughput and the offered rate.
     *
     * @throws IllegalArgumentException if nothing was counted, or a rate is not positive
     */
    ServerRound round(double throughputPerSecond, double offeredPerSecond) {
        TreeMap<Long, Long> countsUs = new TreeMap<>();
        for (HistogramIterationValue value : latenciesUs.recordedValues()) {
            countsUs.put(value.getValueIteratedTo(), value.getCountAtValueIteratedTo());
        }
        return new ServerRound(throughputPerSecond, offeredPerSecond, latenciesUs.getValueAtPercentile(50), latenciesUs.getValueAtPercentile(99),
                latenciesUs.getValueAtPercentile(99.9), Math.max(maxUs, latenciesUs.getMaxValue()), withinSla, total(), countsUs);
    }
}
