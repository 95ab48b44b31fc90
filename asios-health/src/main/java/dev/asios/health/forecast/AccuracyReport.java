package dev.asios.health.forecast;

import java.util.Locale;

/**
 * How well a forecaster did on held-back recorded history ({@link WalkForwardEvaluation}), at one
 * horizon. Errors are in the series' unit.
 *
 * @param method what forecast: the settings in words
 * @param data what it was run on: samples, span, steps
 * @param steps the steps of the series
 * @param trainSteps the first steps, learned before any forecast was scored
 * @param origins the forecasts scored: one per held-back step with an actual {@code horizonSteps} later
 * @param originsWithBand of them, those that had an interval (only they count for the coverage)
 * @param horizonSteps how many steps ahead each forecast was scored
 * @param stepMs the step, in milliseconds
 * @param mae the mean absolute error of the forecasts
 * @param naiveMae the mean absolute error of the naive forecast (the value at the origin) at the same horizon
 * @param inSampleNaiveMae the mean absolute one-step change over the training steps: the scale of MASE
 * @param mase {@code mae / inSampleNaiveMae}: the mean absolute scaled error as Hyndman and Koehler
 *     define it; NaN if the training steps never change
 * @param ratioToNaive {@code mae / naiveMae}: below 1 the forecaster beats the naive forecast at
 *     this horizon; NaN if the naive forecast is exact
 * @param coverage the share of actuals inside the interval
 * @param nominalCoverage the share the interval is meant to hold
 * @param meanBandWidth the interval's mean width
 */
public record AccuracyReport(String method, String data, int steps, int trainSteps, int origins, int originsWithBand, int horizonSteps,
        long stepMs, double mae, double naiveMae, double inSampleNaiveMae, double mase, double ratioToNaive, double coverage,
        double nominalCoverage, double meanBandWidth) {

    /** The report as text: method, data, the raw numbers, then the ratio against naive. */
    public String format() {
        return String.join(System.lineSeparator(),
                "method:   " + method,
                "data:     " + data,
                String.format(Locale.ROOT, "scored:   %d forecasts %d steps (%s) ahead, from the held-back %d of %d steps; %d with an interval",
                        origins, horizonSteps, Quantities.duration(horizonSteps * stepMs / 1000.0), steps - trainSteps, steps, originsWithBand),
                String.format(Locale.ROOT, "MAE %s, naive (last value) MAE %s, in-sample one-step naive MAE %s", number(mae), number(naiveMae),
                        number(inSampleNaiveMae)),
                String.format(Locale.ROOT, "MASE %s; interval coverage %.3f (nominal %.2f), mean width %s", number(mase), coverage, nominalCoverage,
                        number(meanBandWidth)),
                String.format(Locale.ROOT, "ratio of MAE to naive MAE at %d steps: %s (%s)", horizonSteps, number(ratioToNaive),
                        Double.isNaN(ratioToNaive) ? "naive is exact" : ratioToNaive < 1 ? "better than naive" : "not better than naive"));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4g", value);
    }
}
