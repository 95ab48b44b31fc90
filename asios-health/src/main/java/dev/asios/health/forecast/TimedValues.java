package dev.asios.health.forecast;

import java.util.Arrays;

/**
 * A recorded series of one quantity: times and values, oldest first, as read from the agent's
 * store or a CSV file. A NaN value is a round that was not measured; a forecaster skips it.
 *
 * @param epochMs the sample times, in milliseconds since the epoch, strictly increasing
 * @param values the values, one per time, in the quantity's unit
 */
public record TimedValues(long[] epochMs, double[] values) {

    /**
     * Copies and checks the arrays.
     *
     * @throws IllegalArgumentException if the lengths differ or a time is not after the one before it
     */
    public TimedValues {
        if (epochMs.length != values.length) {
            throw new IllegalArgumentException("a series needs one value per time: " + epochMs.length + " times, " + values.length + " values");
        }
        epochMs = epochMs.clone();
        values = values.clone();
        for (int i = 1; i < epochMs.length; i++) {
            if (epochMs[i] <= epochMs[i - 1]) {
                throw new IllegalArgumentException("series times must increase: sample " + i + " at " + epochMs[i] + " ms is not after "
                        + epochMs[i - 1] + " ms");
            }
        }
    }

    /** A series without samples: a forecaster built from it starts from nothing. */
    public static TimedValues empty() {
        return new TimedValues(new long[0], new double[0]);
    }

    /** How many samples. */
    public int size() {
        return epochMs.length;
    }

    /** The time of sample {@code i}, without copying. */
    public long epochMs(int i) {
        return epochMs[i];
    }

    /** The value of sample {@code i}, without copying. */
    public double value(int i) {
        return values[i];
    }

    /** The times, copied. */
    @Override
    public long[] epochMs() {
        return epochMs.clone();
    }

    /** The values, copied. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedValues other && Arrays.equals(other.epochMs, epochMs) && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(epochMs) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return size() == 0 ? "TimedValues[]" : "TimedValues[" + size() + " samples, " + epochMs[0] + ".." + epochMs[size() - 1] + " ms]";
    }
}
