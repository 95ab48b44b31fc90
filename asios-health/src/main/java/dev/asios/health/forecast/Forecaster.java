package dev.asios.health.forecast;

import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.ForecastDescriptor;
import com.amazon.randomcutforest.parkservices.RCFCaster;
import com.amazon.randomcutforest.parkservices.config.Calibration;
import java.util.Optional;

/**
 * Forecasts one quantity: samples go into steps ({@link StepAggregator}), each completed step into
 * Random Cut Forest's {@link RCFCaster}, which makes the point forecast, and into {@link ErrorBands},
 * which makes the interval from the caster's own past errors.
 *
 * <p>The caster runs with the {@code NORMALIZE} transform: in RCF 4.4.0 it normalizes by a
 * discounted mean and deviation and adds the discounted mean of one-step differences, times the
 * steps ahead, back to the forecast, so it follows a ramp (a leak) without differencing the
 * series; {@code NORMALIZE_DIFFERENCE} followed ramps less closely and doubled the error on flat
 * noisy series in our walk-forward tests. Calibration {@code SIMPLE} lets the caster correct its
 * point forecast by its mean error per step ahead, which followed a leak that starts better than
 * {@code MINIMAL} (no correction) did.
 *
 * <p>A forecaster starts from recorded history ({@link #fromHistory}); it forecasts once it has seen
 * {@link ForecastSettings#outputAfterSteps()} steps ({@link #stepsNeeded()} says how many more).
 * Missing steps are filled by a straight line up to {@link ForecastSettings#maxGapSteps()}; after a
 * longer gap the forecaster starts again, because what came before no longer says how the series
 * moves now. Not thread-safe: one owner feeds and reads it ({@link ForecastWatch} adds the locking).
 */
public final class Forecaster {

    private final ForecastSettings settings;
    private final StepAggregator aggregator;
    private final StepAggregator.StepSink sink = this::acceptStep;
    private RCFCaster caster;
    private ErrorBands bands;
    private int stepsSinceStart;
    private long lastStepIndex = Long.MIN_VALUE;
    private double lastStepValue;
    private float[] latestPoint;
    private Forecast latest;
    private int restarts;
    private long imputedSteps;

    Forecaster(ForecastSettings settings) {
        this.settings = settings;
        this.aggregator = new StepAggregator(settings.stepMs(), settings.aggregation());
        start();
    }

    /**
     * A forecaster that has learned the last {@link ForecastSettings#maxHistorySteps()} steps of
     * {@code history}: the way every forecaster starts, so that it needs no state of its own on
     * disk. The last, incomplete step of the history stays pending and the first live samples
     * complete it; live samples at or before the history's last are ignored. Costs about one
     * {@link #add} that completes a step per step replayed.
     *
     * @param history the recorded series, possibly empty
     */
    public static Forecaster fromHistory(ForecastSettings settings, TimedValues history) {
        Forecaster forecaster = new Forecaster(settings);
        int n = history.size();
        if (n > 0) {
            long fromMs = history.epochMs(n - 1) - (settings.maxHistorySteps() + 1) * settings.stepMs();
            for (int i = 0; i < n; i++) {
                if (history.epochMs(i) > fromMs) {
                    forecaster.add(history.epochMs(i), history.value(i));
                }
            }
        }
        return forecaster;
    }

    /**
     * Takes one sample (a round's value). When it completes a step, the caster learns the step
     * and the forecast is made again: that is the only expensive call, once per step.
     *
     * @return whether a step was completed and the forecast remade
     */
    public boolean add(long epochMs, double value) {
        return aggregator.add(epochMs, value, sink);
    }

    /** The forecast made after the last completed step; empty while the forecaster is still learning. */
    public Optional<Forecast> forecast() {
        if (latestPoint == null) {
            return Optional.empty();
        }
        if (latest == null) {
            int horizon = latestPoint.length;
            double[] point = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                point[i] = latestPoint[i];
            }
            double[] lower = new double[horizon];
            double[] upper = new double[horizon];
            int calibrated = bands.band(point, lower, upper);
            latest = new Forecast((lastStepIndex + 1) * settings.stepMs(), settings.stepMs(), lastStepValue, point, lower, upper, calibrated,
                    settings.bandCoverage());
        }
        return Optional.of(latest);
    }

    /** How many more steps the forecaster must see before it forecasts; 0 once it does. */
    public int stepsNeeded() {
        return latestPoint != null ? 0 : Math.max(1, settings.outputAfterSteps() - stepsSinceStart);
    }

    /** The settings. */
    public ForecastSettings settings() {
        return settings;
    }

    /** How often the forecaster started again after a gap longer than the settings allow. */
    public int restarts() {
        return restarts;
    }

    /** How many missing steps were filled by a straight line. */
    public long imputedSteps() {
        return imputedSteps;
    }

    /** The time of the last sample taken, in milliseconds since the epoch, or {@link Long#MIN_VALUE} before the first. */
    public long lastEpochMs() {
        return aggregator.lastEpochMs();
    }

    /** Learns one completed step: fills or restarts across a gap first. Steps at or before the last one are ignored. */
    void acceptStep(long stepIndex, double value) {
        if (lastStepIndex != Long.MIN_VALUE && stepIndex <= lastStepIndex) {
            return;
        }
        long missing = lastStepIndex == Long.MIN_VALUE ? 0 : stepIndex - lastStepIndex - 1;
        if (missing > settings.maxGapSteps()) {
            restarts++;
            start();
        } else {
            double from = lastStepValue;
            for (long k = 1; k <= missing; k++) {
                learn(lastStepIndex + 1, from + (value - from) * k / (missing + 1), true);
                imputedSteps++;
            }
        }
        learn(stepIndex, value, false);
    }

    private void learn(long stepIndex, double value, boolean imputed) {
        bands.observe(value, imputed);
        ForecastDescriptor descriptor = caster.process(new double[] {value}, stepIndex);
        stepsSinceStart++;
        lastStepIndex = stepIndex;
        lastStepValue = value;
        latest = null;
        if (caster.getForest().isOutputReady() && descriptor.getTimedForecast() != null) {
            latestPoint = descriptor.getTimedForecast().rangeVector.values.clone();
            bands.record(latestPoint);
        } else {
            latestPoint = null;
            bands.recordNone();
        }
    }

    private void start() {
        caster = RCFCaster.builder()
                .dimensions(settings.shingleSize())
                .shingleSize(settings.shingleSize())
                .internalShinglingEnabled(true)
                .numberOfTrees(settings.numberOfTrees())
                .sampleSize(settings.sampleSize())
                .outputAfter(settings.outputAfterSteps())
                .transformMethod(TransformMethod.NORMALIZE)
                .transformDecay(settings.transformDecay())
                .forecastHorizon(settings.horizonSteps())
                .calibration(Calibration.SIMPLE)
                .randomSeed(settings.randomSeed())
                .build();
        bands = new ErrorBands(settings.horizonSteps(), settings.errorWindowSteps(), settings.minErrorSamples(), settings.lowerQuantile());
        stepsSinceStart = 0;
        lastStepIndex = Long.MIN_VALUE;
        latestPoint = null;
        latest = null;
    }
}
