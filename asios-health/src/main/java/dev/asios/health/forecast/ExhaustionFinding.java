package dev.asios.health.forecast;

import java.util.OptionalDouble;

/**
 * When a quantity reaches its limit, as a sentence and as numbers, for the agent's findings and
 * API. Times are seconds from {@code atMs}, the end of the last step the forecast knows.
 *
 * @param targetId the {@link ForecastTarget#id()}
 * @param status what the forecast says
 * @param text the sentence: {@code node 1 memory exhausted in ~40 min at this rate (80% band 25–70 min)}
 * @param atMs the end of the last step the forecast knows (or the last sample, without a forecast),
 *     in milliseconds since the epoch; {@link Long#MIN_VALUE} before any sample
 * @param currentValue the last step's value, in {@code unit}; empty before any step
 * @param limit the limit, in {@code unit}; empty when not known
 * @param unit the quantity's unit
 * @param secondsToLimit when the point forecast reaches the limit; empty if not within the horizon
 * @param bandEarliestSeconds when the interval's near edge reaches the limit (the upper edge of a
 *     rising quantity); empty if not within the horizon or without an interval
 * @param bandLatestSeconds when the interval's far edge reaches it; empty if not within the horizon
 *     or without an interval
 * @param horizonSeconds how far the forecast reaches
 * @param bandCoverage the share of actual values the interval is meant to hold (0.8)
 * @param bandCalibrated whether every step ahead of the interval is calibrated from past errors of
 *     its own (otherwise far steps are scaled from near ones, or there is no interval)
 * @param historyNeededSeconds for {@link ExhaustionStatus#NOT_ENOUGH_HISTORY}, how much more history
 *     the forecaster needs; 0 otherwise
 */
public record ExhaustionFinding(String targetId, ExhaustionStatus status, String text, long atMs, OptionalDouble currentValue,
        OptionalDouble limit, String unit, OptionalDouble secondsToLimit, OptionalDouble bandEarliestSeconds,
        OptionalDouble bandLatestSeconds, long horizonSeconds, double bandCoverage, boolean bandCalibrated, long historyNeededSeconds) {
}
