/**
 * Forecasting: when a used quantity (memory of a NUMA node or a run, a hugepage pool, the disk of a
 * checkpoint directory, GPU memory) reaches its capacity, or a temperature its threshold.
 *
 * <p>The path of one quantity: samples every round (one a second) go through a
 * {@link dev.asios.health.forecast.StepAggregator} into coarse steps (one a minute by default,
 * {@link dev.asios.health.forecast.ForecastSettings}); a {@link dev.asios.health.forecast.Forecaster}
 * feeds each step to Random Cut Forest's {@code RCFCaster} for the point forecast and to
 * {@link dev.asios.health.forecast.ErrorBands} for an interval made from its own past errors, and
 * hands out a {@link dev.asios.health.forecast.Forecast}; {@link dev.asios.health.forecast.Exhaustion}
 * turns a forecast and a limit into an {@link dev.asios.health.forecast.ExhaustionFinding} ("node 1
 * memory exhausted in ~40 min at this rate (80% band 25–70 min)"). A
 * {@link dev.asios.health.forecast.ForecastWatch} keeps one forecaster per
 * {@link dev.asios.health.forecast.ForecastTarget} for the agent.
 *
 * <p>Forecasters start from recorded history ({@link dev.asios.health.forecast.TimedValues}, read
 * from the agent's store) and need no state of their own on disk. How good they are is measured,
 * not claimed: {@link dev.asios.health.forecast.WalkForwardEvaluation} replays a recorded series and
 * reports MAE, MASE, the ratio to the naive last-value forecast and the interval coverage, also as a
 * command ({@link dev.asios.health.forecast.ForecastAccuracyMain}) on a CSV of {@code epoch_ms,value}.
 */
package dev.asios.health.forecast;
