package dev.asios.health.forecast;

import java.util.Arrays;

/**
 * A forecast of one quantity, made after the step that ends at {@code originMs}: value {@code i}
 * is the expected value of the step that ends at {@link #timeMs(int) timeMs(i)}, inside an interval
 * meant to hold {@code bandCoverage} of actual values (see {@link ErrorBands} for how it is made and
 * what it means). Immutable.
 *
 * @param originMs the end of the last step the forecast knows, in milliseconds since the epoch
 * @param stepMs the step, in milliseconds
 * @param lastValue the value of that last step, in the quantity's unit
 * @param values the point forecast, one per step ahead, in the quantity's unit
 * @param lower the interval's lower edge per step ahead; NaN while there is no interval yet
 * @param upper the interval's upper edge per step ahead; NaN while there is no interval yet
 * @param calibratedSteps how many steps ahead, from the first, have intervals calibrated from
 *     errors of their own; further ones are scaled from the last calibrated one
 * @param bandCoverage the share of actual values the interval is meant to hold, 0.8 for 80%
 */
public record Forecast(long originMs, long stepMs, double lastValue, double[] values, double[] lower, double[] upper, int calibratedSteps,
        double bandCoverage) {

    /**
     * Copies and checks the arrays.
     *
     * @throws IllegalArgumentException if they are empty or of different lengths
     */
    public Forecast {
        if (values.length == 0 || lower.length != values.length || upper.length != values.length) {
            throw new IllegalArgumentException("a forecast needs one or more steps and an interval edge per step: " + values.length + " values, "
                    + lower.length + " lower, " + upper.length + " upper");
        }
        values = values.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** How many steps ahead. */
    public int horizonSteps() {
        return values.length;
    }

    /** How far ahead, in milliseconds. */
    public long horizonMs() {
        return values.length * stepMs;
    }

    /** The end of the step that value {@code i} forecasts, in milliseconds since the epoch. */
    public long timeMs(int i) {
        return originMs + (i + 1) * stepMs;
    }

    /** Whether there is an interval: at least the first step ahead is calibrated. */
    public boolean hasBand() {
        return calibratedSteps > 0;
    }

    /** Whether every step ahead has an interval calibrated from errors of its own. */
    public boolean bandCalibrated() {
        return calibratedSteps == values.length;
    }

    /** The point forecast {@code i} steps ahead (0 = the next step), without copying. */
    public double value(int i) {
        return values[i];
    }

    /** The interval's lower edge {@code i} steps ahead, without copying. */
    public double lower(int i) {
        return lower[i];
    }

    /** The interval's upper edge {@code i} steps ahead, without copying. */
    public double upper(int i) {
        return upper[i];
    }

    /** The point forecast, copied. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The lower edges, copied. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** The upper edges, copied. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast other && other.originMs == originMs && other.stepMs == stepMs
                && Double.compare(other.lastValue, lastValue) == 0 && Arrays.equals(other.values, values) && Arrays.equals(other.lower, lower)
                && Arrays.equals(other.upper, upper) && other.calibratedSteps == calibratedSteps
                && Double.compare(other.bandCoverage, bandCoverage) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(originMs) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Forecast[origin " + originMs + " ms, " + values.length + " steps of " + stepMs + " ms, last " + lastValue + ", next " + values[0]
                + ", last step " + values[values.length - 1] + ", " + calibratedSteps + " calibrated]";
    }
}
