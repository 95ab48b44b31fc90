package dev.asios.health.forecast;

import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Generated series with seeded noise, one value per step of one minute from a fixed start, for the forecast tests. */
final class SyntheticSeries {

    /** 2025-01-01T00:00:00Z, a whole number of minutes. */
    static final long START_MS = 1_735_689_600_000L;
    static final long MINUTE_MS = 60_000;

    private SyntheticSeries() {
    }

    /** {@code base + slope * i} plus Gaussian noise of deviation {@code noise}. */
    static TimedValues ramp(int steps, double base, double slope, double noise, long seed) {
        Random random = new Random(seed);
        return of(steps, i -> base + slope * i + random.nextGaussian() * noise);
    }

    /** A leak that the restart of its process clears every {@code period} steps, plus noise. */
    static TimedValues sawtooth(int steps, double base, double slope, int period, double noise, long seed) {
        Random random = new Random(seed);
        return of(steps, i -> base + slope * (i % period) + random.nextGaussian() * noise);
    }

    /** Flat until {@code onset}, then leaking {@code slope} per step, plus noise: a leak that starts. */
    static TimedValues onset(int steps, double base, double slope, int onset, double noise, long seed) {
        Random random = new Random(seed);
        return of(steps, i -> base + slope * Math.max(0, i - onset) + random.nextGaussian() * noise);
    }

    /** A sine of {@code period} steps around {@code base}, plus noise. */
    static TimedValues seasonal(int steps, double base, double amplitude, int period, double noise, long seed) {
        Random random = new Random(seed);
        return of(steps, i -> base + amplitude * Math.sin(2 * Math.PI * i / period) + random.nextGaussian() * noise);
    }

    /** A constant plus noise. */
    static TimedValues flat(int steps, double base, double noise, long seed) {
        return ramp(steps, base, 0, noise, seed);
    }

    /** One sample per minute, at the middle of each minute, valued by {@code value}. */
    static TimedValues of(int steps, IntToDoubleFunction value) {
        long[] times = new long[steps];
        double[] values = new double[steps];
        for (int i = 0; i < steps; i++) {
            times[i] = START_MS + i * MINUTE_MS + MINUTE_MS / 2;
            values[i] = value.applyAsDouble(i);
        }
        return new TimedValues(times, values);
    }
}
