package dev.asios.observe.ebpf;

import dev.asios.host.parse.ParseException;

/**
 * One bucket of a bpftrace histogram: the values from {@code min} to {@code max}, both
 * included, and how many fell in. bpftrace leaves out the lower end of its first bucket (values
 * below the range) and may leave out the upper end of its last; those ends are
 * {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} here. Immutable.
 *
 * @param min the smallest value of the bucket, or {@link Long#MIN_VALUE} if unbounded
 * @param max the largest value of the bucket, or {@link Long#MAX_VALUE} if unbounded
 * @param count the number of values in the bucket
 */
public record HistogramBucket(long min, long max, long count) {

    /** Unbounded below. */
    public static final long NO_MIN = Long.MIN_VALUE;

    /** Unbounded above. */
    public static final long NO_MAX = Long.MAX_VALUE;

    /**
     * Checks the bucket.
     *
     * @throws ParseException if the count is negative or {@code min} is above {@code max}
     */
    public HistogramBucket {
        if (count < 0) {
            throw new ParseException("histogram bucket [" + min + ", " + max + "] has a negative count " + count);
        }
        if (min > max) {
            throw new ParseException("histogram bucket has min " + min + " above max " + max);
        }
    }
}
