package dev.asios.observe.metric;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One labelled series of a histogram family: a count per bucket of the family's upper bounds
 * (the last bucket is {@code +Inf}), the sum of the observed values and their count. Sources
 * such as bpftrace deliver whole histograms, so the collector replaces all counts at once with
 * {@link #set(long[], double)}, which copies and allocates nothing.
 *
 * <p>Thread-safe: writes and {@link #snapshot()} are serialized on this object.
 */
public final class HistogramSeries {

    private final MetricFamily family;
    private final List<String> labelValues;
    private final String key;
    private final long[] counts;
    private double sum;
    private boolean hasValue;

    HistogramSeries(MetricFamily family, List<String> labelValues, String key) {
        this.family = family;
        this.labelValues = labelValues;
        this.key = key;
        this.counts = new long[family.upperBounds().length];
    }

    /** The family this series belongs to. */
    public MetricFamily family() {
        return family;
    }

    /** The label values, in the order of the family's label names. */
    public List<String> labelValues() {
        return labelValues;
    }

    /** The series' identity as Prometheus prints it, without the {@code _bucket} suffix. */
    public String key() {
        return key;
    }

    /**
     * Replaces the bucket counts (one per upper bound, not cumulative) and the sum.
     *
     * @throws IllegalArgumentException if {@code bucketCounts} does not have one count per upper
     *     bound, or a count is negative
     */
    public synchronized void set(long[] bucketCounts, double newSum) {
        if (bucketCounts.length != counts.length) {
            throw new IllegalArgumentException(key + ": " + bucketCounts.length + " bucket counts for " + counts.length + " buckets");
        }
        for (long count : bucketCounts) {
            if (count < 0) {
                throw new IllegalArgumentException(key + ": negative bucket count " + count);
            }
        }
        System.arraycopy(bucketCounts, 0, counts, 0, counts.length);
        sum = newSum;
        hasValue = true;
    }

    /**
     * Copies the current bucket counts (not cumulative) into {@code target}, allocating nothing,
     * for readers that look every interval; false, and {@code target} untouched, if none were set
     * yet.
     *
     * @throws IllegalArgumentException if {@code target} does not have one slot per upper bound
     */
    public synchronized boolean copyCounts(long[] target) {
        if (target.length != counts.length) {
            throw new IllegalArgumentException(key + ": " + target.length + " slots for " + counts.length + " buckets");
        }
        if (!hasValue) {
            return false;
        }
        System.arraycopy(counts, 0, target, 0, counts.length);
        return true;
    }

    /** The number of buckets, the {@code +Inf} one included. */
    public int buckets() {
        return counts.length;
    }

    /** A copy of the current counts, or empty if none were set yet. */
    public synchronized Optional<HistogramValue> snapshot() {
        if (!hasValue) {
            return Optional.empty();
        }
        return Optional.of(new HistogramValue(family.upperBounds(), Arrays.copyOf(counts, counts.length), sum));
    }
}
