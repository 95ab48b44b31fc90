package dev.asios.observe.metric;

import java.util.Arrays;

/**
 * A histogram at one moment: counts per bucket (not cumulative) for ascending upper bounds, the
 * last of which is {@code +Inf}, and the sum of the observed values.
 *
 * @param upperBounds ascending bucket upper bounds, the last {@link Double#POSITIVE_INFINITY}
 * @param counts observations per bucket, one per upper bound
 * @param sum the sum of the observed values, in the family's unit
 */
public record HistogramValue(double[] upperBounds, long[] counts, double sum) {

    /** Checks the shape and copies the arrays. */
    public HistogramValue {
        if (upperBounds.length != counts.length) {
            throw new IllegalArgumentException(counts.length + " counts for " + upperBounds.length + " buckets");
        }
        upperBounds = upperBounds.clone();
        counts = counts.clone();
    }

    /** The number of observations. */
    public long count() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The upper bound of the bucket that holds the {@code q}-quantile (an upper estimate, as
     * Prometheus' {@code histogram_quantile} interpolates within it), or NaN when empty. A
     * quantile in the {@code +Inf} bucket answers the largest finite bound.
     *
     * @throws IllegalArgumentException if {@code q} is not within [0, 1]
     */
    public double quantileUpperBound(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile " + q + " is not within [0, 1]");
        }
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= Math.max(rank, 1)) {
                return Double.isInfinite(upperBounds[i]) && i > 0 ? upperBounds[i - 1] : upperBounds[i];
            }
        }
        return upperBounds[upperBounds.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramValue h && Arrays.equals(upperBounds, h.upperBounds) && Arrays.equals(counts, h.counts)
                && Double.compare(sum, h.sum) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(upperBounds) + Arrays.hashCode(counts)) + Double.hashCode(sum);
    }

    @Override
    public String toString() {
        return "HistogramValue[upperBounds=" + Arrays.toString(upperBounds) + ", counts=" + Arrays.toString(counts) + ", sum=" + sum + "]";
    }
}
