package dev.asios.observe.ebpf;

import java.util.List;

/**
 * Fixed histogram buckets for bpftrace's log2 {@code hist()}: upper bounds {@code 2^0, 2^1, ...
 * 2^maxPower} times a unit, then {@code +Inf}, so a family's bounds never change whatever the
 * data. A bpftrace bucket {@code [min, max]} of integers holds values below {@code max + 1} (a
 * value in microseconds is the real time cut down to whole microseconds), so it falls in the first
 * bound at or above {@code max + 1}: {@code [0, 0]} under 1, {@code [1, 1]} under 2, {@code [2, 3]}
 * under 4, and so on. Negative values count in the first bucket; buckets beyond
 * {@code 2^maxPower}, or without an upper end, in {@code +Inf}. Immutable.
 *
 * <p>Only log2 buckets are taken: {@code [.., -1]}, {@code [0, 0]} and {@code [2^(k-1), 2^k - 1]}.
 */
public final class Log2Buckets {

    private static final int UNKNOWN = Integer.MIN_VALUE;
    private static final int OPEN = Integer.MAX_VALUE;

    private final int maxPower;
    private final double[] upperBounds;

    /**
     * Buckets up to {@code 2^maxPower} units.
     *
     * @param maxPower the largest power of two with a bound of its own, 0 to 62
     * @param unit the size of one bpftrace unit in the metric's base unit, such as {@code 1e-6}
     *     for microseconds exposed as seconds
     * @throws IllegalArgumentException if {@code maxPower} is outside 0..62 or {@code unit} is not
     *     positive
     */
    public Log2Buckets(int maxPower, double unit) {
        if (maxPower < 0 || maxPower > 62 || !(unit > 0)) {
            throw new IllegalArgumentException("log2 buckets need a power within 0..62 and a positive unit: " + maxPower + ", " + unit);
        }
        this.maxPower = maxPower;
        this.upperBounds = new double[maxPower + 1];
        for (int power = 0; power <= maxPower; power++) {
            upperBounds[power] = (1L << power) * unit;
        }
    }

    /** The finite upper bounds in the base unit, ascending, for {@code MetricRegistry.histogram}. */
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    /** The number of buckets including {@code +Inf}: one count per bucket in {@link #add}. */
    public int size() {
        return maxPower + 2;
    }

    /**
     * Adds the counts of one bpftrace histogram, its buckets in ascending order, to {@code counts},
     * one per bucket of {@link #size()}; a sum beyond {@link Long#MAX_VALUE} stays there. bpftrace
     * prints every bucket from the lowest to the highest non-empty one, so a bucket whose bounds
     * are garbled (0.17 prints those of 2^31 and above wrapped to 32 bits, such as
     * {@code {"min": -2147483648, "max": 0}}) is the one after its predecessor.
     *
     * @throws IllegalArgumentException if {@code counts} does not have {@link #size()} entries
     */
    public void add(List<HistogramBucket> buckets, long[] counts) {
        if (counts.length != size()) {
            throw new IllegalArgumentException(counts.length + " counts for " + size() + " buckets");
        }
        int previous = UNKNOWN;
        for (HistogramBucket bucket : buckets) {
            int slot = slot(bucket);
            if (slot == UNKNOWN) {
                slot = previous == UNKNOWN || previous == OPEN ? OPEN : previous + 1;
            }
            int index = indexOfSlot(slot);
            counts[index] = saturatedSum(counts[index], bucket.count());
            previous = slot;
        }
    }

    // bpftrace's log2 slots: -1 for [.., -1], 0 for [0, 0], k for [2^(k-1), 2^k - 1]
    private static int slot(HistogramBucket bucket) {
        long min = bucket.min();
        long max = bucket.max();
        if (min == HistogramBucket.NO_MIN && max == -1) {
            return -1;
        }
        if (min == 0 && max == 0) {
            return 0;
        }
        if (min >= 1 && Long.bitCount(min) == 1) {
            if (max == HistogramBucket.NO_MAX) {
                return OPEN;
            }
            if (max == 2 * min - 1) {
                return 64 - Long.numberOfLeadingZeros(min);
            }
        }
        return UNKNOWN;
    }

    private int indexOfSlot(int slot) {
        if (slot < 0) {
            return 0;
        }
        return Math.min(slot, maxPower + 1);
    }

    /** The sum of two counts, or {@link Long#MAX_VALUE} where it would overflow. */
    static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 && a >= 0 && b >= 0 ? Long.MAX_VALUE : sum;
    }
}
