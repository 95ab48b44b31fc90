package dev.asios.health.forecast;

import java.util.Optional;

/**
 * How well a live target's forecaster does on its own recorded history: the older half learned,
 * the newer half held back and forecast {@link #HORIZON_STEPS} steps ahead step by step
 * ({@link WalkForwardEvaluation}), scored against what was recorded and against the naive
 * forecast. The agent checks each target when it starts and again as history grows. Immutable.
 *
 * @param targetId the {@link ForecastTarget#id()}
 * @param checkedAtMs when it was checked, milliseconds since the epoch
 * @param report the scores; empty when the history was too short to score
 * @param unavailable why there is no report (how much history it needs); empty with a report
 */
public record HeldBackAccuracy(String targetId, long checkedAtMs, Optional<AccuracyReport> report, String unavailable) {

    /** How far ahead forecasts are scored: 30 steps, half an hour at the default one-minute step. */
    public static final int HORIZON_STEPS = 30;

    /** The share of the history learned before forecasts are scored. */
    public static final double TRAIN_FRACTION = 0.5;

    /**
     * Checks {@code settings} on {@code history}, in the caller's thread (about a second for six
     * hours of one-minute steps).
     */
    public static HeldBackAccuracy check(String targetId, TimedValues history, ForecastSettings settings, long nowMs) {
        int horizon = Math.min(HORIZON_STEPS, settings.horizonSteps());
        if (history.size() == 0) {
            return new HeldBackAccuracy(targetId, nowMs, Optional.empty(), "no recorded history yet");
        }
        try {
            return new HeldBackAccuracy(targetId, nowMs, Optional.of(WalkForwardEvaluation.evaluate(history, settings, TRAIN_FRACTION, horizon)), "");
        } catch (IllegalArgumentException e) {
            return new HeldBackAccuracy(targetId, nowMs, Optional.empty(), e.getMessage());
        }
    }
}
