package dev.asios.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis (base 10) with a tick at every power of ten between its ends.
 *
 * @param lower the lower end, above 0
 * @param upper the upper end, above {@code lower}
 */
record LogScale(double lower, double upper) implements Scale {

    /** Checks the ends. */
    LogScale {
        if (!(lower > 0 && upper > lower)) {
            throw new IllegalArgumentException("a log scale needs 0 < lower < upper, not " + lower + " to " + upper);
        }
    }

    /** The axis from the power of ten at or below {@code min} to the one at or above {@code max}, at least one decade. */
    static LogScale decades(double min, double max) {
        double lower = Math.pow(10, Math.floor(Math.log10(min)));
        double upper = Math.pow(10, Math.ceil(Math.log10(max)));
        return new LogScale(lower, Math.max(upper, lower * 10));
    }

    /** The axis of sample counts up to {@code maxCount}: from 0.5, so that a count of 1 still shows, to a power of ten, at least 10. */
    static LogScale counts(long maxCount) {
        return new LogScale(0.5, Math.max(10, Math.pow(10, Math.ceil(Math.log10(maxCount)))));
    }

    @Override
    public double fraction(double value) {
        double clamped = Math.clamp(value, lower, upper);
        return (Math.log10(clamped) - Math.log10(lower)) / (Math.log10(upper) - Math.log10(lower));
    }

    @Override
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(Math.log10(lower)); k <= (long) Math.floor(Math.log10(upper)); k++) {
            ticks.add(Math.pow(10, k));
        }
        return ticks;
    }
}
