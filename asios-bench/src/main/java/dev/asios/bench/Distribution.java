package dev.asios.bench;

import java.util.List;

/**
 * How one tool's measurements of a latency spread, over all rounds together: counts in buckets,
 * for histograms in reports. Immutable.
 *
 * @param tool who measured, as in {@link Measurement#tool()}
 * @param metric what was measured, for example {@code wake-up latency}
 * @param unit the unit of the bucket bounds, for example {@code us}
 * @param buckets the non-empty buckets, in rising order of their bounds
 */
public record Distribution(String tool, String metric, String unit, List<Bucket> buckets) {

    /** Creates an immutable copy and checks the order. */
    public Distribution {
        buckets = List.copyOf(buckets);
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i).from() < buckets.get(i - 1).from()) {
                throw new IllegalArgumentException("buckets must rise: " + buckets.get(i - 1).from() + " before " + buckets.get(i).from());
            }
        }
    }

    /** All the samples counted. */
    public long count() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }

    /**
     * The samples from {@code from} (inclusive) up to the next bucket's bound.
     *
     * @param from the bucket's lower bound, in the distribution's unit
     * @param count how many samples fell in it; at least 1
     */
    public record Bucket(double from, long count) {

        /** Checks the count. */
        public Bucket {
            if (count < 1) {
                throw new IllegalArgumentException("a bucket holds at least 1 sample, not " + count);
            }
        }
    }
}
