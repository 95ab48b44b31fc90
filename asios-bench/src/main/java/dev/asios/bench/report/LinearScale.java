package dev.asios.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis whose ends and ticks are round numbers: multiples of a step of 1, 2 or 5 times a
 * power of ten.
 *
 * @param lower the lower end, a multiple of {@code step}
 * @param upper the upper end, a multiple of {@code step}, above {@code lower}
 * @param step the distance between ticks
 */
record LinearScale(double lower, double upper, double step) implements Scale {

    private static final int TICKS = 5;

    /** The round axis that covers {@code min} to {@code max}, with about five ticks; equal ends are widened by a tenth. */
    static LinearScale covering(double min, double max) {
        if (max <= min) {
            double pad = min == 0 ? 1 : Math.abs(min) / 10;
            return covering(min == 0 ? 0 : min - pad, max + pad);
        }
        double step = roundStep((max - min) / TICKS);
        return new LinearScale(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    @Override
    public double fraction(double value) {
        double clamped = Math.clamp(value, lower, upper);
        return (clamped - lower) / (upper - lower);
    }

    @Override
    public List<Double> ticks() {
        long first = Math.round(lower / step);
        long last = Math.round(upper / step);
        List<Double> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code raw}. */
    private static double roundStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / power;
        double round = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return round * power;
    }
}
