package dev.asios.bench.jitter;

import org.HdrHistogram.Histogram;

/**
 * The distribution of timer wake-up latencies of one run: how long after its deadline a sleeping
 * thread got back to work, in whole microseconds (truncated, as cyclictest counts them). A
 * percentile is the smallest latency that at least that share of the samples does not exceed.
 * Immutable.
 *
 * @param p50Us the median, in microseconds
 * @param p99Us the 99th percentile, in microseconds
 * @param p999Us the 99.9th percentile, in microseconds
 * @param maxUs the largest latency, in microseconds
 * @param samples how many wake-ups were measured; at least 1
 */
public record WakeupLatency(double p50Us, double p99Us, double p999Us, double maxUs, long samples) {

    /** Checks the values. */
    public WakeupLatency {
        if (samples < 1) {
            throw new IllegalArgumentException("a wake-up latency needs at least 1 sample, not " + samples);
        }
        if (!(0 <= p50Us && p50Us <= p99Us && p99Us <= p999Us && p999Us <= maxUs)) {
            throw new IllegalArgumentException("percentiles must rise from 0: p50 " + p50Us + ", p99 " + p99Us + ", p99.9 " + p999Us
                    + ", max " + maxUs);
        }
    }

    /**
     * The latencies of {@code histogram}, whose values are microseconds.
     *
     * @param maxUs the largest latency seen, which may exceed the histogram's range
     * @throws IllegalArgumentException if the histogram is empty
     */
    static WakeupLatency of(Histogram histogram, long maxUs) {
        long max = Math.max(maxUs, histogram.getMaxValue());
        return new WakeupLatency(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), max, histogram.getTotalCount());
    }
}
