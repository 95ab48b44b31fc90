package dev.asios.health.signal;

import java.util.Arrays;

/**
 * The values of one {@link SignalGroup} in one round. A value that could not be measured this
 * round (the first round of a rate, a device that went quiet) is NaN; consumers skip or impute
 * it, never treat it as 0.
 *
 * @param epochMs when the round was collected, in milliseconds since the epoch
 * @param values the signals' values, in the group's order
 */
public record Observation(long epochMs, double[] values) {

    /** Copies the values. */
    public Observation {
        values = values.clone();
    }

    /** The values, copied. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value at {@code index}, without copying. */
    public double value(int index) {
        return values[index];
    }

    /** How many values. */
    public int size() {
        return values.length;
    }

    /** Whether every value was measured. */
    public boolean complete() {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation other && other.epochMs == epochMs && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epochMs) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Observation[" + epochMs + ", " + Arrays.toString(values) + "]";
    }
}
