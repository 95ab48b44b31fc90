package dev.asios.health.forecast;

import java.util.Locale;

/**
 * How a {@link Forecaster} aggregates, learns and forecasts one quantity. Validated once, here; a
 * bad value fails with a message that names the setting, its bounds and the value.
 *
 * @param stepMs the step the rounds are aggregated to, in milliseconds, 1 s to 1 day; forecasts
 *     are made once per step, one value per step ahead
 * @param aggregation how a step's samples become its value
 * @param horizonSteps how many steps ahead to forecast, 1 to {@value #MAX_HORIZON_STEPS}
 *     (Random Cut Forest keeps its own error statistics over at least twice the horizon, at most
 *     1024 steps)
 * @param shingleSize how many consecutive steps Random Cut Forest sees as one point, 1 to 64
 * @param numberOfTrees trees of the forest, 5 to 200; the cost of a forecast grows linearly with it
 * @param sampleSize points each tree keeps, 32 to 1024
 * @param outputAfterSteps steps a new forecaster must see before it forecasts, from the shingle
 *     size to the sample size
 * @param transformDecay how fast the running mean, deviation and drift that normalize the series
 *     forget, per step, 0.001 to 0.5 (1/64: the drift of the last hour or so counts most)
 * @param bandCoverage the share of actual values the interval should hold, 0.5 to 0.99 (0.8: the
 *     10th to the 90th percentile of past errors)
 * @param errorWindowSteps how many past errors per step ahead calibrate the interval, 20 to 2000
 * @param minErrorSamples errors a step ahead needs before its interval is calibrated, 5 to the
 *     error window
 * @param maxGapSteps the longest run of missing steps that is filled by a straight line between
 *     its neighbours, 0 to 10000; after a longer gap the forecaster starts again
 * @param maxHistorySteps the most steps of recorded history replayed when a forecaster is built,
 *     from the steps it needs before forecasting to 100000; the cost of a start grows with it
 * @param randomSeed the forest's seed, so that a forecast can be reproduced
 */
public record ForecastSettings(long stepMs, StepAggregation aggregation, int horizonSteps, int shingleSize, int numberOfTrees,
        int sampleSize, int outputAfterSteps, double transformDecay, double bandCoverage, int errorWindowSteps, int minErrorSamples, int maxGapSteps,
        int maxHistorySteps, long randomSeed) {

    /** The longest horizon, in steps. */
    public static final int MAX_HORIZON_STEPS = 500;

    private static final long DAY_MS = 86_400_000L;

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the first setting out of its bounds
     */
    public ForecastSettings {
        if (aggregation == null) {
            throw new IllegalArgumentException("forecast setting aggregation must be one of mean, last; was not set");
        }
        check("stepMs", stepMs, 1000, DAY_MS);
        check("horizonSteps", horizonSteps, 1, MAX_HORIZON_STEPS);
        check("shingleSize", shingleSize, 1, 64);
        check("numberOfTrees", numberOfTrees, 5, 200);
        check("sampleSize", sampleSize, 32, 1024);
        check("outputAfterSteps", outputAfterSteps, shingleSize, sampleSize);
        if (!(transformDecay >= 0.001 && transformDecay <= 0.5)) {
            throw new IllegalArgumentException("forecast setting transformDecay must be within 0.001 to 0.5, was " + transformDecay);
        }
        if (!(bandCoverage >= 0.5 && bandCoverage <= 0.99)) {
            throw new IllegalArgumentException("forecast setting bandCoverage must be within 0.5 to 0.99, was " + bandCoverage);
        }
        check("errorWindowSteps", errorWindowSteps, 20, 2000);
        check("minErrorSamples", minErrorSamples, 5, errorWindowSteps);
        check("maxGapSteps", maxGapSteps, 0, 10_000);
        check("maxHistorySteps", maxHistorySteps, outputAfterSteps, 100_000);
    }

    /**
     * One-minute steps (the store's one-minute rows line up with them), a horizon of 120 steps (two
     * hours: exhaustion that matters is tens of minutes to hours away), shingles of 8 steps, 20 trees
     * of 256 points (the accuracy of 30 or 50 trees was within a few percent, at 1.5 to 2.5 times
     * the cost), forecasts after 32 steps, a transform decay of 1/64 (RCF's default 1/256 followed
     * a leak that starts a tenth worse, 1/16 and faster lost on sawtooth and cyclic series), an 80%
     * interval from the last 200 errors per step ahead (calibrated after 20), gaps of up to 10 steps
     * filled, and 6 hours of history replayed at a start.
     */
    public static ForecastSettings defaults() {
        return new ForecastSettings(60_000, StepAggregation.MEAN, 120, 8, 20, 256, 32, 1.0 / 64, 0.8, 200, 20, 10, 360, 42);
    }

    /** These settings with another step and aggregation. */
    public ForecastSettings withStep(long newStepMs, StepAggregation newAggregation) {
        return new ForecastSettings(newStepMs, newAggregation, horizonSteps, shingleSize, numberOfTrees, sampleSize, outputAfterSteps,
                transformDecay, bandCoverage, errorWindowSteps, minErrorSamples, maxGapSteps, maxHistorySteps, randomSeed);
    }

    /** These settings with another horizon. */
    public ForecastSettings withHorizonSteps(int newHorizonSteps) {
        return new ForecastSettings(stepMs, aggregation, newHorizonSteps, shingleSize, numberOfTrees, sampleSize, outputAfterSteps,
                transformDecay, bandCoverage, errorWindowSteps, minErrorSamples, maxGapSteps, maxHistorySteps, randomSeed);
    }

    /** These settings with other limits on gaps and on the history replayed at a start. */
    public ForecastSettings withHistory(int newMaxGapSteps, int newMaxHistorySteps) {
        return new ForecastSettings(stepMs, aggregation, horizonSteps, shingleSize, numberOfTrees, sampleSize, outputAfterSteps,
                transformDecay, bandCoverage, errorWindowSteps, minErrorSamples, newMaxGapSteps, newMaxHistorySteps, randomSeed);
    }

    /** How far ahead a forecast reaches, in milliseconds. */
    public long horizonMs() {
        return horizonSteps * stepMs;
    }

    /** The lower quantile of past errors that makes the interval's lower edge (0.1 for an 80% band). */
    public double lowerQuantile() {
        return (1 - bandCoverage) / 2;
    }

    /** The settings in one line, for reports: what was run. */
    public String describe() {
        return String.format(Locale.ROOT,
                "RCFCaster (NORMALIZE, transform decay %.4f, calibration SIMPLE) on %s of %d s steps, horizon %d steps, shingle %d,"
                        + " %d trees x %d samples, forecasts after %d steps; %.0f%% interval from the last %d errors per step ahead",
                transformDecay, aggregation.name().toLowerCase(Locale.ROOT), stepMs / 1000, horizonSteps, shingleSize, numberOfTrees, sampleSize,
                outputAfterSteps, bandCoverage * 100, errorWindowSteps);
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("forecast setting " + name + " must be within " + min + " to " + max + ", was " + value);
        }
    }
}
