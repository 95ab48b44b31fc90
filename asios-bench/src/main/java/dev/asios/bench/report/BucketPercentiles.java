package dev.asios.bench.report;

import dev.asios.bench.Distribution;

/**
 * Percentiles read from a distribution's buckets: the value at a percentile is the lower bound of
 * the bucket that holds the sample of that rank (the smallest rank at or above that share of all
 * samples), so it is exact for buckets one unit wide and never above the true value.
 */
final class BucketPercentiles {

    private BucketPercentiles() {
    }

    /**
     * The value of {@code distribution} at {@code percentile}.
     *
     * @param percentile above 0 and at most 100, for example 99.9
     * @throws IllegalArgumentException if the distribution is empty or the percentile out of range
     */
    static double valueAt(Distribution distribution, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile " + percentile + ": expected above 0 and at most 100");
        }
        if (distribution.buckets().isEmpty()) {
            throw new IllegalArgumentException(distribution.tool() + " " + distribution.metric() + ": no samples to take a percentile of");
        }
        long rank = Math.max(1, (long) Math.ceil(distribution.count() * percentile / 100));
        long seen = 0;
        for (Distribution.Bucket bucket : distribution.buckets()) {
            seen += bucket.count();
            if (seen >= rank) {
                return bucket.from();
            }
        }
        return distribution.buckets().getLast().from();
    }
}
