package dev.asios.health.forecast;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Walk-forward evaluation on a recorded series: the series is aggregated to steps as a
 * {@link Forecaster} would; the forecaster learns the first steps (the training part), then at each
 * later step (an origin) forecasts and then learns that step, exactly as it does live. Each origin's
 * forecast {@code h} steps ahead is scored against the actual step: absolute error, the naive
 * forecast's error (the value at the origin), and whether the actual is inside the interval. The
 * scale of MASE is the mean absolute one-step change over the training part (Hyndman and Koehler's
 * definition); an origin whose actual step is missing (a gap) is not scored. Thread-safe: it keeps
 * no state.
 */
public final class WalkForwardEvaluation {

    private WalkForwardEvaluation() {
    }

    /**
     * Evaluates {@code settings} on {@code series}.
     *
     * @param trainFraction the share of the steps learned before scoring, above 0 and below 1
     * @param horizonSteps the steps ahead to score, 1 to the settings' horizon
     * @throws IllegalArgumentException if an argument is out of bounds, or the series is too short
     *     for the training part to reach the first forecast and the held-back part to span the horizon
     */
    public static AccuracyReport evaluate(TimedValues series, ForecastSettings settings, double trainFraction, int horizonSteps) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("the training fraction must be above 0 and below 1, was " + trainFraction);
        }
        if (horizonSteps < 1 || horizonSteps > settings.horizonSteps()) {
            throw new IllegalArgumentException("the evaluated horizon must be within 1 to " + settings.horizonSteps() + " steps, was " + horizonSteps);
        }
        Steps steps = Steps.of(series, settings);
        int train = (int) Math.ceil(steps.count * trainFraction);
        if (train < settings.outputAfterSteps() || steps.count - train < horizonSteps) {
            throw new IllegalArgumentException("the series has " + steps.count + " steps of " + Quantities.duration(settings.stepMs() / 1000.0)
                    + "; it needs " + settings.outputAfterSteps() + " to learn before the first forecast and " + horizonSteps
                    + " held back after them (training fraction " + trainFraction + "): record a longer series");
        }
        Scores scores = new Scores();
        Forecaster forecaster = new Forecaster(settings);
        for (int i = 0; i < steps.count; i++) {
            forecaster.acceptStep(steps.index[i], steps.value[i]);
            int actual = i >= train - 1 && i + 1 < steps.count
                    ? Arrays.binarySearch(steps.index, i + 1, steps.count, steps.index[i] + horizonSteps)
                    : -1;
            Optional<Forecast> forecast = actual >= 0 ? forecaster.forecast() : Optional.empty();
            if (forecast.isPresent()) {
                scores.add(forecast.get(), horizonSteps - 1, steps.value[i], steps.value[actual]);
            }
        }
        if (scores.origins == 0) {
            throw new IllegalArgumentException("no forecast could be scored: the held-back steps have no actual " + horizonSteps
                    + " steps after a forecast (gaps?), or the forecaster restarted after a long gap and never forecast again");
        }
        double inSample = steps.inSampleNaiveMae(train);
        double mae = scores.absError / scores.origins;
        double naive = scores.naiveAbsError / scores.origins;
        return new AccuracyReport(settings.describe(), describe(series, steps, train), steps.count, train, scores.origins, scores.withBand,
                horizonSteps, settings.stepMs(), mae, naive, inSample, ratio(mae, inSample), ratio(mae, naive),
                scores.withBand == 0 ? Double.NaN : (double) scores.inside / scores.withBand, settings.bandCoverage(),
                scores.withBand == 0 ? Double.NaN : scores.width / scores.withBand);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    private static String describe(TimedValues series, Steps steps, int train) {
        int n = series.size();
        return n + " samples, " + Instant.ofEpochMilli(series.epochMs(0)) + " to " + Instant.ofEpochMilli(series.epochMs(n - 1)) + " ("
                + Quantities.duration((series.epochMs(n - 1) - series.epochMs(0)) / 1000.0) + "), " + steps.count + " steps with data; trained on the first "
                + train;
    }

    /** The sums over the scored origins. */
    private static final class Scores {
        int origins;
        int withBand;
        int inside;
        double absError;
        double naiveAbsError;
        double width;

        void add(Forecast forecast, int ahead, double atOrigin, double actual) {
            origins++;
            absError += Math.abs(forecast.value(ahead) - actual);
            naiveAbsError += Math.abs(atOrigin - actual);
            if (forecast.hasBand()) {
                withBand++;
                width += forecast.upper(ahead) - forecast.lower(ahead);
                if (actual >= forecast.lower(ahead) && actual <= forecast.upper(ahead)) {
                    inside++;
                }
            }
        }
    }

    /** The series as steps with data: their indices (increasing) and values. */
    private static final class Steps implements StepAggregator.StepSink {
        long[] index = new long[64];
        double[] value = new double[64];
        int count;

        static Steps of(TimedValues series, ForecastSettings settings) {
            Steps steps = new Steps();
            StepAggregator aggregator = new StepAggregator(settings.stepMs(), settings.aggregation());
            for (int i = 0; i < series.size(); i++) {
                aggregator.add(series.epochMs(i), series.value(i), steps);
            }
            aggregator.flush(steps);
            return steps;
        }

        @Override
        public void step(long stepIndex, double stepValue) {
            if (count == index.length) {
                index = Arrays.copyOf(index, count * 2);
                value = Arrays.copyOf(value, count * 2);
            }
            index[count] = stepIndex;
            value[count++] = stepValue;
        }

        /** The mean absolute change between consecutive steps of the first {@code train}. */
        double inSampleNaiveMae(int train) {
            double sum = 0;
            int pairs = 0;
            for (int k = 1; k < train; k++) {
                if (index[k] - index[k - 1] == 1) {
                    sum += Math.abs(value[k] - value[k - 1]);
                    pairs++;
                }
            }
            return pairs == 0 ? Double.NaN : sum / pairs;
        }
    }
}
