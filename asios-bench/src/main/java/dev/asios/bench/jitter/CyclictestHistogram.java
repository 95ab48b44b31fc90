package dev.asios.bench.jitter;

import java.util.Arrays;

/**
 * The latency histogram of one cyclictest thread ({@code cyclictest --histogram=N}): bucket
 * {@code i} counts the wake-ups {@code i} microseconds late (truncated), and the overflows those
 * of {@code N} microseconds or more. Immutable.
 *
 * @param counts the count of each bucket, from 0 us; every count at least 0
 * @param overflows the wake-ups past the last bucket; at least 0
 * @param minUs the smallest latency cyclictest saw, in microseconds
 * @param avgUs the mean latency cyclictest printed, in microseconds
 * @param maxUs the largest latency cyclictest saw, in microseconds; at least the last non-empty bucket
 */
public record CyclictestHistogram(long[] counts, long overflows, long minUs, long avgUs, long maxUs) {

    /** Copies the counts. */
    public CyclictestHistogram {
        counts = counts.clone();
    }

    /** The count of each bucket, from 0 us (a copy). */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** All wake-ups: those in the buckets and the overflows. */
    public long samples() {
        return Arrays.stream(counts).sum() + overflows;
    }

    /**
     * The smallest latency in microseconds that at least {@code percent} percent of the wake-ups do
     * not exceed. A percentile that falls among the overflows, whose latencies cyclictest does not
     * keep, is the maximum: an upper bound.
     *
     * @throws IllegalArgumentException if {@code percent} is not in (0, 100]
     * @throws IllegalStateException if there are no samples
     */
    public long percentileUs(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + percent);
        }
        long samples = samples();
        if (samples == 0) {
            throw new IllegalStateException("cyclictest recorded no wake-ups");
        }
        long needed = Math.max(1, (long) Math.ceil(percent / 100 * samples));
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= needed) {
                return bucket;
            }
        }
        return maxUs;
    }

    /** The p50, p99, p99.9 and maximum. */
    public WakeupLatency latency() {
        return new WakeupLatency(percentileUs(50), percentileUs(99), percentileUs(99.9), maxUs, samples());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyclictestHistogram other && Arrays.equals(counts, other.counts) && overflows == other.overflows
                && minUs == other.minUs && avgUs == other.avgUs && maxUs == other.maxUs;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Long.hashCode(overflows) + 7 * Long.hashCode(maxUs);
    }

    @Override
    public String toString() {
        return "CyclictestHistogram[buckets=" + counts.length + ", samples=" + samples() + ", overflows=" + overflows + ", min=" + minUs
                + ", avg=" + avgUs + ", max=" + maxUs + "]";
    }
}
