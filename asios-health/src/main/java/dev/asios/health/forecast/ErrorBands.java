package dev.asios.health.forecast;

import java.util.Arrays;

/**
 * The interval around a point forecast, from the forecaster's own past errors: for each step
 * ahead {@code j}, the errors (actual minus forecast) of the last {@code window} forecasts made
 * {@code j} steps before their actual; the interval is the point plus their lower and upper
 * quantiles (the 10th and 90th percentiles for an 80% band). This is split-conformal calibration
 * per step ahead: if the errors to come are like the recent ones, the band holds the chosen share
 * of actuals. Random Cut Forest's own band is not used: in RCF 4.4.0 it is zero-wide for the first
 * steps and then built from the data's spread for the first {@code 10 * horizon} steps, and held
 * nearly all actuals of a ramp (far wider than 80%) in our walk-forward tests.
 *
 * <p>A step ahead {@code j} is calibrated once it has {@code minSamples} errors, about
 * {@code j + minSamples} steps after the first forecast. Beyond the last calibrated step ahead
 * {@code c}, the offsets of {@code c} are scaled by {@code (j + 1) / (c + 1)}: errors of a trend
 * that is slightly off grow linearly with the distance. Before any step ahead is calibrated there is
 * no band (NaN). Errors of imputed steps (gap fill) are not counted. Not thread-safe.
 */
final class ErrorBands {

    private final int horizon;
    private final int minSamples;
    private final double lowerQuantile;
    private final float[][] pastForecasts;
    private final boolean[] pastValid;
    private int newest;
    private final float[][] errors;
    private final int[] errorCounts;
    private final int[] errorNext;
    private final float[] scratch;

    /**
     * Bands for forecasts of {@code horizon} steps.
     *
     * @param window the errors kept per step ahead
     * @param minSamples the errors a step ahead needs to be calibrated
     * @param lowerQuantile the quantile of the lower edge, below 0.5; the upper edge is its mirror
     */
    ErrorBands(int horizon, int window, int minSamples, double lowerQuantile) {
        this.horizon = horizon;
        this.minSamples = minSamples;
        this.lowerQuantile = lowerQuantile;
        this.pastForecasts = new float[horizon][horizon];
        this.pastValid = new boolean[horizon];
        this.errors = new float[horizon][window];
        this.errorCounts = new int[horizon];
        this.errorNext = new int[horizon];
        this.scratch = new float[window];
    }

    /**
     * The actual value of the step that just completed: scores every kept forecast made for it.
     * Call before {@link #record} or {@link #recordNone} of the forecast made after this step.
     */
    void observe(double actual, boolean imputed) {
        if (imputed) {
            return;
        }
        for (int ahead = 0; ahead < horizon; ahead++) {
            int slot = Math.floorMod(newest - ahead, horizon);
            if (pastValid[slot]) {
                float[] window = errors[ahead];
                window[errorNext[ahead]] = (float) (actual - pastForecasts[slot][ahead]);
                errorNext[ahead] = (errorNext[ahead] + 1) % window.length;
                errorCounts[ahead] = Math.min(errorCounts[ahead] + 1, window.length);
            }
        }
    }

    /** Keeps the point forecast made after the step just observed, value {@code j} for {@code j + 1} steps ahead. */
    void record(float[] pointValues) {
        newest = (newest + 1) % horizon;
        System.arraycopy(pointValues, 0, pastForecasts[newest], 0, horizon);
        pastValid[newest] = true;
    }

    /** Notes that no forecast was made after the step just observed (the forecaster was still learning). */
    void recordNone() {
        newest = (newest + 1) % horizon;
        pastValid[newest] = false;
    }

    /**
     * Fills {@code lower} and {@code upper} around {@code point} (NaN where there is no band yet).
     *
     * @return how many steps ahead, from the first, are calibrated from errors of their own
     */
    int band(double[] point, double[] lower, double[] upper) {
        int calibrated = 0;
        while (calibrated < horizon && errorCounts[calibrated] >= minSamples) {
            calibrated++;
        }
        double low = Double.NaN;
        double high = Double.NaN;
        for (int ahead = 0; ahead < horizon; ahead++) {
            double scale = 1;
            if (ahead < calibrated) {
                int count = sortErrors(ahead);
                low = quantile(count, lowerQuantile);
                high = quantile(count, 1 - lowerQuantile);
            } else if (calibrated > 0) {
                scale = (ahead + 1.0) / calibrated;
            }
            lower[ahead] = point[ahead] + low * scale;
            upper[ahead] = point[ahead] + high * scale;
        }
        return calibrated;
    }

    /** Copies the errors of one step ahead, sorted, into the scratch array; returns how many. */
    private int sortErrors(int ahead) {
        int count = errorCounts[ahead];
        System.arraycopy(errors[ahead], 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        return count;
    }

    /** The {@code q} quantile of the sorted scratch errors, linearly interpolated between order statistics. */
    private double quantile(int count, double q) {
        double position = q * (count - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, count - 1);
        return scratch[below] + (position - below) * (scratch[above] - scratch[below]);
    }
}
