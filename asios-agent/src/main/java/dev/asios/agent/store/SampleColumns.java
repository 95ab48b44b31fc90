package dev.asios.agent.store;

import java.util.Arrays;

/**
 * The samples of one series over a range, oldest first, as columns: what the queries read and
 * {@link Downsampling} reduces. A sample of one round has {@code min == max == value}; a histogram's
 * has its bucket counts, other kinds none. Not thread-safe; built and used by one query.
 */
final class SampleColumns {

    private long[] tsMs = new long[64];
    private double[] values = new double[64];
    private double[] mins = new double[64];
    private double[] maxes = new double[64];
    private long[][] counts = new long[64][];
    private int size;

    /** Adds a sample newer than every sample so far. */
    void add(long ts, double value, double min, double max, long[] bucketCounts) {
        if (size == tsMs.length) {
            int capacity = size * 2;
            tsMs = Arrays.copyOf(tsMs, capacity);
            values = Arrays.copyOf(values, capacity);
            mins = Arrays.copyOf(mins, capacity);
            maxes = Arrays.copyOf(maxes, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        tsMs[size] = ts;
        values[size] = value;
        mins[size] = min;
        maxes[size] = max;
        counts[size] = bucketCounts;
        size++;
    }

    int size() {
        return size;
    }

    long tsMs(int i) {
        return tsMs[i];
    }

    double value(int i) {
        return values[i];
    }

    double min(int i) {
        return mins[i];
    }

    double max(int i) {
        return maxes[i];
    }

    /** A histogram sample's bucket counts; null for other kinds. */
    long[] counts(int i) {
        return counts[i];
    }
}
