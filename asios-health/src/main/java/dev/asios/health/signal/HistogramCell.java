package dev.asios.health.signal;

import dev.asios.observe.metric.HistogramSeries;

/**
 * The observations one cumulative histogram series gained over the round, bucket by bucket, and
 * their quantiles. A quantile is interpolated linearly within the bucket that holds it, between
 * the bucket's lower bound (the previous upper bound, 0 for the first) and its upper bound, as
 * Prometheus' {@code histogram_quantile} does; a quantile in the {@code +Inf} bucket is the
 * largest finite bound. It is NaN when the round has no observation, in the first round the cell
 * reads the series, and in a round where a bucket went down (the source restarted without
 * keeping its counts).
 */
final class HistogramCell implements Cell {

    private final HistogramSeries series;
    private final double[] upperBounds;
    private long[] previous;
    private long[] current;
    private final long[] delta;
    private boolean hasPrevious;
    private boolean valid;
    private long total;

    HistogramCell(HistogramSeries series) {
        this.series = series;
        this.upperBounds = series.family().upperBounds();
        this.previous = new long[series.buckets()];
        this.current = new long[series.buckets()];
        this.delta = new long[series.buckets()];
    }

    @Override
    public void update() {
        if (!series.copyCounts(current)) {
            hasPrevious = false;
            valid = false;
            return;
        }
        valid = hasPrevious;
        total = 0;
        for (int i = 0; valid && i < current.length; i++) {
            delta[i] = current[i] - previous[i];
            valid = delta[i] >= 0;
            total += delta[i];
        }
        long[] swap = previous;
        previous = current;
        current = swap;
        hasPrevious = true;
    }

    /** True if the series has counts now; uses the scratch array {@link #update()} fills, allocating nothing. */
    boolean hasValue() {
        return series.copyCounts(current);
    }

    /**
     * The {@code q}-quantile of the round's observations, in the family's unit, or NaN.
     *
     * @param q within [0, 1]
     */
    double quantile(double q) {
        if (!valid || total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long before = 0;
        for (int i = 0; i < delta.length; i++) {
            long inBucket = delta[i];
            if (inBucket > 0 && before + inBucket >= rank) {
                if (Double.isInfinite(upperBounds[i])) {
                    return i == 0 ? Double.NaN : upperBounds[i - 1];
                }
                double lower = i == 0 ? 0 : upperBounds[i - 1];
                double within = Math.max(0, rank - before) / inBucket;
                return lower + (upperBounds[i] - lower) * within;
            }
            before += inBucket;
        }
        return Double.NaN;
    }
}
